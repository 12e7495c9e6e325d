"""Which URLs the fetcher may request at all: scheme and address checks.

A fetcher fed URLs from feeds and redirects is a classic server-side request
forgery vector: a link or a ``Location`` header pointing at ``127.0.0.1``,
``169.254.169.254`` or ``10.x`` would make it probe the network it runs in.
So every hop's host is resolved here, every address it resolves to is
checked, and the caller connects to the vetted address itself (not to the
name again), which closes the DNS-rebinding gap between check and connect.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import SplitResult, urlsplit

from .errors import RefusedURL

#: The only schemes fetched.
SCHEMES = ("http", "https")
_DEFAULT_PORTS = {"http": 80, "https": 443}

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Endpoint:
    """Where one URL's request goes: the name for headers and TLS, the vetted address to connect to."""

    scheme: str
    host: str
    port: int
    address: str

    @property
    def host_header(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return host if self.port == _DEFAULT_PORTS[self.scheme] else f"{host}:{self.port}"


def split_url(url: str) -> tuple[SplitResult, str, int]:
    """The parsed URL, its lower-cased host and port; refuses other schemes and bad hosts."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise RefusedURL(f"malformed URL {url!r}: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise RefusedURL(f"scheme {scheme or 'none'!r} not allowed (http and https only)")
    host = (parts.hostname or "").lower()
    if not host:
        raise RefusedURL(f"URL has no host: {url!r}")
    if parts.username is not None or parts.password is not None:
        raise RefusedURL("URLs with credentials are not fetched")
    return parts, host, port or _DEFAULT_PORTS[scheme]


#: NAT64's well-known prefix (RFC 6052): the last 32 bits are the IPv4 address the gateway calls.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")
#: IPv4-compatible addresses (RFC 4291, deprecated): ``::a.b.c.d``, the IPv4 address in the last 32 bits.
_IPV4_COMPATIBLE = ipaddress.IPv6Network("::/96")


def embedded_ipv4(address: ipaddress.IPv6Address) -> tuple[str, ipaddress.IPv4Address] | None:
    """The IPv4 address an IPv6 address carries, and the name of the form that carries it.

    Each of these forms delivers packets to (or through) the IPv4 address
    inside it, so ``2002:7f00:1::`` (6to4) reaches 127.0.0.1 on a host that
    routes 6to4 as surely as ``127.0.0.1`` does: the guard must judge the
    embedded address too. Teredo hides its client address (XOR-ed); the
    ``ipaddress`` helpers undo that.
    """
    if address.ipv4_mapped is not None:
        return "IPv4-mapped", address.ipv4_mapped
    if address.sixtofour is not None:
        return "6to4", address.sixtofour
    if address.teredo is not None:
        server, client = address.teredo
        # Both ends matter: the server relays, the client receives; report the worse one.
        return "Teredo", client if _ipv4_reason(client) or not _ipv4_reason(server) else server
    if address in _NAT64:
        return "NAT64", ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    if address in _IPV4_COMPATIBLE and int(address) > 1:  # :: and ::1 are not IPv4-compatible addresses
        return "IPv4-compatible", ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _ipv4_reason(address: IPAddress) -> str | None:
    checks = (
        ("loopback", address.is_loopback),
        ("unspecified", address.is_unspecified),
        ("link-local", address.is_link_local),
        ("multicast", address.is_multicast),
        ("reserved", address.is_reserved),
        ("private", address.is_private),
    )
    for name, hit in checks:
        if hit:
            return name
    return None if address.is_global else "non-global"


def non_public_reason(address: IPAddress) -> str | None:
    """Why ``address`` is not a public internet address, or ``None`` when it is.

    An IPv6 address that embeds an IPv4 address (IPv4-mapped, 6to4, Teredo,
    NAT64, IPv4-compatible) is refused when the embedded address is not
    public, and the reason names both. A NAT64 address of a public IPv4
    address is allowed (it is how IPv6-only networks reach IPv4 sites); the
    other forms must also pass as IPv6 addresses (Teredo never does).
    """
    if isinstance(address, ipaddress.IPv6Address):
        embedded = embedded_ipv4(address)
        if embedded is not None:
            form, ipv4 = embedded
            reason = _ipv4_reason(ipv4)
            if reason is not None:
                return f"{reason} ({form} form of {ipv4})"
            if form in ("IPv4-mapped", "NAT64"):
                return None
    return _ipv4_reason(address)


def resolve_endpoint(url: str, *, allow_private: bool) -> Endpoint:
    """Resolve the URL's host and vet every address it resolves to.

    A name resolving to a public and a private address is refused as a
    whole: picking the public one would still let a hostile resolver choose.
    """
    parts, host, port = split_url(url)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError) as exc:
        raise RefusedURL(f"cannot resolve {host}: {exc}") from exc
    addresses = [str(info[4][0]) for info in infos]
    if not addresses:
        raise RefusedURL(f"cannot resolve {host}: no addresses")
    if not allow_private:
        for text in addresses:
            reason = non_public_reason(ipaddress.ip_address(text.split("%", 1)[0]))
            if reason:
                raise RefusedURL(
                    f"{host} resolves to {reason} address {text}"
                    " (--allow-private, or FetchOptions(allow_private=True), permits it)"
                )
    return Endpoint(parts.scheme.lower(), host, port, addresses[0])
