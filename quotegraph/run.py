"""The main jobs as plain functions: extract a corpus to JSONL, build the graph outputs.

The command line (:mod:`quotegraph.cli`) is a thin wrapper over these.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from quotegraph.extract.atomic import atomic_write
from quotegraph.extract.model import Article, Statement, write_jsonl
from quotegraph.extract.pipeline import Extractor, FileOutcome
from quotegraph.outputs import RAW  # per-article statements before linking and merging, for --add

log = logging.getLogger(__name__)


__all__ = ["RunReport", "build", "count_inputs", "extract_to_jsonl", "software_version"]


def software_version() -> str:
    try:
        return metadata.version("quotegraph")
    except metadata.PackageNotFoundError:
        return "0+unknown"


@dataclass
class RunReport:
    """Every input with its fate, and what came out."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    statements: int = 0
    model: str | None = None
    outputs: dict[str, str] = field(default_factory=dict)
    speakers: Counter[str] = field(default_factory=Counter)
    previous: int = 0  # articles kept from an earlier build (--add)
    stances: dict[str, Any] = field(default_factory=dict)  # remark stances, positions, hidden (graph/positions.py)

    def counts(self) -> dict[str, int]:
        c = Counter(o.status for o in self.outcomes)
        return {
            "read": c["read"],
            "skipped": c["skipped"],
            "failed": c["failed"],
            "statements": self.statements,
        }

    def to_dict(self) -> dict[str, Any]:
        return {
            "software": f"quotegraph {software_version()}",
            "model": self.model,
            "counts": self.counts(),
            "speakers": dict(sorted(self.speakers.items(), key=lambda kv: (-kv[1], kv[0]))),
            "stances": self.stances,
            "outputs": self.outputs,
            "inputs": [o.to_dict() for o in self.outcomes],
        }

    def write(self, path: str | Path) -> None:
        with atomic_write(path) as f:
            json.dump(self.to_dict(), f, ensure_ascii=False, indent=2)
            f.write("\n")

    def summary(self) -> str:
        c = self.counts()
        cached = sum(1 for o in self.outcomes if o.cached)
        lines = [
            f"{c['read']} read ({cached} from cache), {c['skipped']} skipped, {c['failed']} failed; "
            f"{c['statements']} statements from {len(self.speakers)} speakers"
        ]
        if self.previous:
            lines.append(f"  and {self.previous} articles kept from the earlier build")
        if self.stances.get("hidden"):
            st = self.stances
            lines.append(f"  {st['hidden']} of {st['stances']} remark stances below the display threshold "
                         f"{st['display_threshold']}: kept, shown apart as low-confidence")  # fmt: skip
        lines += [f"  {o.status}: {o.path or o.name}: {o.reason}" for o in self.outcomes if o.status != "read"]
        return "\n".join(lines)


def _progress(total: int | None, enabled: bool, desc: str) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, disable=None if enabled else True, desc=desc, unit="file", leave=False)


def count_inputs(paths: Iterable[str | Path]) -> int:
    from quotegraph.extract.reading.articles import iter_input_files

    return sum(1 for _ in iter_input_files(paths))


def extract_to_jsonl(
    paths: Sequence[str | Path],
    output: str | Path,
    *,
    extractor: Extractor | None = None,
    progress: bool = True,
    consistency: bool = True,
    news: bool = True,
    **extractor_options: Any,
) -> RunReport:
    """Extract statements from files and folders and write them as JSON Lines, streaming.

    Parameters
    ----------
    paths : sequence of str or Path
        Article files and folders.
    output : str or Path
        The JSON Lines file to write (atomically).
    extractor : Extractor, optional
        A loaded extractor; else one is made from ``extractor_options``.
    progress : bool
        Show a progress bar.
    consistency : bool
        With topics, let a speaker's clear stances on a topic inform their weak ones, as a build does.
    news : bool
        Move the sided stance confidences to how often such sides are right on news
        (:mod:`quotegraph.extract.stance.news`), as a build does; off, they stay the broad set's calibration.
    **extractor_options
        Keyword arguments of :class:`quotegraph.Extractor`.

    Returns
    -------
    RunReport
        What was read, skipped or failed, and how many statements were written.
    """
    from quotegraph.extract.nlp import model_id

    ex = extractor or Extractor(**extractor_options)
    report = RunReport(model=model_id(ex.nlp))
    bar = _progress(count_inputs(paths), progress, "extract")

    def statements() -> Iterable[Statement]:
        for result in ex.extract_paths(paths, on_item=lambda: bar.update(1)):
            report.outcomes.append(result.outcome)
            report.speakers.update(s.speaker for s in result.statements if s.speaker)
            yield from result.statements

    from quotegraph.extract.stance.news import NewsCalibration, news_adjusted, news_calibration

    cal = news_calibration() if news else NewsCalibration()
    try:
        finished = _consistent(statements()) if ex.topics and consistency else statements()
        report.statements = write_jsonl((news_adjusted(s, cal) for s in finished), output)
    finally:
        bar.close()
    report.outputs["statements"] = str(output)
    return report


def _consistent(statements: Iterable[Statement]) -> Iterator[Statement]:
    """``statements`` with each speaker's clear stances on a topic informing their weak ones (as in a build):
    a first pass spools them to a temporary file while it counts the votes, a second reads them back."""
    import tempfile

    from quotegraph.extract.stance.consistency import informed, stance_votes

    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:

        def spooled() -> Iterator[Statement]:
            for s in statements:
                spool.write(s.to_json() + "\n")
                yield s

        votes = stance_votes(spooled())
        spool.seek(0)
        for line in spool:
            yield informed(Statement.from_dict(json.loads(line)), votes)


Group = tuple[str, Article | None, list[Statement]]
"""The statements of one input (``path`` or ``path#record``, see :func:`quotegraph.extract.reading.articles.source_of`),
with the article they come from (None: kept from an earlier build)."""


def _with_proposed_topics(ex: Extractor, groups: list[Group]) -> tuple[list[Group], str]:
    """No topics file: propose topics from what was said and assign them, so a new corpus can be explored.
    Returns the groups with their stances and the proposals as YAML, written into the build's generation
    (``topics.proposed.yaml``, switched in with the rest of the build) to edit."""
    from quotegraph.extract.stance import StanceAssigner
    from quotegraph.extract.stance import propose_topics as propose
    from quotegraph.extract.stance.propose import topics_yaml

    ex.topics = propose([s.quote for _, _, group in groups for s in group], n=8, nlp=ex.nlp)
    log.info("proposed topics: %s", ", ".join(t.label for t in ex.topics))
    assigner = StanceAssigner(ex.topics)
    # each input's statements with its own article (two records may share a URL, never their text)
    assigned = [
        (src, a, assigner.assign(group, None, a) if a is not None and group else group) for src, a, group in groups
    ]
    return assigned, topics_yaml(ex.topics)


def build(
    paths: Sequence[str | Path],
    outdir: str | Path,
    *,
    extractor: Extractor | None = None,
    rdf_formats: Sequence[str] = ("ttl",),
    html: bool = True,
    progress: bool = True,
    propose_topics: bool = True,
    add: bool = False,
    **extractor_options: Any,
) -> RunReport:
    """Extract, link speakers across articles, merge reports of one remark, write all outputs.

    Parameters
    ----------
    paths : sequence of str or Path
        Article files and folders.
    outdir : str or Path
        The build folder.
    extractor : Extractor, optional
        A loaded extractor; else one is made from ``extractor_options``.
    rdf_formats : sequence of str
        RDF serialisations to write (``ttl``, ``nt``, ``jsonld``).
    html : bool
        Write the interactive graph view.
    progress : bool
        Show a progress bar.
    propose_topics : bool
        Without a topics file, propose topics from the corpus.
    add : bool
        Keep the statements of an earlier build in ``outdir`` and add the new articles to them.
    **extractor_options
        Keyword arguments of :class:`quotegraph.Extractor`.

    Returns
    -------
    RunReport
        What was read, the statement and speaker counts, and the outputs written.

    Raises
    ------
    quotegraph.outputs.BuildLocked
        When another build is writing to ``outdir``.

    Notes
    -----
    Without a topics file, topics are proposed from the corpus (``propose_topics=False`` turns that off).
    With ``add=True`` the statements of an earlier build in ``outdir`` are kept and the new articles are
    added to them (an input read again, a file or one record of a JSON file, replaces what it gave before): the
    result equals a full build of the earlier inputs and the new ones.

    Writes ``statements.jsonl``, ``graph.ttl`` (and other RDF formats asked for), ``graph.gexf``,
    ``graph.html`` and ``report.json`` into ``outdir``, all at once (see :mod:`quotegraph.outputs`): a
    build killed or failing at any point leaves the previous build whole. Raises
    :class:`quotegraph.outputs.BuildLocked` when another build is writing to ``outdir``.
    """
    from quotegraph import outputs

    out = Path(outdir)
    with outputs.build_lock(out):
        outputs.clean_leftovers(out)
        return _build(
            paths,
            out,
            extractor=extractor,
            rdf_formats=rdf_formats,
            html=html,
            progress=progress,
            propose_topics=propose_topics,
            add=add,
            **extractor_options,
        )


def _build(
    paths: Sequence[str | Path],
    out: Path,
    *,
    extractor: Extractor | None,
    rdf_formats: Sequence[str],
    html: bool,
    progress: bool,
    propose_topics: bool,
    add: bool,
    **extractor_options: Any,
) -> RunReport:
    from quotegraph import outputs
    from quotegraph.extract.nlp import model_id
    from quotegraph.extract.reading.articles import source_of
    from quotegraph.extract.stance.propose import PROPOSED_FILE

    ex = extractor or Extractor(**extractor_options)
    report = RunReport(model=model_id(ex.nlp))
    groups: list[Group] = []
    propose = ex.stance is None and propose_topics
    bar = _progress(count_inputs(paths), progress, "extract")
    try:
        for result in ex.extract_paths(paths, on_item=lambda: bar.update(1)):
            report.outcomes.append(result.outcome)
            if result.article is not None and (result.statements or result.outcome.status == "read"):
                groups.append((source_of(result.article), result.article, result.statements))
    finally:
        bar.close()
    outputs.checkpoint("extracted")
    proposals = None
    if propose and any(group for _, _, group in groups):
        groups, proposals = _with_proposed_topics(ex, groups)
        report.outputs["topics_proposed"] = str(out / PROPOSED_FILE)
    previous = outputs.current(out)
    if add and previous is not None:
        # add to the last complete build: its statements, minus those of the articles read again now
        read_again = {(o.article_id or o.name) for o in report.outcomes if o.status == "read"}
        earlier = _not_read_again(_earlier_statements(previous), {src for src, _, _ in groups}, read_again)
        report.previous = len({s.article_key for _, s in earlier})
        groups = [(src, None, [s]) for src, s in earlier] + groups
    gen = outputs.new_generation(out)
    try:
        if proposals is not None:
            with atomic_write(gen / PROPOSED_FILE) as f:
                f.write(proposals)
            log.info("no topics file: proposed topics in %s (edit it, then build with --topics)", out / PROPOSED_FILE)
        elif previous is not None and _same_file(ex.topics_path, previous / PROPOSED_FILE):
            shutil.copy2(previous / PROPOSED_FILE, gen / PROPOSED_FILE)  # edited in place and used: it stays
        pairs = [(src, st) for src, _, group in groups for st in group]
        collected, sources = [st for _, st in pairs], [src for src, _ in pairs]
        _write_outputs(ex, report, collected, gen, out, sources=sources, rdf_formats=rdf_formats, html=html)
    except BaseException:
        outputs.discard(gen)  # the previous build stays current, whole, with its own proposals
        raise
    outputs.publish(out, gen)
    return report


def _same_file(a: Path | None, b: Path) -> bool:
    try:
        return a is not None and b.is_file() and a.resolve() == b.resolve()
    except OSError:
        return False


def _not_read_again(
    earlier: list[tuple[str | None, Statement]], sources: set[str], read_again: set[str]
) -> list[tuple[str, Statement]]:
    """The earlier statements that stay, as a full build of the earlier inputs and the new ones would have
    them: what an input gave before goes when that input (a path, or a record of a JSON file) is read
    again; two records sharing a URL are two inputs. A statement of an older build that did not keep its
    input goes when its article (URL or path, ``read_again``) is read again."""
    kept: list[tuple[str, Statement]] = []
    for src, s in earlier:
        if src is None:
            if s.article_key not in read_again:
                kept.append((s.article_key, s))
        elif src not in sources:
            kept.append((src, s))
    return kept


def _earlier_statements(previous: Path) -> list[tuple[str | None, Statement]]:
    """The statements of the last complete build, for ``--add``, each with the input it came from (None
    when the build did not keep it): its per-article statements, or, for a build that kept none (an older
    version), its merged ones with their remark and reply ids cleared (merging again sets them), never
    nothing."""
    from dataclasses import replace

    from quotegraph.extract.model import read_jsonl

    if (previous / RAW).is_file():
        out: list[tuple[str | None, Statement]] = []
        with open(previous / RAW, encoding="utf-8") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    data = json.loads(line)
                    source = data.pop(RAW_SOURCE, None)
                    out.append((source if isinstance(source, str) else None, Statement.from_dict(data)))
                except (ValueError, TypeError, AttributeError) as err:
                    raise ValueError(f"{previous / RAW}:{lineno}: not a statement: {err}") from err
        return out
    if (previous / "statements.jsonl").is_file():
        log.warning("%s has no %s (an older build): adding to its statements.jsonl", previous, RAW)
        merged = read_jsonl(previous / "statements.jsonl")
        return [(None, replace(s, statement_id=None, replies_to=None)) for s in merged]
    return []


RAW_SOURCE = "source"
"""The key, in each line of the per-article statements a build keeps, of the input the statement came from."""


def _raw_order(source: str, s: Statement) -> tuple[str, str, int, int, str]:
    return (s.article_key, source, s.start, s.end, s.quote)


def _write_outputs(
    ex: Extractor,
    report: RunReport,
    collected: Sequence[Statement],
    gen: Path,
    out: Path,
    *,
    sources: Sequence[str] | None = None,
    rdf_formats: Sequence[str],
    html: bool,
) -> None:
    """Every output of a build, into the generation folder ``gen``; ``report.outputs`` names the paths
    users open (``out/<name>``, links through the current generation). ``sources``: the input each
    statement came from (kept for ``--add``; default its article)."""
    from quotegraph import outputs
    from quotegraph.extract.stance.consistency import consistent_stances
    from quotegraph.extract.stance.news import news_adjusted
    from quotegraph.graph.merge import merge_statements
    from quotegraph.graph.rdf import RunInfo, statements_to_rdf, write_rdf

    given = sources if sources is not None else [s.article_key for s in collected]
    pairs = sorted(zip(given, collected, strict=True), key=lambda p: _raw_order(*p))
    with atomic_write(gen / RAW) as f:  # per-article statements with their inputs, for --add
        for src, s in pairs:
            f.write(json.dumps({**s.to_dict(), RAW_SOURCE: src}, ensure_ascii=False) + "\n")
    outputs.checkpoint("raw-written")
    linked = ex.resolver.link_corpus([s for _, s in pairs])
    linked = consistent_stances(linked)  # a speaker's clear stances inform their weak ones (RAW keeps its own)
    linked = [news_adjusted(s) for s in linked]  # sided confidences as news shows them right (RAW: as judged)
    merged = merge_statements(linked)
    report.statements = len(merged)
    report.speakers.update(s.speaker for s in merged if s.speaker)

    write_jsonl(merged, gen / "statements.jsonl")
    report.outputs["statements"] = str(out / "statements.jsonl")
    outputs.checkpoint("statements-written")

    run = RunInfo(software=f"quotegraph {software_version()}", model=report.model)
    rdf = statements_to_rdf(merged, run=run, topics=ex.topics, entities=ex.resolver.entity_records())
    for fmt in rdf_formats:
        write_rdf(rdf, gen / f"graph.{fmt}")
        report.outputs[f"rdf_{fmt}"] = str(out / f"graph.{fmt}")
    outputs.checkpoint("rdf-written")
    from quotegraph.graph import positions as pos
    from quotegraph.graph.build import build_graph, write_gexf

    rows = pos.remark_list(merged)
    held = [p for p in pos.positions_from(rows) if p.remarks]
    report.stances = {"display_threshold": pos.display_threshold(), "stances": sum(r.stance is not None for r in rows),
                      "hidden": sum(r.low_confidence for r in rows), "positions": len(held)}  # fmt: skip
    write_gexf(build_graph(merged, topic_labels=pos.topic_labels_of(ex.topics)), gen / "graph.gexf")
    report.outputs["gexf"] = str(out / "graph.gexf")
    outputs.checkpoint("gexf-written")
    if html:
        from quotegraph.graph.view import render_html

        labels = {t.id: t.label for t in ex.topics}
        render_html(merged, gen / "graph.html", title="quotegraph", topic_labels=labels)
        report.outputs["html"] = str(out / "graph.html")
    outputs.checkpoint("html-written")
    report.outputs["report"] = str(out / "report.json")
    report.write(gen / "report.json")
    outputs.checkpoint("report-written")
