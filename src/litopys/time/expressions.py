"""Find time expressions by token lemmas (the words per language are data in
`data/patterns/LANG.yaml`, section `time`) and resolve them against the publication
date, keeping their precision. Nothing here defaults to the publication date: a
sentence with no expression gets its date later, from discourse rules in events/dating."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from litopys.model import Document, Sentence, Timex, Token

YEAR_RE = re.compile(r"^(1[89]\d\d|20\d\d)(?:-[^\W\d_]+)?$")
DAY_RE = re.compile(r"^([12]?\d|3[01])(?:-[^\W\d_]+)?$")
ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DECADE_RE = re.compile(r"^(1[89]\d0|20\d0)s$")
# a year that names a time span, not a thing: "на початку 2019 року" dates what follows;
# patterns may override per language with `time.period_nouns`
PERIOD_NOUNS = frozenset({
    "початок", "кінець", "середина", "половина", "весна", "літо", "осінь", "зима", "квартал", "рік", "місяць",
    "начало", "конец", "лето", "осень", "год", "месяц",  # and the words both languages share
    "beginning", "start", "end", "middle", "half", "spring", "summer", "autumn", "fall", "winter", "quarter", "year",
})
OPEN_QUOTES = {"«": "»", "“": "”", "„": "“", '"': '"'}
NAME_MAX_TOKENS = 8


def _keys(t: Token) -> frozenset[str]:
    return t.keys


def _lookup(t: Token, table: dict) -> object | None:
    for k in t.keys:
        if k in table:
            return table[k]
    return None


DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these", "those"})


def _inflected(toks: list[Token]) -> bool:
    """Ukrainian and Russian tokens carry cases; English ones never do."""
    return any(t.cases for t in toks)


def _iso(d: date) -> str:
    return d.isoformat()


class TimeFinder:
    """requires: tokens; assigns: doc.timexes."""

    name = "time"

    def __init__(self, data: dict) -> None:
        self.months: dict[str, int] = data.get("months", {})
        self.weekdays: dict[str, int] = data.get("weekdays", {})
        self.rel_days: dict[str, int] = data.get("relative_days", {})
        self.rel_years: dict[str, int] = data.get("relative_years", {})
        self.rel_phrases: list[dict] = data.get("relative_phrases", [])
        self.units: dict[str, int] = data.get("units", {})
        self.numbers: dict[str, int] = data.get("numbers", {})
        self.after: set[str] = set(data.get("after", []))
        self.shift: set[str] = set(data.get("shift", []))
        self.earlier: set[str] = set(data.get("earlier", []))
        self.year_words: set[str] = set(data.get("year_words", []))
        self.same_year: list[list[frozenset[str]]] = data.get("same_year", [])
        self.deadline: set[str] = set(data.get("deadline", []))
        self.since: set[str] = {w.lower() for w in data.get("since", [])}
        self.last: set[str] = set(data.get("last", []))
        self.months_capitalised: bool = bool(data.get("months_capitalised", False))
        self.period_nouns: frozenset[str] = frozenset(data.get("period_nouns", PERIOD_NOUNS))
        # every word a time expression can start with: other tokens are skipped at once
        starts: set[str] = set(self.months) | set(self.weekdays) | set(self.rel_days) | set(self.rel_years)
        starts |= set(self.units) | set(self.numbers) | self.shift | self.last
        for phrase in self.rel_phrases:
            starts |= set(phrase["words"][0])
        self.starts = frozenset(starts)

    def __call__(self, doc: Document) -> Document:
        out: list[Timex] = []
        for sent in doc.sentences:
            for t in self.find(sent, doc.published, out):
                before = sent.tokens[max(0, t.tok_start - 2):t.tok_start]
                if any(b.keys & self.deadline for b in before):
                    t.rule += ":deadline"  # "до кінця 2019 року": when something is due, not when it happened
                elif before and before[-1].lower in self.since:
                    t.rule += ":since"  # "перший візит з квітня 2022 року": the start of a span
                elif self.modifier(sent, t):
                    t.rule += ":modifier"  # "the 2020 election", «Морское взаимодействие – 2014»
                out.append(t)
        doc.timexes = out
        return doc

    # -- what a time expression dates -----------------------------------------------
    def modifier(self, sent: Sentence, t: Timex) -> bool:
        """True when the expression belongs to a noun or a name rather than to the clause:
        `the 2020 election`, `Russia's 2014 annexation`, `вибори 2019 року`, `учения
        «Морское взаимодействие – 2014»`. It dates that noun, not the sentence's other events."""
        return self._in_name(sent, t) or self._noun_modifier(sent, t)

    def _in_name(self, sent: Sentence, t: Timex) -> bool:
        """Inside a short quoted name that starts with a capital: «Морское взаимодействие – 2014»."""
        toks = sent.tokens
        i = 0
        while i < len(toks):
            close = OPEN_QUOTES.get(toks[i].text)
            if close is None:
                i += 1
                continue
            j = next((k for k in range(i + 1, min(len(toks), i + NAME_MAX_TOKENS + 2)) if toks[k].text == close), None)
            if j is None:
                i += 1
                continue
            if i < t.tok_start and t.tok_end <= j and j - i - 1 <= NAME_MAX_TOKENS and toks[i + 1].is_cap:
                return True
            i = j + 1
        return False

    def _noun_modifier(self, sent: Sentence, t: Timex) -> bool:
        toks = sent.tokens
        prev = toks[t.tok_start - 1] if t.tok_start else None
        nxt = toks[t.tok_end] if t.tok_end < len(toks) else None
        if prev is None or prev.pos == "PREP":
            return False
        if not _inflected(toks):
            # English: a determiner or possessive, the expression, then the noun it modifies
            determiner = prev.lower in DETERMINERS or prev.lower.endswith(("'s", "’s"))
            noun = nxt is not None and not nxt.tense and (
                nxt.pos in ("NOUN", "ADJ") or (nxt.pos == "X" and any(ch.isalpha() for ch in nxt.text)))
            return determiner and noun
        # Ukrainian, Russian: a noun, then the year in the genitive (`вибори 2019 року`)
        if t.precision != "year" or t.tok_end - t.tok_start != 2:
            return False
        year_word = toks[t.tok_end - 1]
        return ("gen" in year_word.cases and prev.pos == "NOUN" and not prev.keys & self.period_nouns
                and _lookup(prev, self.months) is None)

    # -- scanning -------------------------------------------------------------------
    def find(self, sent: Sentence, pub: date | None, earlier: list[Timex]) -> list[Timex]:
        toks = sent.tokens
        found: list[Timex] = []
        i = 0
        while i < len(toks):
            t = toks[i]
            if not (t.text[:1].isdigit() or t.keys & self.starts):
                i += 1
                continue
            hit = self._at(sent, i, pub, earlier + found)
            if hit is None:
                i += 1
                continue
            found.append(hit)
            i = hit.tok_end
        return found

    def _make(self, sent: Sentence, i: int, j: int, value: str | None, prec: str, rule: str, shift: int = 0) -> Timex:
        toks = sent.tokens
        s, e = toks[i].start, toks[j - 1].end
        return Timex(sent.index, s, e, sent.text[s - sent.start:e - sent.start], value, prec, rule, shift, i, j)

    def _number(self, t: Token) -> int | None:
        if t.text.isdigit():
            return int(t.text)
        n = _lookup(t, self.numbers)
        return int(n) if n is not None else None

    def _at(self, sent: Sentence, i: int, pub: date | None, before: list[Timex]) -> Timex | None:
        toks = sent.tokens
        t = toks[i]
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        nxt2 = toks[i + 2] if i + 2 < len(toks) else None

        m = ISO_RE.match(t.text)
        if m:
            return self._make(sent, i, i + 1, t.text, "day", "time:iso")
        # "через тиждень після", "a day after", "спустя неделю после", "two days earlier"
        shifted = self._shift(sent, i, pub)
        if shifted:
            return shifted
        # day + month (+ year): "12 листопада", "6 August 2022"
        dm = DAY_RE.match(t.text)
        if dm and nxt is not None and _lookup(nxt, self.months):
            day, month = int(dm.group(1)), int(_lookup(nxt, self.months))  # type: ignore[arg-type]
            j = i + 2
            year = None
            if nxt2 is not None and YEAR_RE.match(nxt2.text):
                year, j = int(nxt2.text[:4]), i + 3
                if j < len(toks) and toks[j].keys & self.year_words:
                    j += 1
            return self._day(sent, i, j, year, month, day, pub)
        # month + day (+ , year): "Aug. 6, 1945", "on Nov. 12"
        month = _lookup(t, self.months)
        if month is not None and (t.is_cap or not self.months_capitalised):
            j = i + 1
            if j < len(toks) and toks[j].text == ".":
                j += 1
            if j < len(toks) and DAY_RE.match(toks[j].text) and not YEAR_RE.match(toks[j].text):
                day = int(DAY_RE.match(toks[j].text).group(1))  # type: ignore[union-attr]
                k, year = j + 1, None
                if k < len(toks) and toks[k].text == ",":
                    k += 1
                if k < len(toks) and YEAR_RE.match(toks[k].text):
                    year, k = int(toks[k].text[:4]), k + 1
                else:
                    k = j + 1
                return self._day(sent, i, k, year, int(month), day, pub)  # type: ignore[arg-type]
            # month + year: "березні 2014 року", "February 2015"
            if j < len(toks) and YEAR_RE.match(toks[j].text):
                k = j + 1
                if k < len(toks) and toks[k].keys & self.year_words:
                    k += 1
                return self._make(sent, i, k, f"{toks[j].text[:4]}-{int(month):02d}", "month", "time:month-year")  # type: ignore[arg-type]
            # month of the same year: "у червні того ж року"
            same = self._same_year(sent, j)
            if same and before:
                yr = next((x.value[:4] for x in reversed(before) if x.value), None)
                if yr:
                    return self._make(sent, i, same, f"{yr}-{int(month):02d}", "month", "time:month-same-year")  # type: ignore[arg-type]
            if pub is not None:
                year = pub.year if int(month) <= pub.month else pub.year - 1
                return self._make(sent, i, i + 1, f"{year}-{int(month):02d}", "month", "time:month")
        # year: "у 1998 році", "1992-го", "in 2009"
        if YEAR_RE.match(t.text):
            j = i + 1
            if j < len(toks) and toks[j].keys & self.year_words:
                j += 1
            return self._make(sent, i, j, t.text[:4], "year", "time:year")
        dm2 = DECADE_RE.match(t.text)
        if dm2:
            return self._make(sent, i, i + 1, dm2.group(1)[:3] + "0", "decade", "time:decade")
        if pub is None:
            return None
        wd = self.weekdays.get(t.lemma, self.weekdays.get(t.lower))
        prev = toks[i - 1] if i else None
        last = prev is not None and bool(prev.keys & self.last)
        # "у середу", "on Wednesday", "в прошлую пятницу": a weekday after a preposition or "last"
        # (bare "серед" is "among")
        if wd is not None and ((prev is not None and prev.pos == "PREP") or last or (self.months_capitalised and t.is_cap)):
            back = (pub.weekday() - int(wd)) % 7  # type: ignore[call-overload]
            if last and back == 0:
                back = 7
            start = i - 1 if last else i
            return self._make(sent, start, i + 1, _iso(pub - timedelta(days=back)), "day", "time:weekday")
        for phrase in self.rel_phrases:
            words = phrase["words"]
            if i + len(words) <= len(toks) and all(w & toks[i + k].keys for k, w in enumerate(words)):
                return self._relative(sent, i, i + len(words), pub, phrase)
        rd = _lookup(t, self.rel_days)
        if rd is not None and nxt is not None and nxt.pos == "NOUN" and "gen" in nxt.cases:
            rd = None  # "напередодні саміту": the eve of something, not of publication
        if rd is not None:
            return self._make(sent, i, i + 1, _iso(pub + timedelta(days=int(rd))), "day", "time:relative-day")  # type: ignore[call-overload]
        ry = _lookup(t, self.rel_years)
        if ry is not None:
            return self._make(sent, i, i + 1, str(pub.year + int(ry)), "year", "time:relative-year")  # type: ignore[call-overload]
        return None

    def _relative(self, sent: Sentence, i: int, j: int, pub: date, phrase: dict) -> Timex:
        unit, n = phrase.get("unit", "day"), int(phrase.get("offset", 0))
        if unit == "year":
            return self._make(sent, i, j, str(pub.year + n), "year", "time:relative-year")
        if unit == "month":
            y, mth = divmod(pub.year * 12 + pub.month - 1 + n, 12)
            return self._make(sent, i, j, f"{y}-{mth + 1:02d}", "month", "time:relative-month")
        if unit == "week":
            return self._make(sent, i, j, _iso(pub + timedelta(days=7 * n)), "week", "time:relative-week")
        return self._make(sent, i, j, _iso(pub + timedelta(days=n)), "day", "time:relative-day")

    def _same_year(self, sent: Sentence, j: int) -> int | None:
        toks = sent.tokens
        for words in self.same_year:
            if j + len(words) <= len(toks) and all(w & toks[j + k].keys for k, w in enumerate(words)):
                return j + len(words)
        return None

    def _day(self, sent: Sentence, i: int, j: int, year: int | None, month: int, day: int, pub: date | None) -> Timex | None:
        if year is None:
            if pub is None:
                return None
            year = pub.year if month <= pub.month else pub.year - 1
        if day > calendar.monthrange(year, month)[1]:
            return None
        return self._make(sent, i, j, f"{year}-{month:02d}-{day:02d}", "day", "time:day-month")

    def _shift(self, sent: Sentence, i: int, pub: date | None) -> Timex | None:
        """`через тиждень після X` / `a week after X`: X lies N days before the anchor.
        `два дні тому`, `two days earlier`: the event lies N days before the anchor."""
        toks = sent.tokens
        j = i
        if toks[j].keys & self.shift:
            j += 1
        n = 1
        if j < len(toks):
            num = self._number(toks[j])
            if num is not None and num < 400:
                n, j = num, j + 1
        if j >= len(toks):
            return None
        unit = _lookup(toks[j], self.units)
        if unit is None:
            return None
        days = n * int(unit)  # type: ignore[call-overload]
        k = j + 1
        if k < len(toks) and toks[k].keys & self.after:
            prec = "week" if days >= 7 else "day"
            return self._make(sent, i, k + 1, None, prec, "time:shift-after", shift=days)
        if k < len(toks) and toks[k].keys & self.earlier:
            prec = "week" if days >= 7 else "day"
            return self._make(sent, i, k + 1, None, prec, "time:shift-earlier", shift=-days)
        return None
