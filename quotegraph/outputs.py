"""A build's output folder, changed all at once or not at all.

Each build writes a complete generation into ``OUTDIR/.generations/<id>/``. When every file is written,
one atomic rename switches the symbolic link ``OUTDIR/.current`` to it; the files users open
(``OUTDIR/graph.html`` and friends) are links through ``.current``, so they all change together. A build
killed at any moment leaves ``.current`` on the last complete generation: readers and ``build --add``
only ever see complete builds. The next build removes what a killed one left behind. A lock file keeps
two builds out of one folder (the second is refused at once, with the holder's pid).

``QUOTEGRAPH_FAULT_AT=<point>`` kills the process at a named point (see :func:`checkpoint`): the crash
tests use it instead of timing a kill.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import signal
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

GENERATIONS = ".generations"
CURRENT = ".current"
LOCK = ".lock"
FAULT_ENV = "QUOTEGRAPH_FAULT_AT"


class BuildLocked(RuntimeError):
    """Another build is writing to the same output folder."""


def checkpoint(point: str) -> None:
    """Fault injection for the crash tests: SIGKILL this process at ``point`` when asked to."""
    if os.environ.get(FAULT_ENV) == point:
        os.kill(os.getpid(), signal.SIGKILL)


@contextlib.contextmanager
def build_lock(outdir: Path) -> Iterator[None]:
    """Hold ``OUTDIR/.lock`` (an advisory ``flock``, released by the kernel when the process dies)."""
    import fcntl

    outdir.mkdir(parents=True, exist_ok=True)
    fd = os.open(outdir / LOCK, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode(errors="replace").strip() or "?"
            raise BuildLocked(f"another build (pid {holder}) is writing to {outdir}; try again when it ends") from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)


def current(outdir: Path) -> Path | None:
    """The folder of the last complete build: the current generation, or ``outdir`` itself for a build
    made before generations (plain files); None when there is none."""
    link = outdir / CURRENT
    if link.is_symlink() and link.resolve().is_dir():
        return link.resolve()
    if (outdir / "statements.jsonl").is_file() and not (outdir / "statements.jsonl").is_symlink():
        return outdir
    return None


def clean_leftovers(outdir: Path) -> None:
    """Remove what a killed build left: generations other than the current one, temporary files."""
    keep = (outdir / CURRENT).resolve() if (outdir / CURRENT).is_symlink() else None
    gens = outdir / GENERATIONS
    if gens.is_dir():
        for gen in gens.iterdir():
            if gen.resolve() != keep:
                log.info("removing an unfinished or old build: %s", gen)
                shutil.rmtree(gen, ignore_errors=True)
    for tmp in outdir.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            tmp.unlink()


def new_generation(outdir: Path) -> Path:
    gen = outdir / GENERATIONS / f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    gen.mkdir(parents=True)
    return gen


def _replace_link(link: Path, target: str) -> None:
    tmp = link.with_name(f".{link.name}.{os.getpid()}.tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, link)


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def publish(outdir: Path, gen: Path) -> None:
    """Make ``gen`` the current build: one atomic rename of ``.current``; then every file of it gets its
    link in ``outdir`` (a link is never changed again once made: it points through ``.current``)."""
    _fsync_dir(gen)
    _adopt_plain_build(outdir)
    previous = (outdir / CURRENT).resolve() if (outdir / CURRENT).is_symlink() else None
    checkpoint("before-switch")
    _replace_link(outdir / CURRENT, os.path.relpath(gen, outdir))
    _fsync_dir(outdir)
    checkpoint("after-switch")
    try:
        _link_outputs(outdir, gen)
    except OSError as err:  # the build is current already: a missing link is made by the next build
        log.warning("build %s is current, but a link in %s could not be made (%s)", gen.name, outdir, err)
    if previous is not None and previous != gen.resolve():
        shutil.rmtree(previous, ignore_errors=True)


RAW = ".statements-raw.jsonl"
_PLAIN = ("statements.jsonl", "graph.ttl", "graph.gexf", "graph.html", "report.json")


def _plain_outputs(outdir: Path) -> list[Path]:
    """The outputs of a build made before generations, plain files beside each other: those its
    ``report.json`` names (never another file of the folder), and the statements kept for ``--add``."""
    names = set(_PLAIN)
    with contextlib.suppress(OSError, ValueError, AttributeError):
        if not (outdir / "report.json").is_symlink():
            listed = json.loads((outdir / "report.json").read_text("utf-8")).get("outputs", {})
            names |= {Path(str(v)).name for v in listed.values()}
    return sorted(p for p in (outdir / n for n in (*names, RAW)) if p.is_file() and not p.is_symlink())


def _adopt_plain_build(outdir: Path) -> None:
    """A folder built before generations becomes a generation of its own before anything replaces it,
    so that no moment shows files of two builds: its files are hard-linked into a generation,
    ``.current`` is switched to it, then each plain file is replaced by its link (same content) in one
    rename. A kill half-way is finished by the next build, before it switches."""
    plain = _plain_outputs(outdir)
    if not plain:
        return
    if not (outdir / CURRENT).is_symlink():
        gen = new_generation(outdir)
        for path in plain:
            try:
                os.link(path, gen / path.name)
            except OSError:
                shutil.copy2(path, gen / path.name)
        _fsync_dir(gen)
        _replace_link(outdir / CURRENT, os.path.relpath(gen, outdir))
        _fsync_dir(outdir)
        checkpoint("adopted")
    held = (outdir / CURRENT).resolve()
    for path in plain:
        if not (held / path.name).is_file():
            continue  # not part of the adopted build: left alone
        if path.name.startswith("."):
            path.unlink()  # the generation holds it: --add reads it there
        else:
            _replace_link(path, f"{CURRENT}/{path.name}")
            checkpoint(f"adopted-{path.name}")


def _link_outputs(outdir: Path, gen: Path) -> None:
    """Every file of ``gen`` gets its link ``outdir/<name>`` -> ``.current/<name>``."""
    names = {p.name for p in gen.iterdir() if not p.name.startswith(".")}
    for name in sorted(names):
        link = outdir / name
        target = f"{CURRENT}/{name}"
        if not (link.is_symlink() and os.readlink(link) == target):
            _replace_link(link, target)  # a plain file of an older build becomes a link, atomically
            checkpoint(f"linked-{name}")
    for link in outdir.iterdir():  # outputs this build did not write (an RDF format not asked again)
        if link.is_symlink() and os.readlink(link).startswith(f"{CURRENT}/") and link.name not in names:
            link.unlink()


def discard(gen: Path) -> None:
    """Remove an unfinished generation (a build that failed before it was switched in)."""
    shutil.rmtree(gen, ignore_errors=True)
