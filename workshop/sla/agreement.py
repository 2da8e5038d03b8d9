"""The service level agreement: clauses from templates, their blanks, warnings, fingerprint.

A clause is wording with ``{blanks}``; each blank is a parameter. A parameter may
have a *source*, another stage of the workshop that owns the number (the funnel
owns MQLs per month, the Leads & MQL stage the approved definition version).
A value the facilitator types wins; an empty one is taken from the source; when
neither exists the clause prints "[not agreed yet: …]" and the SLA page warns.

Sources are plug-ins: :data:`SOURCES` maps a source name to a function of the
workshop content, so a stage that lands later adds its function there.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from workshop.model import MARKETING, SALES, Participant, SlaClause, SlaSignature, WorkshopContent, team_name
from workshop.resources import resource_path

WITNESS = "witness"
ROLES = (SALES, MARKETING, WITNESS)
_BLANK = re.compile(r"\{(\w+)\}")

Source = Callable[[WorkshopContent], str | None]


@dataclass(frozen=True)
class ParameterSpec:
    """A blank of a clause template: its label, kind, default and source."""

    name: str
    label: str
    kind: str = "text"  # text, int or date
    default: str = ""
    source: str = ""


@dataclass(frozen=True)
class ClauseTemplate:
    key: str
    heading: str
    wording: str
    parameters: tuple[ParameterSpec, ...]


@dataclass(frozen=True)
class Blank:
    """One blank of a clause as it stands: what prints, and where it came from."""

    spec: ParameterSpec
    typed: str
    source_value: str | None

    @property
    def value(self) -> str:
        return self.typed.strip() or (self.source_value or "").strip()

    @property
    def missing(self) -> bool:
        return not self.value


@dataclass(frozen=True)
class Signatory:
    role: str  # sales, marketing or witness
    name: str
    title: str
    team_name: str


@dataclass(frozen=True)
class SlaWarning:
    """Something the SLA refers to that is missing or not agreed; ``clause_id`` 0 = the whole SLA."""

    text: str
    clause_id: int = 0
    fact: str = ""  # the same point as a document states it, without instructions to the app's user

    @property
    def for_document(self) -> str:
        """What a document meant for signing says: the fact, never what to do in the app."""
        return self.fact or self.text


# -- templates ------------------------------------------------------------------------------


@cache
def templates() -> tuple[ClauseTemplate, ...]:
    """The clause templates shipped in ``resources/templates/sla/clauses.json``."""
    data = json.loads(resource_path("templates", "sla", "clauses.json").read_text(encoding="utf-8"))
    return tuple(
        ClauseTemplate(
            key=c["key"],
            heading=c["heading"],
            wording=c["wording"],
            parameters=tuple(ParameterSpec(**p) for p in c.get("parameters", [])),
        )
        for c in data["clauses"]
    )


def template(key: str) -> ClauseTemplate | None:
    return next((t for t in templates() if t.key == key), None)


def clauses_from_templates(values: dict[str, str] | None = None) -> list[SlaClause]:
    """New clauses, one per template, with each blank's default (or ``values``) typed in."""
    values = values or {}
    return [
        SlaClause(
            key=t.key,
            heading=t.heading,
            wording=t.wording,
            parameters=json.dumps(
                {p.name: values.get(p.name, p.default) for p in t.parameters if not p.source}
                | {p.name: values[p.name] for p in t.parameters if p.source and p.name in values},
                ensure_ascii=False,
            ),
        )
        for t in templates()
    ]


# -- sources --------------------------------------------------------------------------------


def signatory_of(content: WorkshopContent, team: str) -> Participant | None:
    return next((p for p in content.participants if p.team == team and p.signatory and p.name.strip()), None)


def _term(content: WorkshopContent, months: int) -> str | None:
    try:
        end = date.fromisoformat(content.info.end_date or content.info.start_date)
    except ValueError:
        return None
    start = (end.replace(day=1) + timedelta(days=32)).replace(day=1)  # first day of next month
    if months == 0:
        return start.isoformat()
    year, month = divmod(start.month - 1 + months, 12)
    return (start.replace(year=start.year + year, month=month + 1) - timedelta(days=1)).isoformat()


def _name(p: Participant | None) -> str | None:
    return p.name.strip() if p else None


def _mqls_per_month(content: WorkshopContent) -> str | None:
    """Marketing's MQLs a month from the reverse funnel; None while its inputs have errors."""
    from workshop.funnel.plan import marketing_mql_quota  # noqa: PLC0415

    quota = marketing_mql_quota(content)
    return None if quota is None else f"{quota:,}"


def _approved_version(content: WorkshopContent) -> str | None:
    """The MQL definition's version when both teams have approved it, else None."""
    from workshop.leads.state import fully_approved  # noqa: PLC0415

    if content.mql and fully_approved(content.mql[0]):
        return str(content.mql[0].version)
    return None


SOURCES: dict[str, Source] = {
    "setup.company": lambda c: c.info.company.strip() or None,
    "setup.sales_team": lambda c: team_name(c.teams, SALES),
    "setup.marketing_team": lambda c: team_name(c.teams, MARKETING),
    "setup.sales_signatory": lambda c: _name(signatory_of(c, SALES)),
    "setup.marketing_signatory": lambda c: _name(signatory_of(c, MARKETING)),
    "setup.facilitator": lambda c: c.info.facilitator.strip() or None,
    "setup.term_start": lambda c: _term(c, 0),
    "setup.term_end": lambda c: _term(c, 12),
    "funnel.mqls_per_month": _mqls_per_month,
    "mql.definition_version": _approved_version,
}

SOURCE_NAMES = {
    "setup": "Setup",
    "funnel": "the Funnel stage",
    "mql": "the Leads & MQL stage (an approved MQL definition)",
}


def _stage_warnings(content: WorkshopContent) -> list[SlaWarning]:
    """What the other stages have not settled: draft goals, an MQL definition not approved."""
    from workshop.leads.state import fully_approved  # noqa: PLC0415

    result = []
    drafts = [g for g in content.goals if g.status != "agreed"]
    if drafts:
        result.append(
            SlaWarning(
                f"{len(drafts)} goal{'s are' if len(drafts) != 1 else ' is'} still a draft: agree or remove "
                "them on the Goals page (only agreed goals go into the SLA).",
                fact=f"{len(drafts)} goal{'s are' if len(drafts) != 1 else ' is'} still a draft and not part "
                "of this agreement.",
            )
        )
    if content.mql and not fully_approved(content.mql[0]):
        result.append(
            SlaWarning(
                "The MQL definition is not approved by both teams yet (Leads & MQL page).",
                fact="The MQL definition is not approved by both teams yet.",
            )
        )
    return result


def source_value(content: WorkshopContent, source: str) -> str | None:
    func = SOURCES.get(source)
    return func(content) if func else None


# -- clauses as they stand ------------------------------------------------------------------


def typed_values(clause: SlaClause) -> dict[str, str]:
    """The clause's typed values; a damaged JSON text counts as nothing typed."""
    try:
        data: Any = json.loads(clause.parameters or "{}")
    except ValueError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def blank_names(wording: str) -> list[str]:
    return list(dict.fromkeys(_BLANK.findall(wording)))


def blanks(clause: SlaClause, content: WorkshopContent) -> list[Blank]:
    """Every blank in the clause's wording, in order of first use."""
    found = template(clause.key)
    specs = {p.name: p for p in (found.parameters if found else ())}
    typed = typed_values(clause)
    result = []
    for name in blank_names(clause.wording):
        spec = specs.get(name) or ParameterSpec(name=name, label=name.replace("_", " ").capitalize())
        source = source_value(content, spec.source) if spec.source else None
        result.append(Blank(spec=spec, typed=typed.get(name, ""), source_value=source))
    return result


def _placeholder(label: str) -> str:
    return f"[not agreed yet: {label}]"


def render(clause: SlaClause, content: WorkshopContent) -> str:
    """The clause's text with its blanks filled; a missing value shows as not agreed yet."""
    by_name = {b.spec.name: b for b in blanks(clause, content)}

    def fill(match: re.Match[str]) -> str:
        blank = by_name[match.group(1)]
        return blank.value or _placeholder(blank.spec.label)

    return _BLANK.sub(fill, clause.wording)


def warnings(content: WorkshopContent) -> list[SlaWarning]:
    """What the SLA refers to that is missing or not agreed, in clause order."""
    result: list[SlaWarning] = []
    if not content.sla_clauses:
        result.append(
            SlaWarning(
                "The SLA has no clauses yet: add them from the templates.", fact="The SLA has no clauses."
            )
        )
    for role, label in (
        (SALES, team_name(content.teams, SALES)),
        (MARKETING, team_name(content.teams, MARKETING)),
    ):
        if signatory_of(content, role) is None:
            result.append(
                SlaWarning(
                    f"{label} has no signatory: mark one participant as signatory in Setup.",
                    fact=f"{label} has no signatory named.",
                )
            )
    if not content.info.facilitator.strip():
        result.append(
            SlaWarning(
                "No facilitator named in Setup: the witness cannot sign.",
                fact="No facilitator is named to witness the signatures.",
            )
        )
    for clause in content.sla_clauses:
        heading = clause.heading.strip() or "Untitled clause"
        if not clause.wording.strip():
            result.append(SlaWarning(f"“{heading}” has no wording.", clause.id))
        for blank in blanks(clause, content):
            spec = blank.spec
            stage = SOURCE_NAMES.get(spec.source.split(".")[0], "") if spec.source else ""
            if blank.missing:
                where = f" There is nothing from {stage} yet." if stage else ""
                result.append(
                    SlaWarning(f"“{heading}”: {spec.label} is missing (not agreed yet).{where}", clause.id)
                )
            elif spec.source and blank.source_value is None and not spec.source.startswith("setup."):
                result.append(
                    SlaWarning(
                        f"“{heading}”: {spec.label} = {blank.value} is typed by hand; "
                        f"it is not agreed in {stage} yet.",
                        clause.id,
                    )
                )
            elif spec.kind == "int" and not _is_count(blank.value):
                result.append(SlaWarning(f"“{heading}”: {spec.label} should be a whole number.", clause.id))
    result.extend(_stage_warnings(content))
    return result


def _is_count(text: str) -> bool:
    return text.replace(",", "").strip().isdigit()


# -- signatories and fingerprint ------------------------------------------------------------


def signatories(content: WorkshopContent) -> list[Signatory]:
    """Who signs, in signing order: the sales lead, the marketing lead, the facilitator as witness."""
    result = []
    for role in (SALES, MARKETING):
        person = signatory_of(content, role)
        if person:
            result.append(
                Signatory(role, person.name.strip(), person.title.strip(), team_name(content.teams, role))
            )
    if content.info.facilitator.strip():
        result.append(Signatory(WITNESS, content.info.facilitator.strip(), "Facilitator (witness)", ""))
    return result


def canonical_form(content: WorkshopContent) -> bytes:
    """The SLA's content as canonical JSON (sorted keys, NFC text, UTF-8): what is signed."""
    data = {
        "workshop": content.info.uid,
        "company": content.info.company.strip(),
        "title": content.info.title.strip(),
        "clauses": [{"heading": c.heading.strip(), "text": render(c, content)} for c in content.sla_clauses],
        "signatories": [{"role": s.role, "name": s.name, "title": s.title} for s in signatories(content)],
    }
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return unicodedata.normalize("NFC", text).encode("utf-8")


def fingerprint(content: WorkshopContent) -> str:
    """The SHA-256 of the SLA's canonical form, as 64 hex digits."""
    return hashlib.sha256(canonical_form(content)).hexdigest()


def current_signatures(content: WorkshopContent) -> list[SlaSignature]:
    """The signatures made on the SLA as it stands now, in signing order."""
    sha = fingerprint(content)
    order = {s.role: i for i, s in enumerate(signatories(content))}
    valid = [s for s in content.sla_signatures if s.sla_sha256 == sha and s.role in order]
    latest = {s.role: s for s in valid}
    return sorted(latest.values(), key=lambda s: order[s.role])


def voided_signatures(content: WorkshopContent) -> list[SlaSignature]:
    """Signatures made on an earlier version of the SLA: void since it was edited."""
    sha = fingerprint(content)
    return [s for s in content.sla_signatures if s.sla_sha256 != sha]


def fully_signed(content: WorkshopContent) -> bool:
    people = signatories(content)
    return len(people) == 3 and len(current_signatures(content)) == len(people)


def next_to_sign(content: WorkshopContent) -> Signatory | None:
    done = {s.role for s in current_signatures(content)}
    return next((s for s in signatories(content) if s.role not in done), None)


def short_fingerprint(sha: str) -> str:
    """The fingerprint in groups of four, the first 16 digits: easy to read aloud and compare."""
    return " ".join(sha[i : i + 4] for i in range(0, 16, 4))
