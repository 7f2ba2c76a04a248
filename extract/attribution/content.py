"""Stage 2: what was said. Quote-mark spans at the character level, and the content of a cue in the
parse (its clause, its object, "X to Y" of an appeal, the clause an "according to" hangs on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quotegraph.extract.lookup import doc_text, sent_of
from quotegraph.extract.text import DATELINE, DOUBLE_CLOSERS, END_MARKS, OPEN_MARKS
from spacy.tokens import Doc, Span, Token

_WORDS = re.compile(r"\w+")
_MIN_PIECE_WORDS = 3  # words a content needs on the far side of an attribution set off inside it
_DANGLING = re.compile(r"\s(?:and|but|or)$")


@dataclass(frozen=True)
class QuoteSpan:
    """A stretch between quote marks: ``start``/``end`` exclude the marks."""

    start: int
    end: int
    closed: bool = True

    def words(self, text: str) -> int:
        return len(_WORDS.findall(text[self.start : self.end]))


def _is_apostrophe(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isalnum() and (after.isalnum() or after in "s ")  # haven’t, Russia’s, allies’


def _line_opener(text: str, i: int) -> bool:
    """A closing mark that opens a line and is followed by a word (”Fear. I am ...”) was typed for “."""
    line_start = text.rfind("\n", 0, i) + 1
    return not text[line_start:i].strip() and i + 1 < len(text) and text[i + 1].isalnum()


def _opener(text: str, i: int) -> tuple[int, bool] | None:
    """The length of the quote mark that opens at ``i`` and whether it is a single mark; None when none
    opens there."""
    ch = text[i]
    two = text[i : i + 2]
    if two == "''" or two == "``":
        return 2, False
    if ch in '“«„"‹' or (ch == "”" and _line_opener(text, i)):
        return 1, False
    if ch == "‘" and (i == 0 or not text[i - 1].isalnum()):
        return 1, True
    return None


def _closer(text: str, i: int, start: int, single: bool) -> tuple[int | None, int]:
    """Where the quote opened at ``i`` (its words from ``start``) closes, or None, and where the search
    stopped (a paragraph end, or a mark that shows the opener was none)."""
    ch, two, n = text[i], text[i : i + 2], len(text)
    j = start
    while j < n:
        c = text[j]
        if c == "\n" and text[j : j + 2] == "\n\n":
            break
        if two == "''" or two == "``":
            if text[j : j + 2] == "''":
                return j, j
        elif single:
            if c == "’" and not _is_apostrophe(text, j):
                return j, j
            if c in '“«"':
                break  # a double quote opens: this ‘ was not a quote
        elif c in DOUBLE_CLOSERS or c == "›":
            if c == "“" and ch != "„":
                # a second opener before any closer: the first was unbalanced, unless it closes „
                break
            return j, j
        j += 1
    return None, j


def _inner(text: str, start: int, end: int) -> QuoteSpan | None:
    """The quote's words between its marks, without the spaces and the comma before the closing mark
    ("“..., ” he said": the comma belongs to the sentence)."""
    inner_end = end
    while inner_end > start and text[inner_end - 1] in ", \t\n":
        inner_end -= 1
    inner_start = start
    while inner_start < inner_end and text[inner_start] in " \t\n":
        inner_start += 1
    return QuoteSpan(inner_start, inner_end) if inner_end > inner_start else None


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quote spans of ``text``. Robust to mixed marks (« closed by ”), straight quotes, '' pairs and
    unbalanced marks: an unclosed quote ends at its paragraph's end, so one stray mark never swallows
    the article."""
    spans: list[QuoteSpan] = []
    n = len(text)
    i = 0
    while i < n:
        opened = _opener(text, i)
        if opened is None:
            i += 1
            continue
        opener_len, single = opened
        start = i + opener_len
        end, j = _closer(text, i, start, single)
        if end is None:
            # unbalanced: end at paragraph end (for double marks), skip for single marks
            if single:
                i += 1
                continue
            stop = text.find("\n\n", start)
            stop = n if stop < 0 else stop
            if stop > start and j >= stop:
                spans.append(QuoteSpan(start, stop, closed=False))
                i = stop
            else:
                i = start
            continue
        inner = _inner(text, start, end)
        if inner is not None:
            spans.append(inner)
        i = end + opener_len if opener_len == 2 else end + 1
    return spans


EDGE = " \t\n,;:-–—"
"""What :func:`trim` strips off both ends of a span: spaces, list punctuation, dashes."""


def _strip_edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    return start, end


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``start:end`` past spaces, quote marks left dangling and edge punctuation."""
    start, end = _strip_edges(text, start, end)
    # an opening mark at the start and a closing mark at the end go: quote spans exclude their marks
    if start < end and text[start] in OPEN_MARKS:
        start += 1
    if end > start and text[end - 1] in END_MARKS and text[end - 2 : end] not in ("s’",):
        end -= 1
    start, end = _strip_edges(text, start, end)
    # "OTTAWA (CP) — The government will ...": a dateline is no part of what was said
    dateline = DATELINE.match(text, start, end) if start == 0 or text[start - 1] == "\n" else None
    if dateline is not None:
        start = dateline.end()
    dangling = _DANGLING.search(text, start, end)
    if dangling and dangling.start() > start:
        end = trim(text, start, dangling.start())[1]  # "... is wrong and": the next conjunct went elsewhere
    return start, end


def within_line(text: str, start: int, end: int, anchor: int) -> tuple[int, int]:
    """``start:end`` clipped to the line (paragraph) that holds ``anchor``: the parser may run a sentence on
    over a line break ("... challenge.\n\n''With your help ...'' she said"), what a cue reports does not."""
    line_start = text.rfind("\n", 0, anchor) + 1
    line_end = text.find("\n", anchor)
    line_end = len(text) if line_end < 0 else line_end
    return max(start, line_start), min(end, line_end)


def chars_in_quotes(start: int, end: int, quotes: list[QuoteSpan]) -> int:
    return sum(max(0, min(end, q.end) - max(start, q.start)) for q in quotes)


def overlapping(start: int, end: int, quotes: list[QuoteSpan]) -> list[QuoteSpan]:
    return [q for q in quotes if q.start < end and q.end > start]


def subtree_range(token: Token, *, exclude: set[int] | None = None) -> tuple[int, int]:
    """Token range [left, right] of ``token``'s subtree, leaving out subtrees rooted in ``exclude``."""
    exclude = exclude or set()
    left, right = token.i, token.i
    stack = [token]
    while stack:
        t = stack.pop()
        left, right = min(left, t.i), max(right, t.i)
        stack.extend(c for c in t.children if c.i not in exclude)
    return left, right


def _after_comma(doc: Doc, left: int) -> bool:
    """A comma stands before token ``left``, maybe behind a closing quote mark (“..., ” claiming ...)."""
    k = left - 1
    while k >= 0 and (doc[k].tag_ == "''" or doc[k].text in END_MARKS):
        k -= 1
    return k >= 0 and doc[k].text == ","


def _aside(doc: Doc, token: Token) -> bool:
    """A trailing aside the writer adds after a comma, not part of what was reported: ", saying ...",
    ", which ...", ", who ..."."""
    left = min(t.i for t in token.subtree)
    if not _after_comma(doc, left):
        return False
    if token.dep_ == "relcl":
        return any(
            t.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj") and t.lower_ in ("which", "who", "whom")
            for t in token.subtree
        ) or any(t.lower_ in ("which", "whom") for t in doc[left : token.i])
    if token.dep_ in ("advcl", "conj") and _reports_a_clause(token):
        return True  # "..., while the union argued that ...": someone's own report, a statement of its own
    if token.dep_ == "advcl":
        return _participle_aside(doc, token)
    return False


def _reports_a_clause(token: Token) -> bool:
    """``token`` is a verb with a subject of its own that reports a clause ("the union argued that ...")."""
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) and any(
        c.dep_ == "ccomp" for c in token.children
    )


def _participle_aside(doc: Doc, token: Token) -> bool:
    """ "..., said the minister, answering a question": a participle after a comma, without a subject."""
    return (
        _after_comma(doc, min(t.i for t in token.subtree))
        and token.tag_ == "VBG"
        and not any(c.dep_ in ("nsubj", "mark") for c in token.children)
    )


def cut_asides(doc: Doc, left: int, right: int) -> tuple[int, int]:
    """Token range ``left..right`` without its trailing asides (see ``_aside``)."""
    changed = True
    while changed:
        changed = False
        for t in doc[left : right + 1]:
            if t.i > left + 1 and _aside(doc, t) and max(x.i for x in t.subtree) >= right:
                start = min(x.i for x in t.subtree) - 1
                while start > left and (doc[start].is_punct or doc[start].dep_ == "cc"):
                    start -= 1
                if start >= left and start < right:
                    right = start
                    changed = True
                    break
    return left, right


def _across_lines(doc: Doc, cue_head: Token, child: Token) -> bool:
    """Whether a line break stands between ``cue_head`` and the start of ``child``'s subtree after it."""
    start = doc[subtree_range(child)[0]]
    return start.i > cue_head.i and "\n" in doc_text(doc)[cue_head.idx : start.idx]


def _quoted_before(doc: Doc, clause: Token, cue_head: Token) -> bool:
    """ "“We will carry on,” Berg told reporters": a closing quote mark between the clause and its cue."""
    right = max(t.i for t in clause.subtree)
    return any(doc[k].text in END_MARKS or doc[k].tag_ == "''" for k in range(right + 1, cue_head.i))


def clause_content(doc: Doc, cue_head: Token, hearers: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """Char range of the clause a speech/thought verb reports: its ``ccomp`` (or a clausal object),
    without the complementiser "that" (``hearers``: the lemmas of verbs whose object is who was told)."""
    clause = None
    for child in cue_head.children:
        if child.dep_ in ("ccomp", "xcomp") and child.i > cue_head.i and not _participle_aside(doc, child):
            if _across_lines(doc, cue_head, child):
                continue  # the parser hung the next paragraph on the cue: no clause of this one
            clause = child
            break
    if clause is None:
        # "..., he said" with the quote as ccomp on the left; not when the verb has an object of its own
        # ("Minister defends plan, unions threaten strikes": two clauses, not a report)
        # ("The plant will close, the mayor told reporters": the object of "told" is who heard it)
        has_object = cue_head.lemma_.lower() not in hearers and any(
            c.dep_ in ("dobj", "oprd") and c.i > cue_head.i for c in cue_head.children
        )
        for child in cue_head.children:
            if child.dep_ == "ccomp" and (not has_object or _quoted_before(doc, child, cue_head)):
                clause = child
                break
    if clause is None:
        # "confirmed in an interview with Reuters that ...": the parser hangs the clause on the noun
        for child in cue_head.children:
            if child.dep_ != "prep" or child.i < cue_head.i:
                continue
            for t in child.subtree:
                if (
                    t.dep_ in ("relcl", "acl", "ccomp")
                    and any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)
                    and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
                ):
                    clause = t
                    break
            if clause is not None:
                break
    if clause is None:
        return None
    left, right = cut_asides(doc, *subtree_range(clause))
    if left < cue_head.i < right:
        # "which he said was careless": the clause's relative pronoun stands before the cue; the content
        # is what follows the cue, never the cue or its speaker
        left = cue_head.i + 1
    while left <= right and doc[left].dep_ == "mark" and doc[left].lower_ in ("that", "whether", "if"):
        left += 1
    if left > right:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


_TOPIC_PREPOSITIONS = frozenset({"of", "about", "against"})  # not "on", "over": "as he noted on Tuesday"


def as_content(doc: Doc, cue_head: Token) -> tuple[int, int] | None:
    """ "As many experts have pointed out, Mr. Trump is free to ...", "..., as the minister noted": a cue in
    an "as" clause reports the clause it hangs on."""
    if cue_head.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in cue_head.children):
        return None
    if not any(c.dep_ == "nsubj" for c in cue_head.children):
        return None  # "As reported, X said ...": no one of its own speaks in the "as" clause
    if any(
        c.i > cue_head.i and (c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "prep" and c.lower_ in _TOPIC_PREPOSITIONS))
        for c in cue_head.children
    ):
        return None  # "..., as mayors warn of cuts": the "as" clause says what it reports itself
    governor = cue_head.head
    if governor.i == cue_head.i or governor.pos_ not in ("VERB", "AUX"):
        return None
    left, right = subtree_range(governor, exclude={cue_head.i})
    clause_left, clause_right = subtree_range(cue_head)
    if clause_left > governor.i:
        right = min(right, clause_left - 1)  # "..., as the minister noted."
    else:
        left = max(left, clause_right + 1)  # "As experts note, ..."
    while left <= right and (doc[left].is_punct or doc[left].dep_ == "cc"):
        left += 1
    if left > right or right - left < 3:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


def question_content(doc: Doc, cue_head: Token) -> tuple[int, int] | None:
    """What a verb of asking asks: its "if" / "whether" clause, which the parser reads as a condition
    ("asked the students [if they were always so serious]")."""
    clause = next(
        (
            c
            for c in cue_head.children
            if c.dep_ == "advcl"
            and c.i > cue_head.i
            and any(m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in c.children)
        ),
        None,
    )
    if clause is None:
        return None
    left, right = cut_asides(doc, *subtree_range(clause))
    while left < right and doc[left].dep_ == "mark":
        left += 1  # without "if", as a clause's "that" and "whether" are left out
    return doc[left].idx, doc[right].idx + len(doc[right])


def aside_content(doc: Doc, cue_head: Token) -> tuple[int, int] | None:
    """ "The golf industry, she said, is doing much better", "In his state, Christie said, offenders are
    sent to treatment": a cue set off by commas inside the clause it reports (the parser's ``parataxis``)
    reports that clause. The span holds the cue; the statement leaves it out (see ``cue_range``)."""
    if cue_head.dep_ != "parataxis" or not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue_head.children):
        return None
    governor = cue_head.head
    if governor.i == cue_head.i or governor.pos_ not in ("VERB", "AUX"):
        return None
    left, right = subtree_range(governor)
    while left <= right and (doc[left].is_punct or doc[left].dep_ == "cc"):
        left += 1
    while right >= left and doc[right].is_punct:
        right -= 1
    clause_left, clause_right = subtree_range(cue_head)
    if right - left - (clause_right - clause_left) < 3:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


def cue_range(doc: Doc, cue_head: Token) -> tuple[int, int]:
    """Char range of the cue's own clause with the commas around it ("..., she said, ...")."""
    left, right = subtree_range(cue_head)
    while left > 0 and doc[left - 1].is_punct and doc[left - 1].text in ",—–-":
        left -= 1
    return doc[left].idx, doc[right].idx + len(doc[right])


def appeal_content(doc: Doc, cue_head: Token, particle: Token | None) -> tuple[int, int] | None:
    """Content of an appeal: "called on [NATO allies ... to lift the ban]", "urged [X to Y]",
    "advocated [for X to Y, allowing ...]", "called for [a faster delivery ...]": everything the verb
    governs to its right."""
    parts: list[Token] = []
    if particle is not None:
        parts += [c for c in particle.children if c.dep_ == "pobj"]
    for child in cue_head.children:
        if child.i <= cue_head.i or child is particle:
            continue
        if child.dep_ in ("punct", "cc", "conj", "mark", "agent", "advmod") or (
            child.dep_ == "prep" and child.lower_ in ("in", "at", "during", "by")
        ):
            continue
        parts.append(child)
    if not parts:
        return None
    left = min(subtree_range(p)[0] for p in parts)
    right = max(subtree_range(p)[1] for p in parts)
    if particle is not None and left <= particle.i:
        left = particle.i + 1
    left, right = cut_asides(doc, left, right)
    if left > right:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


def topic_content(doc: Doc, preposition: Token) -> tuple[int, int] | None:
    """Content of a topic cue: the object of its preposition ("talked about [the cost of the war]",
    "warned of [a recession next year]")."""
    if preposition.dep_ == "acl":  # "made the point [that ...]": the noun's clause, without "that"
        left, right = cut_asides(doc, *subtree_range(preposition))
        while left < right and doc[left].dep_ == "mark":
            left += 1
        return doc[left].idx, doc[right].idx + len(doc[right])
    objects = [c for c in preposition.children if c.dep_ in ("pobj", "pcomp")]
    if not objects:
        return None
    left, right = cut_asides(doc, *subtree_range(objects[0]))
    return doc[left].idx, doc[right].idx + len(doc[right])


def object_content(doc: Doc, cue_head: Token, *, min_words: int = 4) -> tuple[int, int] | None:
    """Content given as the object: "emphasized [the importance of enabling Ukraine ...]", "called
    [Machado “disgusting”]", "described [Putin as a “strong leader”]", "accused [the GOP of stoking ...]"."""
    obj = next((c for c in cue_head.children if c.dep_ == "dobj" and c.i > cue_head.i), None)
    if obj is None:
        # "called [Trump]oprd a [liar]oprd": the parser may give the object the predicate's label
        obj = next((c for c in cue_head.children if c.dep_ == "oprd" and c.i > cue_head.i), None)
    if obj is None:
        return None
    parts = [obj]
    predicate = False  # "called [Trump] [unhinged]", "described [the plan] [as a disaster]"
    for child in cue_head.children:
        if child.i <= obj.i:
            continue
        as_clause = (  # "described X as beset by ...", not "condemned X as Pyongyang fired ...": a time
            child.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in child.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children)
        )
        if child.dep_ == "oprd" or (child.dep_ == "prep" and child.lower_ == "as") or as_clause:
            predicate = True  # "described X as beset by ...": the parser reads "as" as a clause's mark
        if (
            child.dep_ in ("oprd", "xcomp", "ccomp")
            or as_clause
            # "described X as Y", "accused X of Y", "praised X for Y", "slammed X over Y"
            or (child.dep_ == "prep" and child.lower_ in ("as", "of", "for", "over"))
            # "questioned X's “values” and [his readiness]": a noun the parser conjoined to the verb
            or (child.dep_ == "conj" and child.pos_ in ("NOUN", "PROPN"))
        ):
            parts.append(child)
    left = min(subtree_range(p)[0] for p in parts)
    right = max(subtree_range(p)[1] for p in parts)
    left, right = cut_asides(doc, left, right)
    if right - left + 1 < (2 if predicate else min_words):
        return None
    if right - left + 1 < 4 and not (predicate or _definite(obj)):
        return None  # "attack [targets]": a bare noun is a thing acted on
    return doc[left].idx, doc[right].idx + len(doc[right])


def _definite(token: Token) -> bool:
    """A name, or a noun with a determiner or possessive ("Trump", "the volunteers", "his candidacy")."""
    return (
        token.pos_ in ("PROPN", "PRON")
        or bool(token.ent_type_)
        or any(c.dep_ in ("det", "poss") for c in token.children)
    )


def answer_content(doc: Doc, cue_head: Token, answers: frozenset[str]) -> tuple[int, int] | None:
    """A one-word answer right after the verb: "75 percent said [yes]", "the candidate said [no]", "half said
    [so]" (``answers``: the words, lower case)."""
    if cue_head.i + 1 >= len(doc):
        return None
    word = doc[cue_head.i + 1]
    if word.head.i != cue_head.i or word.dep_ not in ("intj", "advmod", "dobj") or word.lower_ not in answers:
        return None
    follows = [c for c in (*word.children, *cue_head.children) if c.dep_ == "prep" and c.i == word.i + 1]
    if follows:
        return None  # "said no to the Iraq war": a stand taken, not an answer
    return word.idx, word.idx + len(word)


def as_reported(verb: Token) -> bool:
    """ "[content], as (first) reported by X" / "As reported by X, [content]": a passive report verb in an
    "as" clause with its agent, read like "according to X"."""
    return (
        verb.dep_ == "advcl"
        and verb.tag_ == "VBN"
        and any(c.lower_ == "as" and c.dep_ in ("mark", "advmod") and c.i < verb.i for c in verb.children)
        and any(c.dep_ == "agent" for c in verb.children)
    )


def according_content(doc: Doc, according: Token, reports: frozenset[str] = frozenset()) -> tuple[int, int] | None:
    """ "According to X, [content]" / "[content], according to X": the clause the phrase attaches to,
    minus the phrase itself (``reports``: the lemmas of report verbs, see :func:`_reported_sides`)."""
    head = according.head
    while head.dep_ not in ("ROOT",) and head.head.i != head.i and head.pos_ not in ("VERB", "AUX"):
        head = head.head
    sent: Span = sent_of(according)
    phrase_left, phrase_right = subtree_range(according)
    to = next((c for c in according.children if c.lower_ == "to" and c.i == according.i + 1), None)
    if to is not None:
        # the phrase is "according to X" even where the parser hangs the sentence on "According" (its root)
        phrase_left, phrase_right = according.i, subtree_range(to)[1]
    while phrase_right > according.i + 1 and doc[phrase_right].text == ",":
        phrase_right -= 1  # the parser may hang the comma that closes the phrase on its source
    left, right = sent.start, sent.end - 1
    words_after = sum(1 for t in doc[phrase_right + 1 : sent.end] if not t.is_punct)
    if phrase_left == sent.start or phrase_left <= sent.start + 1:
        left = phrase_right + 1
    elif words_after < _MIN_PIECE_WORDS or doc[phrase_right + 1].text != ",":
        right = phrase_left - 1
    else:
        # "[A], according to X, [B]": the whole sentence (the statement leaves the phrase out: cue_range),
        # unless one side is no part of the reported clause
        left, right = _reported_sides(doc, sent, phrase_left, phrase_right, reports)
    if left > right:
        return None
    return doc[left].idx, doc[right].idx + len(doc[right])


def _opening_clause(doc: Doc, first: int, last: int) -> Token | None:
    """The clause that opens tokens ``first..last`` when a subordinator ("while", "although", "even as")
    hangs it on the sentence; None when they open otherwise."""
    while first <= last and doc[first].is_punct:
        first += 1
    if first > last:
        return None
    clause = doc[first]
    while clause.dep_ not in ("advcl", "ROOT") and clause.head.i != clause.i and first <= clause.head.i <= last:
        clause = clause.head
    subordinate = (
        clause.dep_ == "advcl"
        and subtree_range(clause)[0] == first
        and any(c.dep_ == "mark" and c.i < clause.i for c in clause.children)
    )
    return clause if subordinate else None


def _reported_sides(
    doc: Doc, sent: Span, phrase_left: int, phrase_right: int, reports: frozenset[str]
) -> tuple[int, int]:
    """The token range reported by an "according to X" set off inside its sentence: both sides, but not a
    side that only goes on from the report ("[A], according to X, and [B]", "..., although [B]", "..., a
    huge sum") nor an opening clause of time or contrast ("While [A], according to X, [B]"). A conjoined
    report verb goes on with what was reported ("[A], according to their lawyers, and said [B]")."""
    left, right = sent.start, sent.end - 1
    after = next((t for t in doc[phrase_right + 1 : sent.end] if not t.is_punct), None)
    if after is None:
        return left, phrase_left - 1
    rest = doc[after.i : sent.end]
    clause = _opening_clause(doc, after.i, right)
    joined = after.dep_ == "cc" and after.head.i < after.i and not _conjoined_report(after.head, after, reports)
    if joined or clause is not None or not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return left, phrase_left - 1
    clause = _opening_clause(doc, left, phrase_left - 1)
    if clause is not None and subtree_range(clause)[1] < phrase_left:
        return phrase_right + 1, right
    return left, right


def _conjoined_report(verb: Token, cc: Token, reports: frozenset[str]) -> bool:
    """Whether the conjunct ``cc`` joins to ``verb`` is a report verb ("A and said B")."""
    return any(c.dep_ == "conj" and c.i > cc.i and c.lemma_.lower() in reports for c in verb.children)
