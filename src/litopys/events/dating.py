"""Give each event the date the text gives it, never the publication date by default.

In order: a time expression in the event's sentence (the nearest; `через тиждень після
X` dates X a week before the anchor); a present-tense statement is dated to publication;
a sentence opening with `після X`/`after X` about an undated X stays undated; otherwise
the date of the episode the event continues (see `Frame`), and in the lead paragraph the
publication date."""

from __future__ import annotations

from dataclasses import dataclass, field
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


@dataclass(slots=True)
class Frame:
    """An episode with a recent date: the events a sentence dated by its own time
    expression. A later sentence with no date of its own continues the latest episode
    whose events share its source (or its pair) and not a different place; "Напередодні
    у Варшаві …" does not date "У Києві Моді зустрівся …", and a weekday in one sentence
    does not date the reactions of the next. A time expression that dated no event only
    carries into the very next sentence. With no episode continued, the lead's date
    (the publication date when the lead names none) dates the news of the day."""

    value: str
    precision: str
    sentence: int
    events: list[Event] = field(default_factory=list)

    def continued_by(self, e: Event, sentence: int, by_source: bool = False) -> bool:
        """The same pair (or, with `by_source`, the same source) and no other place; an
        eventless frame: the next sentence only."""
        if not self.events:
            return sentence == self.sentence + 1
        if e.location is not None and e.location.country and any(
                d.location is not None and d.location.country for d in self.events) and not any(
                d.location is not None and d.location.country == e.location.country for d in self.events):
            return False
        src = e.source.code if e.source else None
        pair = frozenset(x.code for x in (e.source, e.target) if x is not None)
        for d in self.events:
            if e.target is not None and d.target is not None and pair == frozenset(x.code for x in (d.source, d.target) if x is not None):
                return True
            if by_source and src is not None and d.source is not None and src == d.source.code:
                return True
        return False


def _episode(frames: list[Frame], lead: Frame | None, e: Event, sent: Sentence) -> tuple[Frame | None, str]:
    for by_source in (False, True):
        for f in reversed(frames):
            if f.continued_by(e, sent.index, by_source):
                return f, "the date of the episode it continues"
    trig = next((t for t in sent.tokens if t.start == e.trigger_start), None)
    if trig is not None and trig.pos == "NOUN" and e.event_type in BACKGROUND_TYPES and not _governed(sent, trig.i):
        return None, "a conflict named as a noun outside the episodes of the story: background, undated"
    if lead is not None:
        return lead, "the news of the day (the lead)"
    return None, "no episode of the story continued"


def _governed(sent: Sentence, i: int) -> bool:
    """`imposed sanctions`, `завдала удару`: a noun that a verb just before governs is the act
    itself, not a conflict named in passing."""
    for t in sent.tokens[max(0, i - 3):i][::-1]:
        if t.pos == "PUNCT":
            return False
        if t.pos == "VERB" or t.tense:
            return True
    return False


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
    frames: list[Frame] = []
    lead: Frame | None = None  # the news of the day: the lead's date, else the publication date
    after_words = patterns.grammar["after"]
    for sent in doc.sentences:
        timexes = by_sentence.get(sent.index, [])
        mods = [t for t in timexes if t.rule.endswith(":modifier")]  # "the 2020 election": dates the noun only
        timexes = [t for t in timexes if t not in mods]
        absolute = [t for t in timexes if t.value and not t.rule.endswith((":deadline", ":since"))]
        spans = [t for t in timexes if t.value and t.rule.endswith((":deadline", ":since"))]
        when_words = set(patterns.time.get("when", []))
        if lead is None and sent.paragraph > 0:
            first = next((f for f in frames if f.events), frames[0] if frames else None)
            lead = first if first is not None else Frame(pub.isoformat(), "day", -1) if pub is not None else None
        own: dict[str, Frame] = {}
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
            own_mods = [t for t in mods if t.value and _modifies(t, e, sent)]
            absolute_e, timexes_e = absolute + own_mods, timexes + own_mods
            episode, how = (None, "") if absolute_e else _episode(frames, lead, e, sent)
            discourse = (episode.value, episode.precision) if episode else None
            value, prec, why = _date_one(e, sent, absolute_e, timexes_e, discourse, pub, after_words, patterns,
                                         triggers_by_sentence.get(sent.index, []), bool(patterns.time.get("time_follows_verb")),
                                         episode is None and how.startswith("a conflict named"))
            if why == "the date the story is about":
                why = how
            e.date, e.date_precision = value, prec
            e.notes.append(f"date: {why}")
            if absolute and value and prec in ("day", "week") and any(t.value == value for t in absolute) \
                    and _recent(next(t for t in absolute if t.value == value), pub):
                own.setdefault(value, Frame(value, prec, sent.index)).events.append(e)
            elif episode is not None and value == episode.value and why == how:
                episode.events.append(e)  # the episode now includes its continuation's actors
        dated = {f.value for f in own.values()}
        for t in absolute:
            if _recent(t, pub) and t.value not in dated:
                frames.append(Frame(t.value, t.precision, sent.index))  # type: ignore[arg-type]
        frames.extend(own.values())


def _modifies(t: Timex, e: Event, sent: Sentence) -> bool:
    """A year that modifies a noun dates that noun's own event: the word right after it ("the
    2014 annexation") or one of the two words right before it ("анексія Криму 2014 року")."""
    if e.trigger_start < 0:
        return False
    after = [k for k in sent.tokens if k.start >= t.end][:1]
    before = [k for k in sent.tokens if k.end <= t.start][-2:]
    return any(k.start == e.trigger_start for k in after + before)


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
              patterns: LanguagePatterns, sent_events: list[Event] = (), time_follows: bool = False,  # type: ignore[assignment]
              undated: bool = False):
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
    if undated:
        return None, None, "a conflict named as a noun outside the episodes of the story: background, undated"
    if sent.paragraph == 0 and pub is not None:
        return pub.isoformat(), "day", "the lead paragraph: the publication date"
    return None, None, "the text gives no date"
