"""A re-run parses only new or changed articles.

Finished statements are kept in one SQLite file keyed by a hash of the article (text and the metadata
that reaches the statements), the model id and a fingerprint of the configuration (topics and entity
files, quotegraph version, the extractor's code and lexicons). Change any of them and the article is
parsed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sqlite3
import threading
import time
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from quotegraph.extract.model import Article, Statement

log = logging.getLogger(__name__)

SCHEMA = "CREATE TABLE IF NOT EXISTS statements (key TEXT PRIMARY KEY, data TEXT NOT NULL)"


def fingerprint(*parts: str | Path | None) -> str:
    """A hash of configuration: strings as they are, files by their content."""
    h = hashlib.sha256()
    for part in parts:
        if isinstance(part, Path):
            h.update(part.read_bytes() if part.is_file() else str(part).encode())
        else:
            h.update((part or "").encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the extractor's own code and lexicons, so that a changed rule (an edited lexicon, a
    development checkout) never serves statements the old code made."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in (".py", ".yaml", ".yml", ".json")):
        h.update(str(path.relative_to(root)).encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def article_key(article: Article, config: str) -> str:
    h = hashlib.sha256()
    values = (article.name, article.article_id, article.text, article.title, article.outlet, article.published)
    for value in (*values, article.url, config):
        # the reader hands on clean text (no lone surrogates); should one slip through, it keys, never fails
        h.update((value or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    h.update(json.dumps(article.skip).encode())
    return h.hexdigest()


class StatementCache:
    """Statements by article key, in SQLite (WAL mode: safe with several processes)."""

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        try:
            self._db = self._open()
        except sqlite3.OperationalError as err:
            # not the file's fault (a full disk, a lock held too long, no permission): kept as it is
            log.warning("statement cache %s cannot be used (%s); the run goes on without it", path, err)
        except sqlite3.DatabaseError as err:
            # a corrupt or foreign file: set it aside (kept for inspection) and start an empty cache
            aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}")
            log.warning("statement cache %s is unreadable (%s); moved it to %s and starting afresh", path, err, aside)
            os.replace(self.path, aside)
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.replace(f"{self.path}{suffix}", f"{aside}{suffix}")
            try:
                self._db = self._open()
            except sqlite3.DatabaseError as again:
                log.warning("statement cache %s cannot be made (%s); the run goes on without it", path, again)
        self.hits = 0
        self.misses = 0
        self.errors = 0  # entries that could not be read or stored (warned about once)

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, check_same_thread=False)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(SCHEMA)
            db.commit()
            ok = db.execute("PRAGMA quick_check(1)").fetchone()
            if not ok or ok[0] != "ok":
                raise sqlite3.DatabaseError(f"quick_check: {ok[0] if ok else 'no answer'}")
            db.execute("SELECT key, data FROM statements LIMIT 1").fetchall()
        except sqlite3.DatabaseError:
            db.close()
            raise
        return db

    def get(self, key: str) -> list[Statement] | None:
        if self._db is None:
            self.misses += 1
            return None
        try:
            with self._lock:
                row = self._db.execute("SELECT data FROM statements WHERE key = ?", (key,)).fetchone()
            if row is not None:
                statements = [Statement.from_dict(d) for d in json.loads(row[0])]
        except (sqlite3.DatabaseError, ValueError, TypeError, KeyError) as err:
            self._warn(f"statement cache entry unreadable ({err}): parsing the article again")
            row = None
        if row is None:
            self.misses += 1
            return None
        self.hits += 1
        return statements

    def put(self, key: str, statements: Iterable[Statement]) -> None:
        if self._db is None:
            return
        data = json.dumps([s.to_dict() for s in statements], ensure_ascii=False)
        try:
            with self._lock:
                self._db.execute("INSERT OR REPLACE INTO statements (key, data) VALUES (?, ?)", (key, data))
                self._db.commit()
        except (sqlite3.DatabaseError, UnicodeError) as err:
            self._warn(f"could not store statements in the cache ({err}); the run goes on without it")

    def _warn(self, message: str) -> None:
        """The first failing entry is a warning, later ones are counted (a damaged cache would repeat it
        for every article)."""
        self.errors += 1
        if self.errors == 1:
            log.warning("%s (%s; later failures of this cache are logged at debug level)", message, self.path)
        else:
            log.debug("%s", message)

    def __len__(self) -> int:
        if self._db is None:
            return 0
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM statements").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
