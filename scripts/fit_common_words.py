"""Write the common English words of the mention test of long texts (``extract/resources/common_words.txt``).

    pip install -e ".[fit]" && python scripts/fit_common_words.py [--check]

General word statistics, nothing about any topic: the words of wordfreq's English list (its blend of web,
subtitles, news, books, Wikipedia and social media text) with a Zipf frequency of at least ``common_zipf`` of
``long_text`` in ``extract/resources/topic_match.yaml`` (Zipf z: once in 10^(9 - z) words; 5.0 is once in
10,000), letters only, function words (``stop_words.txt``) left out, one a line in alphabetical order.
``wordfreq`` is needed only here; the package reads the written list. ``--check`` prints what would change.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import yaml
from quotegraph.extract.text import STOP_WORDS

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "extract" / "resources"
LETTERS = re.compile(r"[a-z]+")
LIST_SIZE = 20_000
"""Words of wordfreq's list read, most frequent first (those at Zipf 5 number about 1,100)."""


def common_words(zipf: float) -> list[str]:
    """The letter-only English words at least ``zipf`` frequent, function words left out, sorted."""
    from wordfreq import top_n_list, zipf_frequency

    words = (w for w in top_n_list("en", LIST_SIZE) if LETTERS.fullmatch(w) and w not in STOP_WORDS)
    return sorted({w for w in words if zipf_frequency(w, "en") >= zipf})


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="print what would change; write nothing")
    args = ap.parse_args()
    config = yaml.safe_load((RESOURCES / "topic_match.yaml").read_text("utf-8"))["long_text"]
    zipf = float(config["common_zipf"])
    out = RESOURCES / config["common_words"]
    words = common_words(zipf)
    old = set(out.read_text("utf-8").split("\n")) if out.exists() else set()
    old = {w for w in old if w and not w.startswith("#")}
    print(f"{len(words)} words at Zipf >= {zipf}; {len(set(words) - old)} new, {len(old - set(words))} gone")
    if args.check:
        return
    header = (
        f"# English words at least as frequent as Zipf {zipf} (once in {10 ** (9 - zipf):,.0f} words), by\n"
        "# wordfreq's English list; letters only, function words left out. Written by scripts/fit_common_words.py\n"
        "# from common_zipf of long_text in topic_match.yaml: do not edit by hand.\n"
    )
    out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
