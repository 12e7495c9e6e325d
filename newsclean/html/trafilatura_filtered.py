"""trafilatura's extraction functions reading its XPath lists as Python filters.

trafilatura's content extraction (``main_extractor``) picks the body with
``BODY_XPATH`` and prunes it with ``OVERALL_DISCARD_XPATH``,
``TEASER_DISCARD_XPATH``, ``DISCARD_IMAGE_ELEMENTS`` and the like; the
comparison with the external extractors (``external``) prunes again with
``OVERALL_DISCARD_XPATH``. Each is a ``re:test``/``contains`` search over
hundreds of elements, a call back into Python per element and test: about
4 ms of a page's trafilatura passes on the dev pages.

:func:`filtered_step` gives a step of one of those modules that runs the
module's own code over a private copy of its global names, in which each
expression list is replaced by the same expressions as
:func:`.xpath_filters.attribute_filter` returns them (the same matches in
the same order; an expression outside the mirrored grammar runs as the
XPath it is). trafilatura's module is left untouched: ``bare_extraction``
and every other caller still read the XPath lists. The functions keep
trafilatura's code, so a changed function is run as changed; only the
reading of the lists is assumed (each expression called on a tree, its
result iterated), and a changed module file (:data:`_KNOWN`) turns the
substitution off.
"""

from __future__ import annotations

import importlib
import logging
from functools import cache
from types import FunctionType
from typing import Any

from lxml.etree import XPath

from .xpath_filters import attribute_filter

logger = logging.getLogger(__name__)

#: The modules whose list reading was checked, with the first 16 hex digits of
#: the SHA-256 of their files in trafilatura 2.3.1 (see ``trafilatura_steps.fingerprint``).
_KNOWN: dict[str, str] = {
    "main_extractor": "08371cfa87480629",
}


def _filtered_lists(namespace: dict[str, Any]) -> dict[str, list[Any]]:
    """Each list of compiled XPath expressions among a module's globals, as filters."""
    return {
        name: [attribute_filter(e) for e in value]
        for name, value in namespace.items()
        if name.isupper() and isinstance(value, list) and value and all(isinstance(e, XPath) for e in value)
    }


def _rebound(module: Any) -> dict[str, Any]:
    """A copy of ``module``'s globals with its XPath lists as filters and its functions reading that copy."""
    own = vars(module)
    namespace = dict(own)
    namespace.update(_filtered_lists(own))
    for name, value in own.items():
        if isinstance(value, FunctionType) and value.__globals__ is own:
            clone = FunctionType(value.__code__, namespace, value.__name__, value.__defaults__, value.__closure__)
            clone.__kwdefaults__ = value.__kwdefaults__
            clone.__qualname__ = value.__qualname__
            clone.__doc__ = value.__doc__
            namespace[name] = clone
    return namespace


@cache
def _namespaces() -> dict[str, dict[str, Any]]:
    """The rebound namespaces of the checked modules that are unchanged (none on any doubt), made once."""
    from .trafilatura_steps import fingerprint

    found: dict[str, dict[str, Any]] = {}
    for module, digest in _KNOWN.items():
        try:
            if fingerprint(module) != digest:
                logger.info("trafilatura.%s changed; its XPath lists run as XPath", module)
                continue
            found[module] = _rebound(importlib.import_module(f"trafilatura.{module}"))
        except (ImportError, OSError) as err:
            logger.info("trafilatura.%s not available (%s)", module, err)
    return found


def filtered_step(module: str, name: str, original: Any) -> Any:
    """``original`` (trafilatura's ``module.name``) as it runs with its module's lists as filters, when checked."""
    namespace = _namespaces().get(module)
    step = namespace.get(name) if namespace is not None else None
    if not isinstance(step, FunctionType) or step.__code__ is not getattr(original, "__code__", None):
        return original
    return step
