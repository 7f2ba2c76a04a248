"""A headline's plural noun stands for the one body speaker the body describes with its singular ("Riders say
..." and "Transit rider Jo Smith said ..."): headline.body_holder."""

from __future__ import annotations

import pytest
from quotegraph.extract.attribution.headline import body_holder
from quotegraph.extract.model import Statement


def _said(speaker: str, mention: str, role: str | None = None) -> Statement:
    return Statement(
        article="a.txt", quote="x", start=0, end=1, kind="indirect", speaker=speaker, speaker_mention=mention,
        speaker_role=role,
    )


@pytest.mark.parametrize(
    ("headline_speaker", "body", "holder"),
    [
        ("Riders", [_said("Jo Smith", "Transit rider Jo Smith")], "Jo Smith"),
        ("Nurses", [_said("Ana Pires", "Ana Pires", role="nurse")], "Ana Pires"),
        ("Minister", [_said("Neil Lumsden", "Culture Minister Neil Lumsden")], "Neil Lumsden"),
        # negatives: two riders in the body, or none, leave the headline's words
        ("Riders", [_said("Jo Smith", "rider Jo Smith"), _said("Al Roy", "rider Al Roy")], None),
        ("Residents", [_said("Jill Fox", "Mayor Jill Fox")], None),
    ],
)
def test_headline_body_holder_plural(headline_speaker: str, body: list[Statement], holder: str | None) -> None:
    assert body_holder(headline_speaker, body) == holder
