"""Who may see and do what on the room page: codes, the interface to serve on, rate limits."""

from __future__ import annotations

import ipaddress
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from workshop.inputs import storable

CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: read off a projector
CODE_LENGTH = 4
PIN_LENGTH = 6
MAX_TEXT = 280  # a parking-lot item or a question
MAX_NAME = 60
LOOPBACK = "127.0.0.1"


def join_code() -> str:
    """A new short join code, e.g. ``7KQ2`` (new each time the room page is turned on)."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def remote_pin() -> str:
    """A new six-digit PIN for the facilitator's remote, shown only on the console."""
    return "".join(secrets.choice("0123456789") for _ in range(PIN_LENGTH))


def same_secret(given: object, expected: str) -> bool:
    """Whether ``given`` is the code (case-insensitive), compared in constant time."""
    if not isinstance(given, str) or not expected:
        return False
    return secrets.compare_digest(given.strip().upper().encode(), expected.upper().encode())


@dataclass(frozen=True)
class Interface:
    """A network interface with an IPv4 address, as the system lists it."""

    name: str
    address: str


def _rank(interface: Interface) -> int:
    """Lower is likelier the venue network: private LAN first, then other, loopback last."""
    try:
        address = ipaddress.ip_address(interface.address)
    except ValueError:
        return 9
    if address.is_loopback:
        return 8
    if address.is_link_local:
        return 6
    name = interface.name.lower()
    virtual = name.startswith(("docker", "br-", "veth", "virbr", "vmnet", "vbox", "tun", "tap", "utun"))
    if virtual:
        return 5
    if address.is_private:
        return 0 if name.startswith(("wl", "wi", "en", "eth")) else 1
    return 3


def choose_interface(interfaces: Iterable[Interface]) -> Interface:
    """The interface to serve on by default: the venue's network when there is one, else loopback."""
    ranked = sorted((i for i in interfaces if i.address), key=_rank)
    return ranked[0] if ranked else Interface("lo", LOOPBACK)


def list_interfaces() -> list[Interface]:
    """The machine's IPv4 interfaces (best effort, standard library only), loopback included."""
    import socket  # noqa: PLC0415 - only when the room page is turned on

    found = [Interface("lo", LOOPBACK)]
    try:
        names = [name for _index, name in socket.if_nameindex()]
    except (OSError, AttributeError):
        names = []
    try:
        import fcntl  # noqa: PLC0415 - POSIX only
        import struct  # noqa: PLC0415

        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            for name in names:
                try:
                    packed = fcntl.ioctl(
                        probe.fileno(), 0x8915, struct.pack("256s", name[:15].encode())
                    )  # SIOCGIFADDR
                except OSError:
                    continue
                address = socket.inet_ntoa(packed[20:24])
                if address != LOOPBACK:
                    found.append(Interface(name, address))
        finally:
            probe.close()
    except ImportError:  # not POSIX
        pass
    if len(found) == 1:  # no per-interface list here (macOS, Windows): which address reaches a LAN?
        probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        try:
            probe.connect(("192.168.0.1", 9))  # a datagram socket's connect sends no packet
            address = probe.getsockname()[0]
            if address not in ("0.0.0.0", LOOPBACK):
                found.append(Interface("network", address))
        except OSError:
            pass
        finally:
            probe.close()
    return found


@dataclass
class RateLimiter:
    """A token bucket per client: ``rate`` requests a second on average, bursts of ``burst``."""

    rate: float = 5.0
    burst: float = 20.0
    now: Callable[[], float] = time.monotonic
    _buckets: dict[str, tuple[float, float]] = field(default_factory=dict)

    def allow(self, client: str) -> bool:
        now = self.now()
        tokens, last = self._buckets.get(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - last) * self.rate)
        if tokens < 1:
            self._buckets[client] = (tokens, now)
            return False
        self._buckets[client] = (tokens - 1, now)
        if len(self._buckets) > 10_000:  # forget the oldest rather than grow without bound
            self._buckets.pop(next(iter(self._buckets)))
        return True


class TextError(ValueError):
    """Text from a page that cannot be taken, with the reason in the participant's words."""


def clean_text(value: object, limit: int = MAX_TEXT, what: str = "The text") -> str:
    """Text from a page, made storable: one line of at most ``limit`` characters, not empty."""
    if not isinstance(value, str):
        raise TextError(f"{what} is missing.")
    text = " ".join(storable(value).split())
    if not text:
        raise TextError(f"{what} is empty.")
    if len(text) > limit:
        raise TextError(f"{what} is too long: at most {limit} characters, this has {len(text)}.")
    return text


def parse_bind(text: str) -> tuple[str, int]:
    """``[HOST:]PORT`` from the command line: ``8765`` (the default network), ``127.0.0.1:8765``.

    An empty host means "the interface chosen by :func:`choose_interface`"; ``ValueError`` with
    the reason when it cannot be read.
    """
    host, _colon, port_text = text.strip().rpartition(":")
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ValueError(f"“{text}” is not [HOST:]PORT: the port is a number from 1 to 65535")
    if host:
        try:
            ipaddress.IPv4Address(host)
        except ValueError:
            raise ValueError(f"“{host}” is not an IPv4 address of this laptop (such as 127.0.0.1)") from None
    return host, int(port_text)
