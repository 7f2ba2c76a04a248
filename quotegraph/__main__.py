"""``python -m quotegraph``: the quotegraph command."""

from quotegraph.cli import main

main()
