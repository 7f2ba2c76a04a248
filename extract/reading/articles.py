"""Reading articles from files: text, HTML, JSON and JSON Lines.

Every input comes out either as an :class:`~extract.model.Article` or as a :class:`ReadFailure` that
says why it was skipped or failed; nothing raises out of :func:`read_all`, so a batch always goes on.
Offsets stay in the original text: boilerplate, the title line and a body printed twice are not cut
out but listed in ``Article.skip`` (``Article.body`` blanks them).
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from quotegraph.extract.model import Article
from quotegraph.extract.reading.sources import detect_outlet, detect_published
from quotegraph.extract.text import DOUBLE_QUOTE_MARKS

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
    once, not each file in it); a FIFO is never opened."""
    for raw in paths:
        path = Path(raw)
        if not path.is_dir():
            yield path, _special(path)
            continue
        hidden_dirs: list[Path] = []
        for child in sorted(path.rglob("*")):
            if any(child.is_relative_to(d) for d in hidden_dirs):
                continue
            rel = child.relative_to(path)
            if child.is_dir() and not child.is_symlink():
                if child.name.startswith("."):
                    hidden_dirs.append(child)
                    yield child, "hidden folder (name starts with a dot): not read"
                continue
            if child.name.startswith(".") or any(part.startswith(".") for part in rel.parts[:-1]):
                yield child, "hidden file (name starts with a dot): not read; name it to read it"
            elif child.name == SIDECAR and child.is_file():
                yield child, "metadata sidecar: read as metadata of the articles beside it"
            elif child.is_dir():
                yield child, "symbolic link to a folder: not followed"
            else:
                yield child, _special(child)


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
    data = yaml.safe_load(
        resources.files("quotegraph.extract.resources").joinpath("boilerplate.yaml").read_text("utf-8")
    )
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


def _repeated_lines(text: str, lines: list[tuple[int, int]], skipped: set[int]) -> set[int]:
    """Lines of a body printed twice. A line whose word 6-grams mostly appear in other lines is one copy
    of repeated text; of the two copies, the less complete one (fewer distinct 6-grams) is returned."""
    shingles = [set() if i in skipped else _shingles(text[s:e]) for i, (s, e) in enumerate(lines)]
    owner: dict[tuple[str, ...], list[int]] = {}
    for i, sh in enumerate(shingles):
        for g in sh:
            owner.setdefault(g, []).append(i)
    drop: set[int] = set()
    for i, sh in enumerate(shingles):
        if i in drop or len(sh) < 4:
            continue
        shared: dict[int, int] = {}
        for g in sh:
            for j in owner[g]:
                if j != i and j not in drop:
                    shared[j] = shared.get(j, 0) + 1
        partners = [j for j, n in shared.items() if n >= 3]
        if not partners:
            continue
        union = set().union(*(shingles[j] for j in partners))
        if len(sh & union) < 0.5 * len(sh):
            continue
        if len(sh) <= len(union):
            drop.add(i)
        else:
            drop.update(j for j in partners if len(shingles[j] & sh) >= 0.5 * len(shingles[j]))
    return drop


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


def _sidecar(folder: Path, cache: dict[Path, dict[str, Any]]) -> dict[str, Any]:
    if folder not in cache:
        cache[folder] = {}
        side = folder / SIDECAR
        if side.is_file():
            try:
                data = json.loads(side.read_text(encoding="utf-8"))
                cache[folder] = data if isinstance(data, dict) else {}
            except (OSError, ValueError) as err:
                log.warning("ignoring unreadable metadata sidecar %s: %s", side, err)
    return cache[folder]


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


def read_path(path: Path, *, sidecars: dict[Path, dict[str, Any]] | None = None) -> Iterator[Article | ReadFailure]:
    """Read one file; a ``.jsonl`` file gives one article per line. Each article has its identity
    (:attr:`Article.article_id`)."""
    for item in _read_path(path, sidecars=sidecars):
        yield _identify(item, path)


def _read_path(path: Path, *, sidecars: dict[Path, dict[str, Any]] | None = None) -> Iterator[Article | ReadFailure]:
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
    sidecars: dict[Path, dict[str, Any]] = {}
    for path, reason in iter_inputs(paths):
        if reason is None:
            yield from read_path(path, sidecars=sidecars)
        else:
            failed = reason.startswith("dangling")
            yield ReadFailure(str(path), path.name, "failed" if failed else "skipped", reason)
