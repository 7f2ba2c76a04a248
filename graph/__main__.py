"""``python -m graph``: the quotegraph command."""

from graph.cli import main

main()
