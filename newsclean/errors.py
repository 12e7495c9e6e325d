"""Typed errors, so callers and the batch runner can tell input faults from bugs."""

from __future__ import annotations


class NewscleanError(Exception):
    """Base class of every error newsclean raises on purpose."""


class OptionsError(NewscleanError, ValueError):
    """An option is unknown or has an invalid value."""


class InputError(NewscleanError):
    """The input cannot be cleaned (binary, undecodable, over a limit...).

    The message is one line, fit for an errors file.
    """


class BinaryInputError(InputError):
    """The input is a binary file (image, PDF, archive...), not a page."""


class LimitExceededError(InputError):
    """The input exceeds a configured safety limit."""
