"""SMART and FAST checks of a goal: for each letter pass, fail or unknown, a reason and a hint.

One code path for the wizard, the Goals board and ``smarketing-workshop
check-goal``: :func:`check_goal` reads a :class:`~workshop.model.Goal` (the CLI
passes one with only the statement filled in). Rule-based, no network, about a
millisecond a check. ``tests/goals/test_goal_corpus.py`` reports how it agrees with the
verdicts of public SMART-goal sources, on a development part and on a held-out part it
was never tuned on (``python -m tests.goals.test_goal_corpus``).

Reads deadlines as people write them (dates, quarters, spans such as "for three months",
relative periods, terms, seasons, events), tells a comparison period ("compared to Q1 of
the previous year") and a start ("starting in July") from a deadline, reads completion
goals ("website live by 15 September") and standing standards ("every call answered on
the 2nd ring"), and asks for a named source behind a rank ("number one in my niche"). A
deadline before the workshop is still the deadline, with a warning; a step the checker
questions stays a warning when the other team judged it attainable or a stretch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any, Literal

from workshop.goals.deadlines import Calendar, Deadline, find_deadlines, main_deadline
from workshop.goals.numbers import Quantity, find_quantities, words_to_digits
from workshop.goals.vocabulary import (
    ABSTRACT_OBJECT,
    BUNDLE_SPLIT,
    CHANGE_WORDS,
    CLOCK_TIME,
    COMPLETION,
    DECREASE_WORDS,
    DONE_STATE,
    FIRST_VERB,
    GRADE,
    HABIT,
    PLACEHOLDER,
    PURPOSE,
    RANK_CLAIM,
    RANK_SOURCE,
    RATE_METRICS,
    REVENUE_LINK,
    REVIEW_WORDS,
    RING,
    STANDARD,
    VAGUE_WORD,
    WITHIN_STANDARD,
    find_metric,
    score_of,
)
from workshop.model import Goal

Status = Literal["pass", "fail", "unknown"]
SMART_KEYS = ("specific", "measurable", "attainable", "relevant", "time_bound")
FAST_KEYS = ("frequent", "ambitious", "specific", "transparent")
SMART_LETTERS = dict(zip(SMART_KEYS, "SMART", strict=True))
FAST_LETTERS = dict(zip(FAST_KEYS, "FAST", strict=True))
SANDBAG = 0.02  # a change below 2% is no goal
STRETCH = 0.05  # FAST "ambitious": at least 5% over the baseline
MAX_PER_QUARTER = 3.0  # more than 3x in a quarter is beyond what history supports


@dataclass(frozen=True)
class Criterion:
    """How a goal fares on one letter: ``status``, a one-line ``reason`` and a ``hint`` to fix it.

    ``warning`` is something the room should see even when the letter passes, such as
    a deadline that is already before the workshop.
    """

    status: Status
    reason: str
    hint: str = ""
    warning: str = ""

    def as_json(self) -> dict[str, str]:
        return {"status": self.status, "reason": self.reason, "hint": self.hint, "warning": self.warning}


@dataclass(frozen=True)
class GoalCheck:
    """All findings for one goal: SMART letters, FAST letters, and what the checker read."""

    text: str
    deadline: date | None
    deadline_text: str
    metric: str | None
    smart: dict[str, Criterion]
    fast: dict[str, Criterion]

    @property
    def is_smart(self) -> bool:
        """True when no SMART letter fails (unknown letters do not block)."""
        return all(c.status != "fail" for c in self.smart.values())

    def failing(self) -> list[str]:
        return [key for key, c in self.smart.items() if c.status == "fail"]

    def failing_fast(self) -> list[str]:
        return [key for key, c in self.fast.items() if c.status == "fail"]

    def warnings(self) -> list[str]:
        """Warnings of the SMART letters (e.g. a deadline before the workshop), in letter order."""
        return [c.warning for c in self.smart.values() if c.warning]

    def as_json(self) -> dict[str, Any]:
        """The shape ``check-goal --json`` prints (documented in docs/export-format.md)."""
        return {
            "text": self.text,
            "deadline": self.deadline.isoformat() if self.deadline else None,
            "metric": self.metric,
            "criteria": {key: self.smart[key].as_json() for key in SMART_KEYS},
            "smart": self.is_smart,
            "fast": {key: self.fast[key].as_json() for key in FAST_KEYS},
            "fast_ok": not self.failing_fast(),
            "warnings": self.warnings(),
        }


@dataclass(frozen=True)
class _Reading:
    """What the checker read from a goal before judging it."""

    text: str
    plain: str  # lower case, number words in digits, deadlines blanked out
    quantities: list[Quantity]
    metric: str | None
    deadline: Deadline | None
    today: date
    cal: Calendar
    found: list[Deadline]


def _fmt(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def _example_deadline(cal: Calendar) -> str:
    quarter = cal.current_quarter() % 4 + 1
    return f"by {_fmt(cal.quarter_end(quarter))}"


LABEL_BEFORE = re.compile(  # "Module 1", "grades 3-5", "K-2": the number is part of a name
    r"\b(?:module|unit|chapter|part|phase|stage|grades?|level|volume|step|lesson|tier|version|k|type|hb|sb|bill"
    r"|section|article|form|room|route|model|iso)\s*"
    r"(?:\d+\s*)?[-–]?\s*$"
)
REACHED_BEFORE = re.compile(  # "reach level 5", "get a grade 8": the number is the target after all
    r"\b(?:reach|reaching|get|achieve|attain|pass|hit|advance|move|progress|earn|receive|obtain|score|rise|up)"
    r"(?:\s+(?:to|a|an|the|up|into))?\s+(?:[a-z]+\s+)?$"
)


SCOPE_BEFORE = re.compile(  # "in our 12 stores", "the 5 stages of": which things, not how many to reach
    r"\b(?:our|the|my|their|his|her|its|these|those)(?:\s+(?:top|key|main|new|biggest|largest|current|existing))?\s*$"
)
IDIOM = re.compile(  # "give 110%", "double down", "a 10x engineer": figures of speech, not targets
    r"\bgive\s+(?:it\s+)?(?:100|110|120|150|200)\s?%|\bdouble[sd]?\s+down\b|\ban?\s+10x\b"
)


def _names_a_thing(plain: str, q: Quantity) -> bool:
    """A number that is no target: part of a name ("Training Module 1", "grades 3-5", "the 5
    stages"), the things meant ("in our 12 stores", "our 3 key customers") or an idiom ("110%")."""
    before = plain[max(0, q.start - 40) : q.start]
    if any(m.start() <= q.start < m.end() or m.start() < q.end <= m.end() for m in IDIOM.finditer(plain)):
        return True
    if q.kind not in ("count", "multiplier"):
        return False
    label = LABEL_BEFORE.search(before) or (SCOPE_BEFORE.search(before) if q.kind == "count" else None)
    if label is None:
        return False
    return not REACHED_BEFORE.search(before[: label.start()])


def read_goal(goal: Goal, today: date, fiscal_start_month: int = 1) -> _Reading:
    """Find the deadline, the numbers and the metric in a goal's statement and fields."""
    cal = Calendar(today, fiscal_start_month)
    text = goal.statement
    deadlines = find_deadlines(text, today, fiscal_start_month)
    chars = list(text)
    for found in deadlines:
        if found.kind not in ("vague", "recurring"):  # "twice a month" keeps its "a month"
            chars[found.start : found.end] = " " * (found.end - found.start)
    plain = words_to_digits("".join(chars).lower().replace("’", "'").replace("–", "-"))
    clocks = [m.span() for m in CLOCK_TIME.finditer(plain)]  # "by 3:00 pm" says when, not how many
    quantities = [
        q
        for q in find_quantities(plain)
        if not _names_a_thing(plain, q) and not any(a <= q.start < b for a, b in clocks)
    ]
    field_deadline = main_deadline(find_deadlines(goal.deadline, today, fiscal_start_month))
    deadline = field_deadline if field_deadline and field_deadline.date else main_deadline(deadlines)
    if deadline is None and goal.deadline_date:
        try:
            resolved = date.fromisoformat(goal.deadline_date)
        except ValueError:
            pass
        else:
            deadline = Deadline(goal.deadline, "date", resolved, 0, 0)
    said = words_to_digits(text.lower())  # "85 on my next test": the test is also the deadline
    metric = goal.metric.strip() or score_of(said) or find_metric(plain, quantities)
    return _Reading(text, plain, quantities, metric or None, deadline, today, cal, deadlines)


# -- the letters -----------------------------------------------------------------------------


def _specific(goal: Goal, r: _Reading, owner_required: bool) -> Criterion:
    text = r.text.strip()
    example = "Name one outcome and its number, e.g. 'raise the lead-to-MQL rate from 12% to 17%'"
    if not text:
        return Criterion(
            "fail",
            "There is no goal statement yet.",
            "Write what should happen, e.g. 'raise the lead-to-MQL rate from 12% to 17% by end of Q3'.",
        )
    if (found := PLACEHOLDER.search(text)) is not None:
        return Criterion(
            "fail",
            f"“{found.group(0).strip()}” is a placeholder, not a goal.",
            "Replace it with the real outcome.",
        )
    if len(re.findall(r"[a-z]+", r.plain)) < 3 and not r.quantities:
        return Criterion("fail", "Too short to say what will happen.", example + ".")
    numbered = [q for q in r.quantities if q.kind != "count" or q.value >= 1]
    if (vague := VAGUE_WORD.search(r.plain)) is not None and not numbered and not goal.target.strip():
        word = vague.group(0).strip()
        return Criterion("fail", f"“{word}” says which way, not what or how far.", example + ".")
    wish = WISH.search(r.plain)
    if wish is not None and not numbered and not goal.target.strip():
        said = " ".join(wish.group(0).split())
        return Criterion(
            "fail",
            f"“{said}” is a wish: it does not say what will be different, nor how much.",
            "Say the result you will see and its number, e.g. 'run 5 km in under 30 minutes by 30 June'.",
        )
    clauses = [c for c in BUNDLE_SPLIT.split(r.plain) if c.strip()]
    acting = [c for c in clauses if FIRST_VERB.search(c)]
    with_numbers = [c for c in acting if find_quantities(c)]
    if len(with_numbers) >= 2 or len(acting) >= 3:
        return Criterion(
            "fail",
            f"{max(len(with_numbers), len(acting))} goals in one: each needs its own owner and check.",
            "Keep one outcome here and add the others as goals of their own (Duplicate helps).",
        )
    outcome = r.metric or "one outcome"
    if owner_required and not goal.owner.strip():
        return Criterion(
            "fail",
            f"{outcome[:1].upper()}{outcome[1:]}, but no owner.",
            "Name one owner, e.g. the team lead.",
        )
    owner = f", owned by {goal.owner.strip()}" if goal.owner.strip() else ""
    return Criterion("pass", f"One outcome: {r.metric}{owner}." if r.metric else f"One outcome{owner}.")


WISH = re.compile(  # a state wished for, nothing to see it by: "lose weight", "be healthy", "the best nurse"
    r"\b(?:lose\s+weight|get\s+fit|get\s+in(?:to)?\s+shape|get\s+healthy|be\s+healthier|become\s+healthier"
    r"|(?:be|become|get|stay|feel)\s+(?:more\s+)?(?:healthy|rich|wealthy|famous|successful|happy|happier|fit)"
    r"|(?:be|become)\s+(?:a\s+)?(?:multi-?)?(?:millionaire|billionaire)"
    r"|(?:be|become)\s+the\s+best\s+[a-z]+)\b"
)


VAGUE_SHARE = re.compile(  # "eat the majority of meals", "most of the reports": how many is that?
    r"\b(?:the\s+)?(?:majority|most|bulk|many|some|several|a\s+few|a\s+lot|lots|plenty|part)\s+of\s+"
    r"(?:the\s+|my\s+|our\s+|his\s+|her\s+|their\s+|your\s+)?(?!(?:the\s+)?time\b)(?P<what>[a-z][a-z'-]+)"
)
OCCASIONS = re.compile(  # "feed self at all mealtimes today": checkable on each occasion
    r"\b(?:at|during|in|for|after|before)\s+(?:all|every|each)\s+(?:(?:the|my|our|his|her|their)\s+)?"
    r"(?:[a-z-]+\s+)?(?:meal(?:time)?s?|meetings?|visits?|sessions?|shifts?|class(?:es)?|lessons?|appointments?"
    r"|practices?|games?|rounds?|huddles?|stand-?ups?|handovers?|hand-offs?|feedings?|treatments?)\b"
)
WRITTEN_STANDARD = re.compile(  # "within the time specified by your supervisor", "that meet the guidelines"
    r"\b(?:in\s+accordance\s+with|according\s+to|in\s+line\s+with|that\s+meets?|meeting|as\s+(?:specified|set\s+out"
    r"|defined|laid\s+down)\s+(?:in|by)|within\s+the\s+(?:time|deadline|timeframe|time\s+frame)\s+(?:specified|set"
    r"|allowed|agreed)\s+by)\s+(?:the\s+|our\s+|my\s+|your\s+|established\s+|written\s+|company\s+)*"
    r"(?:[a-z-]+\s+){0,3}?(?:supervisor|manager|guidelines?|procedures?|standards?|specifications?|manual|polic(?:y|ies)"
    r"|checklist|sla|protocols?|requirements)\b"
)
DEFINED_RANGE = re.compile(  # "get my BMI into a healthy range": a range the measure itself defines
    r"\b(?P<measure>bmi|body\s+mass\s+index|blood\s+pressure|blood\s+(?:sugar|glucose)|a1c|hba1c|cholesterol"
    r"|heart\s+rate|weight|inr|oxygen\s+saturation|sats?|potassium|sodium|glucose)\b"
    r"(?:\s+[a-z]+){0,2}?\s+(?:in|into|within|inside|to|back\s+to|back\s+into)\s+(?:a|the|my|his|her|their)?\s*"
    r"(?:healthy|normal|target|recommended|safe|therapeutic|acceptable)\s+(?:range|levels?|zone)\b"
)


def _rank_or_standard(r: _Reading) -> Criterion | None:
    """A rank (measurable only on a named ranking), a standard checked every time, or a grade."""
    vague = VAGUE_SHARE.search(r.plain)
    if vague is not None and not [q for q in r.quantities if q.kind != "count" or q.value != 0]:
        said = vague.group(0).strip()
        return Criterion(
            "fail",
            f"“{said}”: how many is that? Nobody can say when it is reached.",
            f"Say how many, e.g. '3 of every 4 {vague.group('what')}' or '75% of {vague.group('what')}'.",
        )
    written = WRITTEN_STANDARD.search(r.text.lower())
    if written is not None and not CHANGE_WORDS.search(r.plain) and not VAGUE_WORD.search(r.plain):
        return Criterion(
            "pass",
            f"Checked against a standard written elsewhere: “{written.group(0).strip()}”.",
            "Name the document or the person that sets it, so the check is the same for everyone.",
        )
    ranged = DEFINED_RANGE.search(r.plain)
    if ranged is not None:
        return Criterion("pass", f"A range the measure defines: “{ranged.group(0).strip()}”.")
    rank = RANK_CLAIM.search(r.plain)
    if rank is not None:
        said = rank.group("rank").replace("number 1", "number one")
        if RANK_SOURCE.search(r.plain[rank.start() :]) or RANK_SOURCE.search(r.plain[: rank.start()]):
            return Criterion("pass", f"A rank (“{said}”) on a named ranking.")
        return Criterion(
            "fail",
            f"“{said}” is a rank, and no ranking source is named: nobody can say when it is reached.",
            "Name the ranking that decides it, e.g. 'top 3 on G2's mid-market CRM grid', "
            "or use a number you count yourselves.",
        )
    ring = RING.search(r.text.lower())
    if ring is not None:
        return Criterion("pass", f"A standard anyone can check: answered “{ring.group(0).strip()}”.")
    clock = CLOCK_TIME.search(r.text.lower())
    if clock is not None:
        return Criterion("pass", f"A time of day anyone can check: “{clock.group(0).strip()}”.")
    habit = HABIT.search(r.plain)
    if (
        habit is not None
        and r.deadline is not None
        and r.deadline.date is not None
        and not r.quantities
        and not (VAGUE_WORD.search(r.plain) or COMPARATIVE.search(r.plain) or ABSTRACT_OBJECT.search(r.plain))
    ):
        return Criterion(
            "pass",
            f"A habit, done or not each {habit.group('when') or 'day'} until {_fmt(r.deadline.date)}.",
            "Keep a tick list so the count is there at the review.",
        )
    standard = WITHIN_STANDARD.search(words_to_digits(r.text.lower()))
    if standard is not None:
        return Criterion("pass", f"A standard anyone can check each time: “{standard.group(0).strip()}”.")
    grade = GRADE.search(r.text)
    if grade is not None:
        return Criterion("pass", f"A grade: “{grade.group(0).strip()}”.")
    occasions = OCCASIONS.search(r.plain)
    if (
        occasions is not None
        and r.deadline is not None
        and not VAGUE_WORD.search(r.plain)
        and not COMPARATIVE.search(r.plain)
        and not _head_search(ABSTRACT_OBJECT, r.plain)
    ):
        return Criterion("pass", f"Done or not on each occasion: “{occasions.group(0).strip()}”.")
    return None


def _measurable(goal: Goal, r: _Reading) -> Criterion:
    named = goal.metric.strip() or r.metric
    if goal.target.strip() and named:
        base = f" from {goal.baseline.strip()}" if goal.baseline.strip() else ""
        shown = goal.unit.strip()
        said = f"{goal.baseline} {goal.target}"
        unit = f" {shown}" if shown and shown not in said else ""  # not "$1.6M $" nor "17% %"
        hint = "" if base else "Add the baseline: where you are today."
        return Criterion("pass", f"{named}{base} to {goal.target.strip()}{unit}.", hint)
    standing = _rank_or_standard(r)
    if standing is not None:
        return standing
    targets = [  # "zero complaints" is a target; a stray 0 is not
        q
        for q in r.quantities
        if not (q.kind == "count" and q.value == 0 and not re.match(r"\s+[a-z]{3,}", r.plain[q.end :]))
    ]
    done = _completion(r)
    if done is not None and not (targets and r.metric):
        return done
    effort = _effort_only(r)
    if effort is not None:
        return effort
    how_often = FREQUENCY.search(r.plain)
    if how_often is not None and not r.metric:
        return Criterion("pass", f"A frequency: {how_often.group(0).strip()}.")
    amounts = [q for q in targets if q.kind == "money"]
    if amounts and not r.metric:
        return Criterion("pass", f"An amount: {amounts[-1].text}.")
    if targets and r.metric:
        has_base = bool(re.search(r"\bfrom\s+[$€£]?\d", r.plain)) or bool(goal.baseline.strip())
        numbers = ", ".join(q.text for q in targets[:3])
        hint = (
            ""
            if has_base or targets[0].kind in ("percent", "multiplier")
            else (f"Best with a baseline: 'from … to {targets[-1].text}'.")
        )
        return Criterion("pass", f"{r.metric}: {numbers}.", hint)
    race = RACE.search(r.plain)
    if race is not None and len(targets) == 1 and targets[0].start < race.end("distance") <= targets[0].end:
        return Criterion("pass", f"A race, run or not: “{race.group(0).strip()}”.")
    counted = [q for q in targets if q.kind == "multiplier" and TIMES_DONE.fullmatch(q.text)]
    if counted and len(counted) == len(targets) and ACT_BEFORE.search(r.plain[: counted[0].start]):
        said = " ".join(r.plain[: counted[0].end].split()[-10:])
        return Criterion("pass", f"An act and how many times it is done: “{said}”.")
    if targets:
        return Criterion(
            "fail",
            f"“{targets[0].text}” of what? A number alone does not say what it counts.",
            f"Say what is counted, e.g. '{targets[0].text} more MQLs' or 'win rate to {targets[0].text}'.",
        )
    if r.metric:
        rate = re.search(
            r"rate|nps|csat|churn|share|retention|time|size|cycle|roi|cac|cost", r.metric.lower()
        )
        money = re.search(r"revenue|arr|mrr|pipeline|deal size|bookings", r.metric.lower())
        example = (
            "'from 12% to 17%'"
            if rate
            else "'from $1.2M to $1.5M'"
            if money
            else f"'from 180 to 250 {r.metric}'"
        )
        return Criterion(
            "fail", f"Names {r.metric} but no number.", f"Add a target, best with today's figure: {example}."
        )
    return Criterion(
        "fail", "No metric and no number.", "Add what you will count and the target, e.g. '250 MQLs a month'."
    )


RACE = re.compile(  # "run a 5K", "finish my first 10k": a race is run or not
    r"\b(?:run|walk|complete|finish|race|do|enter)\s+(?:a|an|the|my|our)\s+(?:first\s+)?(?P<distance>\d+\s?k)\b"
    r"(?:\s+(?:race|run|walk))?"
)
TIMES_DONE = re.compile(r"once|twice|thrice|\d+\s+times")  # "walk the hallway twice": the act is counted
ACT_BEFORE = re.compile(  # a verb of doing before the count, not "grow twice as fast" or "double"
    r"\b(?:will|to|i|we|shall|must)\s+(?!(?:be|grow|increase|double|triple|improve)\b)[a-z]+\s+(?:[a-z'-]+\s+){1,8}$"
    r"|^\W*(?!(?:grow|increase|double|triple|improve|be)\b)[a-z]+\s+(?:[a-z'-]+\s+){1,8}$"
)
METHOD = re.compile(r"\bby\s+(?:[a-z]+ing)\b")  # "... by exercising 3 times a week": how, not what
VAGUE_OUTCOME = re.compile(
    r"\b(?:lose\s+weight|get\s+fit|get\s+in\s+shape|get\s+healthy|be\s+healthier|become\s+healthier|feel\s+better"
    r"|do\s+better|succeed|grow\s+the\s+business)\b"
)


EFFORT_FOR = re.compile(  # "work 60 hours a week to grow the business": the effort, then what it is for
    r"^\W*(?:(?:i|we)\s+(?:will|want\s+to|plan\s+to)\s+)?(?P<effort>(?:work|spend|put\s+in|dedicate|devote|invest"
    r"|practi[cs]e|study|train|exercise|work\s+out)\b[^.;]*?)\s+(?:to|so\s+that|in\s+order\s+to)\s+(?P<outcome>[^.;]+)"
)


def _effort_for(r: _Reading) -> Criterion | None:
    """Numbers only in the effort, spent for a vague result ("spend 2 hours a day to improve our brand")."""
    found = EFFORT_FOR.search(r.plain)
    if found is None or not find_quantities(found.group("effort")) or find_quantities(found.group("outcome")):
        return None
    outcome = found.group("outcome")
    if not (
        VAGUE_OUTCOME.search(outcome)
        or VAGUE_WORD.search(outcome)
        or COMPARATIVE.search(outcome)
        or _head_search(ABSTRACT_OBJECT, outcome)
    ):
        return None  # "study 2 hours a day to pass the CPA exam": a result one can see
    said = " ".join(outcome.split())
    return Criterion(
        "fail",
        f"“{said}” has no number: the numbers say how much effort, not how far the result goes.",
        "Put the number on the result, e.g. 'grow revenue 10% by 30 June, working 60 hours a week'.",
    )


def _effort_only(r: _Reading) -> Criterion | None:
    """A vague outcome with numbers only in the effort ("lose weight by exercising 3 times a week")."""
    method = METHOD.search(r.plain)
    if method is None:
        return _effort_for(r)
    outcome, how = r.plain[: method.start()], r.plain[method.start() :]
    if find_quantities(outcome) or not RECURRING_EFFORT.search(how) or ROUTINE_VERB.match(how):
        return None  # "by holding monthly one-on-ones": a routine of its own, done or not each time
    vague = (
        VAGUE_OUTCOME.search(outcome)
        or VAGUE_WORD.search(outcome)
        or COMPARATIVE.search(outcome)
        or ABSTRACT_OBJECT.search(outcome)
    )
    if vague is None:
        return None
    said = " ".join(outcome.split())
    return Criterion(
        "fail",
        f"“{said}” has no number: the numbers say how much effort, not how far the result goes.",
        "Put the number on the result, e.g. 'lose 5 kg by 30 June by exercising 3 times a week'.",
    )


ROUTINE_VERB = re.compile(
    r"by\s+(?:implementing|holding|hosting|launching|completing|publishing|creating|building|setting|introducing"
    r"|organi[sz]ing|leading|attending|running|facilitating|scheduling|sending|delivering|presenting)\b"
)
RECURRING_EFFORT = re.compile(
    r"\b(?:a|an|per|each|every)\s+(?:day|night|week|month|morning|evening|weekday)\b|\b(?:daily|weekly|nightly|monthly)\b"
)


FREQUENCY = re.compile(
    r"\b\d+\s+times?\s+(?:a|an|per|each|every)\s+(?:day|week|month|quarter|year|weekday)\b"
)


QUOTA = re.compile(  # a number of things per period: "60 calls per day", "20 meetings monthly"
    r"(?<![\w.])[$€£]?\d[\d,.]*(?:\s?(?:k|m|%))?\s+(?:[a-z][a-z'-]*\s+){0,4}?"
    r"(?:(?:per|a|an|each|every)\s+(?:single\s+)?(?P<period>business\s+day|working\s+day|weekday|day|week|month|quarter|year)"
    r"|(?P<adverb>daily|weekly|monthly|quarterly|annually|yearly))\b"
)
ADVERB_PERIOD = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "annually": "year",
    "yearly": "year",
}


COMPARATIVE = re.compile(
    r"\b(?:better|stronger|greater|bigger|higher|faster|smoother|clearer|deeper|broader|wider|closer|easier"
    r"|improved|enhanced|optimi[sz]ed|effective|efficient|successful|world-class|best-in-class|great|good)\b"
)


BY_DOING = re.compile(  # "get fluent by completing the Duolingo course": the course is what is done
    r"\bby\s+(?:completing|finishing|passing|earning|obtaining|attending|publishing|launching|submitting|delivering"
    r"|hosting|holding|writing|presenting|leading|enrolling\s+in|joining|taking|running|organi[sz]ing)\s+"
    r"(?P<object>[^.;,]*)"
)
MEANS = re.compile(  # launched or not, these are judged by what they bring
    r"\b(?:campaigns?|strateg(?:y|ies)|initiatives?|tactics?|efforts?|activities|approach(?:es)?|push|drive)\b"
)


def _period(said: str) -> str:
    """The period a recurrence names: "every month" -> "month", "weekly" -> "week"."""
    if re.search(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", said.lower()):  # "every first Thursday"
        return "month" if re.search(r"first|second|third|fourth|last", said.lower()) else "week"
    found = re.search(r"day|week|month|quarter|year", said.lower())
    if found:
        return found.group(0)
    return ADVERB_PERIOD.get(said.strip().lower(), "time")


def _completion(r: _Reading) -> Criterion | None:
    """A deliverable done by a date is measurable: it is done or not done by then (or each period)."""
    d = r.deadline
    if d is None or d.kind in ("vague", "comparison"):
        return None
    match = _deliverable(r)
    if match is None:
        return None
    said = match.group(0).split()[:12]
    while len(said) > 2 and said[-2:] == ["the", "end"]:  # "… by the end" of a deadline blanked out
        del said[-2:]
    while said and said[-1] in (
        "by",
        "the",
        "before",
        "in",
        "on",
        "at",
        "within",
        "for",
        "until",
        "over",
        "during",
    ):
        said.pop()
    what = " ".join(said)
    if _head_search(MEANS, match.group("object")):
        return Criterion(
            "fail",
            f"“{what.strip()}” is a means: done or not done says nothing of what it brings.",
            "Say the result it should bring and how much, e.g. '… that brings 200 sign-ups by 30 June'.",
        )
    if d.kind == "recurring":
        when = f"each {_period(d.text)}"
    else:
        when = f"by {_fmt(d.date)}" if d.date else f"at “{d.text.strip()}”"
    return Criterion(
        "pass",
        f"Done or not done {when}: “{what.strip()}”.",
        "Say what counts as done (e.g. 'signed off by the sales lead') so nobody argues later.",
    )


def _definite(thing: str) -> bool:
    """A thing one can point at ("the course", "Duolingo's course", "2 workshops"), not "events"."""
    if ABSTRACT_OBJECT.search(thing) or VAGUE_WORD.search(thing) or COMPARATIVE.search(thing):
        return False
    first = (thing.split(maxsplit=1) or [""])[0]
    return first in (
        "the",
        "my",
        "a",
        "an",
        "our",
        "their",
        "his",
        "her",
        "its",
        "this",
        "that",
        "all",
        "each",
        "every",
    ) or bool(re.search(r"'s\b|\d", thing))


# Nouns that also name a kind of thing: a content calendar, a brand guide, a campaign landing page.
MODIFIER_NOUNS = frozenset(
    re.findall(
        r"\S+",
        """skill skills culture relationship relationships brand branding image visibility trust loyalty
        community content network health fitness experience engagement knowledge leadership communication
        collaboration teamwork quality awareness wellbeing well-being reputation campaign campaigns strategy
        initiative initiatives tactics efforts activities approach push drive""",
    )
)
# The next word carries the noun phrase on: "content" in "content calendar" is not its head.
CONTINUES = re.compile(
    r"\s+(?!(?:for|to|in|of|with|on|at|by|from|across|among|within|through|into|over|under|per|and|or|that"
    r"|which|who|so|as|before|after|until|during|while|is|are|will|be|was|were|than|via|using)\b)[a-z]"
)


def _head_search(pattern: re.Pattern[str], phrase: str) -> re.Match[str] | None:
    """``pattern`` where it is what the phrase names, not a noun standing before that ("content calendar")."""
    for found in pattern.finditer(phrase):
        if found.group(0) in MODIFIER_NOUNS and CONTINUES.match(phrase, found.end()):
            continue
        return found
    return None


def _named_course(text: str, found: re.Match[str]) -> bool:
    """A course taken by its name in Title Case ("take Advanced Excel Skills"), not skills in general."""
    if found.groupdict().get("verb") not in ("take", "complete", "finish", "pass", "attend"):
        return False
    words = re.findall(r"[a-z][a-z0-9'-]*", found.group("object"))[:6]
    words = [w for w in words if w not in ("the", "a", "an", "my", "our")]
    if len(words) < 2:
        return False
    name = r"\s+".join(re.escape(w.capitalize()) for w in words[:2])
    return re.search(rf"(?<!^)\b{name}\b", text.strip()) is not None


def _deliverable(r: _Reading) -> re.Match[str] | None:
    """The clause that names a concrete thing to do or deliver ("publish the report"), if any."""
    match = None
    for clause in BUNDLE_SPLIT.split(r.plain):  # "write and publish an e-book": the verb with an object
        by_doing = BY_DOING.search(clause)
        if by_doing is not None and _definite(by_doing.group("object")):
            return by_doing  # "... by completing the Duolingo course": the course is what is done
        found = COMPLETION.search(clause) or DONE_STATE.search(clause)
        if found is None:
            continue
        whole = found.group(0)
        if (
            VAGUE_WORD.search(whole)
            or COMPARATIVE.search(whole)
            or (_head_search(ABSTRACT_OBJECT, found.group("object")) and not _named_course(r.text, found))
        ):
            return None
        if [
            w
            for w in re.findall(r"[a-z][a-z'-]*", found.group("object"))
            if w not in ("the", "a", "an", "my", "our")
        ]:
            match = found
            break
    return match


def _change(goal: Goal, r: _Reading) -> tuple[float, float | None] | None:
    """The step the goal asks for as (ratio, target) with ratio >= 1 either way, if it can be read."""
    base = find_quantities(words_to_digits(goal.baseline.lower()))
    aim = find_quantities(words_to_digits(goal.target.lower()))
    if base and aim and base[0].value > 0:
        b, t = base[0].value, aim[0].value
        return (max(b, t) / min(b, t) if min(b, t) > 0 else float("inf")), t
    m = re.search(
        r"\bfrom\s+(?:#|no\.?\s?|number\s+)?[$€£]?(?P<b>\d[\d,.]*)[^$€£\d#]{0,40}?\bto\s+(?:under\s+|below\s+|over\s+"
        r"|above\s+|at\s+least\s+|at\s+most\s+|#|no\.?\s?|number\s+|top\s+)?[$€£]?(?P<t>\d[\d,.]*)",
        r.plain,
    )
    if m:
        b, t = (float(m.group(g).replace(",", "").rstrip(".")) for g in ("b", "t"))
        if b > 0 and t > 0:
            return max(b, t) / min(b, t), t
    down = bool(DECREASE_WORDS.search(r.plain))
    for q in r.quantities:
        if q.kind == "multiplier":
            return q.value, None
        if q.kind == "percent" and not re.search(rf"\b(?:to|at|of|than)\s+{re.escape(q.text)}", r.plain):
            if down:
                return (float("inf") if q.value >= 100 else 1 / (1 - q.value / 100)), None
            return 1 + q.value / 100, None
    return None


BIG_MONEY = 1e9  # a billion-dollar company or revenue
BIG_COUNT = 1e6  # a million customers, users or followers


BODY_WEIGHT = re.compile(  # "lose 25 pounds in 2 days": a pace the body does not keep
    r"\b(?:lose|losing|drop|dropping|shed|shedding|gain|gaining|put\s+on)\s+(?:at\s+least\s+)?"
    r"(?P<n>\d+(?:\.\d+)?)[\s-]?(?P<unit>kgs?|kilos?|kilograms?|lbs?\.?|pounds?)(?![\w])"
)
SAFE_KG_A_WEEK = 1.5  # health guides put a steady pace at 0.5-1 kg a week; above 1.5 is questioned
RICH = re.compile(
    r"\b(?:become|be|make\s+me|get)\s+(?:a\s+)?(?:multi-?)?(?P<who>millionaire|billionaire)s?\b"
)


def _weight_pace(r: _Reading, days: int | None) -> Criterion | None:
    """Body weight to lose or gain by a date, judged by its pace a week with the numbers."""
    weight = BODY_WEIGHT.search(r.plain)
    if weight is None or days is None:
        return None
    amount, unit = float(weight.group("n")), weight.group("unit")
    kg = amount if unit.startswith("k") else amount * 0.4536
    pace = kg / (max(days, 1) / 7)
    shown = f"{amount:g} {unit.rstrip('.')}" + ("" if unit.startswith("k") else f" ({kg:.1f} kg)")
    if pace > SAFE_KG_A_WEEK:
        return Criterion(
            "fail",
            f"{shown} in {days} days is {pace:.1f} kg a week; a steady pace is 0.5-1 kg a week.",
            f"Move the deadline or lower the target: at 1 kg a week, {kg:.0f} kg takes about "
            f"{max(1, round(kg))} weeks.",
        )
    return Criterion("pass", f"{shown} in {days} days is {pace:.1f} kg a week: a pace people can keep.")


def _implausible(r: _Reading, days: int | None) -> Criterion | None:
    """An absolute target so large, in so short a time, that it needs questioning even without a baseline."""
    if days is None or days > 366:
        return None
    rich = RICH.search(r.plain)
    if rich is not None:
        return Criterion(
            "fail",
            f"Becoming a {rich.group('who')} in {days} days, with no starting figure, is beyond what almost "
            "anyone has done.",
            "Give today's figure and a step for this period, e.g. 'grow savings from $20,000 to $30,000'.",
        )
    for q in r.quantities:
        money = q.kind == "money" or "dollar" in r.plain[q.end : q.end + 12]
        if (money and q.value >= BIG_MONEY) or (q.kind == "count" and q.value >= BIG_COUNT):
            amount = f"{q.value:,.0f}"
            return Criterion(
                "fail",
                f"Reaching {amount} in {days} days, with no baseline to grow from, is beyond what "
                "almost any company has done.",
                "Give today's figure so the step can be judged, or set a nearer milestone for this period.",
            )
    return None


def _overruled(questioned: Criterion, said: str) -> Criterion:
    """The other team's verdict decides: it passes, and the checker's doubt stays on record as a warning."""
    return Criterion(
        "pass", said + ".", questioned.hint, warning=f"The checker questions it: {questioned.reason}"
    )


def _attainable(goal: Goal, r: _Reading, other_team: str) -> Criterion:
    verdict, comment = goal.verdict.strip(), goal.verdict_comment.strip()
    said = f"{other_team} says {verdict}" + (f": “{comment}”" if comment else "")
    if verdict == "not attainable":
        return Criterion(
            "fail", said + ".", "Lower the target, move the deadline or add resources, then ask again."
        )
    perfect = re.search(
        r"\b100(?:\.0)?\s?(?:%|percent)\s+(?:of\s+)?(?:\w+\s+)?" + RATE_METRICS, r.plain
    ) or re.search(RATE_METRICS + r"\s+(?:of|to|at)\s+100(?:\.0)?\s?(?:%|percent)", r.plain)
    perfect = (
        perfect
        or re.search(  # a perfect score: "100% on every test", "straight a's", "a perfect score"
            r"\b100(?:\.0)?\s?(?:%|percent)\s+(?:on|in)\s+(?:all|every|each|the|my)\b|\bperfect\s+(?:score|grades?|attendance)\b"
            r"|\bstraight\s+a'?s\b|\ball\s+a'?s\b",
            r.plain,
        )
    )
    if perfect:
        return Criterion(
            "fail", "100% is perfection, not a plan.", "Aim for a step up from today, e.g. 'from 20% to 25%'."
        )
    days = (
        (r.deadline.date - r.today).days
        if r.deadline and r.deadline.date and r.deadline.date >= r.today
        else None
    )
    rate = _rate_step(goal, r)
    if rate is not None:
        return _judge_rate(rate, days, said if verdict else "", other_team)
    pace = _weight_pace(r, days) if not goal.baseline.strip() else None
    if pace is not None and pace.status == "fail":
        return _overruled(pace, said) if verdict else pace
    if pace is not None:
        return Criterion("pass", f"{said}. {pace.reason}") if verdict else pace
    change = _change(goal, r)
    big = _implausible(r, days) if change is None and not goal.baseline.strip() else None
    if big is not None:
        return _overruled(big, said) if verdict else big
    if change is None:
        if verdict:
            return Criterion("pass", said + ".")
        return _unjudged(r, other_team)
    ratio, _ = change
    quarters = max(days if days is not None else 91, 91) / 91  # a short sprint is not extrapolated
    per_quarter = ratio ** (1 / quarters) if ratio != float("inf") else ratio
    ask = "" if verdict else f"Ask {other_team} whether it is attainable."
    if ratio == float("inf") or per_quarter > MAX_PER_QUARTER:
        size = "more than all of it" if ratio == float("inf") else f"{ratio:.1f}x"
        span = "" if ratio == float("inf") or days is None else f" in {days} days"
        questioned = Criterion(
            "fail",
            f"A change of {size}{span} is far beyond what history supports.",
            "Set a smaller step or a later deadline; more than 3x a quarter rarely happens.",
        )
        return _overruled(questioned, said) if verdict else questioned
    if ratio - 1 < SANDBAG:
        return Criterion(
            "fail",
            f"A change of {(ratio - 1) * 100:.1f}% is within normal ups and downs: sandbagging.",
            "Aim for a step the team has to work for, at least a few percent.",
        )
    step = f"{(ratio - 1) * 100:.0f}%" if ratio < 2 else f"{ratio:.1f}x"
    return Criterion("pass", f"A {step} step" + (f"; {said}." if verdict else " looks plausible."), ask)


MAX_POINTS_PER_QUARTER = 15.0  # a rate (win, open, conversion) rarely moves more than 15 points a quarter
RATE_FROM_TO = re.compile(
    r"\bfrom\s+(?P<b>\d+(?:\.\d+)?)\s?(?:%|percent)?[^$€£\d%]{0,30}?\bto\s+(?:under\s+|below\s+|over\s+|above\s+"
    r"|at\s+least\s+|at\s+most\s+)?(?P<t>\d+(?:\.\d+)?)\s?(?:%|percent)"
)


def _rate_step(goal: Goal, r: _Reading) -> tuple[float, float] | None:
    """A rate's step (from, to) when both ends are percentages: judged in points, not as a ratio."""
    base, aim = goal.baseline.strip(), goal.target.strip()
    if base.endswith("%") and aim.endswith("%"):
        try:
            return float(base.rstrip("% ")), float(aim.rstrip("% "))
        except ValueError:
            return None
    found = RATE_FROM_TO.search(r.plain)
    if found is None or not re.search(r"%|percent", r.plain[found.start() : found.start("t")] + "%"):
        return None
    b, t = float(found.group("b")), float(found.group("t"))
    return (b, t) if b <= 100 and t <= 100 else None


def _judge_rate(step: tuple[float, float], days: int | None, said: str, other_team: str) -> Criterion:
    """A rate's step in points a quarter: 20% to 25% is 5 points; 20% to 60% in a quarter is not plausible."""
    b, t = step
    points = abs(t - b)
    quarters = max(days if days is not None else 91, 91) / 91
    span = f" in {days} days" if days is not None else ""
    shown = f"{points:g} points ({b:g}% → {t:g}%)"
    if points / quarters > MAX_POINTS_PER_QUARTER:
        questioned = Criterion(
            "fail",
            f"A step of {shown}{span} is far beyond what history supports.",
            f"Rates rarely move more than {MAX_POINTS_PER_QUARTER:g} points a quarter: "
            "set a nearer target or a later deadline.",
        )
        return _overruled(questioned, said) if said else questioned
    if points < 0.5:
        return Criterion(
            "fail",
            f"A step of {shown} is within normal ups and downs: sandbagging.",
            "Aim for a step the team has to work for, at least a point or two.",
        )
    ask = "" if said else f"Ask {other_team} whether it is attainable."
    return Criterion("pass", f"A step of {shown}" + (f"; {said}." if said else " looks plausible."), ask)


def _unjudged(r: _Reading, other_team: str) -> Criterion:
    """No step to judge: say what would make it judgeable, for the kind of goal it is."""
    ask = f"and ask {other_team}: attainable, stretch or not attainable?"
    rank = RANK_CLAIM.search(r.plain)
    if rank is not None:
        return Criterion(
            "unknown",
            f"A rank (“{rank.group('rank')}”) with no starting rank: nobody can judge the climb.",
            f"Say today's rank on the same ranking, e.g. 'from #12 to top 3', {ask}",
        )
    targets = [q for q in r.quantities if q.kind != "multiplier"]
    if not targets and _deliverable(r) is not None:
        when = f" by {_fmt(r.deadline.date)}" if r.deadline and r.deadline.date else ""
        return Criterion(
            "unknown",
            f"A deliverable: whether it fits{when} depends on the work left and who does it.",
            f"Say how long a similar piece of work took and who does it, {ask}",
        )
    if targets:
        target = targets[-1]
        if target.kind in ("percent", "points"):
            example = f"'from 20% to {target.text}'"
            today = "today's rate"
        else:
            example = f"'from … to {target.text}{' ' + r.metric if r.metric else ''}'"
            today = f"today's figure for {r.metric}" if r.metric else "today's figure"
        return Criterion(
            "unknown",
            f"A target of {target.text} with no starting figure: the size of the step cannot be judged.",
            f"Add {today}, e.g. {example}, {ask}",
        )
    return Criterion(
        "unknown",
        "No baseline and target to judge the step by, and no verdict from the other team yet.",
        f"Add today's figure {ask}",
    )


def _relevant(goal: Goal, r: _Reading, joint_title: str) -> Criterion:
    if goal.serves_goal:
        return Criterion("pass", f"Serves the joint goal “{joint_title or goal.serves_goal}”.")
    if goal.team == "joint":
        return Criterion("pass", "A joint goal both teams share.")
    link = REVENUE_LINK.search(r.plain) or REVENUE_LINK.search(goal.metric.lower())
    if link:
        return Criterion("pass", f"Feeds pipeline or revenue ({r.metric or link.group(0).strip()}).")
    why = PURPOSE.search(r.plain) or (goal.accomplish.strip() and PURPOSE.search(goal.accomplish.lower()))
    if why:
        return Criterion("pass", "Says why it matters.")
    if not r.text.strip():
        return Criterion("unknown", "Nothing to judge yet.")
    return Criterion(
        "unknown",
        "Nothing links it to revenue, pipeline or a joint goal yet.",
        "Pick the joint goal it serves, or say what it feeds, "
        "e.g. '… so that sales gets 40 more opportunities'.",
    )


def _shown(d: Deadline) -> str:
    """How a resolved deadline is shown: the date, and what was written when it differs."""
    assert d.date is not None
    said = d.text.strip()
    about = "about " if d.kind == "term" else ""
    if said.lower().removeprefix("by ").removeprefix("on ") == _fmt(d.date).lower():
        return f"{about}{_fmt(d.date)}"
    return f"{about}{_fmt(d.date)} (“{said}”)"


TIME_OF_DAY = re.compile(  # "by 3pm", "no later than lunchtime": a deadline within the day
    r"\b(?:by|before|until|no\s+later\s+than)\s+(?:\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.|o'clock)"
    r"|noon|midday|lunchtime|lunch|midnight)"
)


def _no_date(r: _Reading, example: str) -> Criterion:
    """No deadline found: a comparison period taken for one, a time of day, or none at all."""
    compared = next((f for f in r.found if f.kind == "comparison"), None)
    if compared is not None:
        return Criterion(
            "fail",
            f"“{compared.text.strip()}” is what it is compared with, not a deadline.",
            f"Add by when, for example '{example}'.",
        )
    clock = TIME_OF_DAY.search(r.text.lower())
    if clock is not None:  # "by 3pm": the day it is set, at that hour
        return Criterion(
            "pass",
            f"Due at a time of day: “{clock.group(0).strip()}”.",
            "Say which day, or 'each day', e.g. 'by 3 pm on 30 June'.",
        )
    return Criterion("fail", "No deadline.", f"Add a deadline, for example '{example}' or 'by end of Q3'.")


def _time_bound(r: _Reading) -> Criterion:
    example = _example_deadline(r.cal)
    d = r.deadline
    standard = STANDARD.search(r.text.lower())
    if standard and not CHANGE_WORDS.search(r.plain) and (d is None or d.kind in ("recurring", "vague")):
        return Criterion(
            "pass",
            f"A standing standard (“{standard.group(0).strip()}”): "
            "it holds every time, from the day it is agreed.",
            f"Say from when it applies and how often it is reviewed, "
            f"e.g. 'from {_fmt(r.today)}, reviewed monthly'.",
        )
    starts = next((f for f in r.found if f.kind == "start"), None)
    if starts is not None and (d is None or d.kind in ("recurring", "vague")):
        return Criterion(
            "fail",
            f"“{starts.text.strip()}” says when it starts, not by when it is reached.",
            f"Add by when, for example '{example}'.",
        )
    if d is None:
        return _no_date(r, example)
    if d.kind == "vague":
        return Criterion(
            "fail", f"“{d.text.strip()}” is not a deadline.", f"Say when, for example '{example}'."
        )
    quota = QUOTA.search(r.plain) if d.kind == "recurring" else None
    method = METHOD.search(r.plain)
    if quota is not None and method is not None and quota.start() > method.start():
        quota = None  # "lose weight by exercising 3 times a week": the quota is the effort, not the goal
    if quota is not None and not CHANGE_WORDS.search(r.plain):
        period = quota.group("period") or ADVERB_PERIOD[quota.group("adverb")]
        period = "day" if period.endswith("day") else period
        return Criterion(
            "pass",
            f"A quota per {period}, bounded by its period: each {period} it is met or missed "
            f"(“{quota.group(0).strip()}”).",
            f"Say from when it runs and until when, e.g. 'from {_fmt(r.today)} {example}'.",
        )
    if d.kind == "recurring" and not CHANGE_WORDS.search(r.plain) and _deliverable(r) is not None:
        period = _period(d.text)
        return Criterion(
            "pass",
            f"A routine each {period}, bounded by its period: each {period} it is done or not "
            f"(“{d.text.strip()}”).",
            f"Say from when it runs and until when, e.g. 'from {_fmt(r.today)} {example}'.",
        )
    if d.kind == "recurring":
        return Criterion(
            "fail",
            f"“{d.text.strip()}” says how often, not by when.",
            f"Add by when the rate should be reached, e.g. '… a month {example}'.",
        )
    if d.kind == "event":
        return Criterion(
            "pass",
            f"Due at “{d.text.strip()}”.",
            "Put the event's date in the deadline field so it shows on the board.",
        )
    assert d.date is not None
    if d.date < r.today:
        return Criterion(
            "pass",
            f"Due {_shown(d)}.",
            f"Choose a date ahead, e.g. '{example}', or say why the record keeps the old one.",
            warning=f"The deadline {_fmt(d.date)} is before the workshop ({_fmt(r.today)}).",
        )
    return Criterion("pass", f"Due {_shown(d)}.")


def _fast(
    goal: Goal, r: _Reading, measurable: Criterion, other_team: str, other_key: str
) -> dict[str, Criterion]:
    cadence = goal.review_cadence.strip()
    review = REVIEW_WORDS.search(r.plain)
    frequent = (
        Criterion("pass", f"Reviewed {cadence}.")
        if cadence
        else Criterion("pass", f"Reviewed {review.group('how')}.")
        if review
        else Criterion(
            "fail", "No review cadence.", "Set how often it is discussed, e.g. monthly at the SLA review."
        )
    )
    change = _change(goal, r)
    if change is None:
        ambitious = Criterion(
            "unknown", "No baseline and target to judge the stretch.", "Add today's figure and the target."
        )
    elif change[0] - 1 >= STRETCH:
        ambitious = Criterion("pass", f"A real stretch over the baseline ({(change[0] - 1) * 100:.0f}%).")
    else:
        ambitious = Criterion(
            "fail",
            f"Only {(change[0] - 1) * 100:.1f}% over the baseline.",
            "Stretch it: aim for at least 5% more.",
        )
    milestones = goal.milestones.strip() or len([q for q in r.quantities if q.kind != "multiplier"]) >= 3
    if measurable.status != "pass":
        specific = Criterion("fail", "No metric yet.", "Add the metric and target first.")
    elif milestones:
        specific = Criterion("pass", "Metric and milestones.")
    else:
        specific = Criterion(
            "fail", "A metric but no milestones.", "Add checkpoints, e.g. 'one third by the end of month 1'."
        )
    shared = {s.strip() for s in goal.shared_with.split(",") if s.strip()}
    if goal.team == "joint" or other_key in shared or "company" in shared:
        transparent = Criterion(
            "pass", "Shared with " + (other_team if other_key in shared else "everyone") + "."
        )
    else:
        transparent = Criterion("fail", f"Not shared with {other_team}.", f"Share it with {other_team}.")
    return {"frequent": frequent, "ambitious": ambitious, "specific": specific, "transparent": transparent}


def check_goal(
    goal: Goal,
    today: date,
    *,
    other_team: str = "the other team",
    other_key: str = "",
    joint_title: str = "",
    owner_required: bool = True,
    fiscal_start_month: int = 1,
) -> GoalCheck:
    """Check ``goal`` as of ``today`` (the workshop's date): SMART and FAST findings.

    ``other_team`` names the team that judges attainability (and whose key,
    ``other_key``, counts as "shared" for FAST transparency); ``joint_title``
    is the title of the joint goal it serves, for the reason text.
    """
    r = read_goal(goal, today, fiscal_start_month)
    measurable = _measurable(goal, r)
    smart = {
        "specific": _specific(goal, r, owner_required),
        "measurable": measurable,
        "attainable": _attainable(goal, r, other_team),
        "relevant": _relevant(goal, r, joint_title),
        "time_bound": _time_bound(r),
    }
    deadline = (
        r.deadline.date if r.deadline and r.deadline.date and smart["time_bound"].status == "pass" else None
    )
    return GoalCheck(
        text=goal.statement,
        deadline=deadline,
        deadline_text=r.deadline.text.strip() if r.deadline else "",
        metric=r.metric,
        smart=smart,
        fast=_fast(goal, r, measurable, other_team, other_key),
    )


def check_statement(text: str, today: date, fiscal_start_month: int = 1) -> GoalCheck:
    """Check a goal statement alone (``check-goal``): the owner is not asked for."""
    return check_goal(
        replace(Goal(), statement=text), today, owner_required=False, fiscal_start_month=fiscal_start_month
    )


def resolve_deadline(text: str, today: date, fiscal_start_month: int = 1) -> date | None:
    """The date a typed deadline means ("end of Q3", "within 90 days"), or None."""
    found = main_deadline(find_deadlines(text, today, fiscal_start_month))
    return found.date if found else None


WARM_UP_STATEMENTS = (
    "Raise the lead-to-MQL rate from 12% to 17% by the end of Q3, reviewed monthly with sales",
    "All reps will complete the product certification by 30 June and book 20 meetings a week",
    "Be the number one consultant in my niche before the launch",
)


def warm_up(today: date = date(2026, 1, 1)) -> None:
    """Check a few statements once, so that the first goal a user sees is checked at full speed.

    The checker's patterns are compiled when its modules are imported and, for some, on their
    first use: together about 35 ms that the app spends in the background after its first page
    is up (``ui.app.warm_up``), not on the first visit to the Goals page.
    """
    for text in WARM_UP_STATEMENTS:
        check_statement(text, today)
