"""`litopys explain`: for each sentence, the tokens with lemmas and cases, the resolved
mentions, the time expressions, the events coded (and why) and the candidates dropped
(and why). The analyst's answer to "why did it code that?"."""

from __future__ import annotations

from litopys.model import Document


def explain_lines(doc: Document, sentence: int | None = None) -> list[str]:
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
                           f"trigger='{e.trigger}' {e.rule}")
                for n in e.notes:
                    out.append(f"        because: {n}")
        for e, why in dropped.get(s.index, []):
            out.append(f"    dropped {e.event_type} trigger='{e.trigger}' {e.rule}: {why} "
                       f"({e.source.code if e.source else None}→{e.target.code if e.target else None}; {'; '.join(e.notes)})")
    return out
