"""SPARQL over the graph: named queries shipped as ``.rq`` files, results as pandas DataFrames.

A source is an rdflib ``Graph``, an RDF file, an Oxigraph store folder, or an ``http(s)://`` SPARQL
endpoint. Only queries run here: SPARQL Update is refused. Parameters are bound as RDF terms (never
pasted into the query text), so a value cannot change what the query does.
"""

from __future__ import annotations

import json
import re
import threading
import urllib.parse
import urllib.request
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import pandas as pd
import pyoxigraph as ox
import rdflib
from quotegraph.graph.store import is_store_dir, open_store, store_from_file
from rdflib.plugins.sparql import prepareQuery

__all__ = [
    "Param",
    "QueryError",
    "bind_values",
    "check_query",
    "description",
    "list_queries",
    "load_query",
    "query_params",
    "run_query",
    "write_frame",
]


class QueryError(ValueError):
    """A query that cannot be run (syntax, an update, an unknown name, a bad source)."""


def list_queries() -> list[str]:
    """Names of the shipped queries."""
    folder = resources.files("quotegraph.graph").joinpath("queries")
    return sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))


def load_query(name: str) -> str:
    if name not in list_queries():
        raise QueryError(f"no query named {name!r}; known queries: {', '.join(list_queries())}")
    return resources.files("quotegraph.graph").joinpath(f"queries/{name}.rq").read_text("utf-8")


@dataclass(frozen=True)
class Param:
    """A parameter of a named query, declared in its header as ``# @param NAME: what it is`` (required)
    or ``# @param NAME?: what it is`` (optional)."""

    name: str
    required: bool
    doc: str


_PARAM = re.compile(r"^#\s*@param\s+(\w+)(\?)?\s*:?\s*(.*)$")


def query_params(name: str) -> list[Param]:
    """The declared parameters of a shipped query."""
    found = (_PARAM.match(line) for line in load_query(name).splitlines())
    return [Param(m.group(1), not m.group(2), m.group(3).strip()) for m in found if m]


def description(name: str) -> str:
    lines = [
        line[1:].strip() for line in load_query(name).splitlines() if line.startswith("#") and not _PARAM.match(line)
    ]
    return " ".join(lines)


_PARSE_LOCK = threading.Lock()  # rdflib's SPARQL parser (pyparsing) is not thread-safe


def check_query(query: str) -> None:
    """Refuse anything that is not a SPARQL query (updates included), with the parser's reason."""
    try:
        with _PARSE_LOCK:
            prepareQuery(query)
    except Exception as err:
        head = query.lstrip().split(None, 1)[0].upper() if query.strip() else ""
        if head in {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}:
            raise QueryError("SPARQL Update is not allowed here: queries only") from None
        raise QueryError(f"not a SPARQL query: {err}") from None


_NAME = re.compile(r"^[\w.-]+$")


def resolve(query_or_name: str) -> str:
    """A shipped query's text by name, or the query itself (a bare word that names no query is an error)."""
    if query_or_name in list_queries():
        return load_query(query_or_name)
    if _NAME.match(query_or_name.strip()):
        raise QueryError(f"no query named {query_or_name!r}; known queries: {', '.join(list_queries())}")
    return query_or_name


def check_params(query_or_name: str, params: dict[str, Any]) -> None:
    """A shipped query's required parameters are given, and no unknown one is."""
    if query_or_name not in list_queries():
        return
    declared = query_params(query_or_name)
    missing = [p.name for p in declared if p.required and not str(params.get(p.name, "")).strip()]
    if missing:
        usage = " ".join(f"-p {p.name}=VALUE" for p in declared if p.required)
        raise QueryError(f"query {query_or_name!r} needs the parameter {', '.join(missing)} ({usage})")
    unknown = sorted(set(params) - {p.name for p in declared})
    if unknown:
        known = ", ".join(p.name for p in declared) or "none"
        raise QueryError(f"query {query_or_name!r} has no parameter {', '.join(unknown)} (parameters: {known})")


def _term_value(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith(("#integer", "#decimal", "#double", "#nonNegativeInteger", "#int", "#long")):
            try:
                return int(term.value) if "integer" in dt or dt.endswith(("#int", "#long")) else float(term.value)
            except ValueError:
                return term.value
        return term.value
    if isinstance(term, (ox.NamedNode, ox.BlankNode)):
        return term.value
    if isinstance(term, rdflib.Literal):
        return term.toPython()
    return str(term)


def run_query(source: Any, query: str, *, params: dict[str, Any] | None = None, timeout: float = 60.0) -> pd.DataFrame:
    """Run a SELECT query on a graph and return its rows.

    Parameters
    ----------
    source : rdflib.Graph, pyoxigraph.Store, str or Path
        An in-memory graph, an Oxigraph store (or its folder), an RDF file, or an http(s) SPARQL endpoint.
    query : str
        SPARQL text, or the name of a shipped query (``quotegraph queries`` lists them).
    params : dict, optional
        Values bound to the query's variables (http(s) values as IRIs, others as literals).
    timeout : float
        Seconds to wait for an endpoint.

    Returns
    -------
    pandas.DataFrame
        One column per selected variable, one row per solution.

    Raises
    ------
    QueryError
        When the query is not a SELECT, a parameter is unknown or missing, or there is no graph at ``source``.
    """
    params = params or {}
    text = resolve(query)
    check_params(query, params)
    check_query(text)
    if isinstance(source, rdflib.Graph):
        bindings = {
            k: rdflib.URIRef(v) if str(v).startswith(("http://", "https://")) else rdflib.Literal(v)
            for k, v in params.items()
        }
        result = source.query(text, initBindings=bindings)
        columns = [str(v) for v in result.vars or []]
        return pd.DataFrame([[_term_value(row[c]) for c in columns] for row in result], columns=columns)
    if isinstance(source, ox.Store):
        return _ox_frame(source, text, params)
    if isinstance(source, (str, Path)):
        s = str(source)
        if s.startswith(("http://", "https://")):
            return _endpoint_frame(s, text, params, timeout)
        path = Path(s)
        if path.is_dir():
            if not is_store_dir(path):
                raise QueryError(f"{path} is an empty folder, not an Oxigraph store")
            return _ox_frame(open_store(path, read_only=True), text, params)
        if path.is_file():
            return _ox_frame(store_from_file(path), text, params)
        raise QueryError(f"no graph at {source}")
    raise QueryError(f"cannot query a {type(source).__name__}")


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def bind_values(text: str, params: dict[str, Any]) -> str:
    """Bind parameters with a VALUES block at the start of every WHERE block (a subquery sees only its
    own). Values are serialised as RDF terms (IRIs for http(s) values, else escaped literals): they
    cannot change the query."""
    if not params:
        return text
    for name in params:
        if not name.isidentifier():
            raise QueryError(f"bad parameter name {name!r}")
    values = " ".join(f"?{k}" for k in params)
    terms = " ".join(
        rdflib.URIRef(v).n3() if str(v).startswith(("http://", "https://")) else rdflib.Literal(str(v)).n3()
        for v in params.values()
    )
    block = f" VALUES ({values}) {{ ({terms}) }} "
    braces = [m.end() for m in _WHERE.finditer(text)]
    if not braces:
        raise QueryError("cannot bind parameters into a query without a WHERE block")
    for end in reversed(braces):
        text = text[:end] + block + text[end:]
    return text


def _ox_frame(store: ox.Store, text: str, params: dict[str, Any]) -> pd.DataFrame:
    result = store.query(bind_values(text, params))
    if isinstance(result, ox.QueryBoolean):
        return pd.DataFrame({"result": [bool(result)]})
    if isinstance(result, ox.QueryTriples):
        rows = [[t.subject.value, t.predicate.value, _term_value(t.object)] for t in result]
        return pd.DataFrame(rows, columns=["subject", "predicate", "object"])
    columns = [v.value for v in result.variables]
    return pd.DataFrame([[_term_value(sol[c]) for c in columns] for sol in result], columns=columns)


def _endpoint_frame(url: str, text: str, params: dict[str, Any], timeout: float) -> pd.DataFrame:
    text = bind_values(text, params)
    data = urllib.parse.urlencode({"query": text}).encode("utf-8")
    request = urllib.request.Request(
        url,
        data=data,
        headers={
            "Accept": "application/sparql-results+json",
            "Content-Type": "application/x-www-form-urlencoded",
        },
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        payload = json.loads(response.read().decode("utf-8"))
    if "boolean" in payload:
        return pd.DataFrame({"result": [payload["boolean"]]})
    columns = payload["head"]["vars"]
    rows = [[b.get(c, {}).get("value") for c in columns] for b in payload["results"]["bindings"]]
    return pd.DataFrame(rows, columns=columns)


def write_frame(frame: pd.DataFrame, path: str | Path | None, fmt: str = "table") -> str | None:
    """Print-ready text for ``table``; CSV or JSON to ``path`` (or returned when ``path`` is None).
    A missing value prints the same way in every format: as an empty string."""
    frame = frame.astype(object).where(frame.notna(), "")
    if fmt == "csv":
        out = frame.to_csv(index=False)
    elif fmt == "json":
        out = frame.to_json(orient="records", force_ascii=False, indent=2)
    elif fmt == "table":
        with pd.option_context("display.max_colwidth", 80, "display.width", 200):
            out = frame.to_string(index=False) if len(frame) else "(no results)"
    else:
        raise QueryError(f"unknown output format {fmt!r} (table, csv, json)")
    if path is None:
        return out
    from quotegraph.extract.atomic import atomic_write

    with atomic_write(path) as f:
        f.write(out)
    return None
