"""The live run: timing from a monotonic clock, airtime, cues, and recovery after a crash."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fakes import FakeClock
from workshop.document import WorkshopDocument
from workshop.model import MARKETING, SALES, AgendaItem, Participant
from workshop.run.airtime import FACILITATOR, group_totals, person_key, turns
from workshop.run.runner import AgendaRunner, CueKind
from workshop.run_log import RunLog

AGENDA = [
    AgendaItem(id=1, title="Kick-off", minutes=10, owner="joint"),
    AgendaItem(id=2, title="Sales priorities", minutes=20, owner="sales"),
    AgendaItem(id=3, title="Funnel review", minutes=30, owner="joint"),
]
PEOPLE = {1: SALES, 2: MARKETING}


def runner(log: RunLog | None = None, clock: FakeClock | None = None) -> tuple[AgendaRunner, FakeClock]:
    clock = clock or FakeClock()
    return AgendaRunner(log or RunLog([], 0), lambda: AGENDA, lambda: PEOPLE, clock), clock


def where(run: AgendaRunner) -> tuple[int | None, bool]:
    """The current item and whether the clock runs (read afresh, not narrowed by earlier asserts)."""
    return run.item_id, run.running


def test_speaking_time_adds_up_per_team_and_person() -> None:
    run, clock = runner()
    run.toggle()  # start
    run.set_speaker(SALES)
    clock.advance(2)
    run.set_speaker(MARKETING)
    clock.advance(3)
    run.set_speaker(person_key(1))  # a salesperson: counts for Sales
    clock.advance(4)
    run.set_speaker(FACILITATOR)
    clock.advance(1)
    run.set_speaker("")
    clock.advance(5)
    totals = run.group_totals()
    assert totals == {"sales": 6000, "marketing": 3000, "facilitator": 1000, "silence": 5000}
    assert run.speaker_totals()[person_key(1)] == 4000
    assert run.elapsed_ms() == 15000


def test_a_pause_stops_every_clock() -> None:
    run, clock = runner()
    run.toggle()
    run.set_speaker(SALES)
    clock.advance(10)
    run.toggle()  # pause
    clock.advance(600)  # a long coffee break
    assert run.elapsed_ms() == 10000
    assert run.group_totals()["sales"] == 10000
    assert run.speaker == ""  # nobody speaks during a pause
    run.toggle()  # resume
    clock.advance(1)
    assert run.elapsed_ms() == 11000
    assert run.group_totals()["silence"] == 1000


def test_next_previous_extend_and_correct() -> None:
    run, clock = runner()
    run.toggle()
    clock.advance(60)
    run.next_item()
    assert run.item_id == 2
    run.extend(5)
    assert run.remaining_ms() == 25 * 60_000
    run.correct_elapsed(7 * 60_000)  # the timer was started late
    assert run.remaining_ms() == 18 * 60_000
    run.previous_item()
    assert (run.item_id, run.elapsed_ms()) == (1, 60_000)
    run.next_item()
    run.next_item()
    run.next_item()  # past the last item: the agenda is finished
    assert where(run) == (None, False)


def test_countdown_cues_fire_once_at_two_minutes_and_at_zero() -> None:
    run, clock = runner()
    run.toggle()
    seen = []
    for _ in range(11 * 60):  # one tick a second through the 10-minute item and beyond
        clock.advance(1)
        seen += [cue.kind for cue in run.tick()]
    assert seen == [CueKind.TWO_MINUTES, CueKind.TIME_UP]
    assert run.remaining_ms() == -60_000  # overrun counts on


def test_projected_end_follows_the_remaining_plan() -> None:
    now = datetime(2027, 6, 14, 9, 0)
    clock = FakeClock()
    run = AgendaRunner(RunLog([], 0), lambda: AGENDA, lambda: PEOPLE, clock, wall=lambda: now)
    assert run.projected_end() == now + timedelta(minutes=60)
    run.toggle()
    clock.advance(15 * 60)  # 5 minutes into overrun on a 10-minute item
    assert run.projected_end() == now + timedelta(minutes=50)


def test_the_cue_to_rebalance_waits_for_the_set_delay() -> None:
    run, clock = runner()
    run.toggle()  # Kick-off is a joint item: equal airtime expected
    run.set_speaker(MARKETING)
    for _ in range(4 * 60):
        clock.advance(1)
        run.tick(balance_low=45, balance_delay_minutes=3)
    assert run.imbalance_cue()
    assert run.balance(run.item_id).owed == (SALES, 240_000)
    run.set_speaker(SALES)
    clock.advance(200)
    run.tick()
    assert not run.imbalance_cue()


def test_a_wall_clock_jump_changes_nothing(monkeypatch: object) -> None:
    hours = iter([datetime(2027, 3, 28, 1, 59), datetime(2027, 3, 28, 3, 0)])  # daylight saving
    clock = FakeClock()
    run = AgendaRunner(RunLog([], 0), lambda: AGENDA, lambda: PEOPLE, clock, wall=lambda: next(hours))
    run.toggle()
    run.set_speaker(SALES)
    clock.advance(30)
    assert run.group_totals()["sales"] == 30_000


def test_a_crash_while_someone_speaks_loses_at_most_the_last_checkpoint(demo_file: Path) -> None:
    doc = WorkshopDocument.open(demo_file)
    clock = FakeClock()
    people = {p.id: p.team for p in doc.typed(Participant)}
    run = AgendaRunner(doc.run_log, lambda: doc.typed(AgendaItem), lambda: people, clock)
    run.toggle()
    run.next_item()
    run.set_speaker(MARKETING)
    for _ in range(200):  # 100 s of Marketing, the UI ticking twice a second
        clock.advance(0.5)
        run.tick()
    clock.advance(0.4)  # and then the power goes, between two ticks
    doc._conn = None  # what a kill -9 leaves: no close, no last write, and the OS drops the lock
    assert doc._lock is not None
    doc._lock.release()
    reopened = WorkshopDocument.open(demo_file.parent / demo_file.name)
    after = AgendaRunner(reopened.run_log, lambda: reopened.typed(AgendaItem), lambda: people, FakeClock())
    assert after.interrupted and not after.running
    assert after.item_id == doc.typed(AgendaItem)[1].id
    assert 99_500 <= after.group_totals()["marketing"] <= 100_400
    reopened.close()


events = st.lists(
    st.tuples(
        st.sampled_from(["speaker", "speaker", "speaker", "toggle", "next", "previous", "extend", "correct"]),
        st.sampled_from([SALES, MARKETING, FACILITATOR, "", person_key(1), person_key(2)]),
        st.floats(min_value=0, max_value=3.0),
    ),
    min_size=1,
    max_size=400,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(events)
def test_team_sums_equal_running_time_and_the_log_replays_the_same(
    actions: list[tuple[str, str, float]],
) -> None:
    run, clock = runner()
    run.toggle()
    running_ms = 0.0
    for action, speaker, seconds in actions:
        before = run.now_ms()
        clock.advance(seconds)
        running_ms += run.now_ms() - before
        if action == "speaker":
            run.set_speaker(speaker)
        elif action == "toggle":
            run.toggle()
        elif action == "next":
            run.next_item()
        elif action == "previous":
            run.previous_item()
        elif action == "extend":
            run.extend(1)
        else:
            run.correct_elapsed(int(seconds * 1000))
    totals = run.group_totals()
    assert abs(sum(totals.values()) - run.now_ms()) <= 1
    assert abs(run.now_ms() - running_ms) <= len(actions)  # ms truncation at most 1 per step
    replayed = AgendaRunner(
        RunLog(list(run.log.events), run.log.checkpoint_ms), lambda: AGENDA, lambda: PEOPLE, FakeClock()
    )
    if not run.running:
        assert replayed.group_totals() == totals
        per_turn = group_totals(
            {s: sum(t.end_ms - t.start_ms for t in turns(run.log.events) if t.speaker == s) for s in totals},
            PEOPLE,
        )
        assert sum(per_turn.values()) <= sum(totals.values())


def test_an_eight_hour_day_with_20000_speaker_changes() -> None:
    import random

    rng = random.Random(7)
    run, clock = runner()
    run.toggle()
    speakers = [SALES, MARKETING, FACILITATOR, "", person_key(1), person_key(2)]
    for step in range(20_000):
        clock.advance(rng.uniform(0.1, 2.78))  # about 8 hours in all
        if step % 997 == 0:
            run.toggle()  # pauses and resumes
        elif step % 2003 == 0:
            run.next_item() if run.item_id != AGENDA[-1].id else run.previous_item()
        else:
            run.set_speaker(rng.choice(speakers))
    run.pause()
    totals = run.group_totals()
    assert abs(sum(totals.values()) - run.now_ms()) <= 1
    replayed = AgendaRunner(
        RunLog(list(run.log.events), run.log.checkpoint_ms), lambda: AGENDA, lambda: PEOPLE, FakeClock()
    )
    assert replayed.group_totals() == totals
    from_turns = dict.fromkeys(totals, 0)
    for turn in turns(run.log.events):
        group = group_totals({turn.speaker: turn.end_ms - turn.start_ms}, PEOPLE)
        for key, ms in group.items():
            from_turns[key] += ms
    assert from_turns == totals


def test_group_totals_asked_again_follow_every_change() -> None:
    people = dict(PEOPLE)
    clock = FakeClock()
    run = AgendaRunner(RunLog([], 0), lambda: AGENDA, lambda: dict(people), clock)
    run.toggle()
    run.set_speaker(person_key(1))
    clock.advance(2)
    assert run.group_totals()[SALES] == 2000
    assert run.group_totals()[SALES] == 2000  # asked twice at one moment: the same
    run.group_totals()[SALES] = 0  # a caller's copy: changing it changes nothing
    assert run.group_totals()[SALES] == 2000
    clock.advance(1)  # the running time moves on
    assert run.group_totals()[SALES] == 3000
    people[1] = MARKETING  # the person changed team
    assert run.group_totals()[SALES] == 0 and run.group_totals()[MARKETING] == 3000
    run.pause()
    run.correct_elapsed(0)  # an event, though the clock stands still
    assert run.group_totals(1)[MARKETING] == 3000


@given(
    st.dictionaries(
        st.one_of(
            st.sampled_from(
                [SALES, MARKETING, FACILITATOR, "", "silence", "p:1", "p:2", "p:9", "p:x", "p:٣"]
            ),
            st.text(max_size=4),
        ),
        st.integers(0, 10**9),
    ),
    st.dictionaries(st.integers(0, 9), st.sampled_from([SALES, MARKETING, "joint", ""])),
)
def test_group_totals_count_each_speaker_for_the_group_it_belongs_to(
    by_speaker: dict[str, int], people: dict[int, str]
) -> None:
    from workshop.run.airtime import group_of

    expected = {SALES: 0, MARKETING: 0, FACILITATOR: 0, "silence": 0}
    for speaker, ms in by_speaker.items():
        expected[group_of(speaker, people)] += ms
    assert group_totals(by_speaker, people) == expected


def test_group_totals_while_running_equal_summing_the_speakers_up_to_now() -> None:
    clock = FakeClock()
    run = AgendaRunner(RunLog([], 0), lambda: AGENDA, lambda: PEOPLE, clock)
    run.toggle()
    for speaker in (person_key(1), SALES, person_key(2), FACILITATOR, person_key(1)):
        run.set_speaker(speaker)
        clock.advance(1.5)
        for item in (None, run.item_id, 3):
            assert run.group_totals(item) == group_totals(run.speaker_totals(item), PEOPLE)
