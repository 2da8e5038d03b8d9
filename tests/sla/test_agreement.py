"""The SLA's clauses, blanks, warnings and fingerprint, as the facilitator meets them."""

from __future__ import annotations

import dataclasses
import json
from datetime import date

from workshop.demo.content import blank_content, demo_content
from workshop.model import SlaClause
from workshop.sla import agreement as sla

TODAY = date(2027, 6, 1)


def test_every_template_becomes_a_clause_with_its_numbers_filled() -> None:
    content = demo_content(TODAY)
    texts = {c.key: sla.render(c, content) for c in content.sla_clauses}
    assert set(texts) == {t.key for t in sla.templates()}
    assert "at least 183 marketing-qualified leads" in texts["marketing_commitment"]  # from the funnel
    assert "approved MQL definition, version 2" in texts["marketing_commitment"]
    assert "within 24 business hours" in texts["sales_commitment"]
    assert "Dana Whitfield" in texts["signatories"] and "Claire Dubois" in texts["signatories"]
    assert "2027-06-01 to 2028-05-31" in texts["term"]  # the month after the offsite (10-11 May)
    assert not any("{" in t for t in texts.values())


def test_numbers_from_missing_stages_say_not_agreed_yet() -> None:
    content = blank_content(TODAY)
    clause = next(c for c in content.sla_clauses if c.key == "marketing_commitment")
    text = sla.render(clause, content)
    assert "[not agreed yet: MQLs per month]" in text
    assert "[not agreed yet: MQL definition version]" in text
    warnings = " ".join(w.text for w in sla.warnings(content))
    assert "MQLs per month is missing" in warnings
    assert "Sales has no signatory" in warnings and "Marketing has no signatory" in warnings


def test_numbers_come_from_the_funnel_and_the_approved_mql_definition() -> None:
    content = demo_content(TODAY)
    texts = " ".join(sla.render(c, content) for c in content.sla_clauses)
    assert "at least 183 marketing-qualified leads (MQLs) per month" in texts
    assert "version 2" in texts
    assert not any("typed by hand" in w.text for w in sla.warnings(content))


def test_a_number_typed_by_hand_is_flagged_until_its_stage_agrees_it() -> None:
    content = demo_content(TODAY)
    content.funnel = [dataclasses.replace(content.funnel[0], deal_size="")]  # the funnel has an error
    clause = next(c for c in content.sla_clauses if "mqls_per_month" in c.wording)
    typed = dataclasses.replace(clause, parameters=json.dumps({"mqls_per_month": "250"}))
    content.sla_clauses = [typed if c.id == clause.id else c for c in content.sla_clauses]
    warnings = [w.text for w in sla.warnings(content)]
    assert any("MQLs per month = 250 is typed by hand" in w for w in warnings)


def test_draft_goals_and_an_unapproved_definition_are_warned() -> None:
    content = demo_content(TODAY)
    warnings = " ".join(w.text for w in sla.warnings(content))
    assert "still a draft" in warnings
    state = content.mql[0]
    content.mql = [dataclasses.replace(state, sales_approver="", sales_approved_at="")]
    assert "not approved by both teams" in " ".join(w.text for w in sla.warnings(content))


def test_a_clause_the_facilitator_writes_has_its_own_blanks() -> None:
    content = demo_content(TODAY)
    clause = SlaClause(id=99, heading="Events", wording="Marketing runs {events} events a year.")
    assert sla.render(clause, content) == "Marketing runs [not agreed yet: Events] events a year."
    typed = dataclasses.replace(clause, parameters=json.dumps({"events": "4"}))
    assert sla.render(typed, content) == "Marketing runs 4 events a year."


def test_damaged_parameters_and_wrong_numbers_do_not_crash() -> None:
    content = demo_content(TODAY)
    clause = dataclasses.replace(content.sla_clauses[2], parameters="{not json")
    assert "within 24 business hours" not in sla.render(clause, content)
    bad = dataclasses.replace(content.sla_clauses[2], parameters=json.dumps({"attempts": "six"}))
    content.sla_clauses[2] = bad
    assert any("Contact attempts should be a whole number" in w.text for w in sla.warnings(content))


def test_the_fingerprint_changes_with_the_wording_and_only_then() -> None:
    content = demo_content(TODAY)
    before = sla.fingerprint(content)
    assert len(before) == 64
    content.actions.clear()  # not part of the agreement
    assert sla.fingerprint(content) == before
    content.sla_clauses[0] = dataclasses.replace(content.sla_clauses[0], wording="Changed.")
    assert sla.fingerprint(content) != before


def test_the_demo_is_signed_and_an_edit_voids_the_signatures() -> None:
    content = demo_content(TODAY)
    assert sla.fully_signed(content)
    assert [s.role for s in sla.current_signatures(content)] == ["sales", "marketing", "witness"]
    content.sla_clauses[1] = dataclasses.replace(content.sla_clauses[1], heading="Marketing commits")
    assert not sla.fully_signed(content)
    assert len(sla.voided_signatures(content)) == 3
    assert sla.next_to_sign(content) is not None
    assert sla.next_to_sign(content).name == "Dana Whitfield"  # type: ignore[union-attr]
