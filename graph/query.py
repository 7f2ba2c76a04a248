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
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
import rdflib

if TYPE_CHECKING:
    import pandas as pd

from quotegraph.graph.store import find_graph, open_store, store_from_file

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


class UncheckedQuery(QueryError):
    """A query Oxigraph would run but rdflib's parser (the checker) cannot read: refused, as unchecked.
    ``service``: the word SERVICE is in it, maybe where the checker stopped."""

    def __init__(self, message: str, service: bool = False) -> None:
        super().__init__(message)
        self.service = service


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
UPDATE_WORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
_HEAD = re.compile(r"(?:\s*(?:#[^\n]*|PREFIX\s+[\w.-]*:\s*<[^>]*>|BASE\s*<[^>]*>))*\s*([A-Za-z]+)", re.IGNORECASE)
_KINDS = {"SelectQuery": "SELECT", "AskQuery": "ASK", "ConstructQuery": "CONSTRUCT", "DescribeQuery": "DESCRIBE"}


def _is_update(query: str) -> bool:
    head = _HEAD.match(query)
    return bool(head and head.group(1).upper() in UPDATE_WORDS)


@dataclass(frozen=True)
class Parsed:
    """What the parser found in a query: its form and whether it holds a SERVICE pattern anywhere."""

    kind: str  # SELECT, ASK, CONSTRUCT or DESCRIBE
    service: bool


def _has_service(node: Any, depth: int = 0) -> bool:
    """Whether the parse tree holds a ServiceGraphPattern at any depth (OPTIONAL, UNION, MINUS, GRAPH,
    subqueries, EXISTS in FILTER, BIND, HAVING or ORDER BY: the parse tree has them all)."""
    from rdflib.plugins.sparql.parserutils import CompValue

    if depth > 500:
        return True  # deeper than any real query: treated as if it held one
    if isinstance(node, CompValue):
        if node.name == "ServiceGraphPattern":
            return True
        return any(_has_service(v, depth + 1) for v in node.values())
    if isinstance(node, (str, bytes)) or not hasattr(node, "__iter__"):
        return False
    if isinstance(node, dict):
        return any(_has_service(v, depth + 1) for v in node.values())
    return any(_has_service(v, depth + 1) for v in node)


def oxigraph_syntax_error(query: str) -> SyntaxError | None:
    """Oxigraph's parser's complaint about ``query`` (None when it reads it), from an empty in-memory store.
    Call it only where no SERVICE can go out (the endpoint's workers have no network): a query Oxigraph
    reads is evaluated, on nothing."""
    try:
        result = ox.Store().query(query)
        if isinstance(result, (ox.QuerySolutions, ox.QueryTriples)):
            next(iter(result), None)
    except SyntaxError as err:
        return err
    except Exception:  # evaluation on an empty store: not a syntax matter
        return None
    return None


def parse_query(query: str, *, ask_oxigraph: bool = False) -> Parsed:
    """Parse ``query`` with rdflib's SPARQL parser: its form and whether it uses SERVICE. A query the parser
    cannot read (an update, a syntax error) raises QueryError with the line, column and what was expected
    (in Oxigraph's words, more precise, when ``ask_oxigraph``: see :func:`oxigraph_syntax_error`)."""
    from rdflib.plugins.sparql.parser import parseQuery

    if _is_update(query):
        raise QueryError("SPARQL Update is not allowed here: queries only")
    try:
        with _PARSE_LOCK:
            tree = parseQuery(query)
    except RecursionError:
        raise QueryError("the query is nested too deeply to be read") from None
    except Exception as err:  # pyparsing's ParseException and what rdflib raises while parsing
        ox_err = oxigraph_syntax_error(query) if ask_oxigraph else None
        if ox_err is not None:
            message = describe_syntax_error(query, ox_err)
            loc = getattr(err, "loc", None)
            if "at the end of the query" in message and isinstance(loc, int) and loc < len(query.rstrip()):
                line = query.count("\n", 0, loc) + 1
                col = loc - (query.rfind("\n", 0, loc) + 1) + 1
                at = query[loc : loc + 25].split("\n")[0].strip()
                message += f"; the first part that does not fit is at line {line}, column {col} ('{at}')"
            raise QueryError(message) from None
        message = describe_syntax_error(query, err)
        if ask_oxigraph:  # Oxigraph reads it, the checker does not: refused, since it cannot be checked
            message = message.split(": expected")[0] + (
                ": the query checker cannot read the query from here, so it is refused"
                + (" (write the full <IRI> instead of a prefixed name with a backslash)" if "\\" in query else "")
            )
            loc = getattr(err, "loc", None)
            at_service = isinstance(loc, int) and query[loc : loc + 7].lower() == "service"
            raise UncheckedQuery(message, service=at_service or "service" in query.lower()) from None
        raise QueryError(message) from None
    kind = _KINDS.get(getattr(tree[-1], "name", ""), "")
    if not kind:
        raise QueryError("not a SPARQL query (SELECT, ASK, CONSTRUCT or DESCRIBE)")
    return Parsed(kind, _has_service(tree))


def check_query(query: str) -> Parsed:
    """Refuse anything that is not a SPARQL query (updates included), saying where and why. Oxigraph's
    parser words the error when the text holds no SERVICE (this runs outside the endpoint's sandbox)."""
    return parse_query(query, ask_oxigraph="service" not in query.lower())


# ------------------------------------------------------------------------------ syntax errors, in words

_OX_ERROR = re.compile(r"error at (\d+):(\d+): expected (?:one of )?(.*)", re.DOTALL)
_PP_ERROR = re.compile(r"Expected (.*?), found .*?\(at char \d+\), \(line:(\d+), col:(\d+)\)", re.DOTALL)
_PP_WORDS = {
    "SelectQuery": "a query form (SELECT, ASK, CONSTRUCT or DESCRIBE) and its parts",
    "ConstructQuery": "a query form (SELECT, ASK, CONSTRUCT or DESCRIBE) and its parts",
    "end of text": "the end of the query",
}


def _expected_in_words(raw: str) -> str:
    """Oxigraph's list of expected tokens (keywords, quoted characters, Unicode ranges) in plain words."""
    items: list[str] = []
    names = False
    for part in re.findall(r'\[[^\]]*\]|"(?:[^"\\]|\\.)*"|[^,\s][^,]*', raw):
        part = part.strip()
        if part.startswith("["):
            names = names or part != "[_]"
            continue
        if part.startswith('"'):
            token = part[1:-1].replace('\\"', '"').replace("\\\\", "\\")
            if token.startswith("\\") or token in ("{|", "~"):
                continue
            items.append(f"'{token}'")
        elif part == "Prefix not found":
            items.append("a declared prefix")
        elif part == "IRI parsing failed":
            items.append('a valid IRI (no spaces or <>"{}|^`\\ inside <...>)')
        elif re.fullmatch(r"[A-Za-z]+", part):
            items.append(part.upper() if part.isupper() else part)
    if names:
        items.append("a name, variable or value")
    if not items:
        return "something else here"
    shown = items[:8] + (["..."] if len(items) > 8 else [])
    return shown[0] if len(shown) == 1 else "one of " + ", ".join(shown)


def _position(query: str, line: int, col: int) -> int:
    lines = query.split("\n")
    line = max(1, min(line, len(lines)))
    return sum(len(x) + 1 for x in lines[: line - 1]) + max(0, col - 1)


def _hint(query: str, offset: int) -> str:
    """A likely cause the parser's list does not name: an undeclared prefix, an unclosed string or brace."""
    before = query[:offset]
    declared = {m.lower() for m in re.findall(r"PREFIX\s+([\w.-]*):", query, re.IGNORECASE)}
    bare = re.sub(r'"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>|#[^\n]*', " ", before)
    used = re.findall(r"(?<![\w?$:])([A-Za-z][\w.-]*|):[\w\\%]", bare)
    missing = [p for p in used if p.lower() not in declared and p.lower() not in ("http", "https", "urn")]
    if missing:
        return f" (the prefix '{missing[-1]}:' is not declared: add PREFIX {missing[-1]}: <...>)"
    if bare.count('"') % 2 or re.search(r'"[^"\n]*$', before):
        return " (a string is not closed)"
    if offset >= len(query.rstrip()) and bare.count("{") > bare.count("}"):
        return " (a '}' is missing)"
    return ""


def describe_syntax_error(query: str, err: Exception) -> str:
    """One line: where the query stops making sense (line, column, the text there) and what was expected."""
    text = str(err)
    line = col = 0
    expected = ""
    m = _OX_ERROR.search(text)
    if m:
        line, col, expected = int(m.group(1)), int(m.group(2)), _expected_in_words(m.group(3))
    else:
        lineno, column = getattr(err, "lineno", None), getattr(err, "col", None)
        m2 = _PP_ERROR.search(text)
        if isinstance(lineno, int) and isinstance(column, int):
            line, col = lineno, column
        elif m2:
            line, col = int(m2.group(2)), int(m2.group(3))
        raw = m2.group(1) if m2 else getattr(err, "msg", "")
        raw = str(raw).removeprefix("Expected ").strip("{} ")
        expected = _PP_WORDS.get(raw.split(" | ")[0], "") or (
            "one of " + ", ".join(raw.split(" | ")[:8]) if " | " in raw else raw or "something else here"
        )
    if not line:
        first = text.strip().splitlines()[0] if text.strip() else type(err).__name__
        return f"syntax error: {first[:200]}"
    head = _HEAD.match(query)
    if head and head.group(1).upper() not in {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}:
        return (
            f"syntax error at line 1: a query starts with SELECT, ASK, CONSTRUCT or DESCRIBE (after any PREFIX "
            f"and BASE lines), not '{head.group(1)}'"
        )
    offset = _position(query, line, col)
    before = query[max(0, offset - 25) : offset].split("\n")[-1].strip()
    after = query[offset : offset + 25].split("\n")[0].strip()
    where = ", ".join(
        part for part in (f"after '{before}'" if before else "", f"before '{after}'" if after else "") if part
    )
    where = where or "at the start"
    if offset >= len(query.rstrip()):
        where = "at the end of the query" + (f", after '{before}'" if before else "")
    return f"syntax error at line {line}, column {col} ({where}): expected {expected}{_hint(query, offset)}"


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
    import pandas as pd

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
        try:
            path = find_graph(s)
        except FileNotFoundError:
            raise QueryError(f"no graph at {source} (an RDF file, a build folder or an Oxigraph store)") from None
        except ValueError as err:
            raise QueryError(str(err)) from None
        try:
            store = open_store(path, read_only=True) if path.is_dir() else store_from_file(path)
        except OSError as err:
            raise QueryError(f"{path} is not a readable Oxigraph store: {str(err).strip()[:300]}") from None
        except ValueError as err:  # an RDF file that does not parse
            raise QueryError(str(err)) from None
        return _ox_frame(store, text, params)
    raise QueryError(f"cannot query a {type(source).__name__}")


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
_MASK = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
    r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s"{}|^`\\]*>|#[^\n]*',
    re.DOTALL,
)
_IRI_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:(//|[^\s])")


def param_term(name: str, value: Any) -> str:
    """A parameter value as a SPARQL term: an IRI when it looks like one (``scheme://...``, ``urn:...``)
    and is valid, else a string literal, escaped. An IRI-looking value that is not a valid IRI is an error."""
    text = str(value)
    if _IRI_LIKE.match(text) and (text.startswith("urn:") or "://" in text):
        try:
            return str(ox.NamedNode(text))
        except ValueError as err:
            raise QueryError(f"parameter {name}: {text!r} is not a valid IRI ({err})") from None
    return str(ox.Literal(text))


def bind_values(text: str, params: dict[str, Any]) -> str:
    """Bind parameters with a VALUES block at the start of every WHERE block (a subquery sees only its
    own). Values are RDF terms serialised by Oxigraph (IRIs checked, literals escaped): they cannot change
    the query. WHERE is looked for outside strings, IRIs and comments."""
    if not params:
        return text
    for name in params:
        if not name.isidentifier():
            raise QueryError(f"bad parameter name {name!r}")
    values = " ".join(f"?{k}" for k in params)
    terms = " ".join(param_term(k, v) for k, v in params.items())
    block = f" VALUES ({values}) {{ ({terms}) }} "
    masked = _MASK.sub(lambda m: " " * len(m.group(0)), text)
    braces = [m.end() for m in _WHERE.finditer(masked)]
    if not braces:
        raise QueryError("cannot bind parameters into a query without a WHERE block")
    for end in reversed(braces):
        text = text[:end] + block + text[end:]
    return text


def _ox_frame(store: ox.Store, text: str, params: dict[str, Any]) -> pd.DataFrame:
    import pandas as pd

    bound = bind_values(text, params)
    try:
        result = store.query(bound)
    except SyntaxError as err:
        raise QueryError(describe_syntax_error(bound, err)) from None
    if isinstance(result, ox.QueryBoolean):
        return pd.DataFrame({"result": [bool(result)]})
    if isinstance(result, ox.QueryTriples):
        rows = [[t.subject.value, t.predicate.value, _term_value(t.object)] for t in result]
        return pd.DataFrame(rows, columns=["subject", "predicate", "object"])
    columns = [v.value for v in result.variables]
    return pd.DataFrame([[_term_value(sol[c]) for c in columns] for sol in result], columns=columns)


def _endpoint_frame(url: str, text: str, params: dict[str, Any], timeout: float) -> pd.DataFrame:
    import pandas as pd

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
    import pandas as pd

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
