"""Dask extraction on a local cluster gives exactly the single-process output."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytest.importorskip("dask.distributed", reason="dask is an optional extra: pip install 'quotegraph[dask]'")


@pytest.mark.slow
def test_distributed_local_cluster_equals_single_process(tmp_path):
    from quotegraph.extract.distributed import extract_with_dask
    from quotegraph.extract.pipeline import Extractor

    (tmp_path / "broken.txt").write_bytes(b"\x00\xff" * 100)
    paths = [ROOT / "data" / "articles", tmp_path]
    options = {"topics": ROOT / "data" / "topics.yaml"}
    single = [(r.outcome.name, r.outcome.status, r.statements) for r in Extractor(**options).extract_paths(paths)]
    dask = [
        (r.outcome.name, r.outcome.status, r.statements)
        for r in extract_with_dask(paths, n_workers=2, batch_size=2, **options)
    ]
    assert dask == single
    assert dict((n, s) for n, s, _ in dask)["broken.txt"] in ("failed", "skipped")
