"""One remark, many reports: merge statements from different articles that report the same remark,
and resolve replies to the statements they answer.

Blocking keeps this far from pairwise: statements are compared only within one speaker's block, and a
large block is further blocked with MinHash LSH over word shingles (datasketch); rapidfuzz makes the
final call. Clusters come from union-find; ids are name-based UUIDs of each cluster's first report, so
the same input gives the same ids in any order.
"""

from __future__ import annotations

import re
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace

from quotegraph.extract.model import Statement
from quotegraph.extract.text import STOP_WORDS, fold
from rapidfuzz import fuzz

NAMESPACE = uuid.UUID("6f1b0f5e-3c2a-5b7e-9a51-7a1c0d2f4e88")
_WORD = re.compile(r"\w+")
SAME_REMARK = 73  # rapidfuzz token_set_ratio over content words; unrelated remarks of one speaker score 40-65
LSH_BLOCK = 60  # blocks larger than this use MinHash LSH for candidate pairs


def content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(fold(text)) if w not in STOP_WORDS]


def _compatible(a: Statement, b: Statement) -> bool:
    if a.article_key == b.article_key:
        return False  # one article quoting a remark twice keeps two reports
    if a.venue and b.venue:
        va, vb = fold(a.venue), fold(b.venue)
        if va not in vb and vb not in va:
            return False  # said at two different events: two remarks
    return True


class _UnionFind:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _candidate_pairs(block: Sequence[Statement]) -> Iterable[tuple[int, int]]:
    if len(block) <= LSH_BLOCK:
        for i in range(len(block)):
            for j in range(i + 1, len(block)):
                yield i, j
        return
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.2, num_perm=64)
    hashes = []
    for i, s in enumerate(block):
        m = MinHash(num_perm=64)
        words = content_words(s.quote)
        for k in range(max(1, len(words) - 1)):
            m.update(" ".join(words[k : k + 2]).encode("utf-8"))
        lsh.insert(str(i), m)
        hashes.append(m)
    for i, m in enumerate(hashes):
        for key in lsh.query(m):
            j = int(key)
            if j > i:
                yield i, j


def report_key(s: Statement) -> str:
    return f"{s.article_key}@{s.start}-{s.end}"


def merge_statements(statements: Iterable[Statement]) -> list[Statement]:
    """Give every report of one remark the same ``statement_id``; set ``replies_to`` to the answered
    statement's id when the answered speaker's statement is in the corpus. Output sorted by article and offset."""
    items = sorted(statements, key=lambda s: (s.article_key, s.start, s.end, s.quote))
    uf = _UnionFind(len(items))
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, s in enumerate(items):
        key = s.speaker_key
        if key is not None:
            blocks[key].append(i)
    pieces: dict[tuple[str, str], int] = {}
    for i, s in enumerate(items):  # the pieces of one utterance ("A," she said. "B.") are one statement
        if s.utterance:
            first = pieces.setdefault((s.article_key, s.utterance), i)
            uf.union(first, i)
    for indices in blocks.values():
        block = [items[i] for i in indices]
        texts = [" ".join(content_words(s.quote)) for s in block]  # once per statement, not per pair
        for a, b in _candidate_pairs(block):
            if _compatible(block[a], block[b]) and fuzz.token_set_ratio(texts[a], texts[b]) >= SAME_REMARK:
                uf.union(indices[a], indices[b])
    ids = {}
    for i in range(len(items)):
        root = uf.find(i)  # the root is the cluster's first report in sorted order
        ids[i] = str(uuid.uuid5(NAMESPACE, f"{items[root].speaker_key or ''}|{report_key(items[root])}"))
    merged = [replace(s, statement_id=ids[i]) for i, s in enumerate(items)]
    return resolve_replies(merged)


def resolve_replies(statements: Sequence[Statement]) -> list[Statement]:
    """``replies_to`` set to the id of the answered speaker's statement: on the same topic when topics
    are known, not later than the reply, the most reported first. A reply whose answered speaker has
    no statement in the corpus keeps only ``replies_to_speaker``."""
    by_speaker: dict[str, list[Statement]] = defaultdict(list)
    reports: dict[str, int] = defaultdict(int)
    for s in statements:
        key = s.speaker_key
        if key and s.statement_id:
            by_speaker[key].append(s)
            reports[s.statement_id] += 1
    out = []
    for s in statements:
        if s.replies_to or not s.replies_to_speaker or s.replies_to_speaker == s.speaker_key:
            out.append(s)
            continue
        candidates = [
            c
            for c in by_speaker.get(s.replies_to_speaker, [])
            if c.statement_id != s.statement_id
            and (not s.statement_date or not c.statement_date or c.statement_date <= s.statement_date)
        ]
        if candidates:
            best = min(
                candidates,
                key=lambda c: (
                    0 if (s.topic and c.topic == s.topic) else 1,
                    -reports[c.statement_id or ""],
                    c.statement_id or "",
                ),
            )
            s = replace(s, replies_to=best.statement_id)
        out.append(s)
    return out
