"""Attribution strategies, registered as rules: how a statement's content is tied to a cue and a speaker.

Each rule (:mod:`quotegraph.extract.attribution.rules`) is a function over one :class:`AttributionState`
that yields :class:`Found` statements (content span, cue, mention, the rule's name); :func:`find_statements`
runs the rules in their order:

- over the document: ``cue_statements`` (a cue verb with its own content: "X said that ...", "“...,” X
  said"), ``labelled_lines`` (a speaker label opening a line: transcript turns, "Tajani: “...”"),
  ``dash_labels`` ("HEADLINE - Name: “...”");
- over each long quote no earlier rule attributed: the cues next to it (``cue_after_quote``,
  ``pointer_cue``, ``cue_before_quote``, ``inverted_cue``, ``colon_speaker``, ``comma_speaker``), then
  ``dash_attribution`` ("“...” ― Name"), ``source_line`` ("Source: X"), ``named_after`` ("“...” The
  charge came from X"), ``sentence_before``, and
  ``unattributed`` (no speaker: the assembly may give it the previous speaker);
- ``short_quote``: quotes of a few words that a cue right next to them attributes.

:mod:`quotegraph.extract.attribution.assemble` turns the result into statements.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterator, Sequence

from quotegraph.extract.attribution.content import (
    QuoteSpan,
    according_content,
    answer_content,
    appeal_content,
    as_content,
    as_reported,
    aside_content,
    chars_in_quotes,
    clause_content,
    cue_range,
    find_quotes,
    object_content,
    overlapping,
    question_content,
    topic_content,
    trim,
    within_line,
)
from quotegraph.extract.attribution.cues import Cue, Lexicon, find_cues
from quotegraph.extract.attribution.named_after import named_after
from quotegraph.extract.attribution.rules import (
    AttributionState,
    Found,
    Rule,
    RuleFunc,
    register,
    shipped_rules,
)
from quotegraph.extract.lookup import doc_text, ents_in, sent_of
from quotegraph.extract.speakers.documents import issued_before
from quotegraph.extract.speakers.mentions import (
    Mention,
    document_nouns,
    find_subject,
    mention_for,
    name_between,
    role_in,
)
from quotegraph.extract.text import DOUBLE_OPENERS, END_MARKS, LEAD_MARKS, OPEN_MARKS, surname
from spacy.tokens import Doc, Span, Token

_WORD = re.compile(r"\w+")
POINTERS = {"this", "so", "that", "these", "it"}
# a line opened by a short capitalised label and a colon (an optional quote mark first: transcripts)
_LABEL_LINE = re.compile(
    r"(?m)^[ \t]*[\"“«]?[ \t]*([A-Z][\w.’'\-]*(?:[ \t]+[A-Z][\w.’'\-]*){0,3})[ \t]*:[ \t]+(\S[^\n]*)$"
)
# a source label after a dash inside a line, before a quote: "HEADLINE - Michael P. McDonald: “...”" (digests)
_DASH_LABEL = re.compile(
    r"[ \t][-–—][ \t]+([A-Z][\w.’'\-]*(?:[ \t]+(?:[A-Z][\w.’'\-]*|and|&)){0,5})[ \t]*:[ \t\xa0]*(?=[“\"«])([^\n]+)"
)
_TURN_PARAGRAPH = re.compile(r"(?m)^[ \t]*[\"“«][^\n]+$")
_SENTENCE_END = re.compile(r"[.!?]\s|\n")
_COLON_QUOTE = re.compile(r":\s*[“\"«‘]")
_SENTENCE_CLOSE = re.compile(r"[.!?][”\"’'»]*(?:\s|$)|.[”\"’'»]+[.!?]?(?:\n|$)")  # a quote that ends its sentence
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_SUBORDINATORS = frozenset(
    {"when", "while", "if", "after", "before", "because", "since", "although", "though", "once", "until", "unless"}
)
_ASIDE = re.compile(r"[”\"’'»]{1,2}[ \t]+[a-z]")  # '“...?” asked Dunn': a lower-case verb after the mark
_COMMA_CLOSE = re.compile(r"\s*(?:,\s*[”\"’'»]{1,2}|[”\"’'»]{1,2}\s*,)")  # a quote closed by a comma
_MIN_DIRECT_WORDS = 3  # a shorter quote inside a cue's clause is a mixed quote of that clause


def before_quote(text: str, start: int, end: int) -> str:
    """``text[start:end]`` without the opening mark of the quote that starts at ``end`` (a doubled
    apostrophe too: ''...'') and the spaces before it."""
    lead = text[start:end].rstrip(LEAD_MARKS)
    return lead[:-2].rstrip(LEAD_MARKS) if lead.endswith("''") else lead


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _words_besides(doc: Doc, start: int, end: int, speaker: Token, cue: Token) -> int:
    """The words between characters ``start`` and ``end`` that are not the speaker's mention with its
    appositions ("“...,” James Comey, the director of the FBI, said" has none); a clause of the speaker
    that holds the cue itself ("... Ryan, who used the words") is no apposition."""
    own = {t.i for t in speaker.subtree}
    for child in speaker.children:
        if child.left_edge.i <= cue.i <= child.right_edge.i:
            own -= {t.i for t in child.subtree}
    span = doc.char_span(start, end, alignment_mode="contract")
    if span is None:
        return _words(doc_text(doc)[start:end])
    return sum(1 for t in span if t.i not in own and _WORD.search(t.text))


def find_statements(
    doc: Doc,
    lexicon: Lexicon,
    *,
    include_thought: bool = False,
    min_quote_words: int = 4,
    rules: Sequence[Rule] | None = None,
) -> tuple[list[Found], list[QuoteSpan]]:
    """The ``rules`` (default: every shipped rule; :func:`~quotegraph.extract.attribution.rules.ordered`
    resolves names once), in their order, over ``doc``: the statements found and the quotes of the text."""
    text = doc_text(doc)
    quotes = find_quotes(text)
    cues = [
        c
        for c in find_cues(doc, lexicon, include_thought=include_thought)
        if not any(q.start <= c.start < q.end for q in quotes)
    ]
    state = AttributionState(
        doc=doc,
        text=text,
        lexicon=lexicon,
        quotes=quotes,
        long_quotes=[q for q in quotes if q.words(text) >= min_quote_words],
        cues=cues,
        min_quote_words=min_quote_words,
    )
    for rule in sorted(rules if rules is not None else shipped_rules(), key=lambda r: (r.order, r.name)):
        for found in rule.func(state):
            state.add(found)
    return state.found, quotes


# -- rules over the whole document ------------------------------------------------------------------


@register("cue_statements", order=10)
def cue_statements_rule(state: AttributionState) -> Iterator[Found]:
    """A cue verb with its own content: "X said that ...", "“...,” X said" (indirect, mixed and direct
    speech)."""
    shared: dict[int, Token] = {}  # cue head -> the subject of the report it was conjoined into
    for cue in state.cues:
        found = _cue_statement(state, cue, shared)
        if found is not None:
            yield found


def _cue_subject(state: AttributionState, cue: Cue, shared: dict[int, Token]) -> Token | None:
    """The subject of ``cue``'s report, when it can be a speaker: outside quotes, no commentary on a
    statement ("Lavrov's remarks underscore ..."), no condition ("if its government requests it")."""
    doc, head = state.doc, state.doc[cue.head]
    subject = shared.get(cue.head) or find_subject(doc, head)
    if subject is None or any(q.start <= subject.idx < q.end for q in state.quotes):
        return None
    if subject.pos_ == "NOUN" and subject.lemma_.lower() in state.lexicon.nouns and not issued_before(subject):
        return None  # never "Lavrov's remarks underscore ...", but "The statement said" after "X said in a statement"
    if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in head.children):
        return None
    return subject


def _cue_span(state: AttributionState, cue: Cue, subject: Token, shared: dict[int, Token]) -> tuple[int, int] | None:
    """The characters ``cue`` reports, within its line, cut before a second report of the same speaker
    and before a colon that opens a quote."""
    doc, text = state.doc, state.text
    span = content_of(doc, cue, doc[cue.head], state.lexicon)
    if span is None:
        return None
    start, end = trim(text, *within_line(text, *span, cue.start))
    joined = _conjoined_report(doc, cue, state.cues, start, end)
    if joined is not None:
        # "said he makes $41,000 a year and questioned how ...": the second report is the speaker's own
        end = joined[1]
        shared[joined[0].head] = subject
    colon = _COLON_QUOTE.search(text, start, end)
    if cue.cls == "topic" and _COLON_QUOTE.search(text, start, doc[cue.head].sent.end_char):
        return None  # "commented on the proposal: “...”": what was said is the quote, not what it was about
    if colon:
        start, end = trim(text, start, colon.start())
    short = cue.lemma in state.lexicon.short_objects or text[start:end].lower() in state.lexicon.answers
    if end <= start or _words(text[start:end]) < (1 if short else 2):
        return None
    return start, end


def _cue_statement(state: AttributionState, cue: Cue, shared: dict[int, Token]) -> Found | None:
    """What one cue reports, if it reports something of a speaker."""
    subject = _cue_subject(state, cue, shared)
    if subject is None:
        return None
    mention = mention_for(state.doc, subject)
    span = _cue_span(state, cue, subject, shared)
    if span is None:
        return None
    start, end = span
    if (
        cue.end <= mention.start < end
        and start < mention.end
        and not overlapping(start, end, state.quotes)
        # "A, according to X, B" / "A, as reported by X, B": pieces around it
        and not ((cue.cls == "according" or as_reported(state.doc[cue.head])) and start < cue.start)
    ):
        return None  # the speaker is no content of their own cue ("..., said spokesman Tobias Reinhardt")
    inside = overlapping(start, end, state.quotes)
    if inside:
        return _quoted_cue_statement(state, cue, mention, start, end, inside)
    if cue.cls == "thought" and mention.label in ("PRON", "NOUN"):
        return None
    start, pieces = _around_cue(state.doc, cue, start, end)
    return Found(start, end, "indirect", cue, mention, rule="cue_statements", pieces=pieces)


def _quoted_cue_statement(
    state: AttributionState, cue: Cue, mention: Mention, start: int, end: int, inside: list[QuoteSpan]
) -> Found:
    """A cue's content that holds quotes: extended to the whole quotes the clause cuts; the quote itself
    when the content is the quote (direct), else the clause with its quoted words (mixed)."""
    text = state.text
    start = min(start, *(q.start for q in inside))
    end = max(end, *(q.end for q in inside))
    quoted = chars_in_quotes(start, end, inside)
    unquoted = text[start:end]
    for q in inside:
        unquoted = unquoted.replace(text[q.start : q.end], " ")
    if _words(unquoted) <= 2 and len(inside) == 1 and inside[0].words(text) >= _MIN_DIRECT_WORDS:
        # the content is the quote: a direct quote (not a word or two the clause quotes: "she was
        # “Disgraceful!”" is a mixed quote, its clause what was said)
        q = inside[0]
        quoted_spans: tuple[QuoteSpan, ...] = (q,)
        end = q.end
        if cue.start >= q.end:
            # “A,” she said, “B.”: the quote goes on after the attribution
            following = continuation(state.doc, cue, state.quotes, state.cues, state.lexicon)
            if following:
                end = following[-1].end
                quoted_spans += tuple(following)
        return Found(q.start, end, "direct", cue, mention, rule="cue_statements", quotes=quoted_spans)
    kind = "mixed" if quoted < (end - start) else "direct"
    start, pieces = _around_cue(state.doc, cue, start, end)
    return Found(start, end, kind, cue, mention, rule="cue_statements", quotes=tuple(inside), pieces=pieces)


def _surnames(state: AttributionState) -> set[str]:
    """The surnames of the persons the article names (computed once)."""
    if "surnames" not in state.cache:
        state.cache["surnames"] = {surname(e.text) for e in state.doc.ents if e.label_ == "PERSON"} - {""}
    return state.cache["surnames"]  # type: ignore[return-value]


def _with_line(state: AttributionState, f: Found) -> Found | None:
    """``f`` (a line a label opens) against the cue statements it overlaps: a transcript turn takes their
    place (a cue inside a turn is speech the speaker reports); a subheading gives way to its own cue."""
    overlapping_cues = [k for k in state.found if k.cue is not None and k.start < f.end and f.start < k.end]
    if f.turn:
        for k in overlapping_cues:
            state.withdraw(k)
    elif overlapping_cues:
        return None  # the line's own cue already gave it ("Stoltenberg noted that ...")
    return f


@register("labelled_lines", order=20)
def labelled_lines_rule(state: AttributionState) -> Iterator[Found]:
    """A line a speaker label opens: transcript turns ("PENCE: Well, look, ...") and subheadings
    ("Tajani: “...”")."""
    for f in labelled_lines(state.doc, state.quotes, state.lexicon, _surnames(state)):
        line = _with_line(state, f)
        if line is not None:
            yield line


@register("dash_labels", order=30)
def dash_labels_rule(state: AttributionState) -> Iterator[Found]:
    """A source label after a dash inside a line, before a quote, as digests print them ("... JUST EARLY -
    Mark Blumenthal: “...”")."""
    for f in dash_labels(state.doc, state.quotes, _surnames(state)):
        line = _with_line(state, f)
        if line is not None:
            yield line


# -- rules over the quotes no earlier rule attributed ----------------------------------------------


def _paragraph(text: str, q: QuoteSpan) -> tuple[int, int]:
    """Where the paragraph of ``q`` starts (at the blank line before it) and ends."""
    para_end = text.find("\n\n", q.end)
    para_start = text.rfind("\n\n", 0, q.start)
    return max(0, para_start), len(text) if para_end < 0 else para_end


def _quote_found(
    state: AttributionState,
    q: QuoteSpan,
    cue: Cue,
    mention: Mention,
    span: tuple[int, int],
    rule: str,
) -> Found:
    """A long quote a cue next to it attributes (with the quotes before it that a "said this" covers and
    those that go on after the attribution)."""
    inside = tuple(overlapping(*span, state.quotes))
    kind = "direct" if len(inside) == 1 else "mixed"
    start, end = (q.start, q.end) if kind == "direct" else span
    if cue.start >= q.end:
        # “A,” she said, “B.”: the quote goes on after the attribution
        following = continuation(state.doc, cue, state.quotes, state.cues, state.lexicon)
        if following:
            end = following[-1].end
            inside = inside + tuple(following)
    return Found(start, end, kind, cue, mention, rule=rule, quotes=inside)


def _cue_after(state: AttributionState, q: QuoteSpan) -> tuple[Cue, Token, bool, bool] | None:
    """The first cue after ``q`` in its paragraph with a speaker: the cue, its subject, whether they stand
    in the quote's sentence ("“...,” he said") and whether the cue points back at it ("X said this").
    Read once per quote (two rules ask)."""
    seen = state.cache.setdefault("cue_after", {})
    assert isinstance(seen, dict)
    if q not in seen:
        seen[q] = _first_cue_after(state, q)
    return seen[q]


def _first_cue_after(state: AttributionState, q: QuoteSpan) -> tuple[Cue, Token, bool, bool] | None:
    doc, text, quotes = state.doc, state.text, state.quotes
    para_end = _paragraph(text, q)[1]
    after = sentence_after(doc, q)
    for cue in state.cues:
        if not (q.end <= cue.start < para_end):
            continue
        between = text[q.end : cue.start]
        head = doc[cue.head]
        subject = find_subject(doc, head)
        if (subject is None or any(qq.start <= subject.idx < qq.end for qq in quotes)) and _words(between) <= 8:
            subject = name_between(doc, q.end, cue.start)
        if subject is None or any(qq.start <= subject.idx < qq.end for qq in quotes):
            continue
        own_content = clause_content(doc, head) is not None
        # no sentence ends between the quote and its speaker (the "Mr." of "Mr. Tate wrote" ends none)
        before_speaker = text[q.end : min(cue.start, subject.left_edge.idx) if subject.idx >= q.end else cue.start]
        # the parser often ends a sentence at a closing quote mark: “...?” Clinton said. But a quote that
        # ends its sentence is not the content of a cue that has its own ('“...” Russia insisted that ...')
        ends_sentence = text[max(q.start, q.end - 1) : q.end] in (".", "!", "?")
        same_sentence = (
            _words_besides(doc, q.end, cue.start, subject, head) <= 6
            and not (ends_sentence and own_content)
            and ((after is not None and cue.start < after.end_char) or not _SENTENCE_END.search(before_speaker))
            and not (ends_sentence and _words(before_speaker))  # '“... bad.” But Mr. Trump did not respond'
        )
        pointer = any(c.dep_ in ("dobj", "advmod") and c.lower_ in POINTERS for c in head.children)
        points_back = pointer and not (own_content and not same_sentence) and _words(between) <= 8
        return cue, subject, same_sentence, points_back
    return None


def _chain_start(state: AttributionState, q: QuoteSpan) -> int:
    """Where the run of quotes that ends with ``q`` starts in its paragraph (a "said this" after several
    quotes covers them all)."""
    text = state.text
    para_start = _paragraph(text, q)[0]
    first = q
    for earlier in sorted((qq for qq in state.quotes if para_start <= qq.start < q.start), key=lambda x: -x.start):
        if _words(text[earlier.end : first.start]) > 12 or "\n" in text[earlier.end : first.start]:
            break
        first = earlier
    return first.start


def cue_after_quote(state: AttributionState, q: QuoteSpan) -> tuple[Cue, Mention, tuple[int, int]] | None:
    """'“...,” he said': the first cue after the quote, its speaker in the quote's sentence."""
    after = _cue_after(state, q)
    if after is None or not after[2]:
        return None
    return after[0], mention_for(state.doc, after[1]), (_chain_start(state, q), q.end)


def pointer_cue(state: AttributionState, q: QuoteSpan) -> tuple[Cue, Mention, tuple[int, int]] | None:
    """'“...” X said this regarding ...': the first cue after the quote points back at it."""
    after = _cue_after(state, q)
    if after is None or after[2] or not after[3]:
        return None
    return after[0], mention_for(state.doc, after[1]), (_chain_start(state, q), q.end)


def _lead_ends_clause(state: AttributionState, q: QuoteSpan) -> bool:
    lead = before_quote(state.text, _paragraph(state.text, q)[0], q.start)
    return lead.endswith((":", ","))


def cue_before_quote(state: AttributionState, q: QuoteSpan) -> tuple[Cue, Mention, tuple[int, int]] | None:
    """'He said: “...”', 'X told reporters, “...”': a cue before the quote in its paragraph, a cue in
    the main clause before one in a modifier ("an idea advocated by X: ...")."""
    if not _lead_ends_clause(state, q):
        return None
    doc, text = state.doc, state.text
    para_start = _paragraph(text, q)[0]
    candidates = []
    for cue in reversed(state.cues):
        if not (para_start <= cue.start < q.start):
            continue
        if _words(text[cue.end : q.start]) > 25:
            break
        head = doc[cue.head]
        subject = find_subject(doc, head)
        if subject is None or any(qq.start <= subject.idx < qq.end for qq in state.quotes):
            continue
        rank = 0 if head.dep_ in ("ROOT", "conj") else 1
        candidates.append((rank, -cue.start, cue, subject))
    if not candidates:
        return None
    _, _, cue, subject = min(candidates, key=lambda c: (c[0], c[1]))
    return cue, mention_for(doc, subject), (q.start, q.end)


def inverted_quote(state: AttributionState, q: QuoteSpan) -> tuple[Cue, Mention, tuple[int, int]] | None:
    """'Said Ellis: “...”', 'Added the senator, “...”'."""
    if not _lead_ends_clause(state, q):
        return None  # (cue_before_quote, before it, takes a cue of the clause when there is one)
    inverted = inverted_cue(state.doc, _paragraph(state.text, q)[0], q.start, state.lexicon)
    return None if inverted is None else (*inverted, (q.start, q.end))


def colon_quote(state: AttributionState, q: QuoteSpan) -> tuple[Cue, Mention, tuple[int, int]] | None:
    """'Hannity interjected: “...”': the subject of the clause that a colon or comma ends before the
    quote (not a "Source: X" block)."""
    if source_line(state.doc, q) is not None:
        return None
    led = colon_speaker(state.doc, q)
    return None if led is None else (*led, (q.start, q.end))


def comma_quote(state: AttributionState, q: QuoteSpan) -> tuple[Cue, Mention, tuple[int, int]] | None:
    """'“...,” Trump shot back.': a quote closed by a comma, its speaker and any verb after it."""
    text = state.text
    if not (_COMMA_CLOSE.match(text, q.end) or (text[q.end - 1 : q.end] in ("?", "!") and _ASIDE.match(text, q.end))):
        return None
    tail = comma_speaker(state.doc, q)
    return None if tail is None else (*tail, (q.start, q.end))


NextToQuote = Callable[[AttributionState, QuoteSpan], "tuple[Cue, Mention, tuple[int, int]] | None"]

# the cascade of cues next to a quote, in order, with the rule names
ADJACENT: tuple[tuple[str, NextToQuote], ...] = (
    ("cue_after_quote", cue_after_quote),
    ("pointer_cue", pointer_cue),
    ("cue_before_quote", cue_before_quote),
    ("inverted_cue", inverted_quote),
    ("colon_speaker", colon_quote),
    ("comma_speaker", comma_quote),
)


def adjacent_cue(state: AttributionState, q: QuoteSpan) -> tuple[Cue, Mention, tuple[int, int], str] | None:
    """The first of the :data:`ADJACENT` cascade that attributes ``q``: cue, mention, span and the rule's
    name."""
    for name, step in ADJACENT:
        found = step(state, q)
        if found is not None:
            return (*found, name)
    return None


def _adjacent_rule(name: str, step: NextToQuote) -> RuleFunc:
    def rule(state: AttributionState) -> Iterator[Found]:
        for q in state.open_quotes():
            found = step(state, q)
            if found is not None:
                yield _quote_found(state, q, *found, name)

    rule.__doc__ = step.__doc__
    rule.__name__ = f"{name}_rule"
    return rule


for _order, (_name, _step) in enumerate(ADJACENT, 40):
    register(_name, order=_order)(_adjacent_rule(_name, _step))


@register("dash_attribution", order=60)
def dash_attribution_rule(state: AttributionState) -> Iterator[Found]:
    """'“...” ― Jorge Falcon': a name after a dash at the end of the quote's line."""
    for q in state.open_quotes():
        mention = dash_attribution(state.doc, q)
        if mention is not None:
            yield Found(q.start, q.end, "direct", None, mention, rule="dash_attribution", quotes=(q,))


@register("source_line", order=70)
def source_line_rule(state: AttributionState) -> Iterator[Found]:
    """A "Quote: ..." block whose speaker a "Source: X" line just before it gives."""
    for q in state.open_quotes():
        mention = source_line(state.doc, q)
        if mention is not None:
            yield Found(q.start, q.end, "direct", None, mention, rule="source_line", quotes=(q,))


@register("named_after", order=75)
def named_after_rule(state: AttributionState) -> Iterator[Found]:
    """'“...” The charge came from Coun. Reyes.', '“...” That was Greg Amos, whose ...': a quote alone in
    its sentence whose speaker the next sentence names, before any fall-back to the previous speaker."""
    for q in state.open_quotes():
        named = named_after(state.doc, state.text, q, state.lexicon)
        if named is not None:
            cue, mention = named
            yield Found(q.start, q.end, "direct", cue, mention, rule="named_after", quotes=(q,))


@register("sentence_before", order=80)
def sentence_before_rule(state: AttributionState) -> Iterator[Found]:
    """'Bystrom agreed. “...”': a quote that opens a sentence after one whose subject is a person; or a
    quote that opens a paragraph after a one-sentence paragraph in which a person speaks."""
    for q in state.open_quotes():
        introduced = sentence_before(state.doc, q, state.quotes) or paragraph_before(state, q)
        if introduced is not None:
            cue, mention = introduced
            yield Found(q.start, q.end, "direct", cue, mention, rule="sentence_before", quotes=(q,))


@register("unattributed", order=90)
def unattributed_rule(state: AttributionState) -> Iterator[Found]:
    """A long quote no rule attributed: no speaker (the assembly may give it the previous speaker); never
    the title of a work ('author of “America’s Bitter Pill”', 'a column titled “Clinton Does Best Where
    Machines Flunk”')."""
    for q in state.open_quotes():
        if not work_title(state.doc, q):
            yield Found(q.start, q.end, "direct", None, None, rule="unattributed", quotes=(q,))


_TITLE_SMALL = frozenset(
    {"a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "for", "with", "at", "by", "as"}
)
_TITLING = frozenset({"titled", "entitled", "headlined", "dubbed"})


def work_title(doc: Doc, q: QuoteSpan) -> bool:
    """``q`` is the title of a book, show, film or article: a short run of capitalised words (small words
    aside) that a noun, preposition or possessive before its mark ('his book “The Art of the Deal”', 'roles in
    “Apollo 13”') or a verb of titling ('titled “...”') makes a name."""
    text = doc_text(doc)
    words = re.findall(r"[^\W\d_][\w’'-]*", text[q.start : q.end])
    content = [w for w in words if w.lower() not in _TITLE_SMALL]
    if not content or len(words) > 14 or sum(w[0].isupper() for w in content) < len(content):
        return False
    if "!" in text[q.start : q.end]:
        return False  # a chant: “Ted! Ted! Ted!”
    before = re.findall(r"[\w’']+", text[max(0, q.start - 30) : q.start])
    if "as" in (w.lower() for w in before[-2:]):
        return False  # 'what he described as (the) “Total Disaster”': a characterisation may be someone's words
    return _names_a_work(doc, q) or bool(before and before[-1].lower() in _TITLING)


@register("short_quote", order=95)
def short_quote_rule(state: AttributionState) -> Iterator[Found]:
    """Quotes of a few words that a cue right next to them attributes: '“Not even one,” he said',
    '“Quiet!” she shouted', 'He said, “No.”'. Without such a cue a short quote is a scare quote or a title."""
    text = state.text
    found = list(state.found)  # a short quote is judged against what the longer rules found
    short = [q for q in state.quotes if 0 < q.words(text) < state.min_quote_words and q not in state.bound]
    for q in short:
        if any(f.start <= q.start and q.end <= f.end for f in found):
            continue
        attributed = _short_attribution(state, q)
        if attributed is not None:
            yield attributed


def _short_attribution(state: AttributionState, q: QuoteSpan) -> Found | None:
    """A short quote as a whole sentence of its own: it opens its sentence and the cue follows ('“Not even
    one,” he said'), or a cue and a comma or colon open the sentence it ends ('He said, “No.”')."""
    text = state.text
    closed = text[q.end - 1] in "!?" or bool(_COMMA_CLOSE.match(text, q.end))
    lead = text[: q.start].rstrip(LEAD_MARKS)
    if not closed and not lead.endswith((":", ",")):
        return None
    attribution = adjacent_cue(state, q)
    if attribution is None:
        return None
    cue, mention, _, _ = attribution
    opens = not lead.strip() or lead.rstrip().endswith((".", "!", "?", "\n")) or lead[-1:] == "\n"
    ends = bool(_SENTENCE_CLOSE.match(text, q.end - 1))
    after = opens and closed and cue.start >= q.end and _words(text[q.end : cue.start]) <= 3
    before = ends and cue.end <= q.start and _words(text[cue.end : q.start]) == 0
    if not (after or before):
        return None
    # “The risk,” she said, “is that ...”: the pieces of one utterance
    pieces = (q, *continuation(state.doc, cue, state.quotes, state.cues, state.lexicon)) if after else (q,)
    return Found(q.start, pieces[-1].end, "direct", cue, mention, rule="short_quote", quotes=pieces)


def _around_cue(doc: Doc, cue: Cue, start: int, end: int) -> tuple[int, tuple[tuple[int, int], ...]]:
    """A content span that holds its own cue ("The industry, she said, is doing better") as the pieces
    around the cue; what stands before it is kept when it holds the clause's subject, not an adverbial
    ("Still, he said, ...", "In the end, he said, ..."). Returns the start and
    the pieces (none when the cue stands outside the span)."""
    if not start < cue.start < end:
        return start, ()
    text = doc_text(doc)
    cut_start, cut_end = cue_range(doc, doc[cue.head])
    before = trim(text, start, cut_start)
    after = trim(text, cut_end, end)
    if after[1] <= after[0]:
        return start, ()
    governor = doc[cue.head].head
    span = doc.char_span(*before, alignment_mode="expand") if before[1] > before[0] else None
    if span is None or not any(t.dep_ in _SUBJECTS and t.head.i == governor.i for t in span):
        return after[0], ()  # "In the end, he said, ...": an adverbial before the cue, not what was said
    return start, (before, after)


def _conjoined_report(doc: Doc, cue: Cue, cues: list[Cue], start: int, end: int) -> tuple[Cue, int] | None:
    """A cue verb inside ``cue``'s content, conjoined there without a subject of its own and in the cue's
    tense ("X said [he makes $41,000 a year] and questioned ..."): the parser hung the speaker's second
    report on the reported clause. That cue, and where the content ends before it."""
    tag = doc[cue.head].tag_
    for other in cues:
        verb = doc[other.head]
        if not (start < other.start < end) or verb.dep_ != "conj" or verb.tag_ != tag:
            continue
        if any(c.dep_ in ("nsubj", "nsubjpass", "expl", "csubj") for c in verb.children):
            continue
        k = min(t.i for t in verb.subtree) - 1
        while k > 0 and (doc[k].dep_ == "cc" or doc[k].is_punct or doc[k].lower_ in ("and", "but", "or")):
            k -= 1
        cut = doc[k].idx + len(doc[k])
        if cut > start:
            return other, cut
    return None


def content_of(doc: Doc, cue: Cue, head: Token, lexicon: Lexicon) -> tuple[int, int] | None:
    """The character span of what ``cue`` reports, by its class."""
    if cue.cls == "according" or as_reported(head):
        return according_content(doc, head, lexicon.speech)
    if cue.cls == "appeal":
        particle = doc[cue.particle] if cue.particle is not None else None
        return appeal_content(doc, head, particle)
    if cue.cls == "topic" and cue.particle is not None:
        return topic_content(doc, doc[cue.particle])
    span = clause_content(doc, head, lexicon.hearers)
    if span is None and cue.cls == "speech":  # not "as he welcomed the guests": that is a time
        span = as_content(doc, head) or aside_content(doc, head)
    if span is None and cue.lemma in lexicon.questions:
        span = question_content(doc, head)
    if span is None and (cue.cls == "object" or cue.lemma in lexicon.object):
        span = object_content(doc, head, min_words=1 if cue.lemma in lexicon.short_objects else 4)
    if span is None and cue.lemma in lexicon.spoken_objects:
        span = object_content(doc, head)
    if span is None and cue.cls == "speech":
        span = answer_content(doc, head, lexicon.answers)
    return span


def _verb_cue(token: Token) -> Cue:
    return Cue(token.i, token.idx, token.idx + len(token.text), token.text, token.lemma_.lower(), "speech")


def _speaker_token(token: Token) -> bool:
    """A token that can head a speaker mention: a name (the tagger often reads a surname as a noun or a
    verb: "Hannity interjected"), a personal pronoun, a role noun."""
    if token.lower_ in POINTERS or token.lower_ in ("there", "which", "what", "who"):
        return False
    return (
        token.ent_type_ in ("PERSON", "ORG", "NORP")
        or token.pos_ in ("PROPN", "PRON")
        or (token.text[:1].isupper() and token.text[1:2].islower() and not token.ent_type_)
        or (token.pos_ == "NOUN" and role_in(token.text) is not None)
    )


def comma_speaker(doc: Doc, q: QuoteSpan) -> tuple[Cue, Mention] | None:
    """'“...,” Trump shot back.', '“...,” said Richard L. Trumka, president of ...': a quote closed by a
    comma is followed by its speaker and a verb the cue lexicon does not know (any verb of speaking
    manner: barked, fumed, charged, wrote), or by the verb and then the name."""
    text = doc_text(doc)
    span = doc.char_span(q.end, min(len(text), q.end + 200), alignment_mode="expand")
    if span is None or not len(span):
        return None
    tokens = [t for t in span if not (t.is_space or (t.is_punct and t.i == span.start))][:12]
    while tokens and tokens[0].is_punct:
        tokens = tokens[1:]
    if not tokens or "\n" in text[q.end : tokens[0].idx]:
        return None
    first = tokens[0]
    if first.pos_ in ("VERB", "AUX") and first.is_lower:
        # "said Robert Reich, who ...": the verb first, then the speaker
        name = next((t for t in tokens[1:5] if t.pos_ == "PROPN" or t.ent_type_ == "PERSON"), None)
        if name is None or any(t.is_punct for t in tokens[1 : name.i - first.i]):
            return None
        while name.i + 1 < len(doc) and doc[name.i + 1].pos_ == "PROPN":
            name = doc[name.i + 1]
        return _verb_cue(first), mention_for(doc, name, left_limit=first.i + 1)
    for k, t in enumerate(tokens):
        if (t.is_punct and t.text != ",") or (t.is_sent_start and k):
            return None
        if t.pos_ == "VERB" and t.is_lower:
            subject = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < t.i), None)
            if subject is None or subject.i < first.i or not _speaker_token(subject):
                return None
            return _verb_cue(t), mention_for(doc, subject, left_limit=first.i)
    return None


def _colon_subject(subject: Token) -> Token | None:
    """The token that names the speaker of a clause whose subject is ``subject``: a speaker token itself, the
    name a common noun has beside it ("The Slate columnist David Auerbach", "One early supporter,
    Representative Lee Zeldin, ...", "The Clinton campaign"), the writer of a document ("Hoff's letter")."""
    if _speaker_token(subject):
        return subject
    if subject.pos_ != "NOUN":
        return None
    for c in subject.children:
        named = c.ent_type_ in ("PERSON", "ORG") or c.pos_ == "PROPN"
        if c.dep_ == "appos" and named:
            return c
        if c.dep_ == "compound" and named:
            return subject
        if c.dep_ == "poss" and named and subject.lower_ in document_nouns():
            return c
    return None


def _clause_speaker(verb: Token, before: list[Token], mark: str) -> Token | None:
    """The token that names the speaker of the clause of ``verb`` that ends in ``mark`` before a quote."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and any(c.tag_ == "VBG" and c.pos_ == "VERB" for c in verb.children):
        # "the cleric is shown lecturing: “...”", "he was heard saying: “...”"
        subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    speaker = None if subject is None else _colon_subject(subject)
    if speaker is None and mark == ":" and before[-1].ent_type_ == "PERSON" and before[-1].dep_ == "dobj":
        return before[-1]  # "The surge doesn't surprise Republican pollster Daron Shaw: “...”"
    if speaker is None or subject is None or subject.lower_ in ("it", "this", "that"):
        return None
    return speaker


def colon_speaker(doc: Doc, q: QuoteSpan) -> tuple[Cue, Mention] | None:
    """'Hannity interjected: “...”', 'Sanders delivered a snappy retort: “...”', '- Philip Bump: “...”',
    'Billy Joel sings, “...”', 'Trump issued the following statement:' and the quote in the next paragraph:
    the clause that ends in a colon or comma right before a quote names its speaker as the subject of its
    verb (any verb), or, before a colon and without a verb, as the name that stands just before it."""
    text = doc_text(doc)
    lead = before_quote(text, 0, q.start).rstrip(" \t")
    mark = lead[-1:]
    if mark not in (":", ","):
        lead = lead.rstrip("\n \t")
        if lead[-1:] != ":" or text[len(lead) : q.start].count("\n\n") != 1:
            return None  # a paragraph break only after a colon ("issued the following statement:")
        mark = ":"
    span = doc.char_span(len(lead) - 1, len(lead), alignment_mode="expand")
    if span is None or not len(span):
        return None
    sent = sent_of(span[0])
    before = [t for t in doc[sent.start : span[0].i] if not t.is_space]
    if not before or "\n" in text[before[0].idx : len(lead)]:
        line = text.rfind("\n", 0, len(lead) - 1) + 1
        before = [t for t in before if t.idx >= line]
    if not before:
        return None
    inside = {t.i for t in before}
    # the clause's own verb: the root, or a verb the parser hung on the quote's words ("Sanders delivered a
    # retort: “No one is tearing this up”" reads "delivered" as a clause of "tearing")
    verbs = [t for t in before if t.pos_ == "VERB" and (t.dep_ in ("ROOT", "conj") or t.head.i not in inside)]
    if mark == ",":
        # not a subordinate clause ("When she arrived, “...”"), but "As Milbank puts it, “...”"
        verbs = [v for v in verbs if not any(c.lower_ in _SUBORDINATORS for c in v.children)]
    if not verbs and mark == ":":
        # "Mitt Romney, the nominee, tweeted in response: “...”": the parser hung the verb on the name as
        # a clause of it and the name on a verb of the quote
        verbs = [t for t in before if t.pos_ == "VERB" and t.dep_ == "acl" and t.head.i < t.i]
        verbs = [v for v in verbs if (v.head.head.i not in inside or v.head.dep_ == "ROOT") and _speaker_token(v.head)]
        if verbs:
            return _verb_cue(verbs[0]), mention_for(doc, verbs[0].head)
    if verbs:
        speaker = _clause_speaker(verbs[0], before, mark)
        return None if speaker is None else (_verb_cue(verbs[0]), mention_for(doc, speaker))
    if mark == ",":
        return None
    dashes = [k for k, t in enumerate(before) if k and t.text[:1] in "-–—" and before[k - 1].whitespace_]
    if dashes:
        before = before[dashes[-1] + 1 :]  # "... were there all along - More from Blumenthal and Cohen: “...”"
    if not before or any(t.pos_ in ("VERB", "AUX") for t in before):
        return None
    names = [t for t in before[-4:] if t.ent_type_ in ("PERSON", "ORG")]  # not a "Quote:" label
    if not names or names[-1].i != before[-1].i:
        return None
    head = names[-1]
    return _verb_cue(head), mention_for(doc, head, left_limit=before[0].i)


def sentence_before(doc: Doc, q: QuoteSpan, quotes: list[QuoteSpan]) -> tuple[Cue, Mention] | None:
    """'Bystrom agreed. “...”', 'Cruz tweeted a warning. “...”': a quote that opens a sentence after one,
    in its paragraph, whose subject is a person (a name or a personal pronoun) introduces them (never a
    subject that the parser took from an earlier quote's words)."""
    text = doc_text(doc)
    para_start = text.rfind("\n", 0, q.start) + 1
    lead = text[para_start : q.start]
    opener = len(lead) - len(lead.rstrip(OPEN_MARKS + "'"))
    lead = lead[: len(lead) - min(opener, 2)].rstrip(" \t")  # the quote's own mark, not one that closes
    if not lead.endswith((".", "!", "?")):
        return None
    span = doc.char_span(para_start, para_start + len(lead), alignment_mode="contract")
    if span is None or not len(span):
        return None
    stops = [t.i for t in span[:-1] if t.text in (".", "!", "?") and t.i + 1 < span.end and doc[t.i + 1].is_title]
    tokens = [t for t in doc[max(stops, default=span.start - 1) + 1 : span.end] if not t.is_space]
    inside = {t.i for t in tokens}
    verbs = [t for t in tokens if t.pos_ == "VERB" and (t.dep_ == "ROOT" or t.head.i not in inside)]
    if not verbs or any(c.dep_ == "mark" for c in verbs[0].children):
        return None
    subject = next((c for c in verbs[0].children if c.dep_ == "nsubj"), None)
    if (
        subject is None
        or any(qq.start <= subject.idx < qq.end for qq in quotes)
        or not (
            subject.ent_type_ == "PERSON"
            or (subject.pos_ == "PROPN" and subject.ent_type_ in ("", "PERSON"))
            or subject.lower_ in ("he", "she")
        )
    ):
        return None
    return _verb_cue(verbs[0]), mention_for(doc, subject)


def paragraph_before(state: AttributionState, q: QuoteSpan) -> tuple[Cue, Mention] | None:
    """'Howard continued his scathing remarks.¶“...”': a quote that opens its paragraph after a paragraph
    of one sentence, without quote marks, whose verb is a cue (or an inverted cue: "continued") and whose
    subject is a person's name or "he"/"she": that person speaks."""
    doc, text = state.doc, state.text
    if text[text.rfind("\n", 0, q.start) + 1 : q.start].strip(OPEN_MARKS + "' \t"):
        return None  # the quote does not open its paragraph
    para_start = text.rfind("\n\n", 0, q.start)
    prev_start = text.rfind("\n\n", 0, max(para_start, 0)) + 2 if para_start > 0 else -1
    if prev_start < 0:
        return None
    lead = text[prev_start:para_start].strip()
    if not lead.endswith(".") or "\n" in lead or any(m in lead for m in OPEN_MARKS + END_MARKS):
        return None
    span = doc.char_span(text.index(lead, prev_start), text.index(lead, prev_start) + len(lead), "contract")
    if span is None or len(list(span.sents)) != 1:
        return None
    verb = span.root
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or not (state.lexicon.verb_class(lemma) or verb.lower_ in state.lexicon.inverted):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.ent_type_ == "PERSON" or subject.lower_ in ("he", "she")):
        return None
    return _verb_cue(verb), mention_for(doc, subject)


def _names_someone(doc: Doc, m: re.Match[str], span: Span, surnames: set[str], transcript_doc: bool) -> bool:
    """Whether the label of line ``m`` (its tokens ``span``) names someone: a person or organisation to
    the tagger, the surname of a person the article names, a transcript's capitals, a subheading's proper
    nouns; never a label with a verb or pronoun in it ("He said:")."""
    text = doc_text(doc)
    label, start = m.group(1), m.start(1)
    named = any(t.ent_type_ in ("PERSON", "ORG") for t in span) or surname(label) in surnames
    quoted_line = text[m.start() : start].strip() in DOUBLE_OPENERS
    if not named and label.isupper() and len(label) >= 3 and (transcript_doc or quoted_line):
        # a transcript's "PENCE:", however the tagger read the capitals (never a place: "PARIS:")
        named = not any(t.ent_type_ in ("GPE", "LOC", "FAC", "DATE", "TIME") for t in span)
    elif not named and text[m.start(2)] in OPEN_MARKS:
        # a subheading's "Tajani: “...”" the tagger did not recognise
        named = all(t.pos_ == "PROPN" and t.ent_type_ in ("", "NORP") for t in span)
    return named and (label.isupper() or not any(t.pos_ in ("VERB", "AUX", "PRON") and t.ent_type_ == "" for t in span))


def _turn_end(text: str, content_end: int) -> int:
    """Where a transcript turn ends: it goes on over the following paragraphs that open with a quote mark
    and no label, up to a stage direction ("(CROSSTALK.)")."""
    for nxt in _TURN_PARAGRAPH.finditer(text, content_end):
        if text[content_end : nxt.start()].strip() or _LABEL_LINE.match(text, nxt.start()):
            break
        more_start, more_end = trim(text, nxt.start(), nxt.end())
        if more_end <= more_start or text[more_start] in "([":
            break
        content_end = more_end
    return content_end


def _labelled_line(doc: Doc, m: re.Match[str], span: Span, quotes: list[QuoteSpan]) -> Found | None:
    """What the labelled line ``m`` says: the whole quote after the label, a transcript turn, or the line."""
    text = doc_text(doc)
    label, start = m.group(1), m.start(1)
    content_start, content_end = trim(text, m.start(2), m.end())
    if content_end - content_start < 2:
        return None
    inside = tuple(overlapping(content_start, content_end, quotes))
    whole_quote = len(inside) == 1 and abs(inside[0].start - content_start) <= 1 and inside[0].end >= content_end - 1
    if whole_quote:
        content_start, content_end = inside[0].start, inside[0].end
    transcript = label.isupper() or text[m.start() : start].strip() in DOUBLE_OPENERS
    if transcript and not whole_quote:
        content_end = _turn_end(text, content_end)
        inside = tuple(overlapping(content_start, content_end, quotes))
    kind = "direct" if whole_quote or transcript else ("mixed" if inside else "indirect")
    head = span[-1]
    name = label.title() if label.isupper() else label
    mention = Mention(start, start + len(label), head.i, label, name, "PERSON" if head.ent_type_ != "ORG" else "ORG")
    return Found(
        content_start,
        content_end,
        kind,
        None,
        mention,
        rule="labelled_lines",
        quotes=inside,
        turn=transcript and not whole_quote,
    )


def labelled_lines(doc: Doc, quotes: list[QuoteSpan], lexicon: Lexicon, surnames: set[str]) -> list[Found]:
    """Lines that a speaker label opens: transcript turns ("WALLACE: Let's start ...") and subheadings
    ("Tajani: “...”"). The label must name someone: a person or organisation to the tagger, or the
    surname of a person the article names."""
    text = doc_text(doc)
    out: list[Found] = []
    # a transcript: at least two different speakers in capitals ("WALLACE:", "PENCE:")
    lines = list(_LABEL_LINE.finditer(text))
    not_labels = {c.upper() for c in lexicon.not_speaker_labels}
    capitals = Counter(m.group(1) for m in lines if m.group(1).isupper() and m.group(1) not in not_labels)
    # speakers take turns: section heads of a market wrap ("ANALYST'S TAKE:", "CURRENCIES:") each stand once
    transcript_doc = len(capitals) >= 2 and max(capitals.values()) >= 2
    for m in lines:
        label, start = m.group(1), m.start(1)
        if label.lower() in lexicon.not_speaker_labels or _words(text[m.start(2) : m.end()]) < 4:
            continue
        span = doc.char_span(start, start + len(label), alignment_mode="contract")
        if span is None or not len(span) or not _names_someone(doc, m, span, surnames, transcript_doc):
            continue
        found = _labelled_line(doc, m, span, quotes)
        if found is not None:
            out.append(found)
    return out


def dash_labels(doc: Doc, quotes: list[QuoteSpan], surnames: set[str]) -> list[Found]:
    """Quotes a source label introduces after a dash inside a line, as digests print them: "IOWA POLLS NOT
    WRONG, JUST EARLY - Mark Blumenthal and Jon Cohen: “...”". The label must name someone."""
    text = doc_text(doc)
    out: list[Found] = []
    for m in _DASH_LABEL.finditer(text):
        label, start = m.group(1), m.start(1)
        span = doc.char_span(start, start + len(label), alignment_mode="contract")
        inside = [q for q in quotes if m.start(2) <= q.start <= m.start(2) + 2]
        if span is None or not len(span) or not inside:
            continue
        named = any(t.ent_type_ in ("PERSON", "ORG") for t in span) or surname(label) in surnames
        if not named and not all(t.pos_ == "PROPN" and t.ent_type_ in ("", "NORP") for t in span):
            continue  # a name the tagger did not recognise is still a run of proper nouns; "NEW YORK" is none
        q = inside[0]
        head = span[-1]
        mention = Mention(
            start, start + len(label), head.i, label, label, "ORG" if head.ent_type_ == "ORG" else "PERSON"
        )
        out.append(Found(q.start, q.end, "direct", None, mention, rule="dash_labels", quotes=(q,)))
    return out


def inverted_cue(doc: Doc, start: int, end: int, lexicon: Lexicon) -> tuple[Cue, Mention] | None:
    """'Said Ellis: “...”', 'Added the senator, “...”': a sentence that the cue verb itself opens
    (the tagger often reads "Said Ellis" as a name, so the words are matched, not the parse)."""
    lead = before_quote(doc_text(doc), start, end)
    m = re.search(r"(?:^|[.!?][”\"’]?\s+|\n\s*)([A-Z][a-z]+)\s+([^.:;\n]{1,80}?)\s*[:,]$", lead)
    if not m or m.group(1).lower() not in lexicon.inverted:
        return None
    verb_start, name_start = start + m.start(1), start + m.start(2)
    span = doc.char_span(name_start, name_start + len(m.group(2)), alignment_mode="expand")
    if span is None:
        return None
    heads = [t for t in span if t.pos_ in ("PROPN", "NOUN", "PRON") or t.ent_type_ in ("PERSON", "ORG")]
    if not heads:
        return None
    head = heads[0]
    while head.i + 1 < span.end and doc[head.i + 1].pos_ in ("PROPN", "NOUN") and doc[head.i + 1].text[0].isupper():
        head = doc[head.i + 1]
    verb = m.group(1)
    verb_span = doc.char_span(verb_start, verb_start + len(verb), alignment_mode="expand")
    if verb_span is None or not len(verb_span):
        return None
    cue = Cue(
        verb_span[0].i,
        verb_start,
        verb_start + len(verb),
        verb,
        verb.lower(),
        "speech",
    )
    return cue, mention_for(doc, head, left_limit=span.start)


def continuation(doc: Doc, cue: Cue, quotes: list[QuoteSpan], cues: list[Cue], lexicon: Lexicon) -> list[QuoteSpan]:
    """Quotes that continue right after an attribution ("“A,” she said, “B. C.”"), unless they carry
    an attribution of their own."""
    text = doc_text(doc)
    # a quoted name in the attribution ('said on NBC’s “Meet the Press.” “B.”') is skipped, not said
    after = sorted((qq for qq in quotes if qq.start > cue.end), key=lambda x: x.start)
    first = next((qq for qq in after if not _names_a_work(doc, qq) and not work_title(doc, qq)), None)
    if first is None:
        return []
    gap = text[cue.end : first.start]
    if "\n" in gap.strip(" \t") or _words(gap) > 45 or first.words(text) < 2:
        return []
    own = find_subject(doc, doc[cue.head])
    lead = before_quote(text, cue.end, first.start)
    for c in cues:
        if not cue.end < c.start < first.start:
            continue
        # another verb in between ends the chain when it introduces the next quote itself ("..., adding:
        # “...”", "Lavrov said: “...”") or when someone else speaks there; not a participle of the same
        # speaker ("speaking of ...") or a narrator's aside about them
        if lead.endswith((":", ",")):
            return []
        span = content_of(doc, c, doc[c.head], lexicon)
        if span is not None and span[0] <= first.start < span[1] + 2:
            return []  # the next quote is part of that cue's own clause ("he said, can “rock like Jimi”")
        subject = find_subject(doc, doc[c.head])
        if subject is None or (own is not None and subject.i == own.i):
            continue
        if subject.pos_ != "PRON" or sent_of(doc[c.head]).start_char <= first.start < sent_of(doc[c.head]).end_char:
            return []  # someone else, or "he said" in the very sentence of the next quote
    chain = [first]
    for qq in after[after.index(first) + 1 :]:
        if _names_a_work(doc, qq) or work_title(doc, qq):
            continue
        between = text[chain[-1].end : qq.start]
        if _words(between) > 12 or "\n" in between:
            break
        chain.append(qq)
    tail_end = chain[-1].end
    para_end = text.find("\n", tail_end)
    para_end = len(text) if para_end < 0 else para_end
    for c in sorted((c for c in cues if tail_end <= c.start < para_end), key=lambda c: c.start):
        if _words(text[tail_end : c.start]) > 6 or _closes_sentence(text, tail_end):
            break  # the words before a later cue only grow; after "B." another sentence begins
        subject = find_subject(doc, doc[c.head])
        if subject is not None and subject.idx >= tail_end:
            return []  # the next quote has its own cue ("“...,” he highlighted")
        if subject is not None and c.start - tail_end < 40:
            return []
    return chain


def _closes_sentence(text: str, end: int) -> bool:
    """The quote ending at ``end`` closes its sentence: its last word has a full stop and the text after its
    mark opens another sentence ('“B.” Ohio Gov. John Kasich said ...'), so a cue there is not its own
    ('“B,” he added', '“Why?” she asked')."""
    after = text[end:].lstrip(END_MARKS + "'\" \t")
    return text[end - 1 : end] == "." and after[:1].isupper()


def _names_a_work(doc: Doc, q: QuoteSpan) -> bool:
    """``q`` is a capitalised name in the attribution's own phrase, not more of what was said: the word before
    its mark is a preposition, determiner, possessive or noun ('said on NBC’s “Meet the Press”', 'said Ann
    Lee, the author of “Cold Money”')."""
    text = doc_text(doc)
    lead_end = len(text[: q.start].rstrip(LEAD_MARKS))
    if not text[q.start : q.start + 1].isupper() or lead_end == 0 or not text[lead_end - 1].isalnum():
        return False  # a punctuation mark ends the words before: 'said in Santa Monica, Calif. “B.”'
    span = doc.char_span(lead_end - 1, lead_end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    word = span[-1]
    return word.tag_ == "POS" or word.pos_ in ("ADP", "DET", "NOUN", "PROPN")


def dash_attribution(doc: Doc, q: QuoteSpan) -> Mention | None:
    """“...” ― Jorge Falcon: a name after a dash at the end of the quote's line."""
    text = doc_text(doc)
    line_end = text.find("\n", q.end)
    line_end = len(text) if line_end < 0 else line_end
    tail_start = q.end
    if not text[q.end : line_end].strip(END_MARKS + "'. \t") and line_end < len(text):
        # the quote ends its paragraph: the byline may stand alone on the next line ("\n\n- Hillary Clinton.")
        tail_start = len(text) - len(text[line_end:].lstrip())
        line_end = text.find("\n", tail_start)
        line_end = len(text) if line_end < 0 else line_end
    tail = text[tail_start:line_end]
    m = re.match(r"^[”»\"’']*\s*[―—–-]+\s*(.+?)[.\s]*$", tail)
    if not m or len(m.group(1)) > 80:
        return None
    start = tail_start + m.start(1)
    span = doc.char_span(start, start + len(m.group(1)), alignment_mode="expand")
    if span is None or not len(span):
        return None
    names = [t for t in span if t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG")]
    if not names:
        return None
    byline = m.group(1).split(",")[0]  # "Michelle Marks, Philadelphia": the name, not the place
    words = byline.split()
    if len(words) <= 5 and all(w[:1].isupper() for w in words):
        # a byline of capitalised words is the whole name, however the tagger split it
        name = byline.strip(" .")
        return Mention(start, start + len(name), names[0].i, name, name, "PERSON")
    # "-President Obama, tweeting after Clinton's speech": the first name speaks
    head = names[0]
    while head.i + 1 < span.end and doc[head.i + 1].pos_ == "PROPN":
        head = doc[head.i + 1]
    return mention_for(doc, head)


def sentence_after(doc: Doc, q: QuoteSpan) -> Span | None:
    span = doc.char_span(q.end, min(len(doc_text(doc)), q.end + 1), alignment_mode="expand")
    if span is None or not len(span):
        return None
    return sent_of(span[0])


def source_line(doc: Doc, q: QuoteSpan) -> Mention | None:
    """A "Quote: ..." block whose speaker is given by a "Source: X ..." line just before it."""
    text = doc_text(doc)
    line_start = text.rfind("\n", 0, q.start) + 1
    lead = text[line_start : q.start].strip(LEAD_MARKS)
    if lead.lower().rstrip(":") not in ("quote", "quotation", "statement", ""):
        return None
    window_start = text.rfind("\n\n", 0, max(0, line_start - 2))
    before = text[max(0, window_start) : line_start]
    m = re.search(r"Source:\s*(.+)", before)
    if not m:
        return None
    src_start = max(0, window_start) + m.start(1)
    span = doc.char_span(src_start, src_start + len(m.group(1).rstrip()), alignment_mode="expand")
    if span is None or not len(span):
        return None
    ents = [e for e in ents_in(span) if e.label_ in ("PERSON", "ORG")]
    if ents:
        return mention_for(doc, ents[0].root)
    names = [t for t in span if t.pos_ == "PROPN"]
    return mention_for(doc, names[0]) if names else None
