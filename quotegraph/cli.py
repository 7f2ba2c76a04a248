"""The ``quotegraph`` command: thin wrappers over :mod:`quotegraph.run` and friends."""

from __future__ import annotations

import json
import logging
import sys
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    name="quotegraph",
    help="Who said what, about which topic, with which stance, where and when: news articles to a graph.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

Paths = Annotated[
    list[Path],
    typer.Argument(help="Files or folders (.txt, .html, .json, .jsonl); folders are read recursively."),
]
TopicsOpt = Annotated[Path | None, typer.Option("--topics", help="Topics file (YAML) for topic and stance.")]
ModelOpt = Annotated[str | None, typer.Option("--model", help="spaCy pipeline name or path (default: best installed).")]
EntitiesOpt = Annotated[
    list[Path] | None, typer.Option("--entities", help="Entity file(s) (YAML) with canonical speakers.")
]
WorkersOpt = Annotated[int, typer.Option("--workers", min=1, help="Parser processes.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]
StanceOpt = Annotated[
    str,
    typer.Option(
        "--stance",
        help="Stance backend: rules (offline default), nli, llm, or a versioned name such as "
        "quotegraph.stance.nli.v1. A backend that cannot load warns once and the rules take over.",
    ),
]
StanceModelOpt = Annotated[
    str | None,
    typer.Option(
        "--stance-model",
        help="Model of the stance backend: a local folder or hub id (nli), a model name (llm). With none, "
        "nli uses its default model only if it is already in the local cache.",
    ),
]
StanceExamplesOpt = Annotated[
    Path | None,
    typer.Option(
        "--stance-examples",
        help="Records file (JSONL: text, topic, stance) to draw the llm backend's few-shot examples from "
        "(QUOTEGRAPH_LLM_SHOTS per statement, default 4).",
    ),
]
CacheOpt = Annotated[
    Path | None, typer.Option("--cache", help="Statement cache (SQLite): a re-run parses only new or changed articles.")
]


def _setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )


@app.callback()
def main_callback(
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log progress.")] = False,
) -> None:
    _setup_logging(verbose)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code=2)


def _os_error(err: OSError, outdir: Path) -> str:
    """One line for a failed write: what happened, where, and that the previous build is intact."""
    import errno

    where = f" writing {err.filename}" if err.filename else ""
    what = "no space left on device" if err.errno == errno.ENOSPC else (err.strerror or str(err))
    return f"{what}{where}; the previous build in {outdir} is intact"


def _check_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise _fail(f"no such file or folder: {', '.join(missing)}")


def _extractor_options(
    topics: Path | None,
    model: str | None,
    entities: list[Path] | None,
    workers: int,
    cache: Path | None = None,
    stance: str = "rules",
    stance_model: str | None = None,
    stance_examples: Path | None = None,
) -> dict:
    from quotegraph.extract.stance.registry import resolve

    if topics is not None and not topics.is_file():
        raise _fail(f"topics file not found: {topics}")
    for path in entities or []:
        if not path.is_file():
            raise _fail(f"entity file not found: {path}")
    try:
        backend = resolve(stance)
    except ValueError as err:
        raise _fail(str(err)) from None
    if stance_examples is not None and not stance_examples.is_file():
        raise _fail(f"stance examples file not found: {stance_examples}")
    if stance_model is not None and topics is None:
        logging.getLogger(__name__).warning("--stance-model has no effect without --topics")
    if stance_examples is not None and not backend.startswith("quotegraph.stance.llm."):
        logging.getLogger(__name__).warning("--stance-examples is used only by the llm stance backend")
    options = {"model": stance_model, "examples": str(stance_examples) if stance_examples else None}
    return {
        "topics": topics,
        "model": model,
        "entities": entities,
        "workers": workers,
        "cache": cache,
        "stance_backend": stance,
        "stance_options": {k: v for k, v in options.items() if v is not None} or None,
    }


@app.command()
def extract(
    paths: Paths,
    output: Annotated[Path, typer.Option("--output", "-o", help="Statements JSONL to write.")],
    topics: TopicsOpt = None,
    model: ModelOpt = None,
    entities: EntitiesOpt = None,
    workers: WorkersOpt = 1,
    report: Annotated[Path | None, typer.Option("--report", help="Also write the run report (JSON).")] = None,
    cache: CacheOpt = None,
    stance: StanceOpt = "rules",
    stance_model: StanceModelOpt = None,
    stance_examples: StanceExamplesOpt = None,
    consistency: Annotated[
        bool,
        typer.Option(
            "--consistency/--no-consistency",
            help="Let a speaker's clear stances on a topic inform their weak ones (as build does).",
        ),
    ] = True,
    quiet: QuietOpt = False,
) -> None:
    """Extract statements from articles into a JSONL file (one statement per line)."""
    from quotegraph.extract.nlp import ModelNotFound
    from quotegraph.run import extract_to_jsonl

    _check_paths(paths)
    try:
        result = extract_to_jsonl(
            paths,
            output,
            progress=not quiet,
            consistency=consistency,
            **_extractor_options(topics, model, entities, workers, cache, stance, stance_model, stance_examples),
        )
    except ModelNotFound as err:
        raise _fail(str(err)) from None
    if report:
        result.write(report)
    if not quiet:
        typer.echo(result.summary(), err=True)
        typer.echo(f"wrote {output}", err=True)


@app.command("stance")
def stance_command(
    records: Annotated[Path, typer.Argument(help="Statements to judge (JSONL: id, text, topic).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Judgements JSONL to write.")],
    topics: Annotated[
        Path | None, typer.Option("--topics", help="Topics file whose ids the records' topic fields may name.")
    ] = None,
    model: ModelOpt = None,
    stance: StanceOpt = "rules",
    stance_model: StanceModelOpt = None,
    gate: Annotated[
        bool,
        typer.Option(
            "--gate/--no-gate",
            help="A text that does not mention its topic is neutral (rules backend); --no-gate: judge every text.",
        ),
    ] = True,
) -> None:
    """Judge given statements on given topics, without extraction: one {id, stance, confidence, evidence}
    a line. A record's topic is an object in the topics-file format or the id of a topic in --topics. A text
    that does not mention its topic is neutral ("does not mention the topic"; --no-gate: judged as any)."""
    from quotegraph.extract.nlp import ModelNotFound, load_base
    from quotegraph.extract.stance.judge import judge_records, read_records
    from quotegraph.extract.stance.registry import resolve
    from quotegraph.extract.stance.topics import load_topics

    _check_paths([records])
    try:
        resolve(stance)
        known = load_topics(topics) if topics is not None else []
        nlp = load_base(model)
        answers = judge_records(read_records(records), known, backend=stance, model=stance_model, nlp=nlp, gate=gate)
    except (ValueError, ModelNotFound) as err:  # RecordError and TopicsFileError are ValueErrors
        raise _fail(str(err)) from None
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8") as fh:
        for answer in answers:
            fh.write(json.dumps(answer, ensure_ascii=False) + "\n")
    typer.echo(f"judged {len(answers)} statements; wrote {output}", err=True)


@app.command()
def build(
    paths: Paths,
    outdir: Annotated[Path, typer.Option("--output", "-o", help="Output folder.")],
    topics: TopicsOpt = None,
    model: ModelOpt = None,
    entities: EntitiesOpt = None,
    workers: WorkersOpt = 1,
    rdf_format: Annotated[
        list[str] | None, typer.Option("--rdf-format", help="RDF formats to write: ttl (default), jsonld, nt.")
    ] = None,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Parse everything again (no OUTDIR/.cache.sqlite).")
    ] = False,
    add: Annotated[bool, typer.Option("--add", help="Add these articles to the earlier build in OUTDIR.")] = False,
    stance: StanceOpt = "rules",
    stance_model: StanceModelOpt = None,
    stance_examples: StanceExamplesOpt = None,
    quiet: QuietOpt = False,
) -> None:
    """Extract, merge and write statements.jsonl, graph.ttl, graph.html and report.json."""
    from quotegraph.extract.nlp import ModelNotFound
    from quotegraph.outputs import BuildLocked
    from quotegraph.run import build as run_build

    if rdf_format is None:
        rdf_format = ["ttl"]
    _check_paths(paths)
    rdf_format = rdf_format or ["ttl"]
    bad = [f for f in rdf_format if f not in ("ttl", "jsonld", "nt")]
    if bad:
        raise _fail(f"unknown RDF format(s): {', '.join(bad)} (choose ttl, jsonld, nt)")
    try:
        result = run_build(
            paths,
            outdir,
            rdf_formats=rdf_format,
            progress=not quiet,
            add=add,
            **_extractor_options(
                topics,
                model,
                entities,
                workers,
                None if no_cache else outdir / ".cache.sqlite",
                stance,
                stance_model,
                stance_examples,
            ),
        )
    except ModelNotFound as err:
        raise _fail(str(err)) from None
    except BuildLocked as err:
        raise _fail(str(err)) from None
    except OSError as err:
        raise _fail(_os_error(err, outdir)) from None
    if not quiet:
        typer.echo(result.summary(), err=True)
        for name, path in result.outputs.items():
            typer.echo(f"{name}: {path}", err=True)


@app.command()
def evaluate(
    predictions: Annotated[Path, typer.Argument(help="Predicted statements (JSONL).")],
    gold: Annotated[Path, typer.Argument(help="Gold statements (JSONL).")],
    show_errors: Annotated[bool, typer.Option("--show-errors", help="List misses and false alarms.")] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as one JSON object.")] = False,
    by_rule: Annotated[
        bool, typer.Option("--by-rule", help="Also print precision and count per attribution rule.")
    ] = False,
    reliability: Annotated[
        bool, typer.Option("--reliability", help="Also print the reliability tables (confidence bins).")
    ] = False,
) -> None:
    """Score predicted statements against gold (quote, attribution, speaker, topic, stance; the calibration
    of statement and stance confidence)."""
    from quotegraph.evaluate import evaluate_files, format_errors

    for p in (predictions, gold):
        if not p.is_file():
            raise _fail(f"not a file: {p}")
    try:
        scores = evaluate_files(predictions, gold)
    except ValueError as err:
        raise _fail(str(err)) from None
    typer.echo(json.dumps(scores.to_dict()) if as_json else scores.table())
    if by_rule and not as_json:
        typer.echo(scores.rule_table())
    if reliability and not as_json:
        typer.echo(scores.reliability_table())
    if show_errors:
        typer.echo(format_errors(scores.errors), err=True)


@app.command()
def query(
    source: Annotated[
        str, typer.Argument(help="RDF file, build folder, Oxigraph store folder, or http(s) SPARQL endpoint URL.")
    ],
    sparql: Annotated[str, typer.Argument(help="A SELECT/ASK query, or the name of a shipped query (see `queries`).")],
    param: Annotated[list[str] | None, typer.Option("--param", "-p", help="NAME=VALUE, bound as an RDF term.")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write the result here.")] = None,
) -> None:
    """Run a SPARQL query (read-only) and print the result as a table, CSV or JSON."""
    from quotegraph.graph.query import QueryError, run_query, write_frame

    params = {}
    for item in param or []:
        name, sep, value = item.partition("=")
        if not sep:
            raise _fail(f"--param takes NAME=VALUE, not {item!r}")
        params[name.strip()] = value
    try:
        frame = run_query(source, sparql, params=params)
        text = write_frame(frame, output, fmt)
    except (QueryError, OSError, RuntimeError, SyntaxError) as err:
        raise _fail(str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__) from None
    if text is not None:
        typer.echo(text)


@app.command()
def queries() -> None:
    """List the shipped named queries."""
    from quotegraph.graph.query import description, list_queries, query_params

    for name in list_queries():
        typer.echo(f"{name:<20} {description(name)}")
        for p in query_params(name):
            typer.echo(f"{'':<20}   -p {p.name}=VALUE{'' if p.required else ' (optional)'}  {p.doc}")


@app.command("rules")
def rules_command() -> None:
    """List the attribution rules in the order they run, with their fitted precision and count (the
    statements of polnear-train each rule made, judged on gold)."""
    from quotegraph.extract.attribution.confidence import load_table
    from quotegraph.extract.attribution.rules import default_rules, registered_rules

    table = load_table()
    shipped = set(default_rules())
    typer.echo(f"{'order':>5}  {'rule':<18} {'precision':>9} {'n':>6}  what it reads")
    for rule in registered_rules():
        precision, n = table.precision(rule.name)
        shown = f"{precision:9.3f}" if precision is not None else f"{'-':>9}"
        origin = "" if rule.name in shipped else " (installed)"
        typer.echo(f"{rule.order:>5}  {rule.name:<18} {shown} {n:>6}  {rule.doc[:70]}{origin}")


@app.command()
def serve(
    source: Annotated[Path, typer.Argument(help="RDF file, build folder (its graph.ttl) or Oxigraph store folder.")],
    host: Annotated[str, typer.Option(help="Address to bind (default: this machine only).")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port.")] = 7878,
    timeout: Annotated[float, typer.Option(help="Seconds a query may run (then it is stopped: 503).")] = 30.0,
    workers: Annotated[int, typer.Option(help="Query worker processes holding the store.")] = 2,
    max_connections: Annotated[int, typer.Option(help="Requests handled at once; more get 503.")] = 32,
    max_rows: Annotated[int, typer.Option(help="Rows per result (more are cut, with a note).")] = 10_000,
    max_bytes: Annotated[int, typer.Option(help="Bytes per result (more are cut, with a note).")] = 10_000_000,
    allow_service: Annotated[bool, typer.Option(help="Allow SERVICE (the server then fetches other URLs).")] = False,
    allow_host: Annotated[
        list[str] | None, typer.Option(help="Also answer this Host header (NAME or NAME:PORT); repeatable.")
    ] = None,
    allow_origin: Annotated[
        list[str] | None,
        typer.Option(help="Let web pages of this origin (https://site:port, or *) query it; repeatable."),
    ] = None,
    max_memory: Annotated[int, typer.Option(help="MB a query worker may grow by (then 503, worker replaced).")] = 768,
    read_timeout: Annotated[float, typer.Option(help="Seconds a client has to send a request (headers, body).")] = 10,
) -> None:
    """Serve a read-only SPARQL 1.1 endpoint with a query page."""
    from quotegraph.graph.serve import Limits
    from quotegraph.graph.serve import serve as run_server

    if not source.exists():
        raise _fail(f"no such file or folder: {source}")
    if min(workers, max_connections, max_rows, max_bytes, max_memory) < 1 or min(timeout, read_timeout) <= 0:
        raise _fail(
            "--timeout, --workers, --max-connections, --max-rows, --max-bytes, --max-memory and --read-timeout "
            "must be positive"
        )
    limits = Limits(
        timeout=timeout,
        workers=workers,
        max_connections=max_connections,
        max_rows=max_rows,
        max_bytes=max_bytes,
        allow_service=allow_service,
        allowed_hosts=tuple(allow_host or ()),
        allowed_origins=tuple(allow_origin or ()),
        max_memory=max_memory,
        read_timeout=read_timeout,
    )
    try:
        run_server(source, host=host, port=port, limits=limits)
    except (OSError, ValueError, SyntaxError) as err:
        raise _fail(str(err)) from None


@app.command()
def load(
    store: Annotated[Path, typer.Argument(help="Oxigraph store folder (created if missing).")],
    files: Annotated[list[Path], typer.Argument(help="RDF files to add (.ttl, .nt, .jsonld).")],
) -> None:
    """Bulk-load RDF into an on-disk Oxigraph store, adding to what it holds."""
    from quotegraph.graph.store import load_rdf, open_store

    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise _fail(f"no such file: {', '.join(missing)}")
    size = load_rdf(open_store(store), *files)
    typer.echo(f"{store}: {size} triples", err=True)


@app.command()
def view(
    statements: Annotated[Path, typer.Argument(help="Statements JSONL (from build).")],
    output: Annotated[Path, typer.Option("--output", "-o", help="HTML file to write.")],
    topic: Annotated[str | None, typer.Option(help="Only this topic (id, or label with --topics).")] = None,
    speaker: Annotated[
        str | None, typer.Option(help="Only this speaker's neighbourhood: their statements and replies to them.")
    ] = None,
    max_nodes: Annotated[int, typer.Option(help="Cap on nodes shown.")] = 1500,
    per_topic: Annotated[
        int, typer.Option(help="The most quoted speakers of each topic shown (0: all speakers).")
    ] = 20,
    gexf: Annotated[Path | None, typer.Option(help="Also export the shown graph as GEXF for Gephi.")] = None,
    topics: TopicsOpt = None,
) -> None:
    """Render the interactive HTML view (and optionally GEXF) from a statements file."""
    from quotegraph.extract.model import read_jsonl
    from quotegraph.graph.view import UnknownFocus, focus, render_html

    if not statements.is_file():
        raise _fail(f"not a file: {statements}")
    labels: dict[str, str] = {}
    propositions: dict[str, str | None] = {}
    if topics is not None:
        from quotegraph.extract.stance import load_topics

        if not topics.is_file():
            raise _fail(f"topics file not found: {topics}")
        loaded = load_topics(topics)
        labels = {t.id: t.label for t in loaded}
        propositions = {t.id: t.proposition or None for t in loaded}
    items = list(read_jsonl(statements))
    try:
        shown = focus(items, topic=topic, speaker=speaker, topic_labels=labels)
    except UnknownFocus as err:
        raise _fail(str(err)) from None
    render_html(shown, output, max_nodes=max_nodes, per_topic=per_topic, topic_labels=labels, propositions=propositions)
    if gexf:
        from quotegraph.graph.build import build_graph, write_gexf

        write_gexf(build_graph(shown), gexf)


def _said(paths: list[Path]) -> tuple[list[str], list[str]]:
    """What was said in ``paths``, one text per remark, and the speakers' names: a build folder's
    statements.jsonl or a statements file as they are (nothing extracted twice), else the articles'
    statements, extracted first."""
    from quotegraph.extract.model import read_jsonl
    from quotegraph.extract.stance.propose import said

    files = [p / "statements.jsonl" if p.is_dir() and (p / "statements.jsonl").is_file() else p for p in paths]
    if all(p.is_file() and p.suffix == ".jsonl" for p in files):
        try:
            typer.echo(f"propose-topics: reading {', '.join(map(str, files))}", err=True)
            return said(s for p in files for s in read_jsonl(p))
        except (KeyError, TypeError, ValueError):
            pass  # JSON Lines articles, not statements
    from quotegraph.extract.pipeline import Extractor

    typer.echo("propose-topics: no statements given, extracting them from the articles first", err=True)
    ex = Extractor()
    return said(s for r in ex.extract_paths(paths) for s in r.statements)


@app.command("propose-topics")
def propose_topics_command(
    paths: Paths,
    n: Annotated[int, typer.Option("-n", help="How many topics.")] = 8,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write a topics file (YAML).")] = None,
) -> None:
    """Propose topics from what was said (key phrases grouped into themes), as a topics file to edit.

    PATH is a build folder or its statements.jsonl (quick: nothing is extracted again), or articles (their
    statements are extracted first). Proposed topics are drafts: no proposition, so no stance, until you
    write one."""
    from quotegraph.extract.stance.propose import propose_topics, topics_yaml

    _check_paths(paths)
    texts, names = _said(paths)

    def progress(message: str) -> None:
        typer.echo(f"propose-topics: {message}", err=True)

    progress(f"{len(texts):,} remarks by {len(names):,} names")
    topics = propose_topics(texts, n=n, names=names, progress=progress)
    text = topics_yaml(topics)
    if output:
        from quotegraph.extract.stance.propose import write_proposed

        write_proposed(topics, output)
        progress(f"wrote {output}")
    else:
        typer.echo(text)


def main() -> None:
    """Entry point of the ``quotegraph`` script."""
    app()


if __name__ == "__main__":
    main()
