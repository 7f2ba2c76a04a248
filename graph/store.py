"""Where the graph lives for querying: rdflib in memory for small graphs, Oxigraph (on disk, bulk
loaded, incremental) for large ones, or a remote SPARQL endpoint. One query interface over all three:
:func:`quotegraph.graph.query.run_query`.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pyoxigraph as ox

log = logging.getLogger(__name__)

RDF_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
    ".json": ox.RdfFormat.JSON_LD,
    ".trig": ox.RdfFormat.TRIG,
}


def rdf_format(path: str | Path) -> ox.RdfFormat:
    fmt = RDF_FORMATS.get(Path(path).suffix.lower())
    if fmt is None:
        raise ValueError(
            f"{Path(path).name} is not an RDF file this reads (by its extension: {', '.join(RDF_FORMATS)})"
        )
    return fmt


def open_store(path: str | Path | None = None, *, read_only: bool = False) -> ox.Store:
    """An Oxigraph store: in memory when ``path`` is None, else on disk at the folder ``path``."""
    if path is None:
        return ox.Store()
    path = Path(path)
    if read_only:
        if not path.is_dir():
            raise FileNotFoundError(f"no Oxigraph store at {path}")
        return ox.Store.read_only(str(path))
    path.mkdir(parents=True, exist_ok=True)
    return ox.Store(str(path))


def load_rdf(store: ox.Store, *paths: str | Path) -> int:
    """Bulk-load RDF files into ``store`` (adding to what it holds); return the store's size after."""
    for p in paths:
        log.info("loading %s", p)
        try:
            store.bulk_load(path=str(p), format=rdf_format(p))
        except SyntaxError as err:
            first = str(err).strip().splitlines()[0] if str(err).strip() else "unreadable"
            raise ValueError(f"{p} is not a readable RDF graph: {first[:300]}") from None
    store.flush()
    return len(store)


def store_from_file(path: str | Path) -> ox.Store:
    """An in-memory Oxigraph store holding one RDF file."""
    store = ox.Store()
    load_rdf(store, path)
    return store


def is_store_dir(path: str | Path) -> bool:
    """Whether ``path`` is an Oxigraph (RocksDB) store folder: it has RocksDB's CURRENT and MANIFEST files."""
    p = Path(path)
    return p.is_dir() and (p / "CURRENT").is_file() and any(p.glob("MANIFEST-*"))


GRAPH_FILES = ("graph.ttl", "graph.nt", "graph.nq", "graph.trig", "graph.jsonld")


def find_graph(path: str | Path) -> Path:
    """The graph behind ``path``: an Oxigraph store folder, an RDF file, or the graph file inside a build
    folder (``graph.ttl``). Anything else raises ValueError (FileNotFoundError when nothing is there) with a
    sentence saying what was found and what is expected."""
    p = Path(path)
    if p.is_dir():
        if is_store_dir(p):
            return p
        for name in GRAPH_FILES:
            if (p / name).is_file():
                return p / name
        if not any(p.iterdir()):
            raise ValueError(f"{p} is an empty folder, not a graph")
        raise ValueError(
            f"{p} is a folder with neither an Oxigraph store nor a build's graph.ttl in it: give an RDF file "
            f"({', '.join(RDF_FORMATS)}), a build folder or an Oxigraph store folder"
        )
    if p.is_file():
        rdf_format(p)
        return p
    raise FileNotFoundError(f"no RDF file, build folder or Oxigraph store at {p}")
