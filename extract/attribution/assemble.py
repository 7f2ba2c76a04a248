"""Statement assembly: from what the attribution strategies found to :class:`Statement` objects.

Nested finds are dropped, speaker mentions resolved to names within the article
(:mod:`quotegraph.extract.speakers.coref`),
an unattributed quote may continue the previous speaker, a venue or role named once for a speaker
holds for their other statements, and each statement's confidence is how often statements like it are right
(:mod:`quotegraph.extract.attribution.confidence`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import pairwise

from quotegraph.extract.attribution.confidence import COREFERENCE, PREVIOUS_SPEAKER, ConfidenceTable, load_table
from quotegraph.extract.attribution.content import QuoteSpan
from quotegraph.extract.attribution.cues import Lexicon
from quotegraph.extract.attribution.rules import Found
from quotegraph.extract.attribution.venue import find_relay, find_venue
from quotegraph.extract.lookup import doc_text, ents_in, sent_of
from quotegraph.extract.model import Statement
from quotegraph.extract.speakers.coref import NameIndex, add_names, build_index, gender_of, group_nouns, resolve
from quotegraph.extract.speakers.mentions import Mention, document_nouns, role_words, title_role
from quotegraph.extract.text import name_key
from spacy.tokens import Doc

NAMED = frozenset({"PERSON", "PROPN", "ORG", "GPE", "NORP"})
"""Mention labels that name the speaker themselves."""

_SENTENCE_STOP = re.compile(r"[.!?](?=[\s”\"’'»]|$)|\n")
_WORD = re.compile(r"\w+")
_GAP_STOP = re.compile(r"[.!?]\s")
RUN_ON_WORDS = 6  # at most this many words between a statement and the quote that runs on from it
_JOINED_REPORT = re.compile(r"^[,;\s]*(?:and|but|while)?\s*(?:\w+\s+){0,3}$")
"""What stands between two reports of one speaker joined in one sentence ("X said A and said B", "X said A,
but added B", "X said A, saying that B"): a comma or conjunction and the second cue, at most three words."""
_JOINED_KINDS = frozenset({"indirect", "mixed"})
_POINTER_SENTENCE = re.compile(
    r"^\W*(?:He|She|They|It|The \w+)\b[^.]{0,60}\b(?:said|spoke|made|gave|told)\b[^.]{0,20}\b(?:this|these|so|it)\b"
)


@dataclass
class _Article:
    """What assembly carries along an article: the names it gives, the speakers so far (offset, name),
    the last speaker of a paragraph, the last statement with a speaker, venues by speaker."""

    index: NameIndex
    statements: list[Statement] = field(default_factory=list)
    previous: list[tuple[int, str]] = field(default_factory=list)
    last_para_speaker: tuple[int, str | None, Mention | None] | None = None
    last_statement: int = -1  # the last statement with a speaker, which an unattributed quote may continue
    venues: dict[str, str] = field(default_factory=dict)


def assemble(
    doc: Doc,
    found: list[Found],
    quotes: list[QuoteSpan],
    lexicon: Lexicon,
    *,
    unattributed: bool = True,
    min_confidence: float = 0.0,
    table: ConfidenceTable | None = None,
) -> list[Statement]:
    """Statements from what the rules found: nested finds dropped, speakers resolved to names (an
    unattributed quote may continue the previous speaker), venue and role carried over the article, and
    each statement's confidence from the fitted ``table`` (default: the packaged one)."""
    index: NameIndex = build_index(doc, quotes, lexicon.inverted)
    add_names(index, [f.mention for f in found if f.mention is not None])
    run = _Article(index)
    for f in sorted(outermost(found), key=lambda f: f.start):
        _add(doc, f, run, unattributed)
    statements = joined_reports(doc_text(doc), carried_over(run.statements, run.venues))
    table = table if table is not None else load_table()
    statements = [replace(s, confidence=table.confidence(s)) for s in statements]
    return [s for s in statements if s.confidence >= min_confidence]


def outermost(found: list[Found]) -> list[Found]:
    """``found`` without the finds nested in a longer one (a clause inside a clause of the same cue chain)
    and without a second find of the same span."""
    found.sort(key=lambda f: (f.start, -f.end))
    kept: list[Found] = []
    for f in found:
        if any(k.start <= f.start and f.end <= k.end and (k.start, k.end) != (f.start, f.end) for k in kept):
            continue
        if any((k.start, k.end) == (f.start, f.end) for k in kept):
            continue
        kept.append(f)
    return kept


def _speaker_of(doc: Doc, f: Found, run: _Article) -> tuple[str | None, Mention | None, str | None, int | None]:
    """The speaker of ``f``, its mention, the speaker rule and the statement it continues (if any)."""
    if f.mention is not None:
        speaker, _ = resolve(f.mention, run.index, run.previous, doc)
        continued = _around_its_cue(f, run, speaker)
        if continued is None:
            continued = _run_on(doc, f, run, speaker)
        return speaker, f.mention, chosen_by(f.mention, speaker), continued
    last = run.last_para_speaker
    if last is not None and continues(doc, last[0], f.start, last[1], last[2]):
        continued = run.last_statement
        if continued < 0 or run.statements[continued].speaker != last[1]:
            return last[1], last[2], PREVIOUS_SPEAKER, None
        return last[1], last[2], PREVIOUS_SPEAKER, continued
    return None, None, None, None


def _around_its_cue(f: Found, run: _Article, speaker: str | None) -> int | None:
    """The statement ``f`` goes on from when the two quotes stand either side of one attribution ("“A,” said
    Megan Greene, an economist. “B.”": B read from the sentence before is A's cue and speaker again)."""
    if f.cue is None or f.kind != "direct" or speaker is None:
        return None
    for k in range(len(run.statements) - 1, -1, -1):
        before = run.statements[k]
        if before.end <= f.cue.start:
            # an aside may have its own statement in between ("..., with a passion that suggested that ...")
            same_cue = before.cue_start == f.cue.start and before.speaker == speaker
            return k if same_cue and before.kind in ("direct", "mixed") and f.cue.start < f.start else None
    return None


def _run_on(doc: Doc, f: Found, run: _Article, speaker: str | None) -> int | None:
    """The statement a quote runs on from: the statement right before it has the same speaker and only a few
    words stand between them, within one sentence ("He said the plan was dead: “Nobody wants it.”", "“A,” he
    went on, “B.”")."""
    if not run.statements or speaker is None or f.kind not in ("direct", "mixed"):
        return None
    before = run.statements[-1]
    if before.speaker != speaker or before.end > f.start:
        return None
    gap = doc_text(doc)[before.end : f.start]
    if "\n" in gap or len(_WORD.findall(gap)) > RUN_ON_WORDS or _GAP_STOP.search(gap):
        return None
    return len(run.statements) - 1


def _add(doc: Doc, f: Found, run: _Article, unattributed: bool) -> None:
    """The statements of ``f`` (one per piece) added to ``run``."""
    speaker, mention, speaker_rule, continued = _speaker_of(doc, f, run)
    if speaker is None and mention is None and (not unattributed or not speech_like(doc, f)):
        return
    if speaker:
        run.previous.append((max(mention.start if mention is not None else f.start, f.start), speaker))
        run.previous.sort()
        run.last_para_speaker = (f.end, speaker, mention)
    sent_text = context(doc, f)
    venue = find_venue(sent_text)
    if speaker and venue:
        run.venues.setdefault(speaker, venue)
    pieces = utterance_pieces(f)
    utterance = f"u{f.start}" if len(pieces) > 1 else None
    if continued is not None:
        # the quote goes on with what the speaker was saying ("“A,” she said. [...] “B.”"): one utterance
        before = run.statements[continued]
        utterance = before.utterance or f"u{before.start}"
        run.statements[continued] = replace(before, utterance=utterance)
    text = doc_text(doc)
    for start, end in pieces:
        run.statements.append(
            Statement(
                article="",
                quote=text[start:end],
                start=start,
                end=end,
                utterance=utterance,
                kind=f.kind,  # type: ignore[arg-type]
                speaker=speaker,
                speaker_mention=mention.text if mention else None,
                speaker_start=mention.start if mention else None,
                speaker_end=mention.end if mention else None,
                speaker_type=_typed(speaker, speaker_type(mention, doc), mention),
                speaker_role=title_role(mention.role) if mention and mention.role else None,
                speaker_org=mention.org if mention else None,
                cue=f.cue.text if f.cue else None,
                cue_start=f.cue.start if f.cue else None,
                cue_end=f.cue.end if f.cue else None,
                venue=venue,
                relay=find_relay(sent_text),
                rule=f.rule,
                speaker_rule=speaker_rule,
            )
        )
    if speaker:
        run.last_statement = len(run.statements) - 1


def carried_over(statements: list[Statement], venues: dict[str, str]) -> list[Statement]:
    """A venue named once for a speaker ("He said this in an interview with The Economist") and a role
    given once hold for that speaker's other statements in the article."""
    statements = [
        replace(s, venue=venues.get(s.speaker)) if s.venue is None and s.speaker in venues else s for s in statements
    ]
    roles: dict[str, tuple[str | None, str | None]] = {}
    for s in statements:
        if s.speaker and s.speaker_role and s.speaker not in roles:
            roles[s.speaker] = (s.speaker_role, s.speaker_org)
    return [
        replace(s, speaker_role=roles[s.speaker][0], speaker_org=s.speaker_org or roles[s.speaker][1])
        if s.speaker in roles and not s.speaker_role
        else s
        for s in statements
    ]


def joined_reports(text: str, statements: list[Statement]) -> list[Statement]:
    """Two reported clauses of one speaker that one sentence joins ("X said [A] and said [B]", "X said [A],
    arguing that [B]") are the pieces of one utterance."""
    out = list(statements)
    order = sorted(range(len(out)), key=lambda i: out[i].start)
    for a, b in pairwise(order):
        x, y = out[a], out[b]
        if not x.speaker or x.speaker != y.speaker or x.kind not in _JOINED_KINDS or y.kind not in _JOINED_KINDS:
            continue
        if x.utterance or y.utterance or y.start < x.end or not _JOINED_REPORT.match(text[x.end : y.start]):
            continue
        utterance = f"u{x.start}"
        out[a], out[b] = replace(x, utterance=utterance), replace(y, utterance=utterance)
    return out


def chosen_by(mention: Mention, speaker: str | None) -> str | None:
    """The speaker rule, when another rule than the mention's own name chose the speaker: a pronoun, role
    or description resolved to a name the article gives elsewhere (:data:`COREFERENCE`)."""
    if speaker is None or mention.label in NAMED:
        return None
    return None if speaker.lower() in mention.text.lower() else COREFERENCE


def utterance_pieces(f: Found) -> list[tuple[int, int]]:
    """The spans of what ``f`` found: one, or, for a direct quote that goes on after its own attribution
    ("“A,” she said. “B.”") or a clause a cue interrupts ("A, she said, B"), each piece apart, so that no
    span holds its own cue or speaker."""
    if f.pieces:
        return list(f.pieces)
    cue = f.cue
    if f.kind != "direct" or len(f.quotes) < 2 or cue is None or not f.start <= cue.start < f.end:
        return [(f.start, f.end)]
    return [(q.start, q.end) for q in sorted(f.quotes, key=lambda q: q.start)]


def continues(doc: Doc, previous_end: int, start: int, speaker: str | None, mention: Mention | None = None) -> bool:
    """An unattributed quote right after the previous speaker's statement continues it, unless
    someone else is named in between."""
    text = doc_text(doc)
    gap = text[previous_end:start]
    if gap.count("\n\n") > 1 or len(gap) > 400:
        return False
    span = doc.char_span(previous_end, start, alignment_mode="expand")
    surname = (speaker or "").split()[-1:] or [""]
    # the rest of the sentence that attributed the previous statement describes its speaker ("said Mark
    # Mellman, a pollster with the Mellman Group."): names there are no new speaker
    own_end = mention.end if mention is not None else previous_end
    if mention is not None and previous_end <= mention.start:
        stop = _SENTENCE_STOP.search(text, mention.end)
        own_end = stop.start() if stop else len(text)
    if span is not None:
        for ent in ents_in(span):
            if mention is not None and mention.start <= ent.start_char < max(mention.end, own_end):
                continue  # the previous speaker's own mention ("said Ohio State University professor Paul Beck.")
            if ent.label_ in ("PERSON", "ORG") and surname[0] not in ent.text:
                return False
    return True


def speech_like(doc: Doc, f: Found) -> bool:
    span = doc.char_span(f.start, f.end, alignment_mode="expand")
    if span is None:
        return False
    words = [t for t in span if t.is_alpha]
    has_verb = any(t.pos_ in ("VERB", "AUX") for t in span)
    starts_upper = bool(words) and words[0].text[0].isupper()
    return has_verb and starts_upper and len(words) >= 6


def context(doc: Doc, f: Found) -> str:
    """The sentences of the statement, its cue and its speaker mention (for the venue)."""
    points = [f.start, max(f.start, f.end - 1)]
    if f.cue:
        points.append(f.cue.start)
    if f.mention:
        points.append(f.mention.start)
    start = min(points)
    end = max(points)
    span = doc.char_span(start, end + 1, alignment_mode="expand")
    if span is None or not len(span):
        return ""
    first = sent_of(span[0])
    last = sent_of(span[-1])
    text = doc_text(doc)[first.start_char : last.end_char]
    # the next sentence often says where: "He said this in an interview with ..."
    if last.end < len(doc):
        following = sent_of(doc[last.end]).text.strip()
        if _POINTER_SENTENCE.match(following):
            text += " " + following
    return text


def _typed(speaker: str | None, kind: str | None, mention: Mention | None = None) -> str | None:
    """A "group" resolved to a person's full name ("Sanders" -> "Bernie Sanders") is that person; a
    document that speaks for the author the article gave ("The release said", Halton police) is not typed
    by its mention."""
    if kind == "document" and mention is not None and name_key(speaker or "") != name_key(mention.text):
        return None
    return "person" if kind == "group" and gender_of(speaker) is not None else kind


def speaker_type(mention: Mention | None, doc: Doc | None = None) -> str | None:
    """ "person", "organization" or "group" by the mention's label; a description whose head is a plural
    ("unions", "industry groups", "Democrats"), a collective noun ("the opposition", "a handful of Democrats",
    roles.yaml ``group_nouns``) or a plural pronoun ("Some", "Others", roles.yaml ``plural_pronouns``) is a
    group; a text whose author is not given ("the report", roles.yaml ``document_nouns``) is a document.
    None when the mention says neither."""
    if mention is None:
        return None
    pronouns = role_words("plural_pronouns")
    if doc is not None and mention.label not in ("PERSON", "ORG") and doc[mention.head].lower_ in pronouns:
        return "group"  # "Some", "Others", "Both", "Some of his supporters"
    if doc is not None and mention.label in ("NOUN", "NORP", "ROLE", "PROPN"):
        head = doc[mention.head]
        if mention.label == "NOUN" and head.lemma_.lower() in document_nouns():
            return "document"  # "the report", "a memo": a text whose author the article did not give
        # a plural head, never a person's name the tagger calls plural ("Sanders")
        plural = head.tag_ in ("NNS", "NNPS") and head.ent_type_ != "PERSON" and mention.label != "PROPN"
        # a capitalised plural is a group only when the tagger calls it one ("Democrats"), not a surname
        plural = plural or (mention.label == "PROPN" and head.ent_type_ == "NORP" and head.tag_ == "NNPS")
        if plural or (mention.label != "PROPN" and head.lemma_.lower() in group_nouns()):
            return "group"
    if mention.label in ("PERSON", "PRON", "ROLE"):
        return "person"
    if mention.label in ("ORG", "GPE", "NORP"):
        return "organization"
    return None
