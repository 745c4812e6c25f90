"""Reading "when did it happen?" the way people in the UK say it.

``parse_when("yesterday about 6pm", now)`` -> 17 November at 18:00, with the phrase
"Tuesday 17 November 2026 at 18:00" for the assistant to confirm. Clock times are read
by this module; dateparser (DMY, past preferred, Europe/London, relative to ``now``)
reads the day. An hour said without am/pm is read as people say it: "about 6" and "at 3"
are 18:00 and 15:00 (1 to 6 mean the afternoon or evening), "at 8" is 08:00 unless
evening, night or afternoon is said ("tonight at 8" is 20:00); the confirmation phrase
lets the person correct it. Returns None for nonsense, for contradictions (a weekday
that does not match the date) and for times more than an hour in the future.
"""

from __future__ import annotations

import calendar
import re
import warnings
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

LONDON = ZoneInfo("Europe/London")
FUTURE_TOLERANCE = timedelta(hours=1)
MAX_YEARS_BACK = 100
PARTS_OF_DAY = {
    "morning": 9,
    "lunchtime": 12,
    "afternoon": 15,
    "evening": 19,
    "night": 22,
}

_WEEKDAYS = (
    r"mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?"
)
_FILLER = re.compile(
    r"\b(?:about|around|approximately|approx|roughly|circa|maybe|probably|just after"
    r"|just before|sometime|some time|of (?:the|this) month)\b|-?ish\b|[,!?]"
)
_APPROX_HOUR = re.compile(
    r"\b(?:about|around|roughly|approximately)\s+(\d{1,2})(?![\d/.:]|\s*(?:st|nd|rd|th|am|pm|a\.m|p\.m)\b)"
)
_MONTH_ONLY = re.compile(
    r"(?:in\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*(?:\s+\d{4})?"
)
_PART = re.compile(
    r"\b(last|this|in the|at)?\s*(tonight|morning|lunchtime|afternoon|evening|night)\b"
)
_TIME_12H = re.compile(r"\b(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)(?=\W|$)")
_TIME_24H = re.compile(r"\b(?:at\s+)?(\d{1,2}):(\d{2})\b")
_TIME_AT = re.compile(r"\bat\s+(\d{1,2})(?:\.(\d{2}))?(?:\s*o'?clock)?(?![\d/.:]|st|nd|rd|th)")
_TIME_OCLOCK = re.compile(r"\b(\d{1,2})\s*o'?clock\b")
_TIME_WORD = re.compile(r"\b(?:at\s+)?(noon|midday|midnight)\b")
_RELATIVE_TIME = re.compile(r"\b(?:hours?|hrs?|minutes?|mins?)\b|\bnow\b")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?\b")
_WEEKDAY = re.compile(rf"\b({_WEEKDAYS})\b")


@dataclass(frozen=True)
class ParsedWhen:
    """``when`` is London time; midnight (or the middle of ``part_of_day``) if no time
    was said."""

    when: datetime
    has_time: bool
    part_of_day: str | None
    text: str
    phrase: str

    @property
    def value(self) -> datetime | date:
        """What to store as Entry.occurred_at: a datetime if a time was said, else the
        date."""
        return self.when if self.has_time else self.when.date()


def describe(value: datetime | date, part_of_day: str | None = None) -> str:
    """'Tuesday 17 November 2026 at 18:00', or without the time for a date."""
    if isinstance(value, datetime):
        value = value.astimezone(LONDON)
    text = f"{value:%A} {value.day} {value:%B %Y}"
    if isinstance(value, datetime):
        return f"{text} at {value:%H:%M}"
    if part_of_day:
        preposition = "at" if part_of_day in ("night", "lunchtime") else "in the"
        return f"{text}, {preposition} {part_of_day}"
    return text


def parse_when(text: str, now: datetime) -> ParsedWhen | None:
    """Parse what someone typed for when an incident happened, relative to ``now``
    (aware, or naive London time)."""
    if not isinstance(text, str) or not text.strip() or len(text) > 100:
        return None
    now = now.astimezone(LONDON) if now.tzinfo else now.replace(tzinfo=LONDON)
    s = _APPROX_HOUR.sub(r"at \1", text.lower())  # "about 6" -> "at 6"
    s = " " + _FILLER.sub(" ", s) + " "
    if _MONTH_ONLY.fullmatch(s.strip()):
        return None  # a month is not a day: ask again rather than guess one

    part, s = _take_part_of_day(s)
    clock, s = _take_clock(s, part)
    if clock is False:
        return None
    s = re.sub(r"\s+", " ", re.sub(r"\b(?:at|on)\s*$", " ", s)).strip(" .")

    if s:
        if re.fullmatch(r"[\d\s]+", s) or not _numeric_dates_valid(s):
            return None
        day = _day_of_month(s, now) or _dateparse(s, now)
        if day is None:
            return None
    else:  # only a time or part of the day: today (yesterday if still to come)
        day = now.replace(tzinfo=None)

    relative = clock is None and bool(_RELATIVE_TIME.search(s))
    if relative:
        when = day.replace(second=0, microsecond=0, tzinfo=LONDON)
    else:
        hour_minute = clock or time(PARTS_OF_DAY.get(part or "", 0))
        when = datetime.combine(day.date(), hour_minute, tzinfo=LONDON)
    has_time = relative or clock is not None

    when = _pull_into_past(when, has_time, s, now)
    if when is None or when.year < now.year - MAX_YEARS_BACK:
        return None
    if (weekday := _WEEKDAY.search(s)) and when.strftime("%a").lower() != weekday.group(1)[:3]:
        return None
    phrase = describe(when if has_time else when.date(), part)
    return ParsedWhen(when, has_time, part, text.strip(), phrase)


def _take_part_of_day(s: str) -> tuple[str | None, str]:
    m = _PART.search(s)
    if not m:
        return None, s
    before, word = m.group(1), m.group(2)
    part = "night" if word == "tonight" else word
    if word == "tonight" or before == "this":
        day = " today "
    elif before == "last" and word == "night":
        day = " yesterday "
    elif before == "last":  # "last morning" is not English
        return None, " ?? "
    else:
        day = " "
    return part, s[: m.start()] + day + s[m.end() :]


def _take_clock(s: str, part: str | None) -> tuple[time | None | bool, str]:
    """Find and remove a clock time. Returns (time, rest), (None, s) if there is none,
    or (False, s) if the time is impossible, such as 25:00 or 13pm."""
    for pattern in (_TIME_12H, _TIME_24H, _TIME_AT, _TIME_OCLOCK, _TIME_WORD):
        m = pattern.search(s)
        if not m:
            continue
        rest = s[: m.start()] + " " + s[m.end() :]
        if pattern is _TIME_WORD:
            return (time(0) if m.group(1) == "midnight" else time(12)), rest
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        if pattern is _TIME_12H:
            if not 1 <= hour <= 12:
                return False, s
            hour = hour % 12 + (12 if m.group(3).startswith("p") else 0)
        elif pattern is not _TIME_24H:
            hour = _bare_hour(hour, part)
        if hour > 23 or minute > 59:
            return False, s
        return time(hour, minute), rest
    return None, s


_DAY_ONLY = re.compile(rf"(?:on\s+)?(?:({_WEEKDAYS})\s+)?(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?")


def _day_of_month(s: str, now: datetime) -> datetime | None:
    """'on the 3rd', 'friday 13th': the latest such day up to today (dateparser picks
    the current month even when that day is still to come, or does not exist)."""
    m = _DAY_ONLY.fullmatch(s)
    if not m or not 1 <= int(m.group(2)) <= 31:
        return None
    year, month, day = now.year, now.month, int(m.group(2))
    for _ in range(24):
        if day <= calendar.monthrange(year, month)[1]:
            found = datetime(year, month, day)
            weekday_ok = not m.group(1) or found.strftime("%a").lower() == m.group(1)[:3]
            if found.date() <= now.date() and weekday_ok:
                return found
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return None


def _bare_hour(hour: int, part: str | None) -> int:
    """An hour said without am/pm: 'tonight at 8' is 20:00, 'about 6' is 18:00."""
    if part in ("afternoon", "evening") and 1 <= hour < 12:
        return hour + 12
    if part == "night" and 6 <= hour < 12:
        return hour + 12
    if part is None and 1 <= hour <= 6:
        return hour + 12
    return hour


def _numeric_dates_valid(s: str) -> bool:
    for m in _NUMERIC_DATE.finditer(s):
        if not (1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12):
            return False
    return True


def _dateparse(s: str, now: datetime) -> datetime | None:
    import dateparser  # slow to import; only needed here

    settings = {
        "DATE_ORDER": "DMY",
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "TIMEZONE": "Europe/London",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    s = re.sub(rf"\blast\s+(?=(?:{_WEEKDAYS})\b)", "", s)  # "last Tuesday": the latest Tuesday
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return dateparser.parse(s, languages=["en"], settings=settings)


def _pull_into_past(when: datetime, has_time: bool, s: str, now: datetime) -> datetime | None:
    """People mean the past: '8pm' said in the morning is yesterday. Anything still in
    the future after that is rejected."""

    def future(w: datetime) -> bool:
        return w > now + FUTURE_TOLERANCE if has_time else w.date() > now.date()

    if not future(when):
        return when
    if not s:
        when -= timedelta(days=1)
    return None if future(when) else when
