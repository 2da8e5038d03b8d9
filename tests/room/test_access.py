"""The room page's rules: which network it serves on, codes, text from phones, rate limits."""

from __future__ import annotations

import pytest

from workshop.room.access import (
    CODE_ALPHABET,
    Interface,
    RateLimiter,
    TextError,
    choose_interface,
    clean_text,
    join_code,
    parse_bind,
    remote_pin,
    same_secret,
)


def test_the_venue_wifi_is_chosen_over_loopback_docker_and_link_local() -> None:
    interfaces = [
        Interface("lo", "127.0.0.1"),
        Interface("docker0", "172.17.0.1"),
        Interface("eth1", "169.254.3.4"),
        Interface("wlp2s0", "192.168.1.20"),
    ]
    assert choose_interface(interfaces) == Interface("wlp2s0", "192.168.1.20")


def test_a_hotspot_or_wired_lan_is_chosen_when_it_is_the_only_private_network() -> None:
    interfaces = [
        Interface("lo", "127.0.0.1"),
        Interface("virbr0", "192.168.122.1"),
        Interface("en0", "10.0.0.7"),
    ]
    assert choose_interface(interfaces).address == "10.0.0.7"


def test_with_no_network_the_page_serves_on_loopback() -> None:
    assert choose_interface([]).address == "127.0.0.1"
    assert choose_interface([Interface("lo", "127.0.0.1")]).address == "127.0.0.1"


def test_codes_change_each_time_and_are_easy_to_read() -> None:
    codes = {join_code() for _ in range(50)}
    assert len(codes) > 45
    assert all(len(code) == 4 and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert not set("01IO") & set(CODE_ALPHABET)
    assert all(len(pin) == 6 and pin.isdigit() for pin in (remote_pin() for _ in range(10)))


def test_a_code_matches_in_any_case_and_nothing_else_does() -> None:
    assert same_secret("7kq2", "7KQ2")
    assert same_secret(" 7KQ2 ", "7KQ2")
    assert not same_secret("7KQ3", "7KQ2")
    assert not same_secret(None, "7KQ2")
    assert not same_secret(["7KQ2"], "7KQ2")
    assert not same_secret("", "")


def test_text_from_a_phone_is_one_line_bounded_and_never_empty() -> None:
    assert clean_text("  Pricing\n\tfor   EMEA ") == "Pricing for EMEA"
    with pytest.raises(TextError, match="empty"):
        clean_text("   ")
    with pytest.raises(TextError, match="at most 280"):
        clean_text("x" * 281)
    with pytest.raises(TextError, match="missing"):
        clean_text(42)
    assert clean_text("<script>alert(1)</script>") == "<script>alert(1)</script>"  # kept as text


def test_a_client_that_floods_is_slowed_and_others_are_not() -> None:
    now = [0.0]
    limiter = RateLimiter(rate=2, burst=5, now=lambda: now[0])
    assert all(limiter.allow("10.0.0.2") for _ in range(5))
    assert not limiter.allow("10.0.0.2")
    assert limiter.allow("10.0.0.3")
    now[0] += 1.0
    assert limiter.allow("10.0.0.2") and limiter.allow("10.0.0.2")
    assert not limiter.allow("10.0.0.2")


def test_the_room_option_reads_host_and_port() -> None:
    assert parse_bind("8765") == ("", 8765)
    assert parse_bind("127.0.0.1:8765") == ("127.0.0.1", 8765)
    for wrong in ("", "port", "70000", "0", "laptop:80", "1.2.3:80"):
        with pytest.raises(ValueError, match=r"PORT|IPv4"):
            parse_bind(wrong)
