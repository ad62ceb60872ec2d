"""Service levels: how soon a person must act on a view or a case.

Urgent within 1 hour, whatever the day. High within 1 working day and medium within 3,
where working days skip weekends and England's bank holidays (from the ``holidays``
package, which ships the official calendar and needs no network).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import cache

import holidays

from screening.types import Level

URGENT_WITHIN = timedelta(hours=1)
WORKING_DAYS = {Level.HIGH: 1, Level.MEDIUM: 3}
# Views a person reads for another reason (no risk found, e.g. another language): 3 days.
DEFAULT_WORKING_DAYS = 3


@cache
def _bank_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("GB", subdiv="ENG", years=year)


def is_working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in _bank_holidays(day.year)


def add_working_days(start: datetime, days: int) -> datetime:
    """The same time of day, ``days`` working days later (from a weekend: counted from Monday)."""
    moment = start
    added = 0
    while added < days:
        moment += timedelta(days=1)
        if is_working_day(moment.date()):
            added += 1
    return moment


def due_at(level: Level, start: datetime) -> datetime:
    if level >= Level.URGENT:
        return start + URGENT_WITHIN
    return add_working_days(start, WORKING_DAYS.get(level, DEFAULT_WORKING_DAYS))
