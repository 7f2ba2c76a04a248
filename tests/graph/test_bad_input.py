"""A corpus of bad input through the whole build: every file is in the report with its fate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quotegraph.run import build

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = (ROOT / "data" / "articles" / "004_61335ce61622f152.txt").read_text(encoding="utf-8")
ENGLISH = "The minister said on Tuesday that the government would not change its plans for the budget. "


@pytest.mark.slow
def test_bad_input_corpus_is_reported_file_by_file(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "empty.txt").write_bytes(b"")
    (corpus / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (corpus / "latin1.txt").write_bytes(
        ("Caf\u00e9 talks\n\n" + ENGLISH * 5 + '"We will not move," he said.').encode("latin-1")
    )
    (corpus / "utf16.txt").write_bytes(("Budget\n\n" + ENGLISH * 5 + "“We will not move,” she said.").encode("utf-16"))
    (corpus / "junk.html").write_text("<html><body><script>x()</script><div></div></body></html>", encoding="utf-8")
    (corpus / "unbalanced.txt").write_text(
        "Title\n\n“This quote never ends, the minister said.\n\n" + ENGLISH, encoding="utf-8"
    )
    sentence = ", ".join(["the minister said that the plan would go ahead"] * 430) + "."
    (corpus / "long-sentence.txt").write_text("Title\n\n" + sentence, encoding="utf-8")
    (corpus / "german.txt").write_text(
        "Titel\n\n" + "Der Minister sagte, dass die Regierung ihre Pläne nicht ändern werde. " * 10, encoding="utf-8"
    )
    body = SAMPLE.split("\n", 1)[1]
    big = "Big article\n\n" + "\n\n".join([body] * (1_050_000 // len(body) + 1))
    assert len(big) > 1_000_000  # beyond spaCy's default max_length
    (corpus / "big.txt").write_text(big, encoding="utf-8")
    (corpus / "notes.docx").write_bytes(b"PK\x03\x04")
    (corpus / "good.txt").write_text(SAMPLE, encoding="utf-8")

    out = tmp_path / "out"
    report = build([corpus], out, progress=False, propose_topics=False)
    data = json.loads((out / "report.json").read_text(encoding="utf-8"))
    fates = {Path(i["path"]).name: i for i in data["inputs"]}
    assert set(fates) == {p.name for p in corpus.iterdir()}
    expect = {
        "empty.txt": "skipped",
        "binary.txt": "failed",
        "junk.html": "skipped",
        "german.txt": "skipped",
        "notes.docx": "skipped",
        "latin1.txt": "read",
        "utf16.txt": "read",
        "unbalanced.txt": "read",
        "long-sentence.txt": "read",
        "big.txt": "read",
        "good.txt": "read",
    }
    for name, status in expect.items():
        assert fates[name]["status"] == status, fates[name]
        if status != "read":
            assert fates[name]["reason"]
    assert fates["big.txt"]["statements"] >= 5  # its body, printed many times, is read once
    assert fates["latin1.txt"]["statements"] >= 1 and fates["utf16.txt"]["statements"] >= 1
    assert report.counts()["read"] == 6
