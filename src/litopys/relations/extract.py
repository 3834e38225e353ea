"""The relation stage. Membership-like relations pair the states of a sentence with its
organisations: a state that is the subject of `входить до A та до B` belongs to both;
a state listed after an organisation (`ЄАЕС (його членами є … Вірменія, Білорусь)`)
belongs to the nearest organisation before it. Other relations are read off events."""

from __future__ import annotations

from litopys.events.arguments import is_nominative, preposition
from litopys.events.patterns import LanguagePatterns, RelationPattern, match_trigger
from litopys.model import Actor, Document, Mention, Relation, Sentence

OBJECT_KINDS = {"organisation"}


class RelationExtractor:
    """requires: mentions, events; assigns: doc.relations."""

    name = "relations"

    def __init__(self, patterns: LanguagePatterns, state_codes: set[str]) -> None:
        self.p = patterns
        self.states = state_codes
        self._first_keys = frozenset(k for pat in patterns.relations for trig in pat.triggers for k in trig[0])

    def __call__(self, doc: Document) -> Document:
        rels: list[Relation] = []
        by_sentence: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        for sent in doc.sentences:
            mentions = by_sentence.get(sent.index, [])
            for pat, i, n, negated in self._triggers(sent):
                if negated:
                    continue
                rels.extend(self._from_trigger(doc, sent, mentions, pat, i, n))
        rels.extend(self._from_events(doc))
        doc.relations = _dedupe(rels)
        return doc

    def _triggers(self, sent: Sentence):
        toks = sent.tokens
        window_all = set().union(*(t.keys for t in toks)) if toks else set()
        if not window_all & self._first_keys:
            return
        negators = self.p.grammar["negators"]
        for i in range(len(toks)):
            if not toks[i].keys & self._first_keys:
                continue
            for pat in self.p.relations:
                for trig in pat.triggers:
                    n = match_trigger(toks, i, trig)
                    if not n:
                        continue
                    if pat.with_any and not pat.with_any.found(toks):
                        continue
                    if pat.without and pat.without.found(toks):
                        continue
                    negated = any(toks[j].keys & negators for j in range(max(0, i - 2), i))
                    yield pat, i, n, negated
                    break

    def _state(self, m: Mention) -> bool:
        return m.actor.code in self.states and m.via != "pair"

    def _from_trigger(self, doc: Document, sent: Sentence, mentions: list[Mention], pat: RelationPattern,
                      i: int, n: int) -> list[Relation]:
        rule = f"pattern:{pat.id}"
        if pat.type == "relation_level":
            return self._level(doc, sent, mentions, i, n, rule)
        kinds = {"treaty"} if pat.type == "party_to" else OBJECT_KINDS
        objects = [m for m in mentions if m.actor.kind in kinds and m.actor.code not in self.states]
        # a state that is a partner ("з Путіним") or a target ("проти Росії") is an argument of something else
        g = self.p.grammar
        subjects = [m for m in mentions if self._state(m)
                    and preposition(sent, m, g) not in (g["comitative"] | g["against"])]
        if not objects or not subjects:
            return []
        out = []
        for s in subjects:
            if s.tok_end <= i and is_nominative(sent, s, self.p.grammar):
                targets = [o for o in objects if o.tok_start >= i + n] or [min(objects, key=lambda o: abs(o.tok_start - i))]
            else:
                left = [o for o in objects if o.tok_end <= s.tok_start]
                targets = [left[-1]] if left else [min(objects, key=lambda o: abs(o.tok_start - s.tok_start))]
            when = self._when(doc, sent)
            for o in targets:
                ev = doc.evidence(sent.index, s.start, s.end) if o.start < s.start else doc.evidence(sent.index, min(s.start, o.start), max(s.end, o.end))
                rel = Relation(pat.type, _state_actor(s.actor), o.actor, ev, rule)
                if pat.type in ("party_to", "member_of"):  # joining or leaving is dated by the sentence
                    rel.until, rel.since = (when, None) if pat.ends else (None, when)
                out.append(rel)
        return out

    @staticmethod
    def _when(doc: Document, sent: Sentence) -> str | None:
        values = [t.value for t in doc.timexes if t.sentence == sent.index and t.value]
        return values[0] if values else None

    def _level(self, doc: Document, sent: Sentence, mentions: list[Mention], i: int, n: int, rule: str) -> list[Relation]:
        pair = self._pair(doc, sent, mentions)
        if pair is None:
            return []
        toks = sent.tokens
        j = i + n
        while j < len(toks) and toks[j].pos != "PUNCT":
            j += 1
        value = doc.text[toks[i + n].start:toks[j - 1].end] if j > i + n else ""
        k = i
        while k > 0 and toks[k - 1].pos != "PUNCT" and i - k < 4:
            k -= 1
        since = next((e.date for e in doc.events if e.evidence.sentence == sent.index and e.date), None)
        ev = doc.evidence(sent.index, toks[k].start, toks[j - 1].end)
        return [Relation("relation_level", pair[0], pair[1], ev, rule, value=value, since=since)]

    def _pair(self, doc: Document, sent: Sentence, mentions: list[Mention]) -> tuple[Actor, Actor] | None:
        for e in doc.events:
            if e.evidence.sentence == sent.index and e.source and e.target and e.symmetric:
                return e.source, e.target
        codes: list[Actor] = []
        for m in mentions:
            if m.actor.code and all(a.code != m.actor.code for a in codes):
                codes.append(m.actor)
        return (codes[0], codes[1]) if len(codes) >= 2 else None

    def _from_events(self, doc: Document) -> list[Relation]:
        out = []
        for e in doc.events:
            if not (e.source and e.target):
                continue
            # by CAMEO code: 054 recognition, 057 a signed agreement (not a ratification), 163 sanctions
            if e.event_type == "SUPPORT" and e.cameo == "054" and e.negated:
                out.append(Relation("does_not_recognize", e.source, e.target, e.evidence, f"{e.rule}+negated",
                                    value=e.evidence.text, since=e.date))
            elif e.event_type == "SUPPORT" and e.cameo == "057" and not e.rule.endswith(".ratify") and not e.negated:
                sent = doc.sentences[e.evidence.sentence]
                if any(t.keys & self.p.grammar["treaty_words"] for t in sent.tokens):
                    out.append(Relation("treaty", e.source, e.target, e.evidence, f"{e.rule}+treaty",
                                        value=_quoted(sent.text) or e.evidence.text, since=e.date))
            elif e.event_type == "SANCTION" and e.cameo == "163" and not e.negated:
                out.append(Relation("sanctions", e.source, e.target, e.evidence, f"{e.rule}+sanctions", since=e.date))
        return out


def _quoted(text: str) -> str:
    for a, b in (("«", "»"), ("“", "”"), ('"', '"')):
        s = text.find(a)
        if s >= 0:
            e = text.find(b, s + 1)
            if e > s:
                return text[s + 1:e]
    return ""


def _state_actor(a: Actor) -> Actor:
    return Actor(a.code, "state", a.name if a.kind == "state" else "")


def _dedupe(rels: list[Relation]) -> list[Relation]:
    seen: set[tuple] = set()
    out = []
    for r in rels:
        key = (r.type, r.subject.code, r.object.code, r.since)
        if key in seen:
            continue
        seen.add(key)
        out.append(r)
    return out
