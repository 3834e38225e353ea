"""Cheap clause structure from punctuation and function words: enough to tell a main
clause from a relative one (`Токаєв, який перебуває з візитом у Москві, і Путін
підписали`) without a parser."""

from __future__ import annotations

from dataclasses import dataclass

from litopys.events.patterns import Grammar
from litopys.model import Sentence

BREAKS = {",", ";", ":", "(", ")", "–", "—", "«", "»", '"', "“", "”"}


@dataclass(slots=True)
class Segment:
    start: int  # token index, inclusive
    end: int  # exclusive
    subordinate: bool


def segments(sent: Sentence, grammar: Grammar) -> list[Segment]:
    toks = sent.tokens
    rel = grammar["relatives"]
    # "может ли Эрдоган …", "чи може …", "whether …": an embedded question opens like a relative
    relative_starts = {t.i for t in sent.tokens if t.keys & (rel | grammar["question_particles"])}
    comp = grammar["complementizers"] | grammar["conditional"] | grammar["subordinators"]
    out: list[Segment] = []
    start = 0
    for i, t in enumerate(toks + [None]):  # type: ignore[operator]
        if t is None or t.text in BREAKS:
            if i > start:
                out.append(Segment(start, i, _is_sub(sent, start, i, relative_starts, comp)))
            start = i + 1
    return out or [Segment(0, len(toks), False)]


def _is_sub(sent: Sentence, start: int, end: int, relative_starts: set[int], comp: frozenset[str]) -> bool:
    first = sent.tokens[start]
    # "який …", "з якою …", "of which …": a relative pronoun opens the clause
    if any(k in relative_starts for k in range(start, min(end, start + 2))):
        return True
    # "..., і президент Росії" is coordination, not subordination
    return bool(first.keys & comp)


def segment_of(segs: list[Segment], i: int) -> int:
    for k, s in enumerate(segs):
        if s.start <= i < s.end:
            return k
    return max(0, len(segs) - 1)
