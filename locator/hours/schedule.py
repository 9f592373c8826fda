"""Evaluate OpenStreetMap opening hours for UK premises in London time with each nation's holidays.

The `opening_hours` library does the evaluation. This module prepares what it is given:

- `PH` (public holiday) is rewritten into explicit dated rules from the `holidays` package for the
  premises' nation, because the library's built-in GB calendar misses most UK bank holidays.
- Rules the OSM specification calls "unknown" but the library reports as open (a rule that is only
  a comment, an open end such as `18:00+`) get an explicit `unknown` modifier, so that unknown is
  never reported as open.
- Times are evaluated as London wall-clock times, with the clock changes handled here (see
  `Schedule.status`).
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from functools import cached_property, lru_cache

import holidays
import opening_hours

from locator.domain import clock

NATIONS = ("england", "wales", "scotland", "northern_ireland")
LONDON = clock.LONDON

MAX_LENGTH = 1000
# A safe space must open at least once in this window to be accepted at registration.
NEVER_OPEN_WINDOW = timedelta(days=370)
# A state that lasts longer than this counts as never changing (next_change is None). Without a
# limit the library searches to the year 9999, which takes a second for `Mo-Su 00:00-24:00`.
HORIZON = timedelta(days=400)

_SUBDIVISIONS = {"england": "ENG", "wales": "WLS", "scotland": "SCT", "northern_ireland": "NIR"}
_STATE_NAMES = {
    opening_hours.State.OPEN: "open",
    opening_hours.State.CLOSED: "closed",
    opening_hours.State.UNKNOWN: "unknown",
}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MINUTE = timedelta(minutes=1)
_MAX_COMMENT_CHANGES = 100
_EXAMPLE = "'Mo-Fr 09:00-17:00'"
# Stands in for the bank-holiday dates until a year is known; _clean refuses it in input.
_DATES = "\x00"
# The rule that makes a bank holiday unknown for hours without PH; filled in per year with the
# holidays on which the ordinary hours would open (a day closed anyway stays closed).
_UNSET_DATES = "\x01"
_UNSET_RULE = f"; {_UNSET_DATES} unknown"


class HoursError(ValueError):
    """An opening-hours expression that cannot be used; str() is a sentence for a shop manager."""


@dataclass(frozen=True)
class HoursStatus:
    """The state of premises at one moment and when it next changes."""

    state: str  # "open", "closed" or "unknown"
    next_change: datetime | None  # aware London time; None if no change within HORIZON
    next_state: str | None = field(default=None, compare=False)  # the state from next_change

    @property
    def is_open(self) -> bool:
        """Return True only when the premises are known to be open."""
        return self.state == "open"

    # Worked out once per status: a search index shares each status among many results.

    @cached_property
    def next_change_iso(self) -> str | None:
        """Return next_change in ISO 8601, or None."""
        return self.next_change.isoformat() if self.next_change else None

    @cached_property
    def next_change_timestamp(self) -> float | None:
        """Return next_change as a POSIX timestamp, or None."""
        return self.next_change.timestamp() if self.next_change else None


def local_time(at: datetime | None = None) -> datetime:
    """Return `at` as an aware London datetime (naive means London local time; None means now)."""
    if at is None:
        return clock.london_now()
    if at.tzinfo is None or at.utcoffset() is None:
        # An ambiguous naive time follows its fold (0: the first occurrence); one skipped by the
        # spring change reads with the old offset, so 01:30 on that day becomes 02:30 BST.
        at = at.replace(tzinfo=LONDON)
    # The round trip through UTC gives every moment its canonical London wall time and fold.
    return at.astimezone(UTC).astimezone(LONDON)


class Schedule:
    """A parsed opening-hours expression for premises in one UK nation."""

    __slots__ = (
        "_compiled",
        "_template",
        "_usual_template",
        "expression",
        "nation",
        "sets_holidays",
        "warnings",
    )

    def __init__(
        self,
        expression: str,
        nation: str,
        template: str,
        *,
        usual_template: str | None = None,
        sets_holidays: bool = True,
        warnings: tuple[str, ...] = (),
    ) -> None:
        self.expression = expression
        self.nation = nation
        # False when the expression has no PH rule: its bank holidays are then unknown.
        self.sets_holidays = sets_holidays
        # Sentences for whoever entered the hours: accepted, but not all of it counts as open.
        self.warnings = warnings
        self._template = template
        self._usual_template = usual_template or template
        self._compiled: dict[tuple[bool, int], opening_hours.OpeningHours] = {}

    def __repr__(self) -> str:
        return f"Schedule({self.expression!r}, nation={self.nation!r})"

    def status(self, at: datetime) -> HoursStatus:
        """Return the state at `at` and the next moment it changes."""
        return self._status(at, usual=False)

    def usual_status(self, at: datetime) -> HoursStatus:
        """Return the state at `at` by the ordinary week's hours, ignoring unknown bank holidays."""
        return self._status(at, usual=True)

    def _status(self, at: datetime, usual: bool) -> HoursStatus:
        moment = local_time(at)
        wall = moment.replace(tzinfo=None)
        if _in_repeated_hour(moment):
            # When the clocks go back the wall times 01:00-02:00 happen twice. A shop acts on
            # the first occurrence (it opens at the first 01:30 and does not close or reopen
            # when the clock shows 01:00 again), so during the repeat hold the state reached
            # just before the clocks went back.
            wall = _end_of_repeated_hour(moment) - _MINUTE
        hours = self._hours_for(wall.year, usual)
        state = hours.state(wall)[0]
        change = hours.next_change(wall)
        # The library also reports changes of comment alone; skip those to the next real change.
        following = None
        for _ in range(_MAX_COMMENT_CHANGES):
            if change is None:
                break
            following = hours.state(change)[0]
            if following != state:
                break
            change = hours.next_change(change)
        if change is None:
            return HoursStatus(_STATE_NAMES[state], None)
        return HoursStatus(_STATE_NAMES[state], _wall_to_moment(change), _STATE_NAMES[following])

    def state(self, at: datetime) -> str:
        """Return "open", "closed" or "unknown" at `at`."""
        return self.status(at).state

    def is_open(self, at: datetime) -> bool:
        """Return True when known to be open at `at` (unknown counts as not open)."""
        return self.status(at).is_open

    def next_change(self, at: datetime) -> datetime | None:
        """Return the next moment after `at` when the state changes, or None if it never does."""
        return self.status(at).next_change

    def intervals(self, start: datetime, end: datetime) -> list[tuple[datetime, datetime, str]]:
        """Return the spans of one state from `start` to `end`, merged, in London time."""
        moment, stop = local_time(start), local_time(end)
        spans: list[tuple[datetime, datetime, str]] = []
        while moment.timestamp() < stop.timestamp():
            status = self.status(moment)
            until = status.next_change
            if until is None:
                # No change within the horizon; look again from its end for long windows.
                until = local_time(moment + HORIZON)
            if until.timestamp() >= stop.timestamp():
                until = stop
            elif until.timestamp() <= moment.timestamp():
                raise RuntimeError(f"Opening hours did not advance at {moment.isoformat()}")
            if spans and spans[-1][2] == status.state:
                spans[-1] = (spans[-1][0], until, status.state)
            else:
                spans.append((moment, until, status.state))
            moment = until
        return spans

    def wall_intervals(
        self, start: datetime, end: datetime
    ) -> list[tuple[datetime, datetime, str]]:
        """Return the spans of one state from `start` to `end` in naive London wall time, merged.

        Wall time reads a late night as '18:00-02:00' on any date, clock changes or not. The
        window may run to the end of the year after `start`'s (the bank holidays filled in).
        """
        if end.year > start.year + 1:
            raise ValueError("wall_intervals covers at most the year after the start's")
        spans: list[tuple[datetime, datetime, str]] = []
        for first, last, state, _comment in self._hours_for(start.year).intervals(start, end):
            name = _STATE_NAMES[state]
            if spans and spans[-1][2] == name:  # the library splits where only a comment changes
                spans[-1] = (spans[-1][0], last, name)
            else:
                spans.append((first, last, name))
        return spans

    def _hours_for(self, year: int, usual: bool = False) -> opening_hours.OpeningHours:
        """Return the compiled expression with the bank holidays around `year` filled in."""
        template = self._usual_template if usual else self._template
        key = (usual, year if _DATES in template or _UNSET_DATES in template else 0)
        hours = self._compiled.get(key)
        if hours is None:
            text = template.replace(_DATES, _holiday_dates(self.nation, year))
            if _UNSET_DATES in text:
                text = self._with_unset_holidays(text, year)
            try:
                hours = opening_hours.OpeningHours(text, max_interval_days=HORIZON.days)
            except (opening_hours.ParserError, SyntaxError) as error:
                raise HoursError(
                    f"Could not interpret the opening hours {_quote(self.expression)} safely; "
                    f"please simplify them, for example {_EXAMPLE}."
                ) from error
            self._compiled[key] = hours
        return hours

    def _with_unset_holidays(self, text: str, year: int) -> str:
        """Return `text` with the unknown-holiday rule naming the holidays the hours would open."""
        usual = self._hours_for(year, usual=True)
        days = []
        for day in _holiday_days(self.nation, year):
            start = datetime.combine(day, datetime.min.time())
            spans = usual.intervals(start, start + timedelta(days=1))
            if any(state == opening_hours.State.OPEN for _, _, state, _ in spans):
                days.append(day)
        if not days:
            return text.replace(_UNSET_RULE, "")
        return text.replace(_UNSET_DATES, _osm_dates(days))

    def _states_between(self, start: datetime, end: datetime) -> set[str]:
        """Return the states seen from `start` to `end`, stopping at the first open one."""
        first, last = local_time(start).replace(tzinfo=None), local_time(end).replace(tzinfo=None)
        # The compilation for the start year also holds the next year's holidays, which covers a
        # window of about a year; clock changes cannot hide a whole span, so wall time is fine.
        states = set()
        for _, _, state, _ in self._hours_for(first.year).intervals(first, last):
            states.add(_STATE_NAMES[state])
            if state == opening_hours.State.OPEN:
                # Finding one open span is enough; the rest of the year need not be listed.
                break
        return states


@lru_cache(maxsize=8192)
def parse_hours(expression: str, nation: str = "england") -> Schedule:
    """Parse an OSM opening_hours expression for premises in `nation`; raise a clear HoursError."""
    nation = _nation(nation)
    text = _clean(expression)
    compact = _normalise(_collapse_spaces(text))
    try:
        parsed = opening_hours.OpeningHours(compact)
    except (opening_hours.ParserError, SyntaxError) as error:
        raise _unreadable(text, error) from None
    rules = _split_rules(compact)
    if len(rules) != _count_rules(str(parsed)):
        raise HoursError(
            f"Could not interpret the opening hours {_quote(text)} safely; separate rules with "
            "'; ' and list days or times with a comma and no space, "
            "for example 'Mo,We 09:00-17:00'."
        )
    pieces: list[str] = []
    again: list[str] = []  # rules for particular days, repeated after the bank-holiday rule
    days_only = dated = False
    for before, rule in rules:
        parts, lacks_times = _rewrite_rule(rule, text)
        days_only = days_only or lacks_times
        if before != ", ":
            dated = before != " || " and _names_days(rule)
        separator = before
        for part in parts:
            joined = f"{separator}{part}" if pieces else part
            pieces.append(joined)
            if dated:
                again.append(joined if joined.startswith((", ", "; ")) else f"; {joined}")
            separator = separator or "; "
    sets_holidays = any("PH" in word.split(",") for _, rule in rules for word in rule)
    usual = "".join(pieces)
    template = usual
    if not sets_holidays:
        # Hours that say nothing about bank holidays cannot be trusted on one: the day is
        # unknown, except where a rule names the date itself ("Dec 25 off"), which still wins.
        template = "".join([usual, _UNSET_RULE, *again])
    warnings = (DAYS_WITHOUT_TIMES,) if days_only else ()
    schedule = Schedule(
        text,
        nation,
        template,
        usual_template=usual,
        sets_holidays=sets_holidays,
        warnings=warnings,
    )
    # Compile once now so an expression we cannot evaluate fails here rather than at lookup time.
    schedule._hours_for(local_time().year)
    schedule._hours_for(local_time().year, usual=True)
    return schedule


def _names_days(tokens: list[str]) -> bool:
    """Return True if a rule is about particular days ("Dec 25 off", "easter"), not a season.

    Such a rule still decides a bank holiday that the rest of the hours leave unknown; a
    season ("Mar 21-Sep 21 Mo-Su 11:00-17:30") says nothing about the holiday itself.
    """
    text = " ".join(token for token in tokens if not token.startswith('"') and token.strip())
    months = _MONTH.findall(text)
    items = list(_DATE_ITEM.finditer(text))
    if not items and not re.search(r"\beaster\b", text, re.I):
        return False
    if sum(1 + bool(item["to_month"]) for item in items) != len(months):
        return False  # a month standing alone, or in a range of months: a season
    return all(_span_days(item) <= _FEW_DAYS for item in items)


def _span_days(item: re.Match) -> int:
    """Return how many days a matched 'Mon DD[-[Mon ]DD]' covers (a large number if invalid)."""
    first_month = _MONTH_NUMBER[item["month"].title()]
    last_month = _MONTH_NUMBER[item["to_month"].title()] if item["to_month"] else first_month
    last_day = item["to_day"] or item["day"]
    try:
        start = date(2001, first_month, int(item["day"]))
        end = date(2001, last_month, int(last_day))
    except ValueError:
        return 10_000
    if end < start:
        end = end.replace(year=2002)  # across the new year: Dec 31-Jan 01
    return (end - start).days + 1


def check_hours(expression: str) -> str:
    """Validate an expression for import/registration; return it stripped, or raise HoursError."""
    schedule = parse_hours(expression)
    now = local_time()
    states = schedule._states_between(now, now + NEVER_OPEN_WINDOW)
    if "open" in states or schedule.warnings:
        # Days given without times are kept (shown as hours unknown) with a warning on the row.
        return schedule.expression
    if "unknown" in states:
        raise HoursError(
            f"The opening hours {_quote(schedule.expression)} never say when the premises are "
            "definitely open: give closing times instead of open ends ('+') or comments, "
            f"for example {_EXAMPLE}."
        )
    raise HoursError(
        f"The opening hours {_quote(schedule.expression)} are never open in the coming year; "
        "a safe space must open at some time."
    )


def nhs_week_to_osm(days: Mapping[str, str]) -> str:
    """Turn NHS per-day ranges into one OSM opening_hours string."""
    ranges_by_day: dict[str, tuple[str, ...]] = {}
    for key, value in days.items():
        day = str(key).strip().lower()
        if day not in _NHS_DAYS:
            raise HoursError(f"Unknown day {key!r} in the opening hours: use monday to sunday.")
        ranges_by_day[day] = _nhs_day_ranges(day, value)
    week = [ranges_by_day.get(day, ()) for day in _NHS_DAYS]
    if not any(week):
        raise HoursError("The opening hours are closed every day; a safe space must open.")
    if all(ranges == (_ALL_DAY,) for ranges in week):
        return "24/7"
    rules = []
    first = 0
    for index in range(1, len(week) + 1):
        if index < len(week) and week[index] == week[first]:
            continue
        if week[first]:
            days_text = _OSM_DAYS[first]
            if index - 1 > first:
                days_text += "-" + _OSM_DAYS[index - 1]
            rules.append(f"{days_text} {','.join(week[first])}")
        first = index
    # With ';' a later day's rule would override the part of an overnight range that runs past
    # midnight into that day; the days are disjoint, so additional rules (',') mean the same
    # thing without that loss.
    overnight = any(span[6:] < span[:5] for ranges in week for span in ranges)
    return (", " if overnight else "; ").join(rules)


# --- NHS ranges ---------------------------------------------------------------------------------

_NHS_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_OSM_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_NHS_RANGE = re.compile(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*")
# Ranges are comma-separated, but real NHS data also joins them with ':', ';' or a space.
_NHS_GAP = re.compile(r"[,;:]|(?<=\s)")
_ALL_DAY = "00:00-24:00"


def _nhs_day_ranges(day: str, value: object) -> tuple[str, ...]:
    """Return one day's NHS ranges as sorted OSM time spans; empty when closed."""
    name = day.title()
    if value is None:
        return ()
    if not isinstance(value, str):
        raise HoursError(f"Could not read the {name} opening hours {value!r}.")
    text = value.strip()
    if not text or text.upper() == "CLOSED":
        return ()
    spans = set()
    position = 0
    while position < len(text):
        match = _NHS_RANGE.match(text, position)
        if match is None:
            raise HoursError(
                f"Could not read the {name} opening hours {text!r}: "
                "use HH:MM-HH:MM ranges such as 09:00-13:00,14:00-17:30."
            )
        spans.add(_nhs_span(name, match))
        gap = _NHS_GAP.match(text, match.end())
        position = match.end() if gap is None else gap.end()
        if gap is None and position < len(text):
            raise HoursError(
                f"Could not read the {name} opening hours {text!r}: "
                "separate ranges with a comma such as 09:00-13:00,14:00-17:30."
            )
    return tuple(sorted(spans))


def _nhs_span(name: str, match: re.Match[str]) -> str:
    """Return one matched NHS range as an OSM time span, or raise HoursError."""
    start_hour, start_minute, end_hour, end_minute = (int(group) for group in match.groups())
    if start_hour > 23 or start_minute > 59 or end_minute > 59 or end_hour > 24:
        raise HoursError(
            f"The {name} opening hours {match.group().strip()!r} have a time that does not exist."
        )
    start = f"{start_hour:02d}:{start_minute:02d}"
    end = f"{end_hour:02d}:{end_minute:02d}"
    # NHS data writes "until midnight" as 23:59 or 00:00.
    if end in ("23:59", "00:00"):
        end = "24:00"
    if end > "24:00" or start == end:
        raise HoursError(
            f"The {name} opening hours {match.group().strip()!r} are not a range of the day."
        )
    return f"{start}-{end}"


# --- London wall time ---------------------------------------------------------------------------


def _is_skipped(wall: datetime) -> bool:
    """Return True if the naive London wall time `wall` is skipped by the spring clock change."""
    # zoneinfo gives a skipped time the offset from before the change for fold=0 and after it
    # for fold=1; a repeated time has them the other way round.
    before, after = wall.replace(tzinfo=LONDON, fold=0), wall.replace(tzinfo=LONDON, fold=1)
    return before.utcoffset() < after.utcoffset()


def _is_ambiguous(wall: datetime) -> bool:
    """Return True if the naive London wall time `wall` is skipped or repeated."""
    before, after = wall.replace(tzinfo=LONDON, fold=0), wall.replace(tzinfo=LONDON, fold=1)
    return before.utcoffset() != after.utcoffset()


def _in_repeated_hour(moment: datetime) -> bool:
    """Return True for the second pass through the wall times repeated when clocks go back."""
    return moment.fold == 1 and moment.replace(fold=0).utcoffset() != moment.utcoffset()


def _end_of_repeated_hour(moment: datetime) -> datetime:
    """Return the naive wall time at which the repeated hour containing `moment` ends."""
    wall = moment.replace(tzinfo=None, fold=0, second=0, microsecond=0)
    for _ in range(24 * 60):
        if not _is_ambiguous(wall):
            return wall
        wall += _MINUTE
    raise RuntimeError(f"No end to the repeated hour at {moment.isoformat()}")


def _wall_to_moment(wall: datetime) -> datetime:
    """Return the moment a change at London wall time `wall` happens."""
    wall = wall.replace(tzinfo=None)
    if not _is_skipped(wall):
        # For a repeated wall time this is its first occurrence (fold=0), as Schedule.status uses.
        return wall.replace(tzinfo=LONDON)
    # A change at a time the spring change skips happens as soon as the clock jumps.
    wall = wall.replace(second=0, microsecond=0)
    for _ in range(24 * 60):
        wall += _MINUTE
        if not _is_skipped(wall):
            return wall.replace(tzinfo=LONDON)
    raise RuntimeError(f"No London time after the skipped {wall.isoformat()}")


# --- bank holidays ------------------------------------------------------------------------------


def _nation(nation: str) -> str:
    """Return the canonical nation name or raise HoursError."""
    name = str(nation).strip().lower().replace(" ", "_").replace("-", "_")
    if name not in NATIONS:
        raise HoursError(f"Unknown nation {nation!r}: use one of {', '.join(NATIONS)}.")
    return name


@lru_cache(maxsize=256)
def _holiday_days(nation: str, year: int) -> tuple[date, ...]:
    """Return the nation's bank holidays from December `year` - 1 to the end of `year` + 1."""
    days = [day for y in (year - 1, year, year + 1) for day in _holiday_names(nation, y)]
    # Each date costs evaluation time; of the previous year only the end of December matters,
    # for hours that run past midnight into the new year.
    return tuple(sorted(day for day in days if day >= date(year - 1, 12, 1)))


@lru_cache(maxsize=256)
def _holiday_dates(nation: str, year: int) -> str:
    """Return the nation's bank holidays around `year` as OSM dates."""
    return _osm_dates(_holiday_days(nation, year))


def _osm_dates(days) -> str:
    return ",".join(f"{day.year} {_MONTHS[day.month - 1]} {day.day:02d}" for day in days)


# --- reading and rewriting expressions ----------------------------------------------------------

# Quoted comments, rule separators, spaces and runs of anything else; a lone `|` or `"` is kept
# as its own token for the parser to reject.
_TOKENS = re.compile(r'"[^"]*"|\|\||;|,|\s+|[^\s;,"|]+|[|"]')
_WEEKDAY_ITEM = re.compile(
    r"(?:Mo|Tu|We|Th|Fr|Sa|Su)(?:-(?:Mo|Tu|We|Th|Fr|Sa|Su))?(?:\[.*\])?", re.I
)
_TIME_START = re.compile(r"\(?(?:\d{1,2}:\d{2}|sunrise|sunset|dawn|dusk)", re.I)
_TIME_END = re.compile(
    r"(?:\d{1,2}:\d{2}\+?|sunrise|sunset|dawn|dusk|\)|/\d{1,2}(?::\d{2})?)$", re.I
)
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}|24/7")
_OPEN_END = re.compile(r"\d:\d\d\+")
_SUN_EVENT = re.compile(r"sunrise|sunset|dawn|dusk", re.I)
_MONTH_NAMES = "Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"
_MONTH = re.compile(rf"\b(?:{_MONTH_NAMES})\b", re.I)
_MONTH_NUMBER = {name: number for number, name in enumerate(_MONTH_NAMES.split("|"), start=1)}
# One date or a short run of dates: "Dec 25", "2026 Dec 24-26", "Dec 31-Jan 01".
_DATE_ITEM = re.compile(
    rf"\b(?P<month>{_MONTH_NAMES}) (?P<day>\d{{1,2}})"
    rf"(?:-(?:(?:\d{{4}} )?(?P<to_month>{_MONTH_NAMES}) )?(?P<to_day>\d{{1,2}}))?(?![\d:])",
    re.I,
)
_FEW_DAYS = 7
_EASTER = re.compile(r"\beaster\b", re.I)
_HOLIDAY_WORD = re.compile(r"(?<![A-Za-z])(?:Ph|pH|ph)(?![A-Za-z])")
# "Dec 24,26,31": a month with a list of its days (not a day range such as "Dec 24-26").
_DAY_LIST = re.compile(
    rf"\b(?P<month>{_MONTH_NAMES}) (?P<days>\d{{1,2}}(?:,\d{{1,2}})+)(?![\d:-])", re.I
)
DAYS_WITHOUT_TIMES = "days without times: shown as hours unknown"
_MODIFIERS = ("open", "closed", "off", "unknown")


def _clean(expression: object) -> str:
    """Return the expression without surrounding space or a dangling ';'; raise HoursError."""
    if not isinstance(expression, str) or not expression.strip():
        raise HoursError(f"The opening hours are empty: enter them such as {_EXAMPLE}.")
    if len(expression) > MAX_LENGTH:
        raise HoursError(
            f"The opening hours are too long ({len(expression)} characters; "
            f"the limit is {MAX_LENGTH})."
        )
    # Control characters are never meaningful here, and refusing them keeps _DATES unambiguous.
    if re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", expression):
        raise HoursError("The opening hours contain a control character; retype them as text.")
    # OSM data often ends with a stray "; " that changes nothing.
    text = expression.strip()
    while text.endswith(";"):
        text = text[:-1].rstrip()
    if not text:
        raise HoursError(f"The opening hours are empty: enter them such as {_EXAMPLE}.")
    return text


def _normalise(text: str) -> str:
    """Return `text` in the spellings the parser knows, outside comments.

    Real OSM data writes 'Easter', 'Ph' and day lists such as 'Dec 24,26,31'; the parser
    wants 'easter', 'PH' and 'Dec 24,Dec 26,Dec 31', which mean the same.
    """
    parts = re.split(r'("[^"]*")', text)
    for index in range(0, len(parts), 2):  # even parts are outside comments
        part = _EASTER.sub("easter", parts[index])
        part = _HOLIDAY_WORD.sub("PH", part)
        parts[index] = _DAY_LIST.sub(_expand_day_list, part)
    return "".join(parts)


def _expand_day_list(match: re.Match) -> str:
    month = match["month"]
    return ",".join(f"{month} {day}" for day in match["days"].split(","))


def _collapse_spaces(text: str) -> str:
    """Return `text` with each run of whitespace outside comments as one space."""
    return "".join(" " if token[0].isspace() else token for token in _TOKENS.findall(text) if token)


def _quote(text: str) -> str:
    """Return `text` quoted for a message, shortened when long."""
    return f"'{text if len(text) <= 80 else text[:77] + '...'}'"


def _unreadable(text: str, error: Exception) -> HoursError:
    """Return the error for an expression the parser rejects, with a hint at the likely cause."""
    hints = []
    if re.search(r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\b", text, re.I) and not re.search(
        r"\bsun(?:rise|set)\b", text, re.I
    ):
        hints.append("write days with two letters (Mo, Tu, We, Th, Fr, Sa, Su)")
    if re.search(r"\d\s*(?:am|pm)\b|(?<![:\d])\d{1,2}\s*-\s*\d{1,2}(?![:\d])|\d\.\d\d", text, re.I):
        hints.append("write times as 24-hour HH:MM such as 09:00-17:30")
    if re.search("[\u2013\u2014]", text):
        hints.append("use a plain hyphen '-' in ranges")
    where = re.search(r"-->\s*\d+:(\d+)", str(error))
    near = f" (near character {where.group(1)})" if where else ""
    hint = "; ".join([*hints, f"use the OpenStreetMap form such as {_EXAMPLE}"])
    return HoursError(f"Could not read the opening hours {_quote(text)}{near}: {hint}.")


def _split_rules(text: str) -> list[tuple[str, list[str]]]:
    """Split a parser-accepted expression into (separator before, tokens) per rule."""
    tokens = [token for token in _TOKENS.findall(text) if token]
    rules: list[tuple[str, list[str]]] = []
    separator, current = "", []
    for index, token in enumerate(tokens):
        if token in (";", "||") or (token == "," and _separates_rules(tokens, index)):  # noqa: S105
            rules.append((separator, current))
            separator, current = {";": "; ", "||": " || ", ",": ", "}[token], []
        else:
            current.append(token)
    rules.append((separator, current))
    return rules


def _separates_rules(tokens: list[str], index: int) -> bool:
    """Return True if the comma at `index` separates rules rather than list items."""
    # The grammar only separates rules with a comma followed by a space; lists inside selectors
    # have no space after the comma, except for a list of times.
    if index + 1 >= len(tokens) or not tokens[index + 1].isspace():
        return False
    before = next((t for t in reversed(tokens[:index]) if not t.isspace()), "")
    after = next((t for t in tokens[index + 1 :] if not t.isspace()), "")
    continues_times = (
        not before.startswith('"') and _TIME_END.search(before) and _TIME_START.match(after)
    )
    return not continues_times


def _count_rules(canonical: str) -> int:
    """Return the number of rules in the parser's own rendering of an expression."""
    outside_comments = re.sub(r'"[^"]*"', '""', canonical)
    return 1 + len(re.findall(r"; |, | \|\| ", outside_comments))


def _rewrite_rule(tokens: list[str], text: str) -> tuple[list[str], bool]:  # noqa: C901 - one branch per opening-hours construct
    """Return one rule as the rules to give the parser, and whether it gave days without times.

    Unknowns are made explicit and PH becomes dates.
    """
    words = []
    for token in tokens:
        if token.isspace():
            continue
        # Time lists may have a space after their commas; keep each list as one word.
        comma = token == ","  # noqa: S105 - a parser token, not a password
        if words and (comma or words[-1].endswith(",")) and not token.startswith('"'):
            words[-1] += token
        else:
            words.append(token)
    plain = [word for word in words if not word.startswith('"')]
    plain_text = " ".join(plain)
    items = [item for word in plain for item in word.split(",")]
    if "SH" in items:
        raise HoursError(
            f"School holidays (SH) in the opening hours {_quote(text)} are not supported; "
            "give the dates instead."
        )
    if _SUN_EVENT.search(plain_text):
        raise HoursError(
            f"Sunrise and sunset times in the opening hours {_quote(text)} are not supported, "
            "because we do not know the premises' position precisely; give clock times instead."
        )

    lacks_times = False
    comment = [words.pop()] if words and words[-1].startswith('"') else []
    modifier = [words.pop()] if words and words[-1].lower() in _MODIFIERS else []
    state = modifier[0].lower() if modifier else ""
    if _OPEN_END.search(plain_text) and state not in ("closed", "off"):
        # An open end ("18:00+") says when the premises open but not when they close. Being
        # conservative, the whole rule is unknown, including any fixed spans beside it.
        modifier = ["unknown"]
    elif comment and not modifier and not _HAS_TIME.search(plain_text):
        # A rule that is only a comment ("by appointment") tells us nothing definite.
        modifier = ["unknown"]
    elif state in ("", "open") and (words or state) and not _HAS_TIME.search(plain_text):
        # OSM reads days with no times ("Mo-Sa") as open all day; shops that write them mean
        # "open those days, hours not given", so the rule is unknown, never open at 03:00.
        modifier, lacks_times = ["unknown"], True
    rest = modifier + comment

    if "PH" not in items:
        return [" ".join(words + rest)], lacks_times
    if any("PH" in word.split(",") for word in words[1:]) or (
        len(words) > 1 and _is_weekday_word(words[1])
    ):
        raise HoursError(
            f"Bank holidays (PH) in the opening hours {_quote(text)} must start a rule, alone or "
            "in a comma list of days, such as 'Su,PH 10:00-16:00'; combining them with dates, "
            "months or offsets is not supported."
        )
    if len(words) > 1 and re.match(r"[+-]\d", words[1]):
        raise HoursError(
            f"Bank holiday offsets such as 'PH +1 day' in the opening hours {_quote(text)} "
            "are not supported."
        )
    days = [item for item in words[0].split(",") if item != "PH"]
    if not all(_WEEKDAY_ITEM.fullmatch(day) for day in days):
        raise HoursError(
            f"Bank holidays (PH) in the opening hours {_quote(text)} can only be listed with "
            "weekdays, such as 'Su,PH 10:00-16:00'."
        )
    # A rule on "Su,PH" applies to Sundays and to holidays; as two rules, one for each, with
    # the same separator before both, a holiday on a Sunday gets the same hours either way.
    rules = [" ".join([_DATES, *words[1:], *rest])]
    if days:
        rules.insert(0, " ".join([",".join(days), *words[1:], *rest]))
    return rules, lacks_times


def _is_weekday_word(word: str) -> bool:
    """Return True if `word` is a list of weekdays or holidays."""
    return all(item in ("PH", "SH") or _WEEKDAY_ITEM.fullmatch(item) for item in word.split(","))


# --- for people reading hours -------------------------------------------------------------------


@lru_cache(maxsize=256)  # every result of a search asks about the same day
def holiday_name(nation: str, day: date) -> str | None:
    """Return the name of the nation's bank holiday on `day`, or None on an ordinary day."""
    return _holiday_names(_nation(nation), day.year).get(day)


@lru_cache(maxsize=64)
def _holiday_names(nation: str, year: int) -> dict[date, str]:
    """Return the nation's bank holidays in `year` by date, the one calendar all others use."""
    return dict(holidays.country_holidays("GB", subdiv=_SUBDIVISIONS[nation], years=year))


def next_bank_holidays(nation: str, after: date, count: int = 1) -> list[tuple[date, str]]:
    """Return the nation's next bank holidays on or after `after`, with their names."""
    nation = _nation(nation)
    named = {**_holiday_names(nation, after.year), **_holiday_names(nation, after.year + 1)}
    days = sorted((day, name) for day, name in named.items() if day >= after)
    return days[:count]
