"""Extraction on a Dask cluster (``pip install 'quotegraph[dask]'``).

Articles are read where the client runs and sent to the workers in batches; each worker loads the
pipeline once and returns finished statements; results come back in input order, identical to a
single-process run. A local cluster is started unless a scheduler address is given.
"""

from __future__ import annotations

import json
import logging
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from quotegraph.extract.model import Article, Statement
from quotegraph.extract.pipeline import ArticleResult, Extractor, FileOutcome, _batched

log = logging.getLogger(__name__)

_EXTRACTORS: dict[str, Extractor] = {}


def _worker_extractor(options: dict[str, Any]) -> Extractor:
    key = json.dumps(options, sort_keys=True, default=str)
    if key not in _EXTRACTORS:
        _EXTRACTORS[key] = Extractor(**options)
    return _EXTRACTORS[key]


def _process(batch: list[Article], options: dict[str, Any]) -> list[tuple[FileOutcome, list[Statement]]]:
    return _worker_extractor(options)._process(batch)


def extract_with_dask(
    paths: Iterable[str | Path],
    *,
    scheduler: str | None = None,
    n_workers: int = 2,
    batch_size: int = 16,
    window: int | None = None,
    **extractor_options: Any,
) -> Iterator[ArticleResult]:
    """Like :meth:`Extractor.extract_paths`, on Dask. ``window`` bounds the batches in flight (memory)."""
    from dask.distributed import Client, LocalCluster
    from quotegraph.extract.reading.articles import ReadFailure, read_all

    options = {k: (str(v) if isinstance(v, Path) else v) for k, v in extractor_options.items()}
    if options.get("entities"):
        options["entities"] = [str(p) for p in options["entities"]]
    options["batch_size"] = batch_size
    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    window = window or 2 * max(1, len(client.scheduler_info().get("workers", {})) or n_workers)
    try:
        in_flight: deque[tuple[list[Article | ReadFailure], Any]] = deque()

        def emit(items: list[Article | ReadFailure], future: Any) -> Iterator[ArticleResult]:
            done = iter(future.result() if future is not None else [])
            for item in items:
                if isinstance(item, ReadFailure):
                    yield ArticleResult(FileOutcome(item.path, item.name, item.status, item.reason))
                else:
                    outcome, statements = next(done)
                    yield ArticleResult(outcome, item, statements)

        for items in _batched(read_all(paths), batch_size):  # type: ignore[arg-type]
            articles = [a for a in items if isinstance(a, Article)]
            future = client.submit(_process, articles, options, pure=False) if articles else None
            in_flight.append((items, future))
            while len(in_flight) > window:
                yield from emit(*in_flight.popleft())
        while in_flight:
            yield from emit(*in_flight.popleft())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
