"""The RDF vocabulary: standard namespaces reused, and the few project terms none of them has."""

from __future__ import annotations

import hashlib

from quotegraph.extract.text import slug
from rdflib import Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD, DefinedNamespace

# One schema.org namespace everywhere: the http form, as most Linked Data uses it.
SCHEMA = Namespace("http://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
MARL = Namespace("http://www.gsi.upm.es/ontologies/marl/ns#")
WD = Namespace("http://www.wikidata.org/entity/")
BASE = "https://quotegraph.org/id/"


class QG(DefinedNamespace):
    """quotegraph terms, used only where no standard vocabulary has one."""

    repliesTo: URIRef  # a statement answers another statement (or a person)
    evidence: URIRef  # the words that decided a stance
    speakerMention: URIRef  # the speaker as a report words it ("he", "the Secretary-General")
    cue: URIRef  # the cue of a report ("said", "called on")
    kind: URIRef  # direct | indirect | mixed
    relay: URIRef  # an outlet that carried the statement first
    rule: URIRef  # the attribution rule that found a report (`quotegraph rules`)
    speakerRule: URIRef  # the rule that chose the speaker, where not the mention's own name
    modelVersion: URIRef  # the NLP model of an extraction run
    Report: URIRef  # one outlet's rendering of a statement
    Position: URIRef  # a speaker's position on a topic from all their remarks (a marl:AggregatedOpinion)
    hiddenOpinionCount: URIRef  # a position's remarks whose stance is below the display threshold
    displayThreshold: URIRef  # the minimum stance confidence a run's surfaces show by default

    _NS = Namespace("https://quotegraph.org/ns#")


def entity_iri(key: str, base: str = BASE) -> URIRef:
    """The IRI of a speaker key ("person/jens-stoltenberg" -> <BASE/person/jens-stoltenberg>); an id
    from an entity file that has no "kind/" part is taken as an agent's name."""
    kind, _, rest = key.partition("/")
    return URIRef(f"{base}{key}" if rest else f"{base}agent/{slug(kind)}")


def article_segment(key: str) -> str:
    """The IRI segment of an article identity (its URL or path, see ``Statement.article_key``): readable
    and never shared by two identities ("a b.txt", "a-b.txt" and "A-B.TXT" slug alike, their hashes differ)."""
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:12]
    return f"{slug(key.rsplit('/', 1)[-1])[:60] or 'article'}-{digest}"


__all__ = [
    "BASE",
    "MARL",
    "OA",
    "PROV",
    "QG",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "WD",
    "XSD",
    "article_segment",
    "entity_iri",
]
