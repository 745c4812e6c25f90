"""Property-based checks that what we say about opening times is self-consistent: if we say
"closed, opens at o", the service really is closed until o and open at o, for any timetable,
bank-holiday rule, nation and moment (clock-change nights included)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import example, given, settings
from hypothesis import strategies as st

from actions.directory import LONDON, Service
from actions.directory.hours import DAYS, SUBDIVISIONS, parse_hours


def hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


# Ranges on 15-minute steps plus any minute, so they meet, overlap and straddle midnight.
minutes = st.integers(0, 95).map(lambda q: q * 15) | st.integers(0, 1439)
ranges = st.tuples(minutes, minutes | st.just(1440)).filter(lambda r: r[0] != r[1])
weekly = st.dictionaries(
    st.sampled_from(DAYS),
    st.lists(ranges.map(lambda r: f"{hhmm(r[0])}-{hhmm(r[1])}"), min_size=1, max_size=3),
    min_size=1,
)
hours = weekly | st.sampled_from(["always", "unknown"])
moments = st.datetimes(datetime(2025, 1, 1), datetime(2030, 12, 31), timezones=st.just(UTC))


def make(hours_value: object, bank_holidays_closed: bool, subdivision: str) -> Service:
    parsed = parse_hours(hours_value)
    return Service(
        id="s",
        name="S",
        purpose="p",
        contact={"phone": "1"},
        tags=(),
        hours=parsed,
        closed_on_bank_holidays=bank_holidays_closed and parsed.kind == "weekly",
        source="test",
        last_checked=date(2026, 11, 21),
        subdivision=subdivision,
    )


SPRING_FORWARD = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)
FALL_BACK = datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


@settings(max_examples=300, deadline=None)
@given(
    hours_value=hours,
    bank_holidays_closed=st.booleans(),
    subdivision=st.sampled_from(SUBDIVISIONS),
    when=moments,
    fractions=st.lists(st.floats(0, 1, exclude_max=True), max_size=5),
)
@example({"sun": ["01:00-03:00"]}, False, "ENG", SPRING_FORWARD, [0.5])
@example({"sun": ["01:30-02:30"], "sat": ["20:00-01:30"]}, False, "ENG", SPRING_FORWARD, [])
@example({"sun": ["01:00-03:00"]}, False, "ENG", FALL_BACK, [0.5])
@example({"fri": ["20:00-08:00"]}, True, "ENG", datetime(2026, 12, 25, 21, tzinfo=UTC), [])
def test_open_and_opens_next_agree(
    hours_value: object,
    bank_holidays_closed: bool,
    subdivision: str,
    when: datetime,
    fractions: list[float],
) -> None:
    service = make(hours_value, bank_holidays_closed, subdivision)
    now = service.status_at(when)

    def is_open(moment: datetime) -> bool | None:
        return service.status_at(moment).open

    if service.hours.kind == "unknown":
        assert (now.open, now.opens_next, now.closes_at) == (None, None, None)
        return
    if now.open:
        assert now.opens_next is None
        if now.closes_at is None:
            assert service.hours.kind == "always"
            return
        # Open from now until closes_at, closed at closes_at. (Arithmetic in UTC: London
        # wall-clock arithmetic would step into the clock-change gap.)
        closes = now.closes_at.astimezone(UTC)
        span = closes - when
        assert span > timedelta(0)
        for f in [0.0, *fractions]:
            assert is_open(when + timedelta(seconds=int(span.total_seconds() * f))) is True
        assert is_open(closes - timedelta(seconds=1)) is True
        assert is_open(closes) is False
    else:
        assert now.open is False and now.closes_at is None
        assert now.opens_next is not None  # the horizon covers every real gap
        assert now.opens_next.tzinfo is LONDON
        # Closed from now until opens_next, open at opens_next.
        opens = now.opens_next.astimezone(UTC)
        span = opens - when
        assert span > timedelta(0)
        for f in [0.0, *fractions]:
            assert is_open(when + timedelta(seconds=int(span.total_seconds() * f))) is False
        assert is_open(opens - timedelta(seconds=1)) is False
        assert is_open(opens) is True


@settings(max_examples=100, deadline=None)
@given(hours_value=weekly, subdivision=st.sampled_from(SUBDIVISIONS), when=moments)
def test_same_moment_in_any_zone_gives_same_answer(
    hours_value: object, subdivision: str, when: datetime
) -> None:
    service = make(hours_value, True, subdivision)
    in_utc, in_london = service.status_at(when), service.status_at(when.astimezone(LONDON))
    assert (in_utc.open, in_utc.opens_next, in_utc.closes_at) == (
        in_london.open,
        in_london.opens_next,
        in_london.closes_at,
    )
