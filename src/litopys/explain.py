"""`litopys explain`: for each sentence, the tokens with lemmas and cases, the resolved
mentions, the time expressions, the events coded (and why) and the candidates dropped
(and why). The analyst's answer to "why did it code that?"."""

from __future__ import annotations

from litopys.events.cameo import goldstein, is_valid, quad_class
from litopys.events.patterns import LanguagePatterns, match_trigger
from litopys.model import Document, Sentence


def _scale(code: str) -> str:
    """Quad class and Goldstein score, as GDELT users read them."""
    return f"quad={quad_class(code)} goldstein={goldstein(code):+.1f} " if is_valid(code) else ""


CONTENT = frozenset({"NOUN", "VERB", "ADJ"})


def near_misses(s: Sentence, patterns: LanguagePatterns, handled: set[int]) -> list[str]:
    """Patterns whose trigger begins at a word of this sentence but that coded nothing there,
    and the first reason that stopped them: what an analyst needs to see a pattern almost fire."""
    out: list[str] = []
    toks = s.tokens
    for i, tok in enumerate(toks):
        if tok.start in handled:
            continue
        seen: set[str] = set()
        for pat, ti in patterns.candidates(tok.keys):
            if pat.id in seen:
                continue
            seen.add(pat.id)
            trigger = pat.triggers[ti]
            n = match_trigger(toks, i, trigger)
            if n == 0:
                if tok.pos not in CONTENT or (i > 0 and tok.is_cap):
                    continue  # "on", "States": a function word or a name only happens to begin a trigger
                why = f"'{tok.text}' begins its {len(trigger)}-word trigger, the next words differ"
            elif pat.with_any and not pat.with_any.found(toks):
                why = "trigger found, but none of its context words (with_any) is in the sentence"
            elif pat.without and pat.without.found(toks):
                why = "trigger found, but a word it must not appear with (without) is in the sentence"
            else:
                why = "trigger found; no actor in a role it accepts, or another pattern took the word"
            out.append(f"    nearly {pat.type} {pat.id}: {why}")
    return out


def explain_lines(doc: Document, sentence: int | None = None, patterns: LanguagePatterns | None = None) -> list[str]:
    out: list[str] = []
    dropped = {}
    for e, why in doc.dropped:
        dropped.setdefault(e.evidence.sentence, []).append((e, why))
    for s in doc.sentences:
        if sentence is not None and s.index != sentence:
            continue
        out.append(f"[{s.index}] (paragraph {s.paragraph}) {s.text}")
        toks = " ".join(f"{t.text}/{t.lemma}/{t.pos}{'/' + ','.join(sorted(t.cases)) if t.cases else ''}{'/' + t.tense if t.tense else ''}"
                        for t in s.tokens)
        out.append(f"    tokens: {toks}")
        for m in doc.mentions:
            if m.sentence == s.index:
                a = m.actor
                out.append(f"    mention: '{m.text}' → {a.code} {a.kind} {a.role or ''} {a.sector or ''} via {m.via} ({m.rule})")
        for t in doc.timexes:
            if t.sentence == s.index:
                out.append(f"    time: '{t.text}' → {t.value} {t.precision} ({t.rule}{', shift ' + str(t.shift_after) if t.shift_after else ''})")
        for e in doc.events:
            if e.evidence.sentence == s.index:
                out.append(f"    EVENT {e.event_type}/{e.mode or '-'} {e.cameo} {e.source.code if e.source else None}→"
                           f"{e.target.code if e.target else None} date={e.date} ({e.date_precision}) neg={e.negated} "
                           f"{'modality=' + e.modality + ' ' if e.modality != 'asserted' else ''}"
                           f"{'reported_by=' + e.reported_by.code + ' ' if e.reported_by else ''}"
                           f"{_scale(e.cameo)}trigger='{e.trigger}' {e.rule}")
                for n in e.notes:
                    out.append(f"        because: {n}")
        for e, why in dropped.get(s.index, []):
            out.append(f"    dropped {e.event_type} trigger='{e.trigger}' {e.rule}: {why} "
                       f"({e.source.code if e.source else None}→{e.target.code if e.target else None}; {'; '.join(e.notes)})")
        if patterns is not None:
            handled = {e.trigger_start for e in doc.events if e.evidence.sentence == s.index}
            handled |= {e.trigger_start for e, _ in dropped.get(s.index, [])}
            out.extend(near_misses(s, patterns, handled))
    return out
