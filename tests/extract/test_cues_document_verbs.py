"""Verbs that report only with a document as subject that names its author ("The findings, published by the
board, showed that ...")."""

from __future__ import annotations

import pytest
from quotegraph.extract.model import Statement
from quotegraph.extract.pipeline import Extractor

from tests.extract.conftest import article_statements


def _statements(extractor: Extractor, body: str) -> list[Statement]:
    return article_statements(extractor, body, "Wages")


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("A study by the University of Toronto found that commuters lose 40 minutes a day.", "University of Toronto"),
        (
            "The audit, released by the Office of the Auditor General, showed that the program ran over budget.",
            "Office of the Auditor General",
        ),
    ],
)
def test_cues_document_verbs_a_document_speaks_for_its_author(extractor: Extractor, body: str, speaker: str) -> None:
    assert [s.speaker for s in _statements(extractor, body)] == [speaker]


@pytest.mark.parametrize(
    "body",
    [
        "The report showed that costs had risen sharply.",  # a document of no one named
        "A poll by Ipsos found that most voters back the plan.",  # a poll is no statement
        "Police found that the door had been forced.",  # a person finds; no report
        "The study by the University of Toronto showed a sharp rise in costs.",  # no clause
    ],
)
def test_cues_document_verbs_report_nothing_else(extractor: Extractor, body: str) -> None:
    assert _statements(extractor, body) == []
