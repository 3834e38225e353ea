"""Give each event the date the text gives it, never the publication date by default.

In order: a time expression in the event's sentence (the nearest; `через тиждень після
X` dates X a week before the anchor); a present-tense statement is dated to publication;
a sentence opening with `після X`/`after X` about an undated X stays undated; otherwise
the date the story is currently about (the last recent date named before), and in the
lead paragraph the publication date."""

from __future__ import annotations

from datetime import date, timedelta

from litopys.events.patterns import LanguagePatterns
from litopys.model import Document, Event, Sentence, Timex

RECENT_DAYS = 31


def _parse(value: str) -> date | None:
    try:
        parts = [int(p) for p in value.split("-")]
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except (ValueError, IndexError):
        return None


def _recent(t: Timex, pub: date | None) -> bool:
    if pub is None or not t.value or t.precision not in ("day", "week"):
        return False
    d = _parse(t.value)
    return d is not None and 0 <= (pub - d).days <= RECENT_DAYS


def date_events(doc: Document, patterns: LanguagePatterns) -> None:
    pub = doc.published
    by_sentence: dict[int, list[Timex]] = {}
    for t in doc.timexes:
        by_sentence.setdefault(t.sentence, []).append(t)
    events_by_sentence: dict[int, list[Event]] = {}
    for e in doc.events:
        events_by_sentence.setdefault(e.evidence.sentence, []).append(e)
    # every trigger bounds a stretch of its sentence, coded or not ("… sanctions over the tests in July")
    triggers_by_sentence: dict[int, list[Event]] = {}
    for e in doc.events + [d for d, _ in doc.dropped]:
        if e.trigger_start >= 0:
            triggers_by_sentence.setdefault(e.evidence.sentence, []).append(e)
    discourse: tuple[str, str] | None = None  # (value, precision) the story is about now
    after_words = patterns.grammar["after"]
    for sent in doc.sentences:
        timexes = by_sentence.get(sent.index, [])
        absolute = [t for t in timexes if t.value and not t.rule.endswith((":deadline", ":since"))]
        spans = [t for t in timexes if t.value and t.rule.endswith((":deadline", ":since"))]
        when_words = set(patterns.time.get("when", []))
        for e in events_by_sentence.get(sent.index, []):
            framed = _when_clause(e, sent, spans, when_words)
            if framed is not None:
                # "until 2014, when the members suspended it", "з квітня 2022 року, коли він зустрічався"
                e.date, e.date_precision = framed.value, framed.precision
                e.notes.append(f"date: the time named before '{framed.text}, when …'")
                continue
            since = [t for t in spans if t.rule.endswith(":since")]
            if not absolute and since:
                # "under sanctions since 2006": the state began then
                e.date, e.date_precision = since[0].value, since[0].precision
                e.notes.append(f"date: the start of the state, '{since[0].text}'")
                continue
            value, prec, why = _date_one(e, sent, absolute, timexes, discourse, pub, after_words, patterns,
                                         triggers_by_sentence.get(sent.index, []), bool(patterns.time.get("time_follows_verb")))
            e.date, e.date_precision = value, prec
            e.notes.append(f"date: {why}")
        recent = [t for t in absolute if _recent(t, pub)]
        if recent:
            discourse = (recent[-1].value, recent[-1].precision)  # type: ignore[assignment]


PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4}


def _shifted(anchor_value: str, anchor_prec: str, t: Timex) -> tuple[str | None, str | None, str]:
    """`через тиждень після X`: X is the anchor minus a week, at the coarser precision."""
    d = _parse(anchor_value)
    if d is None:
        return None, None, "unusable anchor"
    if anchor_prec == "month":
        d = d.replace(day=15)
    elif anchor_prec in ("year", "decade"):
        d = d.replace(month=7, day=1)  # "in 2014, weeks after …": still 2014
    days = t.shift_after
    res = d - timedelta(days=days) if days > 0 else d + timedelta(days=days)
    prec = max((anchor_prec, t.precision), key=lambda p: PRECISION_RANK.get(p, 9))
    value = res.isoformat() if prec in ("day", "week") else res.isoformat()[:7] if prec == "month" else str(res.year)
    return value, prec, f"'{t.text}' from the anchor {anchor_value}"


def _tense_present(sent: Sentence, e: Event) -> bool:
    verbs = [t for t in sent.tokens if t.tense in ("past", "pres", "fut")]
    trig = next((t for t in sent.tokens if t.start == e.trigger_start), None)
    if trig is not None and trig.tense in ("past", "pres"):
        return trig.tense == "pres"
    return bool(verbs) and all(t.tense == "pres" for t in verbs)


BACKGROUND_TYPES = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}


def _when_clause(e: Event, sent: Sentence, spans: list[Timex], when_words: set[str]) -> Timex | None:
    for t in spans:
        if t.start < e.trigger_start and any(
                tok.keys & when_words for tok in sent.tokens if t.end <= tok.start < e.trigger_start):
            return t
    return None


def _background_after(sent: Sentence, patterns: LanguagePatterns) -> bool:
    """`Після вторгнення …`, `After the annexation …`: a conflict named as background,
    undated; `Після переговорів …` continues the story at its date."""
    for t in sent.tokens[1:5]:
        if any(p.type in BACKGROUND_TYPES for p, _ in patterns.candidates(t.keys)):
            return True
    return False


def _own_timex(e: Event, absolute: list[Timex], sent_events: list[Event], time_follows: bool) -> Timex:
    """The time expression of this event's own stretch of the sentence: in English the
    one after its trigger and before the next (`test in 2006 and expelled … in 2009`),
    in Ukrainian and Russian the one before it and after the previous; else the nearest."""
    pos = e.trigger_start
    starts = sorted({x.trigger_start for x in sent_events})
    k = starts.index(pos) if pos in starts else -1
    lo = starts[k - 1] if k > 0 else -1
    hi = starts[k + 1] if 0 <= k < len(starts) - 1 else 10**9
    own = [t for t in absolute if (pos < t.start < hi)] if time_follows else [t for t in absolute if lo < t.start < pos]
    if own:
        return min(own, key=lambda t: abs(t.start - pos))
    return min(absolute, key=lambda t: (abs(t.start - pos), t.start > pos))


def _date_one(e: Event, sent: Sentence, absolute: list[Timex], timexes: list[Timex],
              discourse: tuple[str, str] | None, pub: date | None, after_words: frozenset[str],
              patterns: LanguagePatterns, sent_events: list[Event] = (), time_follows: bool = False):  # type: ignore[assignment]
    pos = e.trigger_start
    shifts = [t for t in timexes if t.shift_after]
    anchor = min(absolute, key=lambda t: PRECISION_RANK.get(t.precision, 9), default=None)
    anchor_value = anchor.value if anchor else (discourse[0] if discourse else (pub.isoformat() if pub else None))
    anchor_prec = anchor.precision if anchor else "day"
    for t in shifts:
        if anchor_value and (t.shift_after < 0 or pos > t.start):
            return _shifted(anchor_value, anchor_prec, t)
    if absolute:
        best = _own_timex(e, absolute, sent_events, time_follows)
        return best.value, best.precision, f"time expression '{best.text}'"
    if shifts and anchor_value:
        return anchor_value, "day", "the anchor of a relative expression"
    first = sent.tokens[0] if sent.tokens else None
    if first is not None and first.keys & after_words and _background_after(sent, patterns):
        return None, None, "the sentence opens with 'after' an undated event"
    if _tense_present(sent, e) and pub is not None:
        return pub.isoformat(), "day", "present tense: the publication date"
    if discourse:
        return discourse[0], discourse[1], "the date the story is about"
    if sent.paragraph == 0 and pub is not None:
        return pub.isoformat(), "day", "the lead paragraph: the publication date"
    return None, None, "the text gives no date"
