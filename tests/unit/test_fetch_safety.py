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
        ("::ffff:127.0.0.1", "loopback (IPv4-mapped form of 127.0.0.1)"),  # the IPv4 rules apply
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
        ("::ffff:10.0.0.1", "private (IPv4-mapped form of 10.0.0.1)"),
        ("240.0.0.1", "reserved"),
        ("100.64.0.1", "non-global"),  # carrier-grade NAT: not private, not global either
        ("93.184.216.34", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_non_public_addresses_are_named(address: str, reason: str | None) -> None:
    assert non_public_reason(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        # Issue 18: 6to4 (2002::/16) embedding 127.0.0.1 was let through as a global address.
        ("2002:7f00:1::", "loopback (6to4 form of 127.0.0.1)"),
        ("2002:7f00:1:1234:5678::9", "loopback (6to4 form of 127.0.0.1)"),
        ("2002:a00:1::1", "private (6to4 form of 10.0.0.1)"),
        ("2002:a9fe:a9fe::", "link-local (6to4 form of 169.254.169.254)"),  # the cloud metadata service
        ("2002:c0a8:101::", "private (6to4 form of 192.168.1.1)"),
        ("::7f00:1", "loopback (IPv4-compatible form of 127.0.0.1)"),
        ("::169.254.169.254", "link-local (IPv4-compatible form of 169.254.169.254)"),
        ("64:ff9b::7f00:1", "loopback (NAT64 form of 127.0.0.1)"),
        ("64:ff9b::a00:1", "private (NAT64 form of 10.0.0.1)"),
        # Teredo: server 65.54.227.120, client 127.0.0.1 (stored XOR-ed in the last 32 bits)
        ("2001:0:4136:e378:8000:63bf:80ff:fffe", "loopback (Teredo form of 127.0.0.1)"),
        ("::ffff:0:7f00:1", "reserved"),  # IPv4-translated (RFC 2765): never routed on the internet
        ("64:ff9b:1::7f00:1", "reserved"),  # local-use NAT64 prefix (RFC 8215): a private network's
        # Public IPv4 addresses in these forms: 6to4 and NAT64 reach the internet (NAT64 is how an
        # IPv6-only network reaches IPv4 sites); Teredo and IPv4-compatible are refused as IPv6 addresses.
        ("2002:5db8:d822::1", None),
        ("64:ff9b::5db8:d822", None),
        ("::ffff:93.184.216.34", None),
        ("2001:0:4136:e378:8000:63bf:a247:29dd", "private"),
        ("::93.184.216.34", "reserved"),
    ],
)
def test_ipv6_forms_embedding_an_ipv4_address_are_judged_by_it(address: str, reason: str | None) -> None:
    assert non_public_reason(ipaddress.ip_address(address)) == reason


@pytest.mark.parametrize(
    "url", ["http://[2002:7f00:1::]:8080/", "http://[::ffff:7f00:1]/", "http://[64:ff9b::a9fe:a9fe]/latest/meta-data"]
)
def test_urls_naming_an_embedded_private_address_are_refused(url: str) -> None:
    with pytest.raises(RefusedURL, match=r"resolves to \w[\w-]* \((6to4|IPv4-mapped|NAT64) form of "):
        resolve_endpoint(url, allow_private=False)


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
