"""The reverse funnel against worked examples calculated by hand, rounding up at every step."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workshop.funnel.reverse import (
    FunnelError,
    FunnelInputs,
    months_earlier,
    rate_warnings,
    reverse_funnel,
    spread,
)

F = Fraction
BASIC = {"visitor-lead": F("0.02"), "lead-mql": F("0.2"), "mql-sql": F("0.4"), "sql-won": F("0.25")}


def test_a_worked_example_with_no_rounding_needed() -> None:
    # gap 1,000,000 - 100,000 = 900,000; / 25,000 = 36 deals; / 0.25 = 144 SQLs;
    # / 0.4 = 360 MQLs; / 0.2 = 1,800 leads; / 0.02 = 90,000 visitors.
    result = reverse_funnel(FunnelInputs(F(1_000_000), F(25_000), BASIC, other_revenue=F(100_000), months=3))
    assert result.gap == 900_000
    assert result.period == {"visitor": 90_000, "lead": 1_800, "mql": 360, "sql": 144, "won": 36}
    assert [row["mql"] for row in result.months] == [120, 120, 120]


def test_every_step_rounds_up_and_floats_would_get_it_wrong() -> None:
    # 90,000 / 10,000 = 9 deals; 9 / 0.3 = 30 SQLs (a float says 30.000000000000004 -> 31);
    # 30 / 0.3 = 100 MQLs; 100 / 0.3 = 333.3 -> 334 leads; 334 / 0.03 = 11,133.3 -> 11,134 visitors.
    rates = {"visitor-lead": F("0.03"), "lead-mql": F("0.3"), "mql-sql": F("0.3"), "sql-won": F("0.3")}
    result = reverse_funnel(FunnelInputs(F(90_000), F(10_000), rates))
    assert result.period == {"visitor": 11_134, "lead": 334, "mql": 100, "sql": 30, "won": 9}


def test_a_part_deal_is_a_whole_deal() -> None:
    # 100,001 / 25,000 = 4.00004 -> 5 deals; 5 / 0.25 = 20 SQLs; 20 / 0.4 = 50 MQLs;
    # 50 / 0.2 = 250 leads; 250 / 0.02 = 12,500 visitors.
    result = reverse_funnel(FunnelInputs(F(100_001), F(25_000), BASIC))
    assert result.period["won"] == 5
    assert result.period["visitor"] == 12_500


def test_sal_and_opportunity_stages() -> None:
    # The demo's funnel: gap 1,200,000 - 350,000 = 850,000; / 18,000 = 47.2 -> 48 deals;
    # / 0.22 = 218.2 -> 219 SQLs; / 0.5 = 438 SALs; / 0.8 = 547.5 -> 548 MQLs;
    # / 0.28 = 1,957.1 -> 1,958 leads; / 0.022 = 89,000 visitors.
    rates = {"visitor-lead": F("0.022"), "lead-mql": F("0.28"), "mql-sal": F("0.8"), "sal-sql": F("0.5"),
             "sql-won": F("0.22")}  # fmt: skip
    result = reverse_funnel(
        FunnelInputs(F(1_200_000), F(18_000), rates, other_revenue=F(350_000), use_sal=True)
    )
    assert result.stages == ("visitor", "lead", "mql", "sal", "sql", "won")
    assert result.period == {"visitor": 89_000, "lead": 1_958, "mql": 548, "sal": 438, "sql": 219, "won": 48}
    # With opportunities: 48 / 0.3 = 160 opportunities; / 0.6 = 266.7 -> 267 SQLs; / 0.4 = 667.5 -> 668 MQLs.
    both = dict(BASIC, **{"sql-opportunity": F("0.6"), "opportunity-won": F("0.3"), "mql-sql": F("0.4")})
    result = reverse_funnel(FunnelInputs(F(864_000), F(18_000), both, use_opportunity=True))
    assert (result.period["opportunity"], result.period["sql"], result.period["mql"]) == (160, 267, 668)


def test_months_share_the_total_and_shift_earlier_by_the_sales_cycle() -> None:
    # 10 deals over 3 months: 4, 3, 3. A 45-day cycle is 2 months (30-day months, halves up):
    # SQLs (10 / 0.25 = 40: 14, 13, 13) come two months before the deals they close.
    result = reverse_funnel(FunnelInputs(F(250_000), F(25_000), BASIC, months=3, cycle_days=45))
    assert result.months_earlier == 2
    assert [row["month"] for row in result.months] == [-1, 0, 1, 2, 3]
    assert [row["won"] for row in result.months] == [0, 0, 4, 3, 3]
    assert [row["sql"] for row in result.months] == [14, 13, 13, 0, 0]
    assert sum(row["visitor"] for row in result.months) == result.period["visitor"]


@pytest.mark.parametrize(("days", "months"), [(0, 0), (14, 0), (15, 1), (30, 1), (44, 1), (45, 2), (90, 3)])
def test_sales_cycle_in_months(days: int, months: int) -> None:
    assert months_earlier(days) == months


def test_spread_is_even_and_earlier_months_take_the_extra() -> None:
    assert spread(10, 3) == [4, 3, 3]
    assert spread(11, 3) == [4, 4, 3]
    assert spread(2, 12) == [1, 1] + [0] * 10
    assert sum(spread(1_000_001, 12)) == 1_000_001


def test_a_target_already_covered_needs_no_deals() -> None:
    result = reverse_funnel(FunnelInputs(F(100), F(10), BASIC, other_revenue=F(500)))
    assert result.gap == 0
    assert set(result.period.values()) == {0}


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"rates": dict(BASIC, **{"mql-sql": F(0)})}, "mql-sql", "0% means nobody moves on"),
        ({"rates": dict(BASIC, **{"sql-won": F("1.2")})}, "sql-won", "cannot be above 100%"),
        ({"revenue_target": F(-5)}, "revenue_target", "cannot be negative"),
        ({"deal_size": F(0)}, "deal_size", "must be more than 0"),
        ({"revenue_target": F(10**15)}, "revenue_target", "over a trillion"),
        ({"cycle_days": 5000}, "cycle_days", "0 to 730 days"),
        ({"rates": {"visitor-lead": F("0.02")}}, "lead-mql", "a rate is needed"),
    ],
)
def test_bad_inputs_say_what_is_wrong(change: dict[str, object], field: str, words: str) -> None:
    values: dict[str, object] = {"revenue_target": F(100_000), "deal_size": F(1_000), "rates": BASIC}
    values.update(change)
    with pytest.raises(FunnelError) as raised:
        reverse_funnel(FunnelInputs(**values))  # type: ignore[arg-type]
    assert any(p.field == field and words in p.message for p in raised.value.problems)


def test_a_tiny_rate_is_caught_before_absurd_numbers() -> None:
    rates = dict(BASIC, **{"visitor-lead": F(1, 10**12)})
    with pytest.raises(FunnelError, match="more than 1,000,000,000,000 visitors"):
        reverse_funnel(FunnelInputs(F(10**9), F(1), rates))


def test_rates_outside_the_typical_range_are_warned_about() -> None:
    rates = dict(BASIC, **{"visitor-lead": F("0.08"), "mql-sql": F("0.05")})
    warnings = {w.field: w.message for w in rate_warnings(FunnelInputs(F(1), F(1), rates))}
    assert warnings == {
        "visitor-lead": "8% is above the usual 1%–5%.",
        "mql-sql": "5% is below the usual 13%–60%.",
    }


def test_the_chart_draws_every_stage_as_a_png() -> None:
    from workshop.charts.funnel import bar_widths, funnel_figure, funnel_png

    result = reverse_funnel(FunnelInputs(F(1_000_000), F(25_000), BASIC))
    png = funnel_png(result, title="Q3 2027")
    assert png.startswith(b"\x89PNG")
    texts = [t.get_text() for t in funnel_figure(result).axes[0].texts]
    assert {"Visitors", "Deals won", "100,000", "40", "2% ↓", "25% ↓"} <= set(texts)
    assert bar_widths([90_000, 36]) == [1.0, 0.15]
    assert bar_widths([0, 0]) == [1.0, 1.0]


rate_strategy = st.fractions(min_value=F(1, 1000), max_value=F(1), max_denominator=1000)


@settings(max_examples=200, deadline=None)
@given(
    target=st.integers(min_value=0, max_value=10**9),
    other=st.integers(min_value=0, max_value=10**9),
    deal=st.integers(min_value=1, max_value=10**7),
    rates=st.lists(rate_strategy, min_size=8, max_size=8),
    use_sal=st.booleans(),
    use_opportunity=st.booleans(),
    months=st.sampled_from([3, 12]),
    cycle=st.integers(min_value=0, max_value=730),
)
def test_any_valid_funnel_is_whole_rounded_up_and_adds_up(
    target: int,
    other: int,
    deal: int,
    rates: list[Fraction],
    use_sal: bool,
    use_opportunity: bool,
    months: int,
    cycle: int,
) -> None:
    steps = ("visitor-lead", "lead-mql", "mql-sql", "mql-sal", "sal-sql", "sql-won", "sql-opportunity",
             "opportunity-won")  # fmt: skip
    inputs = FunnelInputs(F(target), F(deal), dict(zip(steps, rates, strict=True)), F(other),
                          use_sal, use_opportunity, months, cycle)  # fmt: skip
    try:
        result = reverse_funnel(inputs)
    except FunnelError as error:  # only ever for absurdly large counts
        messages = [p.message for p in error.problems]
    else:
        messages = []
    if messages:
        assert all("more than 1,000,000,000,000" in m for m in messages)
        return
    counts = [result.period[s] for s in result.stages]
    assert all(isinstance(c, int) and c >= 0 for c in counts)
    assert all(upper >= lower for upper, lower in itertools.pairwise(counts))  # a funnel narrows
    assert result.period["won"] * deal >= max(target - other, 0)  # enough deals
    for upper, lower in itertools.pairwise(result.stages):
        rate = result.rates[f"{upper}-{lower}"]
        assert result.period[upper] * rate >= result.period[lower]  # enough at each stage
        assert (result.period[upper] - 1) * rate < result.period[lower] or result.period[lower] == 0
    for stage in result.stages:
        assert sum(row[stage] for row in result.months) == result.period[stage]
    assert len(result.months) == months + result.months_earlier
