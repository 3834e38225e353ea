"""Compile one language's pattern file: every trigger word is analysed by the language
module, so patterns are written in dictionary form and match any inflection."""

from __future__ import annotations

from dataclasses import dataclass, field

from litopys.lang.base import Language, normalise


@dataclass(frozen=True, slots=True)
class Context:
    """`with_any` / `without` words: single words match any token's keys; a multi-word
    entry ("air defence", "voting rights") matches only as adjacent words, never by its parts."""

    words: frozenset[str] = frozenset()
    phrases: tuple[tuple[frozenset[str], ...], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.words or self.phrases)

    def found(self, tokens: list, lo: int = 0, hi: int | None = None) -> bool:
        """Does a word or phrase of the set occur within tokens[lo:hi]?"""
        lo, hi = max(0, lo), len(tokens) if hi is None else min(hi, len(tokens))
        if self.words and any(t.keys & self.words for t in tokens[lo:hi]):
            return True
        return any(match_trigger(tokens[:hi], j, ph) for ph in self.phrases for j in range(lo, hi - len(ph) + 1))


@dataclass(slots=True)
class EventPattern:
    id: str
    triggers: list[tuple[frozenset[str], ...]]  # each trigger: a sequence of key sets
    type: str
    cameo: str
    mode: str = ""
    with_any: Context = Context()
    without: Context = Context()
    symmetric: bool = False
    negated: bool = False
    participles: bool = False
    target: str = "required"
    negates_next: bool = False
    domestic: bool = False
    priority: int = 0
    nouns: tuple[bool, ...] = ()  # per trigger: is it a noun (a nominalised event)?
    genitive: str = "source"  # "вторгнення Росії" (source) or "заморожування активів Путіна" (target)


@dataclass(slots=True)
class RelationPattern:
    id: str
    type: str
    triggers: list[tuple[frozenset[str], ...]]
    with_any: Context = Context()
    without: Context = Context()
    ends: bool = False  # "withdrew from the treaty": the relation ends


@dataclass(slots=True)
class Grammar:
    words: dict[str, frozenset[str]] = field(default_factory=dict)

    def __getitem__(self, key: str) -> frozenset[str]:
        return self.words.get(key, frozenset())


@dataclass(slots=True)
class LanguagePatterns:
    lang: str
    grammar: Grammar
    events: list[EventPattern]
    relations: list[RelationPattern]
    time: dict
    by_first_key: dict[str, list[tuple[EventPattern, int]]] = field(default_factory=dict)

    def candidates(self, keys: frozenset[str]) -> list[tuple[EventPattern, int]]:
        """Patterns whose trigger may start at a token with these keys (an index, so a
        sentence costs one dict lookup per token and key, not one test per pattern)."""
        out: list[tuple[EventPattern, int]] = []
        for k in keys:
            out.extend(self.by_first_key.get(k, ()))
        return out


def _keys(lang: Language, word: str) -> frozenset[str]:
    return frozenset({normalise(word), lang.analyse(word).lemma})


def _phrase(lang: Language, phrase: str) -> tuple[frozenset[str], ...]:
    return tuple(_keys(lang, phrase[s:e]) for s, e in lang.word_spans(phrase))


def _flat(lang: Language, words: list[str] | None) -> frozenset[str]:
    out: set[str] = set()
    for w in words or []:
        for keys in _phrase(lang, w):
            out |= keys
    return frozenset(out)


def _context(lang: Language, words: list[str] | None) -> Context:
    """Single words by their keys; multi-word entries kept whole, as phrases."""
    phrases = [_phrase(lang, w) for w in words or []]
    return Context(frozenset().union(*(p[0] for p in phrases if len(p) == 1)),
                   tuple(p for p in phrases if len(p) > 1))


def compile_patterns(data: dict, lang: Language) -> LanguagePatterns:
    # grammar words are single tokens: a multi-word entry ("as well as") would add its parts
    surface_only = {"future_aux"}  # "буде" must not match "було" through the lemma "бути"
    grammar = Grammar({k: frozenset(normalise(w) for w in v if " " not in w)
                       | (frozenset() if k in surface_only else _flat(lang, [w for w in v if " " not in w]))
                       for k, v in data["grammar"].items()})
    events = [
        EventPattern(
            id=p["id"], triggers=[_phrase(lang, t) for t in p["triggers"]], type=p["type"], cameo=p["cameo"],
            mode=p.get("mode", ""), with_any=_context(lang, p.get("with_any")), without=_context(lang, p.get("without")),
            symmetric=p.get("symmetric", False), negated=p.get("negated", False),
            participles=p.get("participles", False), target=p.get("target", "required"),
            negates_next=p.get("negates_next", False), domestic=p.get("domestic", False),
            priority=p.get("priority", 0),
            nouns=tuple(lang.analyse(t.split()[0]).pos == "NOUN" for t in p["triggers"]),
            genitive=p.get("genitive", "source"),
        )
        for p in data["events"]
    ]
    relations = [
        RelationPattern(p["id"], p["type"], [_phrase(lang, t) for t in p["triggers"]],
                        _context(lang, p.get("with_any")), _context(lang, p.get("without")), p.get("ends", False))
        for p in data["relations"]
    ]
    time = dict(data["time"])
    for key in ("months", "weekdays", "relative_days", "relative_years", "units", "numbers"):
        table: dict[str, int] = {}
        for w, v in (time.get(key) or {}).items():
            for k in _keys(lang, str(w)):
                table.setdefault(k, v)
        time[key] = table
    for key in ("after", "shift", "earlier", "year_words", "deadline", "when", "last"):
        time[key] = sorted(_flat(lang, time.get(key)))
    time["same_year"] = [[_keys(lang, w) for w in seq] for seq in time.get("same_year", [])]
    time["relative_phrases"] = [
        dict(p, words=[_keys(lang, w) for w in p["words"]]) for p in time.get("relative_phrases", [])
    ]
    index: dict[str, list[tuple[EventPattern, int]]] = {}
    for pat in events:
        for ti, trig in enumerate(pat.triggers):
            for k in trig[0]:
                if (pat, ti) not in index.setdefault(k, []):
                    index[k].append((pat, ti))
    return LanguagePatterns(data["lang"], grammar, events, relations, time, index)


def match_trigger(tokens: list, i: int, trigger: tuple[frozenset[str], ...]) -> int:
    """Length of the trigger matched at token i (0 if none)."""
    if i + len(trigger) > len(tokens):
        return 0
    for k, keys in enumerate(trigger):
        if not (tokens[i + k].keys & keys):
            return 0
    return len(trigger)
