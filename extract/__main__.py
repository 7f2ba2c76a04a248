"""``python -m quotegraph.extract PATH... -o OUT.jsonl``: statements only (no graph).

The full command with graph outputs is ``quotegraph`` (or ``python -m quotegraph``).
"""

from __future__ import annotations

import argparse
import logging
import sys

from quotegraph.extract.model import write_jsonl
from quotegraph.extract.pipeline import Extractor
from quotegraph.extract.stance.news import news_adjusted


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m quotegraph.extract", description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="+")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--topics")
    ap.add_argument("--model")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr)
    ex = Extractor(model=args.model, topics=args.topics)

    def statements():
        for result in ex.extract_paths(args.paths):
            if result.outcome.status != "read":
                sys.stderr.write(f"{result.outcome.status}: {result.outcome.name}: {result.outcome.reason}\n")
            yield from (news_adjusted(s) for s in result.statements)

    n = write_jsonl(statements(), args.output)
    sys.stderr.write(f"{n} statements written to {args.output}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
