"""Reading articles from files: text, HTML, JSON and JSON Lines.

Every input comes out either as an :class:`~extract.model.Article` or as a :class:`ReadFailure` that
says why it was skipped or failed; nothing raises out of :func:`read_all`, so a batch always goes on.
Offsets stay in the original text: boilerplate, the title line and a body printed twice are not cut
out but listed in ``Article.skip`` (``Article.body`` blanks them).
"""

from __future__ import annotations

import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from quotegraph.extract.model import Article
from quotegraph.extract.reading.sources import detect_outlet, detect_published
from quotegraph.extract.text import DOUBLE_QUOTE_MARKS, resource_yaml

log = logging.getLogger(__name__)

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
SIDECAR = "metadata.json"
MAX_BYTES = 50_000_000


@dataclass(frozen=True)
class ReadFailure:
    """An input that gave no article: ``status`` is "skipped" (nothing to read) or "failed"."""

    path: str
    name: str
    status: str
    reason: str


class ReadError(Exception):
    """Raised inside the reader for one input; turned into a :class:`ReadFailure`."""

    def __init__(self, reason: str, status: str = "failed") -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


# -- finding inputs -------------------------------------------------------------------------------
def iter_inputs(paths: Iterable[str | Path]) -> Iterator[tuple[Path, str | None]]:
    """Every path named, and every path below a folder named (recursive, sorted), each with the reason it
    is not read (None: read it). Nothing is left out silently: hidden files, the metadata sidecar,
    dangling symbolic links, FIFOs and other special files each come with their reason (a hidden folder
    once, not each file in it); a FIFO is never opened; a folder that cannot be listed (no permission)
    comes with the reason (see :data:`FOLDER_FAILED`) instead of vanishing with its articles."""
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path, _special(path)
            continue
        yield from _walk(path, path)


FOLDER_FAILED = "cannot list folder"
"""The start of the reason given for a folder that could not be listed (a failure, not a skip)."""


def _walk(root: Path, folder: Path) -> Iterator[tuple[Path, str | None]]:
    """The entries below ``folder``, depth first, each folder's entries sorted by name (the order of
    ``sorted(root.rglob("*"))``); symbolic links to folders are not followed, hidden folders not entered."""
    try:
        with os.scandir(folder) as listing:
            names = sorted(entry.name for entry in listing)
    except OSError as err:
        yield folder, f"{FOLDER_FAILED}: {err.strerror or err}; its files are not read"
        return
    for name in names:
        child = folder / name
        if child.is_dir() and not child.is_symlink():
            if name.startswith("."):
                yield child, "hidden folder (name starts with a dot): not read"
            else:
                yield from _walk(root, child)
        elif name.startswith("."):
            yield child, "hidden file (name starts with a dot): not read; name it to read it"
        elif name == SIDECAR and child.is_file():
            yield child, SIDECAR_READ
        elif child.is_dir():
            yield child, "symbolic link to a folder: not followed"
        else:
            yield child, _special(child)


SIDECAR_READ = "metadata sidecar: read as metadata of the articles beside it"


def _special(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file, or None."""
    import stat

    if path.is_symlink() and not path.exists():
        return "dangling symbolic link"
    try:
        mode = path.stat().st_mode
    except OSError:
        return None  # reported by the reader (no such file, no permission)
    if stat.S_ISFIFO(mode):
        return "a FIFO (named pipe), not a file: not read"
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        return "not a regular file (socket or device): not read"
    return None


def iter_input_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """The paths :func:`read_all` reports on (see :func:`iter_inputs`)."""
    for path, _ in iter_inputs(paths):
        yield path


# -- decoding ----------------------------------------------------------------------------------------
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


def decode(data: bytes) -> str:
    """Decode bytes of text: BOMs, UTF-8, UTF-16 without BOM, then legacy single-byte encodings."""
    if not data.strip():
        raise ReadError("empty file", "skipped")
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            try:
                return _check_text(data.decode(codec))
            except UnicodeDecodeError as err:
                raise ReadError(f"undecodable {codec} text: {err.reason}") from err
    try:
        return _check_text(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    sample = data[:4096]
    if sample.count(0) > len(sample) // 4:
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        codec = "utf-16-le" if odd > even else "utf-16-be"
        try:
            return _check_text(data.decode(codec))
        except (UnicodeDecodeError, ReadError):
            raise ReadError("binary file (not text)") from None
    from charset_normalizer import from_bytes

    guess = from_bytes(data).best()
    if guess is None or guess.encoding is None:
        raise ReadError("binary file (not text)")
    return _check_text(str(guess))


def _check_text(text: str) -> str:
    sample = text[:20000]
    if sample and len(_CONTROL.findall(sample)) > max(3, len(sample) // 100):
        raise ReadError("binary file (not text)")
    if not text.strip():
        raise ReadError("empty file", "skipped")
    return text


# -- boilerplate, title and repeated bodies ----------------------------------------------------------
@dataclass(frozen=True)
class _LineRule:
    pattern: re.Pattern[str]
    max_length: int | None
    to_end: bool
    paragraph: bool = False


@lru_cache(maxsize=1)
def _rules() -> tuple[_LineRule, ...]:
    data = resource_yaml("boilerplate.yaml")
    return tuple(
        _LineRule(re.compile(r["pattern"], re.I), r.get("max_length"), bool(r.get("to_end")), bool(r.get("paragraph")))
        for r in data["lines"]
    )


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, end excluding the newline."""
    spans, pos = [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.rstrip("\r\n")
        spans.append((pos, pos + len(stripped)))
        pos += len(line)
    return spans


def _is_boilerplate(line: str) -> _LineRule | None:
    s = line.strip().strip(DOUBLE_QUOTE_MARKS).strip()  # a transcript quotes every paragraph, footer lines too
    if not s:
        return None
    for rule in _rules():
        if rule.max_length and len(s) > rule.max_length:
            continue
        if rule.pattern.fullmatch(s):
            return rule
    return None


_WORD = re.compile(r"\w+")


def _shingles(text: str, n: int = 6) -> set[tuple[str, ...]]:
    words = _WORD.findall(unicodedata.normalize("NFKC", text).lower())
    return {tuple(words[i : i + n]) for i in range(max(0, len(words) - n + 1))}


REPEAT_WORK = 64
"""Work allowed to repeated-line detection, in steps per word 6-gram of the article (a body printed
twice takes about 2): past it, the lines not yet looked at are judged by a simpler linear rule
(:func:`_later_copies`), so that no text costs more than a linear scan."""


def _line_groups(shingles: list[frozenset[tuple[str, ...]]]) -> tuple[list[int], list[list[int]]]:
    """Lines with the same 6-grams are one group (a group is a partner once, however many copies it has):
    each line's group (-1 for a line without 6-grams) and each group's lines in order."""
    group_of: list[int] = []
    groups: dict[frozenset[tuple[str, ...]], int] = {}
    members: list[list[int]] = []
    for i, sh in enumerate(shingles):
        g = groups.setdefault(sh, len(groups)) if sh else -1
        group_of.append(g)
        if g == len(members):
            members.append([])
        if g >= 0:
            members[g].append(i)
    return group_of, members


def _repeated_lines(text: str, lines: list[tuple[int, int]], skipped: set[int]) -> set[int]:
    """Lines of a body printed twice. A line whose word 6-grams mostly appear in other lines is one copy
    of repeated text; of the two copies, the less complete one (fewer distinct 6-grams) is returned.

    Linear in the text: lines with the same 6-grams are one group (every copy but the last is dropped:
    the last covers it), 6-grams are looked up by hash, and the work is capped (:data:`REPEAT_WORK`)."""
    shingles = [frozenset() if i in skipped else frozenset(_shingles(text[s:e])) for i, (s, e) in enumerate(lines)]
    group_of, members = _line_groups(shingles)
    sets = [shingles[m[0]] for m in members]
    owner: dict[tuple[str, ...], list[int]] = {}
    for g, sh in enumerate(sets):
        for gram in sh:
            owner.setdefault(gram, []).append(g)
    budget = REPEAT_WORK * sum(len(sh) for sh in sets) + 10_000
    drop: set[int] = set()
    dead = [False] * len(sets)  # every copy of the group is dropped

    def kill(g: int) -> None:
        dead[g] = True
        drop.update(members[g])

    for i, sh in enumerate(shingles):
        if i in drop or len(sh) < 4:
            continue
        g = group_of[i]
        if i != members[g][-1]:
            drop.add(i)  # a later copy of the same line covers it
            continue
        shared: dict[int, int] = {}
        for gram in sh:
            owners = owner[gram]
            budget -= len(owners)
            for h in owners:
                if h != g and not dead[h]:
                    shared[h] = shared.get(h, 0) + 1
        if budget < 0:
            return drop | _later_copies(shingles, i, drop)
        partners = [h for h, n in shared.items() if n >= 3]
        if not partners:
            continue
        covered = 0
        for gram in sh:
            budget -= len(owner[gram])
            if any(h in shared and shared[h] >= 3 for h in owner[gram]):
                covered += 1
        if covered < 0.5 * len(sh):
            continue
        if _union_reaches(sh, [sets[h] for h in partners]):
            kill(g)
        else:
            for h in partners:
                if shared[h] >= 0.5 * len(sets[h]):
                    kill(h)
        budget -= sum(len(sets[h]) for h in partners)
        if budget < 0:
            return drop | _later_copies(shingles, i + 1, drop)
    return drop


def _later_copies(shingles: list[frozenset[tuple[str, ...]]], first: int, drop: set[int]) -> set[int]:
    """Past the work limit (text made of thousands of near-copies of a line, never a news article): from
    line ``first`` on, a line most of whose 6-grams appear again in a later line is an earlier copy."""
    log.warning("repeated lines: work limit reached at line %d of %d; the rest by a simpler rule", first, len(shingles))
    last: dict[tuple[str, ...], int] = {}
    for i, sh in enumerate(shingles):
        if i not in drop:
            for gram in sh:
                last[gram] = i
    return {
        i
        for i in range(first, len(shingles))
        if i not in drop and len(shingles[i]) >= 4 and sum(last[g] > i for g in shingles[i]) >= 0.5 * len(shingles[i])
    }


def _union_reaches(sh: frozenset[tuple[str, ...]], others: list[frozenset[tuple[str, ...]]]) -> bool:
    """Whether the 6-grams of ``others`` together are at least as many as those of ``sh``."""
    if any(len(o) >= len(sh) for o in others):
        return True
    union: set[tuple[str, ...]] = set()
    for o in others:
        union |= o
        if len(union) >= len(sh):
            return True
    return False


def find_skips(text: str, *, title_line: bool = True) -> tuple[str | None, tuple[tuple[int, int], ...]]:
    """The title (first non-empty, non-boilerplate line) and the regions of ``text`` that are not body.
    ``title_line=False``: the text has no title line (a JSON article without a title)."""
    lines = _lines(text)
    skip_lines: set[int] = set()
    title: str | None = None
    title_key: str | None = None
    paragraph_until = -1
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        if i <= paragraph_until and line.strip():
            skip_lines.add(i)  # the rest of a boilerplate paragraph broken over several lines
            continue
        rule = _is_boilerplate(line)
        if rule is not None:
            if rule.to_end:
                skip_lines.update(range(i, len(lines)))
                break
            skip_lines.add(i)
            if rule.paragraph:
                paragraph_until = next(
                    (j for j in range(i + 1, len(lines)) if not text[slice(*lines[j])].strip()), len(lines)
                )
        elif line.strip():
            key = " ".join(line.split()).lower()
            if title is None and title_line:
                title, title_key = line.strip(), key
                skip_lines.add(i)
            elif key == title_key:
                skip_lines.add(i)  # the title printed again
    skip_lines |= _repeated_lines(text, lines, skip_lines)
    spans = []
    for i in sorted(skip_lines):
        s, e = lines[i]
        if e > s:
            if spans and spans[-1][1] >= s - 2 and text[spans[-1][1] : s].strip() == "":
                spans[-1] = (spans[-1][0], e)
            else:
                spans.append((s, e))
    return title, tuple(spans)


# -- language -----------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def guess_language(text: str) -> str | None:
    """ "en" when the text reads as English, "other" when it clearly does not, None when too short."""
    words = _WORD.findall(text[:20000].lower())
    letters = [w for w in words if not w.isdigit()]
    if len(letters) < 30:
        return None
    share = sum(1 for w in letters if w in _stop_words()) / len(letters)
    return "en" if share >= 0.15 else "other"


# -- formats ------------------------------------------------------------------------------------------
def _article(
    name: str,
    path: Path,
    text: str,
    *,
    title: str | None = None,
    meta: dict[str, Any] | None = None,
    title_line: bool = True,
) -> Article:
    meta = meta or {}
    detected_title, skip = find_skips(text, title_line=title_line)
    article = Article(name=name, text=text, path=str(path), skip=skip)
    body = article.body
    if not body.strip():
        raise ReadError("no article text (only a title or boilerplate)", "skipped")
    language = meta.get("language") or guess_language(body)
    if language not in (None, "en"):
        raise ReadError(f"not English (language: {language}); quotegraph reads English articles", "skipped")
    outlet = meta.get("outlet") or detect_outlet(text, url=meta.get("url"), site_name=meta.get("site_name"))
    published = meta.get("published") or detect_published(text, metadata_date=meta.get("date"))
    return replace(
        article,
        title=meta.get("title") or title or detected_title,
        outlet=outlet,
        published=published,
        url=meta.get("url"),
        language=language or "en",
    )


def _read_html(path: Path, raw: str, meta: dict[str, Any]) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False, favor_precision=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise ReadError("HTML without article text", "skipped")
    html_meta = {
        "title": getattr(doc, "title", None),
        "date": getattr(doc, "date", None),
        "url": getattr(doc, "url", None),
        "site_name": getattr(doc, "sitename", None),
    }
    title = html_meta["title"]
    if title and not text.startswith(title):
        return _with_title(path.name, path, title, text, {**{k: v for k, v in html_meta.items() if v}, **meta})
    return _article(
        path.name, path, text, meta={**{k: v for k, v in html_meta.items() if v}, **meta}, title_line=bool(title)
    )


def _with_title(name: str, path: Path, title: str, body: str, meta: dict[str, Any]) -> Article:
    """An article whose title comes apart from its main text: parsed as the title line, a blank line and
    the main text; its statements point into the main text (:attr:`Article.text_offset`)."""
    title = " ".join(title.split())
    article = _article(name, path, f"{title}\n\n{body}", meta={**meta, "title": meta.get("title") or title})
    return replace(article, text_offset=len(title) + 2)


# -- JSON records --------------------------------------------------------------------------------------
_URL_KEYS = ("href", "url", "@id")


def _field(record: dict[str, Any], key: str) -> str | None:
    """A metadata field as text, or None: a JSON article's fields come in any shape (a number, an object
    such as ``{"href": ...}`` for a URL, a list); one that is no text is left out with a note in the log,
    never allowed to fail the article or the file."""
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value or None
    if isinstance(value, dict):
        inner = next((value[k] for k in _URL_KEYS if isinstance(value.get(k), str)), None)
        if inner:
            return inner
    if isinstance(value, int | float) and not isinstance(value, bool) and key not in ("url", "title"):
        return str(value)
    log.info("ignoring the %s field of a JSON article: %s is not text", key, type(value).__name__)
    return None


def _from_record(record: Any, name: str, path: Path, meta: dict[str, Any]) -> Article:
    if not isinstance(record, dict):
        raise ReadError("JSON article is not an object")
    body = next((v for k in ("maintext", "text", "body", "content") if isinstance(v := record.get(k), str)), None)
    if body is None or not body.strip():
        raise ReadError("JSON article has no maintext/text", "skipped")
    title = _field(record, "title")
    rec_meta = {
        "title": title,
        "date": _field(record, "date_publish") or _field(record, "published") or _field(record, "date"),
        "url": _field(record, "url"),
        "site_name": _field(record, "source_domain") or _field(record, "outlet"),
        "language": _field(record, "language"),
    }
    merged = {**{k: v for k, v in rec_meta.items() if v}, **{k: v for k, v in meta.items() if isinstance(v, str)}}
    if title and title.strip():
        return _with_title(name, path, title, body, merged)
    return _article(name, path, body, meta=merged, title_line=False)


def _record_or_failure(record: Any, item: str, path: Path, meta: dict[str, Any], fail: Any) -> Article | ReadFailure:
    """One record of a JSON or JSONL file: a bad record is reported alone and never stops the file."""
    try:
        return _from_record(record, item, path, meta)
    except ReadError as err:
        return fail(err, item)
    except Exception as err:  # a record no reader rule foresaw: report it, read the next one
        log.warning("unexpected error reading %s: %s: %s", item, type(err).__name__, err)
        return ReadFailure(str(path), item, "failed", f"{type(err).__name__}: {err}")


@dataclass
class _Sidecar:
    """A folder's ``metadata.json``: per file name, its fields that are text; what was left out and why."""

    entries: dict[str, dict[str, str]]
    ignored: list[str]
    failure: str | None = None


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    return {dict: "an object", list: "a list"}.get(type(value), type(value).__name__)


def _load_sidecar(folder: Path, cache: dict[Path, _Sidecar]) -> _Sidecar:
    """The sidecar of ``folder``, read once. A field that is not text (``"outlet": 5``, ``"title": [...]``)
    is left out and listed; a sidecar that cannot be read at all is used as empty, with the reason."""
    if folder in cache:
        return cache[folder]
    side = folder / SIDECAR
    loaded = _Sidecar({}, [])
    if side.is_file():
        try:
            data = json.loads(side.read_text(encoding="utf-8"))
        except (OSError, ValueError, RecursionError) as err:
            reason = err.strerror if isinstance(err, OSError) and err.strerror else str(err) or type(err).__name__
            loaded.failure = f"not read ({reason})"
            log.warning("ignoring unreadable metadata sidecar %s: %s", side, reason)
            data = {}
        if not isinstance(data, dict):
            loaded.failure = f"not a JSON object of file names but {_kind(data)}"
            data = {}
        for name, fields in data.items():
            if not isinstance(fields, dict):
                loaded.ignored.append(f"{name} ({_kind(fields)}, not an object of fields)")
                continue
            entry: dict[str, str] = {}
            for key, value in fields.items():
                if isinstance(value, str):
                    entry[str(key)] = value
                elif value is not None:
                    loaded.ignored.append(f"{name} {key} ({_kind(value)}, not text)")
            loaded.entries[str(name)] = entry
        if loaded.ignored:
            log.warning("metadata sidecar %s: ignored %s", side, "; ".join(loaded.ignored))
    cache[folder] = loaded
    return loaded


def _sidecar(folder: Path, cache: dict[Path, _Sidecar]) -> dict[str, dict[str, str]]:
    """Per file name (or ``file.jsonl#N``), the sidecar fields of the files in ``folder`` (text only)."""
    return _load_sidecar(folder, cache).entries


def _sidecar_entry(path: Path, cache: dict[Path, _Sidecar]) -> ReadFailure:
    """The report entry of a sidecar: how it was used, what of it was left out and why."""
    loaded = _load_sidecar(path.parent, cache)
    if loaded.failure:
        return ReadFailure(str(path), path.name, "failed", f"metadata sidecar {loaded.failure}: not used")
    reason = SIDECAR_READ
    if loaded.ignored:
        more = len(loaded.ignored) - 8
        reason += f"; fields ignored: {'; '.join(loaded.ignored[:8])}" + (f"; and {more} more" if more > 0 else "")
    return ReadFailure(str(path), path.name, "skipped", reason)


# -- text cleaning at the boundary ---------------------------------------------------------------------
_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """``text`` with every lone surrogate (``\\ud800`` from a JSON escape, a byte of a file name that is
    not UTF-8) replaced by U+FFFD, one character for one: offsets stay, and nothing after the reader
    (cache, parser, outputs) ever meets a string that cannot be written as UTF-8."""
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def display_path(path: str | Path) -> str:
    """A path as text to show and store: a name that is not UTF-8 keeps its bytes readable as ``\\xff``."""
    text = str(path)
    if not _SURROGATE.search(text):
        return text
    try:
        return os.fsencode(text).decode("utf-8", "backslashreplace")
    except UnicodeError:
        return clean_text(text)


def _clean(item: Article | ReadFailure) -> Article | ReadFailure:
    """The one place where what leaves the reader is made safe text (see :func:`clean_text`)."""
    if isinstance(item, ReadFailure):
        return ReadFailure(display_path(item.path), display_path(item.name), item.status, clean_text(item.reason))

    def opt(value: Any) -> str | None:
        return clean_text(value) if isinstance(value, str) and value else None

    return replace(
        item,
        name=display_path(item.name),
        path=display_path(item.path),
        text=clean_text(item.text),
        title=opt(item.title),
        outlet=opt(item.outlet),
        published=opt(item.published),
        url=opt(item.url),
        language=opt(item.language),
        article_id=display_path(item.article_id),
    )


def source_path(path: Path) -> str:
    """A path as the user gave it, relative to the working directory when it is below it (POSIX form)."""
    import os

    try:
        return Path(os.path.relpath(path)).as_posix() if not path.is_absolute() else _below_cwd(path)
    except ValueError:  # another drive (Windows)
        return path.as_posix()


def _below_cwd(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return path.as_posix()


def _identify(item: Article | ReadFailure, path: Path) -> Article | ReadFailure:
    """An article's identity: its URL, else its path as given plus the record (``feed.jsonl#3``)."""
    if not isinstance(item, Article):
        return item
    record = item.name.partition("#")[2]
    url = item.url if item.url and re.match(r"(?i)https?://", item.url) else None
    return replace(item, article_id=url or source_path(path) + (f"#{record}" if record else ""))


def source_of(article: Article) -> str:
    """The input an article was read from: its path as given (relative to the working directory when
    below it) and, for a record of a JSON or JSON Lines file, ``#N``. It is the article's identity when
    it has no URL; two records sharing a URL are one article but two inputs."""
    record = article.name.partition("#")[2]
    return source_path(Path(article.path)) + (f"#{record}" if record else "")


def read_path(path: Path, *, sidecars: dict[Path, _Sidecar] | None = None) -> Iterator[Article | ReadFailure]:
    """Read one file; a ``.jsonl`` file gives one article per line. Each article has its identity
    (:attr:`Article.article_id`); every string of what comes out is clean text (:func:`clean_text`)."""
    for item in _read_path(path, sidecars=sidecars):
        yield _clean(_identify(item, path))


def _read_path(path: Path, *, sidecars: dict[Path, _Sidecar] | None = None) -> Iterator[Article | ReadFailure]:
    sidecars = {} if sidecars is None else sidecars
    suffix = path.suffix.lower()
    name = path.name

    def fail(err: ReadError | OSError, item: str = name) -> ReadFailure:
        if isinstance(err, ReadError):
            return ReadFailure(str(path), item, err.status, err.reason)
        return ReadFailure(str(path), item, "failed", f"cannot read file: {err.strerror or err}")

    if suffix not in SUFFIXES:
        yield ReadFailure(str(path), name, "skipped", f"unsupported file type {suffix or '(none)'}")
        return
    try:
        if not path.exists():
            raise ReadError("no such file")
        if path.stat().st_size > MAX_BYTES:
            raise ReadError(f"file larger than {MAX_BYTES // 1_000_000} MB", "skipped")
        raw = decode(path.read_bytes())
        meta = dict(_sidecar(path.parent, sidecars).get(name) or {})
        if suffix in TEXT_SUFFIXES:
            yield _article(name, path, raw, meta=meta)
        elif suffix in HTML_SUFFIXES:
            yield _read_html(path, raw, meta)
        elif suffix in JSON_SUFFIXES:
            try:
                record = json.loads(raw)
            except (json.JSONDecodeError, RecursionError) as err:
                raise ReadError(
                    f"broken JSON: {'nested too deeply' if isinstance(err, RecursionError) else err}"
                ) from err
            records = record if isinstance(record, list) else [record]
            for i, rec in enumerate(records):
                item = name if len(records) == 1 else f"{name}#{i + 1}"
                yield _record_or_failure(rec, item, path, meta, fail)
        else:
            # lines end at \n only: U+2028, U+0085 and friends are characters inside a JSON string
            for lineno, line in enumerate(raw.split("\n"), 1):
                if not line.strip():
                    continue
                item = f"{name}#{lineno}"
                try:
                    rec = json.loads(line)
                except (json.JSONDecodeError, RecursionError) as err:
                    reason = "nested too deeply" if isinstance(err, RecursionError) else str(err)
                    yield fail(ReadError(f"broken JSON on line {lineno}: {reason}"), item)
                    continue
                side = _sidecar(path.parent, sidecars).get(item)
                yield _record_or_failure(rec, item, path, dict(side) if isinstance(side, dict) else {}, fail)
    except (ReadError, OSError) as err:
        yield fail(err)
    except Exception as err:  # a reader bug must not stop the batch
        log.exception("unexpected error reading %s", path)
        yield ReadFailure(str(path), name, "failed", f"{type(err).__name__}: {err}")


def read_all(paths: Iterable[str | Path]) -> Iterator[Article | ReadFailure]:
    """Every article of every input, in a deterministic order; failures come through as ``ReadFailure``."""
    sidecars: dict[Path, _Sidecar] = {}
    for path, reason in iter_inputs(paths):
        if reason is None:
            yield from read_path(path, sidecars=sidecars)
        elif reason == SIDECAR_READ:
            yield _clean(_sidecar_entry(path, sidecars))
        else:
            failed = reason.startswith(("dangling", FOLDER_FAILED))
            yield _clean(ReadFailure(str(path), path.name, "failed" if failed else "skipped", reason))
