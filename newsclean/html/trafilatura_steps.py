"""trafilatura's internal steps, found and checked once, for the stepwise pass.

:mod:`.trafilatura_pass` runs trafilatura's extraction step by step on a
tree newsclean already parsed. The steps are trafilatura internals, not its
API: their signatures, and the source files of the trafilatura modules whose
logic the pass mirrors, are checked here on import. When one is missing or
differs (a trafilatura upgrade), :data:`AVAILABLE` is false and each pass is
``bare_extraction`` itself: correct, only slower. The check is logged at
INFO level so a run on another trafilatura version can tell which path it took.
"""

from __future__ import annotations

import hashlib
import importlib
import inspect
import logging
from typing import Any

from .trafilatura_filtered import filtered_step

logger = logging.getLogger(__name__)

#: Where each step lives in trafilatura, and its parameter names there.
_STEPS: dict[str, tuple[str, tuple[str, ...]]] = {
    "tree_cleaning": ("htmlprocessing", ("tree", "options")),
    "convert_tags": ("htmlprocessing", ("tree", "options", "url")),
    "prune_unwanted_nodes": ("htmlprocessing", ("tree", "nodelist", "with_backup")),
    "delete_element": ("xml", ("element", "keep_tail")),
    "extract_content": ("main_extractor", ("cleaned_tree", "options")),
    "extract_comments": ("main_extractor", ("tree", "options")),
    "_elem_text": ("main_extractor", ("element",)),
    "compare_extraction": ("external", ("cleaned_tree", "raw_tree", "body", "text", "options")),
    "justext_rescue": ("external", ("tree", "options")),
    "baseline": ("baseline", ("filecontent",)),
    "html2txt": ("baseline", ("content", "clean")),
    "xmltotxt": ("xml", ("xmloutput", "include_formatting")),
    "_forum_thread_page": ("core", ("tree",)),
    "Extractor": ("settings", ()),
    "Document": ("settings", ()),
}

#: Constants the steps read, and their modules.
_CONSTANTS: dict[str, str] = {
    "RAW_TREE_PRUNE_XPATH": "xpaths",
    "REMOVE_COMMENTS_AND_LISTS_XPATH": "xpaths",
    "REMOVE_COMMENTS_XPATH": "xpaths",
    "ESCALATION_MAX_LENGTH": "core",
    "ESCALATION_PAGE_SHARE": "core",
    "ESCALATION_ACCEPT_RATIO": "core",
    "ESCALATION_JUSTEXT_RATIO": "core",
    "_BLOCK_ELEMS": "baseline",
}

#: The trafilatura modules whose functions this module repeats or relies on
#: (``bare_extraction`` and ``trafilatura_sequence`` with their helpers in
#: ``core``; what ``compare_extraction`` reads in ``external``; what the
#: page-share bound assumes of ``html2txt`` in ``baseline``; the raw-tree
#: pruning loop of ``prune_unwanted_nodes`` in ``htmlprocessing``), with the first 16
#: hex digits of the SHA-256 of their files in trafilatura 2.3.1. Any change to
#: one turns the stepwise pass off until it is checked again: hashing the files
#: costs a millisecond, reading each function's source twenty.
_MIRRORED: dict[str, str] = {
    "core": "a123aa052752d3dd",
    "baseline": "d24c746c809b8b1a",
    "external": "5f57921dc1724ab4",
    "htmlprocessing": "321b9f064ef0f27e",
}


def fingerprint(module: str) -> str:
    """The first 16 hex digits of the SHA-256 of a trafilatura module's source file."""
    path = importlib.import_module(f"trafilatura.{module}").__file__
    if path is None:
        raise OSError(f"trafilatura.{module} has no source file")
    with open(path, "rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()[:16]


def _load() -> dict[str, Any] | None:
    """trafilatura's steps and constants by name, or ``None`` when any is missing or changed."""
    found: dict[str, Any] = {}
    try:
        for module, digest in _MIRRORED.items():
            if fingerprint(module) != digest:
                logger.info("trafilatura.%s changed; passes run bare_extraction", module)
                return None
        for name, (module, params) in _STEPS.items():
            step = getattr(importlib.import_module(f"trafilatura.{module}"), name)
            if params and tuple(inspect.signature(step).parameters) != params:
                logger.info("trafilatura.%s.%s changed its signature; passes run bare_extraction", module, name)
                return None
            # trafilatura's own code, reading its XPath lists as Python filters where it can.
            found[name] = filtered_step(module, name, step)
        for name, module in _CONSTANTS.items():
            found[name] = getattr(importlib.import_module(f"trafilatura.{module}"), name)
    except (ImportError, AttributeError, OSError, TypeError, ValueError) as err:
        logger.info("trafilatura's steps are not available (%s); passes run bare_extraction", err)
        return None
    return found


_FOUND = _load()
#: Whether :func:`~newsclean.html.trafilatura_pass.run_pass` runs trafilatura's steps itself (else it
#: calls ``bare_extraction``).
AVAILABLE = _FOUND is not None


def loaded() -> dict[str, Any] | None:
    """The steps and constants found on import (one shared dict), or ``None`` when they are unusable."""
    return _FOUND
