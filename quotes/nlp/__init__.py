"""The NLP layer: Stanford CoreNLP, started and driven through stanza's official client.

This package is the only code that imports stanza. Its public surface:

- ``CoreNLP``: one server per process; ``annotate(text, name) -> Document``.
- ``AnnotationCache``: SQLite cache of annotated documents keyed by text hash + pipeline version.
- ``corenlp_home()``, ``PIPELINE_PROPERTIES``, ``PIPELINE_VERSION``.
"""

from quotes.nlp.cache import AnnotationCache
from quotes.nlp.server import (
    PIPELINE_PROPERTIES,
    PIPELINE_VERSION,
    AnnotationError,
    CoreNLP,
    CoreNLPMissing,
    corenlp_home,
)

__all__ = [
    "AnnotationCache",
    "AnnotationError",
    "CoreNLP",
    "CoreNLPMissing",
    "PIPELINE_PROPERTIES",
    "PIPELINE_VERSION",
    "corenlp_home",
]
