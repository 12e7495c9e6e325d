"""One-line reasons for network failures: urllib3's nested causes unwrapped, server text cut short."""

from __future__ import annotations

import http.client
import zlib

from urllib3.exceptions import DecodeError, ProtocolError

from newsclean.fetch.reasons import MAX_REASON, describe_failure


def test_a_protocol_error_reads_as_its_cause() -> None:
    error = ProtocolError("Connection aborted.", http.client.RemoteDisconnected("Remote end closed connection"))
    assert describe_failure(error) == "connection aborted: RemoteDisconnected: Remote end closed connection"


def test_a_status_line_the_server_made_long_is_cut() -> None:
    error = ProtocolError("Connection aborted.", http.client.BadStatusLine("HTTP/1.1 abc " + "x" * 60_000))
    reason = describe_failure(error)
    assert reason.startswith("connection aborted: BadStatusLine: HTTP/1.1 abc xxx") and reason.endswith("...")
    assert len(reason) == MAX_REASON


def test_a_decode_error_reads_as_the_decompressor_message() -> None:
    error = DecodeError("Received response with content-encoding: gzip, but failed to decode it.",
                        zlib.error("Error -3 while decompressing data: invalid code lengths set"))
    assert describe_failure(error) == "Error -3 while decompressing data: invalid code lengths set"
