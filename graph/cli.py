"""The ``quotegraph`` command: thin wrappers over :mod:`graph.run` and friends."""

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
TopicsOpt = Annotated[
    Path | None, typer.Option("--topics", help="Topics file (YAML) for topic and stance.")
]
ModelOpt = Annotated[
    str | None, typer.Option("--model", help="spaCy pipeline name or path (default: best installed).")
]
EntitiesOpt = Annotated[
    list[Path] | None, typer.Option("--entities", help="Entity file(s) (YAML) with canonical speakers.")
]
WorkersOpt = Annotated[int, typer.Option("--workers", min=1, help="Parser processes.")]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")]


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


def _check_paths(paths: list[Path]) -> None:
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise _fail(f"no such file or folder: {', '.join(missing)}")


def _extractor_options(
    topics: Path | None, model: str | None, entities: list[Path] | None, workers: int
) -> dict:
    if topics is not None and not topics.is_file():
        raise _fail(f"topics file not found: {topics}")
    return {"topics": topics, "model": model, "entities": entities, "workers": workers}


@app.command()
def extract(
    paths: Paths,
    output: Annotated[Path, typer.Option("--output", "-o", help="Statements JSONL to write.")],
    topics: TopicsOpt = None,
    model: ModelOpt = None,
    entities: EntitiesOpt = None,
    workers: WorkersOpt = 1,
    report: Annotated[
        Path | None, typer.Option("--report", help="Also write the run report (JSON).")
    ] = None,
    quiet: QuietOpt = False,
) -> None:
    """Extract statements from articles into a JSONL file (one statement per line)."""
    from extract.nlp import ModelNotFound
    from graph.run import extract_to_jsonl

    _check_paths(paths)
    try:
        result = extract_to_jsonl(
            paths, output, progress=not quiet, **_extractor_options(topics, model, entities, workers)
        )
    except ModelNotFound as err:
        raise _fail(str(err)) from None
    if report:
        result.write(report)
    if not quiet:
        typer.echo(result.summary(), err=True)
        typer.echo(f"wrote {output}", err=True)


@app.command()
def build(
    paths: Paths,
    outdir: Annotated[Path, typer.Option("--output", "-o", help="Output folder.")],
    topics: TopicsOpt = None,
    model: ModelOpt = None,
    entities: EntitiesOpt = None,
    workers: WorkersOpt = 1,
    rdf_format: Annotated[
        list[str], typer.Option("--rdf-format", help="RDF formats to write: ttl, jsonld, nt.")
    ] = ["ttl"],  # noqa: B006
    quiet: QuietOpt = False,
) -> None:
    """Extract, merge and write statements.jsonl, graph.ttl, graph.html and report.json."""
    from extract.nlp import ModelNotFound
    from graph.run import build as run_build

    _check_paths(paths)
    bad = [f for f in rdf_format if f not in ("ttl", "jsonld", "nt")]
    if bad:
        raise _fail(f"unknown RDF format(s): {', '.join(bad)} (choose ttl, jsonld, nt)")
    try:
        result = run_build(
            paths,
            outdir,
            rdf_formats=rdf_format,
            progress=not quiet,
            **_extractor_options(topics, model, entities, workers),
        )
    except ModelNotFound as err:
        raise _fail(str(err)) from None
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
) -> None:
    """Score predicted statements against gold (quote, attribution, speaker, topic, stance)."""
    from extract.evaluate import evaluate_files, format_errors

    for p in (predictions, gold):
        if not p.is_file():
            raise _fail(f"not a file: {p}")
    try:
        scores = evaluate_files(predictions, gold)
    except ValueError as err:
        raise _fail(str(err)) from None
    typer.echo(json.dumps(scores.figures()) if as_json else scores.table())
    if show_errors:
        typer.echo(format_errors(scores.errors), err=True)


def main() -> None:
    """Entry point of the ``quotegraph`` script."""
    app()


if __name__ == "__main__":
    main()
