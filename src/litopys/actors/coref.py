"""References resolved from context, the simple kind news needs: a pronoun is the last
person who was a subject; a relative pronoun is the mention just before it; `сторони`
and `лідери двох країн` are the document's main pair; `сусідня держава` is the last
state named other than the subject."""

from __future__ import annotations

from collections import Counter

from litopys.lexicon.load import Lexicon
from litopys.model import Actor, Document, Mention

REFERRING = ("person", "relative", "pair", "other_state", "org_anaphor", "treaty_anaphor", "both", "it_state", "resolution", "domestic")


def _is_subject(doc: Document, m: Mention) -> bool:
    toks = doc.sentences[m.sentence].tokens
    tok = toks[m.head]
    if m.tok_start == 0:
        return True
    if not tok.cases:  # English: a name right before its verb
        return any(t.tense in ("past", "pres") or t.lower in ("will", "would", "has", "had") for t in toks[m.tok_end:m.tok_end + 2])
    return "nom" in tok.cases


def _governed(doc: Document, m: Mention) -> bool:
    toks = doc.sentences[m.sentence].tokens
    return m.tok_start > 0 and toks[m.tok_start - 1].pos == "PREP"


STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "DIP"})
_LOCATIVE = frozenset({"in", "from", "у", "в", "на"})


def _national(m: Mention) -> bool:
    return len(m.actor.code) == 3 and m.actor.kind in ("state", "place", "person", "role", "group")


def domestic_state(doc: Document, m: Mention) -> str:
    """The country a nameless domestic actor belongs to: `police in Kenya` (a state or town
    right after `in`), else the country the sentence names most (first on a tie), else the
    one the whole story names most; empty when no country is named at all."""
    toks = doc.sentences[m.sentence].tokens
    same = [p for p in doc.mentions if p.sentence == m.sentence and _national(p)]
    j = m.tok_end
    if j < len(toks) and toks[j].lower in _LOCATIVE:
        after = next((p for p in same if p.tok_start in (j + 1, j + 2)), None)
        if after is not None:
            return after.actor.code
    if same:
        counts = Counter(p.actor.code for p in same)
        top = max(counts.values())
        return next(p.actor.code for p in same if counts[p.actor.code] == top)
    story = Counter(p.actor.code for p in doc.mentions if _national(p))
    return story.most_common(1)[0][0] if story else ""


def main_pair(mentions: list[Mention]) -> tuple[Actor, Actor] | None:
    counts: Counter[str] = Counter()
    first: dict[str, Actor] = {}
    for m in mentions:
        if m.actor.kind == "role" and not m.actor.code:
            continue
        if m.via in REFERRING or m.actor.kind == "media" or not m.actor.code:
            continue
        counts[m.actor.code] += 1
        first.setdefault(m.actor.code, Actor(m.actor.code, "state" if len(m.actor.code) == 3 else "organisation",
                                             m.actor.name if m.actor.kind == "state" else ""))
    top = [c for c, _ in counts.most_common(2)]
    if len(top) < 2:
        return None
    return first[top[0]], first[top[1]]


def resolve_references(doc: Document, lex: Lexicon) -> None:
    resolved: list[Mention] = []
    for m in doc.mentions:
        if m.actor.kind != "role" or m.via not in REFERRING or m.actor.code:
            resolved.append(m)
            continue
        actor: Actor | None = None
        members: tuple[Actor, ...] = ()
        if m.via == "person":
            tok = doc.sentences[m.sentence].tokens[m.tok_start]
            objective = tok.lower in ("him", "her") or (bool(tok.cases) and "nom" not in tok.cases)
            subject_here = next((p for p in resolved if p.sentence == m.sentence and p.actor.kind == "person"
                                 and p.start < m.start and _is_subject(doc, p)), None)
            for prev in reversed(resolved):
                if prev.actor.kind == "person" and prev.sentence >= m.sentence - 3 and _is_subject(doc, prev):
                    # "Modi told him": an object pronoun is somebody other than the sentence's subject
                    if objective and subject_here is not None and prev.actor.entity == subject_here.actor.entity:
                        continue
                    actor = prev.actor
                    break
        elif m.via == "relative":
            for prev in reversed(resolved):
                if prev.sentence == m.sentence and prev.end <= m.start and m.start - prev.end <= 3:
                    actor = prev.actor
                    break
        elif m.via == "pair":
            pair = main_pair(resolved + [x for x in doc.mentions if x.sentence <= m.sentence])
            if pair:
                actor, members = pair[0], pair
        elif m.via == "other_state":
            subject = next((p for p in resolved if p.sentence == m.sentence and _is_subject(doc, p)), None)
            candidates = [p for p in reversed(resolved) if p.sentence >= m.sentence - 1 and p.actor.kind != "media"
                          and p.start < m.start and (subject is None or p.actor.code != subject.actor.code)]
            # an actor named outright ("вторгнення Росії") before one after a preposition ("в Україну")
            candidates.sort(key=lambda p: _governed(doc, p))
            if candidates:
                actor = Actor(candidates[0].actor.code, "state", candidates[0].actor.name)
        elif m.via == "org_anaphor":
            # "обʼєднання", "the bloc": a grouping of states, never a court or an agency
            orgs = [p for p in resolved if p.actor.kind == "organisation" and p.start < m.start
                    and (lex.organisations.get(p.actor.code) or {}).get("grouping")]
            if orgs:
                # the organisation the story is about: most often named so far, then most recent
                freq = Counter(p.actor.code for p in orgs)
                best = max(range(len(orgs)), key=lambda k: (orgs[k].sentence == m.sentence, orgs[k].sentence >= m.sentence - 1,
                                                             freq[orgs[k].actor.code], k))
                actor = orgs[best].actor
        elif m.via == "treaty_anaphor":
            treaty = next((p for p in reversed(resolved) if p.actor.kind == "treaty" and p.start < m.start
                           and p.sentence >= m.sentence - 2), None)
            if treaty is not None:
                actor, members = treaty.actor, treaty.members
        elif m.via == "it_state":
            # "North Korea said it was examining …": `it` is the state or body last named as a subject
            prev = next((p for p in reversed(resolved) if p.start < m.start and p.sentence >= m.sentence - 2
                         and p.actor.kind in ("state", "organisation", "role", "group") and p.actor.code
                         and _is_subject(doc, p) and p.via not in ("adjective", "place")), None)
            if prev is not None:
                actor = prev.actor
        elif m.via == "resolution":
            # a resolution is the act of a body named in its sentence (the UN when none is)
            org = next((p for p in reversed(resolved) if p.actor.kind == "organisation" and p.sentence == m.sentence), None)
            actor = org.actor if org is not None else Actor("UN", "organisation", "United Nations")
        elif m.via == "domestic":
            # protesters, police, the government: of the country named right after them ("police
            # in Kenya"), else the one the sentence is most about, else the one the story is about
            code = domestic_state(doc, m)
            if code:
                sector = m.actor.sector or "CVL"
                actor = Actor(code, "role" if sector in STATE_SECTORS else "group", "", sector=sector, role=m.actor.role)
        elif m.via == "both":
            # "санкції проти обох": the two actors named last
            prior = [p for p in resolved if p.start < m.start and p.sentence >= m.sentence - 1 and p.actor.code
                     and p.actor.kind in ("person", "state", "role", "organisation")]
            if len(prior) >= 2:
                actor, members = prior[-2].actor, (prior[-2].actor, prior[-1].actor)
        if actor is not None:
            resolved.append(Mention(m.text, m.start, m.end, m.sentence, m.tok_start, m.tok_end, actor,
                                    m.rule, m.head, m.via, m.place, members))
    doc.mentions = resolved
