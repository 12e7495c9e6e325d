"""newsclean.logs: the line format, the input named, other libraries' messages routed and de-duplicated."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Iterator

import pytest

from newsclean.logs import apply_worker_settings, configure_logging, naming_input, worker_settings


@pytest.fixture()
def restore_logging() -> Iterator[None]:
    """Leave the root logger, newsclean's level and showwarning as they were."""
    root, own = logging.getLogger(), logging.getLogger("newsclean")
    handlers, level, own_level = list(root.handlers), root.level, own.level
    shown = warnings.showwarning
    yield
    root.handlers[:] = handlers
    root.setLevel(level)
    own.setLevel(own_level)
    warnings.showwarning = shown


def _err_lines(capsys: pytest.CaptureFixture[str]) -> list[str]:
    return capsys.readouterr().err.splitlines()


@pytest.mark.usefixtures("restore_logging")
def test_a_third_party_warning_names_the_input_and_is_shown_once(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(0)
    library = logging.getLogger("thirdparty.core")  # a test-only stand-in for trafilatura
    with naming_input("crawl/page.html"):
        library.warning("discarding data: %s", None)
        library.warning("discarding data: %s", None)  # its second pass says it again
        library.info("chatter")
    with naming_input("crawl/other.html"):
        library.warning("discarding data: %s", None)
    library.warning("outside any input")
    assert _err_lines(capsys) == [
        "newsclean: warning: crawl/page.html: thirdparty: discarding data: None",
        "newsclean: warning: crawl/other.html: thirdparty: discarding data: None",
        "newsclean: warning: thirdparty: outside any input",
    ]


@pytest.mark.usefixtures("restore_logging")
@pytest.mark.parametrize(("verbosity", "own_debug", "their_debug"), [(0, False, False), (1, True, False),
                                                                     (2, True, True)])
def test_verbosity_levels(capsys: pytest.CaptureFixture[str], verbosity: int, own_debug: bool,
                          their_debug: bool) -> None:
    configure_logging(verbosity)
    with naming_input("crawl/a.html"):
        logging.getLogger("newsclean.html.extract").debug("recall retry: no")
        logging.getLogger("thirdparty").debug("list link text")
    lines = _err_lines(capsys)
    assert ("newsclean: crawl/a.html: recall retry: no" in lines) is own_debug
    assert ("newsclean: crawl/a.html: thirdparty: list link text" in lines) is their_debug


@pytest.mark.usefixtures("restore_logging")
def test_python_warnings_become_the_issuing_librarys_log_lines(capsys: pytest.CaptureFixture[str]) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        configure_logging(0)
        with naming_input("crawl/a.html"):
            warnings.warn_explicit("no date found", UserWarning, "/x/site-packages/htmldate/core.py", 10)
    assert _err_lines(capsys) == ["newsclean: warning: crawl/a.html: htmldate: UserWarning: no date found"]


@pytest.mark.usefixtures("restore_logging")
def test_worker_settings_carry_the_verbosity(capsys: pytest.CaptureFixture[str]) -> None:
    configure_logging(1)
    configure_logging(1)  # idempotent: one handler, one line per message
    settings = worker_settings()
    assert settings == 1
    logging.getLogger().handlers[:] = [h for h in logging.getLogger().handlers if type(h).__name__ != "_StderrHandler"]
    assert worker_settings() is None
    apply_worker_settings(settings)  # what a forkserver worker does first
    logging.getLogger("newsclean.api").debug("html path")
    assert _err_lines(capsys) == ["newsclean: html path"]
