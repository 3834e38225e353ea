"""Across articles: is this report the same real-world event as an aggregate already
stored? Pure and conservative: same type, polarity and modality, the same actor pair
(either order when the event is symmetric), dates that agree at the coarser precision,
and no clash of places. Two signings in different years stay two events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}
UNDATED_WINDOW = timedelta(days=7)  # an undated report may speak of an event this long before it


@dataclass(frozen=True, slots=True)
class Report:
    """What merging needs of one report (or of an aggregate standing for its reports)."""

    event_type: str
    negated: bool
    modality: str
    source: str | None
    target: str | None
    symmetric: bool
    date: str | None
    precision: str | None
    country: str | None = None
    place: str | None = None
    published: str | None = None  # of the document (for an aggregate: its first_seen)


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def same_pair(a: Report, b: Report) -> bool:
    if (a.source, a.target) == (b.source, b.target):
        return True
    return (a.symmetric or b.symmetric) and (a.source, a.target) == (b.target, b.source)


def dates_agree(a: Report, b: Report) -> str | None:
    """Why the two dates may be one event's, or None when they cannot be."""
    if a.date and b.date:
        coarse = max(a.precision or "day", b.precision or "day", key=lambda p: PRECISION_RANK.get(p, 0))
        if coarse == "day":
            return "same day" if a.date == b.date else None
        if coarse == "week":
            da, db = _day(a.date), _day(b.date)
            return "same week" if da and db and abs((da - db).days) <= 6 else None
        width = {"month": 7, "year": 4, "decade": 3}.get(coarse, 10)
        return f"same {coarse}" if a.date[:width] == b.date[:width] else None
    if a.date or b.date:
        dated, undated = (a, b) if a.date else (b, a)
        # the undated side's first day only: a window that grew with every report would chain
        # reports weeks apart into one event
        when, pub = _day(dated.date), _day(undated.published)
        if dated.precision == "day" and when and pub and pub - UNDATED_WINDOW <= when <= pub + UNDATED_WINDOW:
            return "undated report published within a week of the dated one"
        return None
    pa, pb = _day(a.published), _day(b.published)
    if pa and pb and abs((pa - pb).days) <= 3:
        return "both undated, published within three days"
    return None


def places_agree(a: Report, b: Report) -> bool:
    if a.country and b.country and a.country != b.country:
        return False
    return not (a.place and b.place and a.place != b.place)


def merge_reason(aggregate: Report, report: Report) -> str | None:
    """The reason `report` joins `aggregate`, or None when it must stay apart."""
    if (aggregate.event_type, aggregate.negated, aggregate.modality) != (report.event_type, report.negated,
                                                                       report.modality):
        return None
    if not same_pair(aggregate, report) or not places_agree(aggregate, report):
        return None
    why = dates_agree(aggregate, report)
    if why is None:
        return None
    pair = f"{report.source or '-'}→{report.target or '-'}"
    return f"{report.event_type} {pair}, {why}"


def better_date(a: tuple[str | None, str | None], b: tuple[str | None, str | None]) -> tuple[str | None, str | None]:
    """The more precise of two (date, precision) pairs; on a tie the earlier one."""
    if not a[0]:
        return b
    if not b[0]:
        return a
    ra, rb = PRECISION_RANK.get(a[1] or "day", 9), PRECISION_RANK.get(b[1] or "day", 9)
    if ra != rb:
        return a if ra < rb else b
    return min(a, b, key=lambda x: x[0] or "")
