"""Which URLs the fetcher may request: schemes, credentials, and addresses after DNS resolution."""

from __future__ import annotations

import ipaddress

import pytest

from newsclean.fetch.errors import RefusedURL
from newsclean.fetch.safety import Endpoint, non_public_reason, resolve_endpoint


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("127.0.0.1", "loopback"),
        ("127.8.9.10", "loopback"),
        ("::1", "loopback"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped: the IPv4 rules apply
        ("0.0.0.0", "unspecified"),
        ("::", "unspecified"),
        ("169.254.169.254", "link-local"),  # cloud metadata endpoints live here
        ("fe80::1", "link-local"),
        ("224.0.0.1", "multicast"),
        ("ff02::1", "multicast"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("fd00::1", "private"),
        ("::ffff:10.0.0.1", "private"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-global"),  # carrier-grade NAT: not private, not global either
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_non_public_addresses_are_named(address: str, reason: str | None) -> None:
    assert non_public_reason(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://example.org/file", "scheme 'ftp' not allowed"),
        ("file:///etc/passwd", "scheme 'file' not allowed"),
        ("gopher://example.org/", "scheme 'gopher' not allowed"),
        ("http:///no-host", "no host"),
        ("http://user:secret@example.org/", "credentials"),
        ("http://example.org:99999/", "malformed URL"),
    ],
)
def test_only_plain_http_and_https_urls_are_fetched(url: str, message: str) -> None:
    with pytest.raises(RefusedURL, match=message):
        resolve_endpoint(url, allow_private=True)


@pytest.mark.parametrize("url", ["http://127.0.0.1:8080/news", "http://localhost/news", "https://[::1]/x"])
def test_loopback_is_refused_after_resolution_unless_allowed(url: str) -> None:
    with pytest.raises(RefusedURL, match="loopback"):
        resolve_endpoint(url, allow_private=False)
    endpoint = resolve_endpoint(url, allow_private=True)
    assert ipaddress.ip_address(endpoint.address).is_loopback


def test_endpoint_keeps_the_name_for_headers_and_connects_to_the_vetted_address() -> None:
    endpoint = resolve_endpoint("http://LocalHost:8080/a?b=c", allow_private=True)
    assert endpoint.host == "localhost" and endpoint.port == 8080
    assert endpoint.host_header == "localhost:8080"
    assert Endpoint("https", "example.org", 443, "93.184.216.34").host_header == "example.org"
    assert Endpoint("http", "::1", 8000, "::1").host_header == "[::1]:8000"
