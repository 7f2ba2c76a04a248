"""Fast iteration on attribution: parse a corpus once, then re-run attribution on the stored parses.

    python scripts/attribution_harness.py parse ../shared/corpus/polnear-train /tmp/pt-parses
    python scripts/attribution_harness.py run /tmp/pt-parses /tmp/pred.jsonl      # about 30 s for 840 articles
    python ../shared/eval/score.py /tmp/pred.jsonl ../shared/eval/polnear-train/gold.jsonl --show-errors

``parse`` runs the pipeline without the ``quote_attribution`` component and stores the docs (and the
titles' docs) as ``DocBin`` files; ``run`` loads them, applies the current attribution component and the
extractor's finishing steps, and writes statements as ``quotegraph extract`` would (no topics). Parsing
is what costs, so a change to cues, rules or speakers is scored in seconds instead of minutes. Articles
longer than the extractor's section size (parsed in sections by ``extract``) are left out: check the
final figures with a real ``quotegraph extract``. Re-parse after changing anything that runs before
attribution (reading, tokenizer exceptions, the model).
"""

from __future__ import annotations

import argparse
import pickle
import sys
import time
from pathlib import Path

from quotegraph.extract.attribution.headline import title_span
from quotegraph.extract.model import write_jsonl
from quotegraph.extract.pipeline import Extractor
from quotegraph.extract.reading.articles import Article, read_all
from spacy.tokens import DocBin


def parse(ex: Extractor, corpus: Path, store: Path) -> None:
    nlp = ex.nlp
    articles = [a for a in read_all([corpus]) if isinstance(a, Article)]
    long = [a.name for a in articles if len(a.text) > ex.long_article_chars]
    if long:
        print(f"left out (long, parsed in sections by extract): {', '.join(long)}", file=sys.stderr)
    articles = [a for a in articles if len(a.text) <= ex.long_article_chars]
    titles: dict[int, object] = {}
    with nlp.select_pipes(disable=["quote_attribution"]):
        docs = list(nlp.pipe((a.body for a in articles), batch_size=ex.batch_size))
        for i, article in enumerate(articles):
            span = title_span(article)
            if span is not None:
                titles[i] = nlp(article.text[span[0] : span[1]])
    store.mkdir(parents=True, exist_ok=True)
    (store / "docs.spacy").write_bytes(DocBin(store_user_data=True, docs=docs).to_bytes())
    (store / "titles.spacy").write_bytes(DocBin(store_user_data=True, docs=list(titles.values())).to_bytes())
    with open(store / "articles.pkl", "wb") as f:
        pickle.dump((articles, list(titles)), f)
    print(f"parsed {len(docs)} articles into {store}", file=sys.stderr)


def run(ex: Extractor, store: Path, out: Path) -> None:
    nlp = ex.nlp
    start = time.perf_counter()
    with open(store / "articles.pkl", "rb") as f:
        articles, title_keys = pickle.load(f)
    docs = DocBin().from_bytes((store / "docs.spacy").read_bytes()).get_docs(nlp.vocab)
    title_docs = DocBin().from_bytes((store / "titles.spacy").read_bytes()).get_docs(nlp.vocab)
    titles = dict(zip(title_keys, title_docs, strict=True))
    attribution = nlp.get_pipe("quote_attribution")
    statements = []
    for i, (doc, article) in enumerate(zip(docs, articles, strict=True)):
        title = titles.get(i)
        statements.extend(ex.finish(attribution(doc), article, attribution(title) if title is not None else None))
    write_jsonl(statements, out)
    print(f"{len(statements)} statements in {time.perf_counter() - start:.1f} s -> {out}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", choices=["parse", "run"])
    parser.add_argument("source", type=Path, help="parse: the corpus folder; run: the parses folder")
    parser.add_argument("target", type=Path, help="parse: the parses folder; run: the statements JSONL")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: best installed)")
    args = parser.parse_args()
    ex = Extractor(model=args.model, workers=1)
    if args.mode == "parse":
        parse(ex, args.source, args.target)
    else:
        run(ex, args.source, args.target)


if __name__ == "__main__":
    main()
