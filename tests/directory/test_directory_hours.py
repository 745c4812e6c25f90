"""Opening hours as a user would notice them: weekdays, overnight lines, bank holidays,
clock changes. Times are London time unless an offset is given."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from actions.directory import LONDON, ServiceStatus, load_directory, parse_when
from actions.directory.hours import bank_holidays


def status(service_id: str, when: str, institution: str = "kent") -> ServiceStatus:
    return load_directory(institution).get(service_id).status_at(parse_when(when))


def london(text: str) -> datetime:
    return parse_when(text)


# --- The bank-holiday calendar the package gives us -----------------------------------


def test_boxing_day_2026_is_saturday_and_monday_28_is_the_substitute() -> None:
    eng = bank_holidays("ENG")
    assert date(2026, 12, 26).weekday() == 5
    assert date(2026, 12, 25) in eng and date(2026, 12, 26) in eng
    assert date(2026, 12, 28) in eng
    assert date(2026, 12, 29) not in eng


def test_subdivisions_differ() -> None:
    easter_monday, second_january = date(2026, 4, 6), date(2026, 1, 2)
    assert easter_monday in bank_holidays("ENG") and easter_monday not in bank_holidays("SCT")
    assert second_january in bank_holidays("SCT") and second_january not in bank_holidays("ENG")
    assert bank_holidays("WLS").get(easter_monday) == bank_holidays("ENG").get(easter_monday)


# --- Ordinary weeks -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "is_open", "next_or_close"),
    [
        ("2026-11-23T09:29", False, "2026-11-23T09:30"),  # Monday, just before opening
        ("2026-11-23T09:30", True, "2026-11-23T16:00"),
        ("2026-11-23T16:00", False, "2026-11-24T09:30"),  # closing time is closed
        ("2026-11-25T10:00", False, "2026-11-25T13:00"),  # Wednesday: afternoon only
        ("2026-11-25T13:00", True, "2026-11-25T16:00"),
        ("2026-11-27T16:30", False, "2026-11-30T09:30"),  # Friday evening: back Monday
        ("2026-11-28T12:00", False, "2026-11-30T09:30"),  # Saturday
    ],
)
def test_national_stalking_helpline(when: str, is_open: bool, next_or_close: str) -> None:
    result = status("national_stalking_helpline", when)
    assert result.open is is_open
    assert (result.closes_at if is_open else result.opens_next) == london(next_or_close)
    assert (result.opens_next if is_open else result.closes_at) is None


def test_paladin_is_open_later_on_wednesday_only() -> None:
    assert status("paladin", "2026-11-25T16:30").closes_at == london("2026-11-25T17:00")
    assert status("paladin", "2026-11-26T16:30").opens_next == london("2026-11-27T09:00")
    assert status("paladin", "2026-11-25T09:30").opens_next == london("2026-11-25T10:00")


def test_qwell_weekday_and_weekend_hours() -> None:
    saturday = status("qwell", "2026-11-28T13:00", "leicester")
    assert saturday.open is False and saturday.opens_next == london("2026-11-28T18:00")
    assert status("qwell", "2026-11-30T13:00", "leicester").closes_at == london("2026-11-30T22:00")


# --- Overnight ranges (Kent Nightline: 20:00-08:00 Mon, Wed, Fri, Sat, Sun nights) ----


@pytest.mark.parametrize(
    ("when", "is_open"),
    [
        ("2026-11-23T19:59", False),
        ("2026-11-23T23:00", True),  # Monday night
        ("2026-11-24T02:00", True),  # still Monday night's session
        ("2026-11-24T08:00", False),
        ("2026-11-24T23:00", False),  # Tuesday night: no session
        ("2026-11-26T07:59", True),  # Wednesday night's session, Thursday morning
        ("2026-11-26T23:00", False),  # Thursday night
        ("2026-11-29T12:00", False),  # Sunday daytime between two nights
        ("2026-11-30T07:00", True),  # Sunday night's session, Monday morning
    ],
)
def test_nightline(when: str, is_open: bool) -> None:
    assert status("nightline", when).open is is_open


def test_nightline_closing_and_next_opening() -> None:
    assert status("nightline", "2026-11-23T23:00").closes_at == london("2026-11-24T08:00")
    assert status("nightline", "2026-11-24T23:00").opens_next == london("2026-11-25T20:00")
    assert status("nightline", "2026-11-29T12:00").opens_next == london("2026-11-29T20:00")


# --- Bank holidays --------------------------------------------------------------------


def test_helpline_over_christmas_2026() -> None:
    assert status("national_stalking_helpline", "2026-12-24T10:00").open is True
    christmas = status("national_stalking_helpline", "2026-12-25T10:00")
    assert christmas.open is False
    # Sat 26 and Sun 27 are weekend, Mon 28 is the Boxing Day substitute: back Tuesday
    assert christmas.opens_next == london("2026-12-29T09:30")
    assert status("national_stalking_helpline", "2026-12-28T10:00").open is False


def test_overnight_session_is_keyed_to_the_day_it_starts() -> None:
    # Friday 25th (Christmas) and Saturday 26th (Boxing Day) nights do not run ...
    christmas_night = status("nightline", "2026-12-25T23:00")
    assert christmas_night.open is False
    assert christmas_night.opens_next == london("2026-12-27T20:00")
    # ... Sunday 27th's does, into the bank holiday Monday; Monday 28th's does not.
    assert status("nightline", "2026-12-28T02:00").open is True
    assert status("nightline", "2026-12-28T23:00").open is False


def test_services_open_every_day_ignore_bank_holidays() -> None:
    assert status("qwell", "2026-12-25T19:00", "leicester").open is True
    assert status("samaritans", "2026-12-25T03:00").open is True


def test_scottish_institution_uses_scottish_bank_holidays(content, service) -> None:
    weekdays = {day: ["09:00-17:00"] for day in ("mon", "tue", "wed", "thu", "fri")}
    root = content(
        {
            "glasgow": {
                "name": "A Scottish university",
                "subdivision": "SCT",
                "services": [service(id="advice", hours=weekdays)],
            }
        }
    )
    directory = load_directory("glasgow", root)
    advice, helpline = (directory.get("advice"), directory.get("national_stalking_helpline"))
    easter_monday, second_january = (london("2026-04-06T14:00"), london("2026-01-02T14:00"))
    assert advice.status_at(easter_monday).open is True
    assert advice.status_at(second_january).open is False
    assert advice.status_at(second_january).opens_next == london("2026-01-05T09:00")
    # National services keep England's bank holidays wherever the institution is.
    assert helpline.status_at(easter_monday).open is False
    assert helpline.status_at(second_january).open is True


# --- Clock changes (2026: forward on 29 March, back on 25 October) --------------------


def test_overnight_session_across_spring_forward() -> None:
    # Saturday 28 March 20:00 GMT to Sunday 08:00 BST: eleven real hours.
    result = status("nightline", "2026-03-29T07:30")
    assert result.open is True
    assert result.closes_at == datetime(2026, 3, 29, 7, tzinfo=UTC)
    assert result.closes_at.utcoffset() == timedelta(hours=1)
    assert status("nightline", "2026-03-28T20:30").closes_at == result.closes_at


def test_overnight_session_across_fall_back() -> None:
    result = status("nightline", "2026-10-25T07:30")
    assert result.open is True
    assert result.closes_at == datetime(2026, 10, 25, 8, tzinfo=UTC)
    assert status("nightline", "2026-10-24T20:30").closes_at == result.closes_at


def small_hours_directory(content, service, ranges: list[str]):
    root = content(
        {"dst": {"name": "DST", "subdivision": "ENG", "services": [service(hours={"sun": ranges})]}}
    )
    return load_directory("dst", root).get("test_service")


def test_range_in_the_spring_forward_night(content, service) -> None:
    night = small_hours_directory(content, service, ["01:00-03:00"])
    before = night.status_at(datetime(2026, 3, 29, 0, 30, tzinfo=UTC))  # 00:30 GMT
    assert before.open is False
    assert before.opens_next == datetime(2026, 3, 29, 1, tzinfo=UTC)  # 02:00 BST
    during = night.status_at(datetime(2026, 3, 29, 1, 30, tzinfo=UTC))  # 02:30 BST
    assert during.open is True
    assert during.closes_at == london("2026-03-29T03:00")
    assert night.status_at(datetime(2026, 3, 29, 2, 0, tzinfo=UTC)).open is False


def test_times_in_the_skipped_hour_move_one_hour_later(content, service) -> None:
    skipped = small_hours_directory(content, service, ["01:15-01:45"])
    result = skipped.status_at(datetime(2026, 3, 29, 0, 0, tzinfo=UTC))
    assert result.open is False
    assert result.opens_next.astimezone(UTC) == datetime(2026, 3, 29, 1, 15, tzinfo=UTC)
    assert result.opens_next.strftime("%H:%M %Z") == "02:15 BST"


def test_range_that_becomes_empty_does_not_happen_that_night(content, service) -> None:
    emptied = small_hours_directory(content, service, ["01:30-02:30"])  # 02:30 to 02:30 BST
    result = emptied.status_at(datetime(2026, 3, 29, 0, 0, tzinfo=UTC))
    assert result.open is False
    assert result.opens_next == london("2026-04-05T01:30")


def test_range_in_the_fall_back_night_lasts_three_real_hours(content, service) -> None:
    night = small_hours_directory(content, service, ["01:00-03:00"])
    first_one_thirty = night.status_at(datetime(2026, 10, 25, 0, 30, tzinfo=UTC))
    second_one_thirty = night.status_at(datetime(2026, 10, 25, 1, 30, tzinfo=UTC))
    assert first_one_thirty.open is True and second_one_thirty.open is True
    assert first_one_thirty.closes_at == datetime(2026, 10, 25, 3, tzinfo=UTC)
    # A time in the repeated hour never equals one in another zone (PEP 495): convert.
    opens = night.status_at(datetime(2026, 10, 24, 23, 59, tzinfo=UTC)).opens_next
    assert opens.astimezone(UTC) == datetime(2026, 10, 25, 0, tzinfo=UTC)


# --- Time zones of the input ----------------------------------------------------------


def test_utc_input_is_converted_to_london_time() -> None:
    helpline = load_directory().get("national_stalking_helpline")
    # Thursday 2 July 2026: 08:15 UTC is 09:15 BST (closed), 08:45 UTC 09:45 BST (open)
    closed = helpline.status_at(datetime(2026, 7, 2, 8, 15, tzinfo=UTC))
    assert closed.open is False
    assert closed.opens_next == datetime(2026, 7, 2, 8, 30, tzinfo=UTC)
    assert closed.opens_next.tzinfo is LONDON
    assert helpline.status_at(datetime(2026, 7, 2, 8, 45, tzinfo=UTC)).open is True


def test_naive_input_means_london_time() -> None:
    helpline = load_directory().get("national_stalking_helpline")
    assert helpline.status_at(datetime(2026, 7, 2, 9, 45)).open is True
    assert helpline.status_at(datetime(2026, 7, 2, 9, 15)).open is False


def test_hours_unknown_is_neither_open_nor_closed() -> None:
    result = status("police_non_emergency", "2026-11-25T10:00")
    assert (result.open, result.opens_next, result.closes_at) == (None, None, None)
