"""One-line reasons for network failures, fit for an error record.

urllib3 wraps the real cause in a tuple (``('Connection aborted.',
BadStatusLine(...))``) and names pool objects; part of the text comes from
the server (a bad status line is quoted back, up to 64 KiB of it). These
helpers give the cause in a short line.
"""

from __future__ import annotations

from urllib3.exceptions import DecodeError, NewConnectionError, ProtocolError

#: Longest reason kept: enough for any cause, too little for a server to fill error records with.
MAX_REASON = 200


def describe_failure(exc: BaseException) -> str:
    """A short one-line reason: urllib3 messages name the pool object and nest the cause in a tuple.

    The server chooses part of the text (a bad status line is quoted back,
    up to 64 KiB of it), so the reason is cut to ``MAX_REASON`` characters.
    """
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    if "timed out" in text.lower():
        return "read timed out" if "read" in text.lower() else "connection timed out"
    if isinstance(exc, NewConnectionError):
        return "connection failed: " + text.rsplit(":", 1)[-1].strip()
    cause = exc.args[1] if len(exc.args) == 2 and isinstance(exc.args[1], BaseException) else None
    detail = str(cause).splitlines()[0] if cause is not None and str(cause) else ""
    if isinstance(exc, DecodeError) and detail:  # the zlib or brotli message says what is wrong
        return cut_reason(detail)
    if isinstance(exc, ProtocolError) and cause is not None:
        # ('Connection aborted.', BadStatusLine('HTTP/1.1 abc')) -> connection aborted: BadStatusLine: HTTP/1.1 abc
        what, name = str(exc.args[0]).split(":", 1)[0].rstrip(".").lower(), type(cause).__name__
        return cut_reason(f"{what}: {detail}" if detail.startswith(name) else f"{what}: {name}: {detail}".rstrip(": "))
    return cut_reason(f"{type(exc).__name__}: {text}")


def cut_reason(text: str) -> str:
    """``text`` cut to :data:`MAX_REASON` characters, marked with an ellipsis when cut."""
    return text if len(text) <= MAX_REASON else text[: MAX_REASON - 3] + "..."
