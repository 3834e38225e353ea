"""A token trie over lemma keys: every surface form of the lexicon is analysed by the same
language module as the text, so `Казахстану`, `Москві`, `Токаєвим` meet the entries
`Казахстан`, `Москва`, `Токаєв`. Longest match wins."""

from __future__ import annotations

from dataclasses import dataclass, field

from litopys.lang.base import Language, normalise
from litopys.lexicon.load import Lexicon, Ref
from litopys.model import Sentence


@dataclass(slots=True)
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    refs: list[tuple[Ref, bool, str]] = field(default_factory=list)  # ref, ambiguous, surface


@dataclass(slots=True)
class Match:
    tok_start: int
    tok_end: int
    refs: list[tuple[Ref, bool, str]]
    exact: bool = False  # matched the written forms, not only lemmas
    keys: tuple[str, ...] = ()  # the key each token matched by


class Matcher:
    def __init__(self, lexicon: Lexicon, lang: Language, with_places: bool = True) -> None:
        self.root = _Node()
        self.lang = lang
        known: set[str] = set()
        for surface, ref, ambiguous in lexicon.surface_forms(lang.code):
            self._add(surface, ref, ambiguous)
            known.add(normalise(surface))
        for code, entry in lexicon.states.items():
            # "Palestinians", "українці": the people of a state (states.yaml `demonyms`)
            amb = set(entry.get("ambiguous") or [])
            for surface in (entry.get("demonyms") or {}).get(lang.code) or []:
                self._add(surface, Ref("state", code, "demonym"), surface in amb)
                known.add(normalise(surface))
        if with_places:
            from litopys.places.gazetteer import places_by_name

            for name, place in places_by_name(lang.code).items():
                words = name.split()
                # "Центральна", "Мирний": an ordinary word first, a town second
                if len(words) == 1 and lang.analyse(name).pos not in ("NOUN", "X"):
                    continue
                if normalise(name) not in known:
                    self._add(name, Ref("place", str(place.geonameid), "place", place.name), False)

    def _add(self, surface: str, ref: Ref, ambiguous: bool) -> None:
        words = [surface[s:e] for s, e in self.lang.word_spans(surface)]
        if not words:
            return
        # paths by lemma (inflection) and by normalised surface (indeclinable, misparsed);
        # a person's or a town's name only by its nominative reading (see _lemma), other
        # names also by the analyser's first reading (`Бурунді`, `Куба`)
        paths = {tuple(self._lemma(w) for w in words), tuple(normalise(w) for w in words)}
        if ref.kind not in ("person", "place"):
            paths.add(tuple(self.lang.analyse(w).lemma for w in words))
        for path in paths:
            node = self.root
            for key in path:
                node = node.children.setdefault(key, _Node())
            if not any(r == ref and sf == surface for r, _, sf in node.refs):
                node.refs.append((ref, ambiguous, surface))

    def _lemma(self, word: str) -> str:
        """The lemma of a lexicon word read as a nominative, since the lexicon holds
        nominatives: `Асадов` is not the genitive plural of `Асад`, nor the town `Радом`
        the instrumental of `рада`. A word with no nominative reading keeps its own form."""
        a = self.lang.analyse(word)
        if not a.lemma_cases:
            return a.lemma
        nominative = [lemma for lemma, cases in a.lemma_cases if "nom" in cases]
        own = normalise(word)
        if own in nominative:
            return own
        return nominative[0] if nominative else own

    def find(self, sentence: Sentence) -> list[Match]:
        """Longest matches win even across starting points (`the Organization for Security
        and Co-operation in Europe` is OSCE, not `the organization` + rest); among equally
        long ones, a match of the written forms (`Вахіді`) beats one through a lemma."""
        toks = sentence.tokens
        candidates = [m for i in range(len(toks)) if (m := self._longest_at(toks, i)) is not None]
        candidates.sort(key=lambda m: (-(m.tok_end - m.tok_start), m.tok_start))
        taken = [False] * len(toks)
        out: list[Match] = []
        for m in candidates:
            if any(taken[m.tok_start:m.tok_end]):
                continue
            for k in range(m.tok_start, m.tok_end):
                taken[k] = True
            out.append(m)
        out.sort(key=lambda m: m.tok_start)
        return out

    def _longest_at(self, toks: list, i: int) -> Match | None:
        best: Match | None = None
        stack: list = [(self.root, i, True, ())]
        while stack:
            node, j, exact, path = stack.pop()
            if j >= len(toks):
                continue
            surface = normalise(toks[j].text)
            for key in toks[j].keys:
                child = node.children.get(key)
                if child is None:
                    continue
                ex = exact and key == surface
                if child.refs and (best is None or j + 1 > best.tok_end or (j + 1 == best.tok_end and ex and not best.exact)):
                    best = Match(i, j + 1, child.refs, ex, path + (key,))
                if child.children:
                    stack.append((child, j + 1, ex, path + (key,)))
        return best
