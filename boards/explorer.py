"""The views explorer: released views only, redacted words only, filtered, counted and charted.

Nothing here ever hands a template a ``View``: rows are plain dicts whose ``text`` is the
redacted words when there are any, so a template cannot show the original by mistake.
Search matches the same words a reader sees (``redacted_text`` when set, never ``text``).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from urllib.parse import urlencode

from tortoise.expressions import Q
from tortoise.functions import Count
from tortoise.queryset import QuerySet

from boards.forms import parse_date
from postbox.models import View
from postbox.services import shown_text
from postbox.vocabulary import AGE_BANDS, THEMES, areas

PAGE_SIZE = 25
MAX_BARS = 120
NO_THEME = "No theme"
NOT_GIVEN = "Not given"


@dataclass
class Filters:
    theme: str = ""
    age_band: str = ""
    area: str = ""
    date_from: date | None = None
    date_to: date | None = None
    q: str = ""
    period: str = "month"
    page: int = 1
    errors: dict[str, str] = field(default_factory=dict)

    def query(self, **changes: object) -> str:
        """This search as a query string, with ``changes`` applied (for page links)."""
        values: dict[str, Any] = {k: v for k, v in asdict(self).items() if k != "errors"}
        values.update(changes)
        pairs = {k: ("" if v is None else str(v)) for k, v in values.items()}
        return urlencode({k: v for k, v in pairs.items() if v and not (k == "page" and v == "1")})


def parse_filters(params: Any) -> Filters:
    """Filters from a query string. Unknown choices are errors the page shows, never a 500."""
    f = Filters()
    theme = params.get("theme", "")
    if theme and theme not in (*THEMES, NO_THEME):
        f.errors["theme"] = "Choose a theme from the list."
    else:
        f.theme = theme
    age_band = params.get("age_band", "")
    if age_band and age_band not in AGE_BANDS:
        f.errors["age_band"] = "Choose an age band from the list."
    else:
        f.age_band = age_band
    area = params.get("area", "")
    if area and area not in areas():
        f.errors["area"] = "Choose an area from the list."
    else:
        f.area = area
    for key in ("date_from", "date_to"):
        try:
            setattr(f, key, parse_date(params.get(key, "")))
        except ValueError:
            f.errors[key] = "Enter a real date, for example 2026-09-01."
    if f.date_from and f.date_to and f.date_to < f.date_from:
        f.errors["date_to"] = "The end date must be on or after the start date."
    f.q = params.get("q", "").strip()[:200]
    period = params.get("period", "month")
    if period not in ("week", "month"):
        f.errors["period"] = "Choose weeks or months."
    else:
        f.period = period
    raw_page = params.get("page", "1")
    f.page = int(raw_page) if raw_page.isascii() and raw_page.isdigit() and len(raw_page) < 7 else 0
    if f.page < 1:
        f.errors["page"] = "That page does not exist."
        f.page = 1
    return f


def released_views(f: Filters) -> QuerySet[View]:
    query = View.filter(released=True)
    if f.theme == NO_THEME:
        query = query.filter(
            (Q(theme__isnull=True) | Q(theme="")) & (Q(suggested_theme__isnull=True) | Q(suggested_theme=""))
        )
    elif f.theme:
        query = query.filter(
            Q(theme=f.theme) | (Q(suggested_theme=f.theme) & (Q(theme__isnull=True) | Q(theme="")))
        )
    if f.age_band:
        query = query.filter(age_band=f.age_band)
    if f.area:
        query = query.filter(area=f.area)
    if f.date_from:
        query = query.filter(created_at__gte=datetime.combine(f.date_from, time.min, UTC))
    if f.date_to:
        query = query.filter(created_at__lt=datetime.combine(f.date_to + timedelta(days=1), time.min, UTC))
    if f.q:
        query = query.filter(
            Q(redacted_text__isnull=False, redacted_text__icontains=f.q)
            | Q(redacted_text__isnull=True, text__icontains=f.q)
        )
    return query


def theme_of(theme: str | None, suggested: str | None) -> str:
    return theme or suggested or NO_THEME


async def counts(query: QuerySet[View]) -> dict[str, list[tuple[str, int]]]:
    """Counts by theme (chosen, else suggested), age band and area, biggest first."""
    by_theme: Counter[str] = Counter()
    for row in (
        await query.annotate(n=Count("id"))
        .group_by("theme", "suggested_theme")
        .values("theme", "suggested_theme", "n")
    ):
        by_theme[theme_of(row["theme"], row["suggested_theme"])] += row["n"]
    result = {"theme": by_theme.most_common()}
    for key in ("age_band", "area"):
        rows = await query.annotate(n=Count("id")).group_by(key).values(key, "n")
        counter: Counter[str] = Counter()
        for row in rows:
            counter[row[key] or NOT_GIVEN] += row["n"]
        result[key] = counter.most_common()
    return result


def _bucket(moment: datetime, period: str) -> date:
    day = moment.date()
    return day - timedelta(days=day.weekday()) if period == "week" else day.replace(day=1)


def _next(start: date, period: str) -> date:
    if period == "week":
        return start + timedelta(days=7)
    return date(start.year + start.month // 12, start.month % 12 + 1, 1)


def _label(start: date, period: str) -> str:
    return f"Week of {start.day} {start:%b %Y}" if period == "week" else f"{start:%B %Y}"


def _short_label(start: date, period: str) -> str:
    # "Dec 2026", never "Dec 26" (which reads as a day).
    return f"{start.day} {start:%b}" if period == "week" else f"{start:%b %Y}"


@dataclass
class Bar:
    label: str
    short_label: str
    count: int
    x: float = 0
    y: float = 0
    height: float = 0
    show_label: bool = True


@dataclass
class Chart:
    bars: list[Bar]
    period: str
    maximum: int
    width: int
    height: int
    plot_top: int
    plot_bottom: int
    truncated: bool
    total: int

    @property
    def summary(self) -> str:
        if not self.bars:
            return "No views match, so there is nothing to chart."
        unit = "week" if self.period == "week" else "month"
        views = "1 view" if self.total == 1 else f"{self.total} views"
        if len(self.bars) == 1:
            return f"{views}, all in {self.bars[0].label}."
        busiest = max(self.bars, key=lambda b: b.count)
        return (
            f"{views} over {len(self.bars)} {unit}s, from {self.bars[0].label} "
            f"to {self.bars[-1].label}. The most in one {unit} was {busiest.count}, in {busiest.label}."
        )


async def over_time(query: QuerySet[View], period: str) -> Chart:
    """Views per week or month, every period between the first and last shown (gaps as 0)."""
    # Flat: datetimes, though Tortoise types each as a tuple.
    moments: list[Any] = await query.values_list("created_at", flat=True)
    counter = Counter(_bucket(m, period) for m in moments if m is not None)
    bars: list[Bar] = []
    if counter:
        start, last = min(counter), max(counter)
        while start <= last:
            bars.append(Bar(_label(start, period), _short_label(start, period), counter.get(start, 0)))
            start = _next(start, period)
    truncated = len(bars) > MAX_BARS
    bars = bars[-MAX_BARS:]
    return _layout(bars, period, truncated, sum(counter.values()))


def _layout(bars: list[Bar], period: str, truncated: bool, total: int) -> Chart:
    slot, left, top, plot_height = 24, 48, 16, 180
    width = max(320, left + slot * len(bars) + 8)
    maximum = max((b.count for b in bars), default=0)
    every = max(1, math.ceil(len(bars) / 12))
    for i, bar in enumerate(bars):
        bar.height = round(plot_height * bar.count / maximum, 1) if maximum else 0
        bar.x = left + i * slot + 3
        bar.y = top + plot_height - bar.height
        bar.show_label = i % every == 0
    return Chart(
        bars, period, maximum, width, top + plot_height + 40, top, top + plot_height, truncated, total
    )


async def page_of(query: QuerySet[View], page: int) -> list[dict[str, object]]:
    views = await query.order_by("-created_at", "-id").offset((page - 1) * PAGE_SIZE).limit(PAGE_SIZE)
    return [
        {
            "id": v.id,
            "text": shown_text(v),
            "theme": theme_of(v.theme, v.suggested_theme),
            "theme_suggested": not v.theme and bool(v.suggested_theme),
            "age_band": v.age_band or NOT_GIVEN,
            "area": v.area or NOT_GIVEN,
            "created_at": v.created_at,
            "quote_consent": v.quote_consent,
        }
        for v in views
    ]


async def explore(f: Filters) -> dict[str, object]:
    query = released_views(f)
    total = await query.count()
    pages = max(1, math.ceil(total / PAGE_SIZE))
    return {
        "total": total,
        "pages": pages,
        "rows": await page_of(query, f.page) if f.page <= pages else [],
        "counts": await counts(query),
        "chart": await over_time(query, f.period),
    }
