"""Merged statements to RDF with standard vocabularies (schema.org, PROV-O, Web Annotation, SKOS, Marl).

IRIs are deterministic (slugs and name-based UUIDs), so the same input always gives the same graph.
Statements, reports and articles are built from one statement plus its ids; a stance (``marl:Opinion``)
is one per remark and topic, from all the remark's reports, and a position (``qg:Position``, a
``marl:AggregatedOpinion``) one per speaker and topic, from all their remarks
(:mod:`quotegraph.graph.positions`). Shards split at remark boundaries and built with
``positions=False`` merge in any order; :func:`positions_to_rdf` of the whole adds the positions.
Stances below the display threshold stay in the graph with their confidence (they are low-confidence
leanings, which queries count apart); the threshold the build used is recorded on the run
(``qg:displayThreshold``).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from quotegraph.extract.atomic import atomic_write
from quotegraph.extract.model import Statement, entity_key
from quotegraph.extract.text import slug
from quotegraph.graph import positions as pos
from quotegraph.graph.namespace import BASE, MARL, OA, QG, SCHEMA, WD, article_segment, entity_iri
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF, PROV, RDF, SKOS, XSD

NS_UUID = uuid.UUID("0b6f4d8e-1f7a-5c1d-8d2e-4b9a7c3e5f10")
_WORD = re.compile(r"\w+")
POLARITY = {"support": MARL.Positive, "oppose": MARL.Negative, "neutral": MARL.Neutral}
AGENT_CLASSES = {"organization": SCHEMA.Organization, "group": FOAF.Group, "document": SCHEMA.CreativeWork}
"""A speaker's class by its type (``Statement.speaker_type``); a person, or one of no type, is a schema:Person.
A document ("the report") is a creative work that the statement is attributed to, as an agent would be."""
FORMATS = {".ttl": "turtle", ".jsonld": "json-ld", ".json": "json-ld", ".nt": "nt", ".nq": "nquads"}


def _uid(*parts: str) -> str:
    return str(uuid.uuid5(NS_UUID, "|".join(parts)))


@dataclass(frozen=True)
class RunInfo:
    """The extraction run, recorded as a ``prov:Activity``."""

    software: str = "quotegraph"
    model: str | None = None
    started: str | None = None  # left out unless given, so two builds of one input are isomorphic


class Iris:
    def __init__(self, base: str = BASE) -> None:
        self.base = base

    def __call__(self, kind: str, key: str) -> URIRef:
        return URIRef(f"{self.base}{kind}/{key}")

    def agent(self, s: Statement) -> URIRef | None:
        key = s.speaker_key
        return entity_iri(key, self.base) if key else None


PREFIXES: tuple[tuple[str, Any], ...] = (
    ("rdf", RDF),
    ("xsd", XSD),
    ("schema", SCHEMA),
    ("prov", PROV),
    ("oa", OA),
    ("skos", SKOS),
    ("marl", MARL),
    ("qg", QG._NS),
    ("wd", WD),
    ("dcterms", DCTERMS),
)


def _date(value: str | None) -> Literal | None:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    return None


def statements_to_rdf(
    statements: Iterable[Statement],
    *,
    run: RunInfo | None = None,
    topics: Sequence[Any] | None = None,
    entities: Mapping[str, Mapping[str, Any]] | None = None,
    base: str = BASE,
    min_confidence: float | None = None,
    positions: bool = True,
) -> Graph:
    """Build the RDF graph of merged statements (see :func:`quotegraph.graph.merge.merge_statements`):
    one stance per remark and topic, and (``positions``) each speaker's position on each topic from the
    remarks at or above ``min_confidence`` (default :func:`quotegraph.graph.positions.display_threshold`)."""
    iri = Iris(base)
    threshold = pos.display_threshold() if min_confidence is None else float(min_confidence)
    g = Graph()
    for prefix, ns in PREFIXES:
        g.bind(prefix, ns, override=True, replace=True)  # "schema" is schema.org's http form, as in namespace.py
    run = run or RunInfo()
    run_iri = iri("run", _uid(run.software, run.model or "", run.started or ""))
    software = iri("software", slug(run.software))
    g.add((run_iri, RDF.type, PROV.Activity))
    g.add((run_iri, PROV.wasAssociatedWith, software))
    g.add((software, RDF.type, PROV.SoftwareAgent))
    g.add((software, SCHEMA.name, Literal(run.software)))
    if run.model:
        g.add((run_iri, QG.modelVersion, Literal(run.model)))
    if run.started:
        g.add((run_iri, PROV.startedAtTime, Literal(run.started, datatype=XSD.dateTime)))
    g.add((run_iri, QG.displayThreshold, _decimal(threshold)))
    for topic in topics or ():
        t = iri("topic", slug(topic.id))
        g.add((t, RDF.type, SKOS.Concept))
        g.add((t, SKOS.prefLabel, Literal(topic.label, lang="en")))
        if getattr(topic, "proposition", None):
            g.add((t, SKOS.definition, Literal(topic.proposition, lang="en")))
    entities = entities or {}
    items = [s if s.statement_id else replace(s, statement_id=_statement_uid(s)) for s in statements]
    for s in items:
        _add_statement(g, s, iri, run_iri, entities)
    labels = pos.topic_labels_of(topics)
    rows = pos.remark_list(items, topic_labels=labels, min_confidence=threshold)
    for row in rows:
        _add_stance(g, row, iri)
    if positions:
        _add_positions(g, pos.positions_from(rows), iri)
    return g


def positions_to_rdf(
    statements: Iterable[Statement],
    *,
    topics: Sequence[Any] | None = None,
    min_confidence: float | None = None,
    base: str = BASE,
) -> Graph:
    """The positions alone (``qg:Position``), for a graph built in shards with ``positions=False``."""
    iri = Iris(base)
    g = Graph()
    for prefix, ns in PREFIXES:
        g.bind(prefix, ns, override=True, replace=True)
    items = [s if s.statement_id else replace(s, statement_id=_statement_uid(s)) for s in statements]
    rows = pos.remark_list(items, topic_labels=pos.topic_labels_of(topics), min_confidence=min_confidence)
    _add_positions(g, pos.positions_from(rows), iri)
    return g


def _statement_uid(s: Statement) -> str:
    return _uid(s.article_key, str(s.start), str(s.end))


def _decimal(value: float) -> Literal:
    return Literal(Decimal(str(round(float(value), 3))), datatype=XSD.decimal)


def _opinion_iri(iri: Iris, remark: str, topic: str) -> URIRef:
    return iri("stance", _uid(remark, topic))


def _add_stance(g: Graph, row: pos.RemarkStance, iri: Iris) -> None:
    """A remark's stance on a topic: ``schema:about`` the topic, and a ``marl:Opinion`` when it takes a
    side or is neutral (a low-confidence one too, with its confidence; undetermined: no opinion)."""
    st = iri("statement", row.remark)
    topic = iri("topic", slug(row.topic))
    g.add((topic, RDF.type, SKOS.Concept))
    g.add((st, SCHEMA.about, topic))
    if row.stance is None:
        return
    op = _opinion_iri(iri, row.remark, row.topic)
    g.add((op, RDF.type, MARL.Opinion))
    g.add((op, MARL.extractedFrom, st))
    g.add((op, MARL.describesObject, topic))
    g.add((op, MARL.hasPolarity, POLARITY[row.stance]))
    g.add((op, MARL.algorithmConfidence, _decimal(row.confidence)))
    for ev in row.evidence:
        g.add((op, QG.evidence, Literal(ev)))


def _add_positions(g: Graph, positions: Iterable[pos.Position], iri: Iris) -> None:
    """Each speaker's position on each topic that at least one shown remark votes for: a ``qg:Position``
    (a ``marl:AggregatedOpinion``) attributed to the speaker, its polarity (none when mixed), confidence,
    the opinions it aggregates and the remarks it is derived from, and its counts."""
    for p in positions:
        if not p.remarks:
            continue  # only hidden or undetermined remarks: no position, the remarks' stances say it
        node = iri("position", _uid(p.speaker, p.topic))
        topic = iri("topic", slug(p.topic))
        g.add((node, RDF.type, QG.Position))
        g.add((node, RDF.type, MARL.AggregatedOpinion))
        g.add((node, PROV.wasAttributedTo, entity_iri(p.speaker, iri.base)))
        g.add((node, MARL.describesObject, topic))
        if p.stance is not None:
            g.add((node, MARL.hasPolarity, POLARITY[p.stance]))
        g.add((node, MARL.algorithmConfidence, _decimal(p.confidence)))
        for remark in p.remarks:
            g.add((node, MARL.aggregatesOpinion, _opinion_iri(iri, remark, p.topic)))
            g.add((node, PROV.wasDerivedFrom, iri("statement", remark)))
        count = dict(p.counts)
        g.add((node, MARL.opinionCount, Literal(len(p.remarks))))
        g.add((node, MARL.positiveOpinionsCount, Literal(count.get("support", 0))))
        g.add((node, MARL.negativeOpinionCount, Literal(count.get("oppose", 0))))
        g.add((node, MARL.neutralOpinionCount, Literal(count.get("neutral", 0))))
        g.add((node, QG.hiddenOpinionCount, Literal(count.get("hidden", 0))))


def _add_statement(
    g: Graph, s: Statement, iri: Iris, run_iri: URIRef, entities: Mapping[str, Mapping[str, Any]]
) -> None:
    sid = s.statement_id or _statement_uid(s)
    st = iri("statement", sid)
    g.add((st, RDF.type, SCHEMA.Quotation))
    g.add((st, RDF.type, PROV.Entity))
    agent = iri.agent(s)
    if agent is not None:
        kind = s.speaker_type or "person"
        agent_class = AGENT_CLASSES.get(kind, SCHEMA.Person)
        g.add((agent, RDF.type, agent_class))
        g.add((agent, RDF.type, PROV.Agent))
        g.add((agent, SCHEMA.name, Literal(s.speaker)))
        g.add((st, SCHEMA.creator, agent))
        g.add((st, PROV.wasAttributedTo, agent))
        wikidata = (entities.get(s.speaker_id or "") or {}).get("wikidata")
        if wikidata:
            g.add((agent, SCHEMA.sameAs, WD[wikidata]))
        if s.speaker_role or s.speaker_org:
            role = iri("role", _uid(str(agent), s.speaker_role or "", s.speaker_org or ""))
            g.add((role, RDF.type, SCHEMA.OrganizationRole))
            g.add((agent, SCHEMA.memberOf, role))
            if s.speaker_role:
                g.add((role, SCHEMA.roleName, Literal(s.speaker_role)))
            if s.speaker_org:
                org = entity_iri(entity_key(s.speaker_org, "organization"), iri.base)
                g.add((org, RDF.type, SCHEMA.Organization))
                g.add((org, SCHEMA.name, Literal(s.speaker_org)))
                g.add((role, SCHEMA.memberOf, org))
    when = _date(s.statement_date)
    if when is not None:
        g.add((st, SCHEMA.dateCreated, when))
    if s.replies_to:
        g.add((st, QG.repliesTo, iri("statement", s.replies_to)))
    elif s.replies_to_speaker:
        person = entity_iri(s.replies_to_speaker, iri.base)
        g.add((person, RDF.type, PROV.Agent))
        g.add((person, SCHEMA.name, Literal(s.replies_to_name or s.replies_to_speaker.partition("/")[2])))
        g.add((st, QG.repliesTo, person))
    if s.venue:
        venue = iri("venue", slug(s.venue))
        g.add((venue, RDF.type, SCHEMA.Event))
        g.add((venue, SCHEMA.name, Literal(s.venue)))
        g.add((venue, SCHEMA.recordedIn, st))
    # the report: this article's rendering of the statement
    # one IRI per article identity (its URL or path): "a b.txt", "a-b.txt" and "A-B.TXT" are three
    article = iri("article", article_segment(s.article_key))
    report = iri("report", _uid(s.article_key, str(s.start), str(s.end)))
    selector = iri("selector", _uid(s.article_key, str(s.start), str(s.end)))
    g.add((report, RDF.type, OA.SpecificResource))
    g.add((report, RDF.type, PROV.Entity))
    g.add((report, RDF.type, QG.Report))
    g.add((report, PROV.wasQuotedFrom, st))
    g.add((report, OA.hasSource, article))
    g.add((report, OA.hasSelector, selector))
    g.add((report, SCHEMA.text, Literal(s.quote)))
    g.add((report, QG.kind, Literal(s.kind)))
    g.add((report, PROV.wasGeneratedBy, run_iri))
    if s.cue:
        g.add((report, QG.cue, Literal(s.cue)))
    if s.speaker_mention:
        g.add((report, QG.speakerMention, Literal(s.speaker_mention)))
    if s.relay:
        g.add((report, QG.relay, Literal(s.relay)))
    if s.rule:  # the attribution rule that found it (`quotegraph rules`), and the one that chose the speaker
        g.add((report, QG.rule, Literal(s.rule)))
    if s.speaker_rule:
        g.add((report, QG.speakerRule, Literal(s.speaker_rule)))
    g.add((selector, RDF.type, OA.TextPositionSelector))
    g.add((selector, OA.start, Literal(s.start, datatype=XSD.nonNegativeInteger)))
    g.add((selector, OA.end, Literal(s.end, datatype=XSD.nonNegativeInteger)))
    g.add((article, RDF.type, SCHEMA.NewsArticle))
    g.add((article, SCHEMA.identifier, Literal(s.article)))
    if s.article_id and s.article_id != s.url:
        g.add((article, DCTERMS.source, Literal(s.article_id)))  # the path it was read from: its identity
    if s.title:
        g.add((article, SCHEMA.headline, Literal(s.title)))
    if s.url:
        g.add((article, SCHEMA.url, Literal(s.url, datatype=XSD.anyURI)))
    published = _date(s.published)
    if published is not None:
        g.add((article, SCHEMA.datePublished, published))
    if s.outlet:
        outlet = iri("outlet", slug(s.outlet))
        g.add((outlet, RDF.type, SCHEMA.NewsMediaOrganization))
        g.add((outlet, SCHEMA.name, Literal(s.outlet)))
        g.add((article, SCHEMA.publisher, outlet))


# Turtle is written by Oxigraph's serializer (Rust), about 7x faster than rdflib's on a graph of 10,000
# statements; N-Triples (already fast, line by line) and JSON-LD stay with rdflib


def _ox_triples(graph: Graph) -> Iterator[ox.Triple]:
    iris: dict[str, ox.NamedNode] = {}
    blanks: dict[str, ox.BlankNode] = {}

    def term(t: Any) -> Any:
        if isinstance(t, URIRef):
            node = iris.get(t)
            if node is None:
                node = iris[t] = ox.NamedNode(str(t))
            return node
        if isinstance(t, Literal):
            if t.language:
                return ox.Literal(str(t), language=t.language)
            return ox.Literal(str(t), datatype=term(t.datatype) if t.datatype else None)
        if isinstance(t, BNode):
            node = blanks.get(t)
            if node is None:
                node = blanks[t] = ox.BlankNode()
            return node
        raise TypeError(f"cannot write RDF term {t!r}")

    # subject by subject (Turtle groups them), in a fixed order: the same graph gives the same file
    for s in sorted(set(graph.subjects()), key=str):
        subject = term(s)
        for p, o in sorted(graph.predicate_objects(s), key=lambda po: (str(po[0]), str(po[1]))):
            yield ox.Triple(subject, term(p), term(o))


def write_rdf(graph: Graph, path: str | Path, fmt: str | None = None) -> Path:
    """Serialise ``graph`` to ``path`` atomically; the format follows the extension unless given."""
    path = Path(path)
    fmt = fmt or FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise ValueError(f"unknown RDF file extension {path.suffix!r}; use .ttl, .jsonld or .nt")
    with atomic_write(path, "wb") as f:
        if fmt == "turtle":
            prefixes = {prefix: str(ns) for prefix, ns in PREFIXES}
            ox.serialize(_ox_triples(graph), f, ox.RdfFormat.TURTLE, prefixes=prefixes)
        else:
            f.write(graph.serialize(format=fmt, encoding="utf-8"))
    return path
