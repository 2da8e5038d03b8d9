"""MQL to SQL and to won, by monthly cohort, against the funnel's rates.

A lead's cohort is the month it became an MQL (its hand-off, else its creation date). How far
it went is read from the CRM's lifecycle stage: SQL, opportunity, customer or won count as SQL;
customer and won as won. A cohort whose month ended less than a sales cycle before the
period's end has not had time to convert: it is shown but marked not yet comparable, and the
verdict weighs only the comparable cohorts.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from fractions import Fraction
from typing import Any

from workshop.funnel.plan import parse_days, parse_percent
from workshop.leads.reader import LeadTable, column_key
from workshop.model import FunnelSettings
from workshop.review.scorecard import (
    CLOSE,
    CLOSE_SHARE,
    CREATED,
    CRM_MQL,
    HANDOFF,
    MET,
    MISSED,
    NO_DATA,
    crm_says_mql,
    day_of_cell,
)

_SQL_OR_PAST = frozenset({"sql", "salesqualifiedlead", "opportunity", "customer", "won", "closedwon"})
_WON = frozenset({"customer", "won", "closedwon"})


@dataclass(frozen=True)
class FunnelRates:
    """The funnel's MQL to SQL and SQL to won rates (None where not set) and its sales cycle in days."""

    mql_sql: Fraction | None
    sql_won: Fraction | None
    cycle_days: int


def _rate(text: str) -> Fraction | None:
    value = parse_percent(text, "rate") if text.strip() else None
    return value if isinstance(value, Fraction) else None


def funnel_rates(settings: FunnelSettings) -> FunnelRates:
    if settings.use_sal:
        mql_sal, sal_sql = _rate(settings.mql_sal), _rate(settings.sal_sql)
        mql_sql = mql_sal * sal_sql if mql_sal is not None and sal_sql is not None else None
    else:
        mql_sql = _rate(settings.mql_sql)
    if settings.use_opportunity:
        sql_opp, opp_won = _rate(settings.sql_opportunity), _rate(settings.opportunity_won)
        sql_won = sql_opp * opp_won if sql_opp is not None and opp_won is not None else None
    else:
        sql_won = _rate(settings.sql_won)
    days = parse_days(settings.cycle_days, "cycle") if settings.cycle_days.strip() else 0
    return FunnelRates(mql_sql, sql_won, days if isinstance(days, int) and days > 0 else 0)


def _rate_verdict(actual: float | None, planned: Fraction | None) -> str:
    if actual is None or planned is None or planned == 0:
        return NO_DATA
    if actual >= planned:
        return MET
    return CLOSE if actual >= CLOSE_SHARE * float(planned) else MISSED


def conversion_cohorts(
    table: LeadTable,
    mapping: Mapping[str, str],
    rates: FunnelRates,
    start: date,
    end: date,
    zone: tzinfo | None = None,
) -> dict[str, Any]:
    """Per monthly cohort: MQLs, SQLs, won, both rates, and whether the cohort is old enough to compare.

    A lead's cohort is the month of its hand-off (else creation) in ``zone`` (the workshop's),
    for a time written with its offset from UTC.
    """
    index = {c: i for i, c in enumerate(table.columns)}
    stage_at = index.get(mapping.get(CRM_MQL, ""))
    date_fields = [f for f in (HANDOFF, CREATED) if mapping.get(f) in index]
    readings = table.date_readings()
    cohorts: dict[str, list[int]] = {}
    if stage_at is not None and date_fields:
        for _line, row in table.rows():
            day = None
            for name in date_fields:
                at = index[mapping[name]]
                order = readings[mapping[name]].order if mapping[name] in readings else ""
                day = day_of_cell(row, at, order, zone)
                if day is not None:
                    break
            if (
                day is None
                or not start <= day <= end
                or stage_at >= len(row)
                or not crm_says_mql(row[stage_at])
            ):
                continue
            key = column_key(row[stage_at])
            counts = cohorts.setdefault(f"{day.year:04d}-{day.month:02d}", [0, 0, 0])
            counts[0] += 1
            counts[1] += key in _SQL_OR_PAST
            counts[2] += key in _WON
    rows = []
    totals = [0, 0, 0]
    for month, (mqls, sqls, won) in sorted(cohorts.items()):
        year, number = int(month[:4]), int(month[5:])
        month_end = (date(year + number // 12, number % 12 + 1, 1)) - timedelta(days=1)
        comparable = month_end + timedelta(days=rates.cycle_days) <= end
        rows.append(
            {
                "month": month,
                "mqls": mqls,
                "sqls": sqls,
                "won": won,
                "mql_sql": round(sqls / mqls, 4) if mqls else None,
                "sql_won": round(won / sqls, 4) if sqls else None,
                "comparable": comparable,
            }
        )
        if comparable:
            totals = [totals[0] + mqls, totals[1] + sqls, totals[2] + won]
    mql_sql = totals[1] / totals[0] if totals[0] else None
    sql_won = totals[2] / totals[1] if totals[1] else None
    cannot = []
    if stage_at is None:
        cannot.append("no column gives the CRM's lifecycle stage: SQLs and won deals cannot be told")
    if not date_fields:
        cannot.append("no column gives the hand-off or created date: the leads cannot be put in cohorts")
    if rates.mql_sql is None or rates.sql_won is None:
        cannot.append("the funnel has no MQL to SQL or SQL to won rate to compare with")
    if rows and not totals[0]:
        cannot.append(
            f"every cohort is younger than the sales cycle ({rates.cycle_days} days): none comparable yet"
        )
    verdicts = [_rate_verdict(mql_sql, rates.mql_sql), _rate_verdict(sql_won, rates.sql_won)]
    severity = [MISSED, CLOSE, MET, NO_DATA]
    worst = NO_DATA if NO_DATA in verdicts else min(verdicts, key=severity.index)
    return {
        "clause": "conversion",
        "title": "MQL to SQL and to won",
        "cohorts": rows,
        "planned": {
            "mql_sql": None if rates.mql_sql is None else float(rates.mql_sql),
            "sql_won": None if rates.sql_won is None else float(rates.sql_won),
        },
        "actual": {"mql_sql": mql_sql, "sql_won": sql_won},
        "cycle_days": rates.cycle_days,
        "period": {"verdict": worst, "mql_sql_verdict": verdicts[0], "sql_won_verdict": verdicts[1]},
        "cannot": cannot,
    }
