"""Who did it and to whom, read from case, prepositions and word order.

uk and ru carry roles in case endings: the subject is nominative, the partner of a
meeting follows `з`/`с` in the instrumental, the destination follows `до`/`в`. English
has no cases, so a mention counts as a subject when no preposition governs it.
A nominalised trigger (`вторгнення Росії в Україну`, `російське вторгнення`) takes its
source from the genitive after it or the adjective before it."""

from __future__ import annotations

from dataclasses import dataclass

from litopys.events.clauses import Segment, segment_of
from litopys.events.patterns import EventPattern, Grammar
from litopys.model import Actor, Mention, Sentence


@dataclass(slots=True)
class Arguments:
    sources: list[Mention]
    targets: list[Mention]
    how: list[str]


def preposition(sent: Sentence, m: Mention, grammar: Grammar) -> str:
    """The preposition governing a mention, if any (looks one or two tokens back)."""
    for back in (1, 2):
        j = m.tok_start - back
        if j < 0:
            return ""
        t = sent.tokens[j]
        if t.pos == "PREP" or t.keys & (grammar["comitative"] | grammar["directional"] | grammar["against"] | grammar["agentive"] | grammar["after"]):
            return t.lower
        if t.pos not in ("ADJ", "PRTCP", "NUM") and t.lower not in ("the", "a", "an"):
            return ""
    return ""


def mention_cases(sent: Sentence, m: Mention) -> frozenset[str]:
    """The head's cases in the reading the lexicon matched (else all its cases)."""
    if m.cases is not None:
        return m.cases
    return sent.tokens[m.head].cases if 0 <= m.head < len(sent.tokens) else frozenset()


def is_nominative(sent: Sentence, m: Mention, grammar: Grammar) -> bool:
    if m.via == "adjective":
        return _adjective_subject(sent, m, grammar)
    tok = sent.tokens[m.head] if 0 <= m.head < len(sent.tokens) else sent.tokens[m.tok_start]
    prep = preposition(sent, m, grammar)
    if prep and not tok.cases and prep in grammar["after"] and _followed_by_verb(sent, m):
        return True  # "weeks after Russia annexed Crimea": a conjunction, its clause's subject
    if prep:
        return False
    cases = m.cases if m.cases is not None else tok.cases
    if not cases:  # English, indeclinable or unknown: position decides
        return True
    # a surname the analyser misreads ("Токаев") is nominative when written as in the lexicon
    return "nom" in cases or (m.written and m.actor.kind == "person")


def _adjective_subject(sent: Sentence, m: Mention, grammar: Grammar) -> bool:
    """English "A Tunisian court has jailed …", "Syrian rebels engaged …": a state adjective
    before a common noun stands for an actor of that state (as PETRARCH and PLOVER code it).
    Cased languages keep adjectives as modifiers: "російське вторгнення" is read by the noun."""
    toks = sent.tokens
    if any(t.cases for t in toks) or m.tok_end >= len(toks) or preposition(sent, m, grammar):
        return False
    nxt = toks[m.tok_end]
    return nxt.text.isalpha() and nxt.text.islower() and nxt.pos in ("NOUN", "X") and not nxt.tense


def _coordinated(sent: Sentence, left: Mention, right: Mention, grammar: Grammar, segs: list[Segment]) -> bool:
    """Are two mentions joined by `і`/`та`/`and`/a comma, perhaps across a relative clause?"""
    between = sent.tokens[left.tok_end:right.tok_start]
    if not between:
        return False
    coords = grammar["coordinators"]
    if len(between) <= 3 and all(t.keys & coords or t.text == "," or t.lower in ("also", "також", "также", "the") for t in between) \
            and any(t.keys & coords or t.text == "," for t in between):
        return True
    # "Токаєв, який ... Москві, і президент Росії": skip a relative clause
    k0, k1 = segment_of(segs, left.tok_end - 1), segment_of(segs, right.tok_start)
    middle = segs[k0 + 1:k1]
    last = sent.tokens[right.tok_start - 1]
    return bool(middle) and all(s.subordinate for s in middle) and bool(last.keys & coords)


def find_arguments(
    sent: Sentence, mentions: list[Mention], ti: int, tlen: int, pattern: EventPattern,
    grammar: Grammar, segs: list[Segment], is_noun: bool, next_trigger: int = 10**6,
) -> Arguments:
    how: list[str] = []
    treaties = [m for m in mentions if m.actor.kind == "treaty"]
    actors = [m for m in mentions if m.actor.code and m.actor.kind not in ("media", "place", "treaty")]
    place_mentions = [m for m in mentions if m.actor.kind == "place"]
    k = segment_of(segs, ti)
    seg = segs[k]
    before = [m for m in actors if seg.start <= m.tok_start and m.tok_end <= ti]
    after_all = [m for m in actors if m.tok_start >= ti + tlen]

    sources: list[Mention] = []
    targets: list[Mention] = []
    gen_target: Mention | None = None

    # a pair reference ("сторони", "лідерів двох країн") anywhere next to the trigger
    pair = [m for m in actors if m.via == "pair" and m.members and abs(m.tok_start - ti) <= 4
            and ((is_nominative(sent, m, grammar) and m.tok_start < ti) or is_noun)]
    if pair:
        a, b = pair[0].members
        return Arguments([_as(pair[0], a)], [_as(pair[0], b)], ["pair reference"])

    if is_noun:
        # "миротворчих сил ОДКБ" named as one body of the organisation: the body acts
        body = next((m for m in actors if m.via == "body" and m.tok_start <= ti < m.tok_end), None)
        if body is not None:
            sources, how = [body], ["the trigger names a body of the organisation"]
        gen = None if body is not None else next((m for m in after_all if m.tok_start - (ti + tlen) <= 2 and (
            not preposition(sent, m, grammar) and mention_cases(sent, m) and _gen_like(sent, m))), None)
        # English "of X" is no clue: "the invasion of Ukraine" (patient), "the visit of Guterres" (agent)
        adj = next((m for m in reversed(before) if m.via == "adjective" and ti - m.tok_end <= 2), None)
        if body is not None:
            pass
        elif gen is not None and pattern.genitive == "target":
            gen_target = gen  # "заморозку активов Путина": the genitive suffers the act
        elif gen is not None:
            sources, how = [gen], ["genitive after the noun"]
        elif adj is not None:
            sources, how = [adj], ["adjective before the noun"]

    caseless = not any(t.cases for t in sent.tokens)
    if is_noun and not sources and caseless:
        poss = next((m for m in reversed(before) if ti - m.tok_end <= 3 and (
            m.via == "adjective" or sent.tokens[m.tok_end - 1].lower.endswith(("'s", "’s"))
            or (ti - m.tok_end <= 1 and m.actor.kind in ("state", "organisation")))), None)  # "U.N. sanctions"
        agent = next((m for m in actors if seg.start <= m.tok_start < ti and preposition(sent, m, grammar) in grammar["agentive"]), None)
        if poss is not None:
            sources, how = [poss], ["possessive before the noun"]
        elif agent is not None and _after_light_verb(sent, ti, grammar):
            sources, how = [agent], ["a vote by X to impose …: the agent"]
        elif not _after_light_verb(sent, ti, grammar):
            # "fresh sanctions against Russia", "his meeting with Modi": no actor of its own here
            return Arguments([], [], ["a noun with no actor of its own"])
    if not sources:
        subj = [m for m in before if is_nominative(sent, m, grammar)]
        if caseless and subj:
            # English: the subject is the name right before a verb ("Biden met Zelenskyy and announced")
            verbal = [m for m in subj if _followed_by_verb(sent, m)]
            subj = verbal or [m for m in subj if not (m.tok_start > 0 and sent.tokens[m.tok_start - 1].tense in ("past", "pres"))]
        if subj:
            sources = _with_coordinated(sent, subj[-1], actors, grammar, segs)
            how.append("subject before the trigger")
    own_clause = _has_finite_verb(sent, seg) and not (sent.tokens[seg.start].keys & grammar["coordinators"]) and k > 0
    if not sources and own_clause:
        # "…, вслед за Брюсселем о санкциях объявили Белый дом и Лондон": the clause has its own subject
        inverted = [m for m in after_all if segment_of(segs, m.tok_start) == k and mention_cases(sent, m)
                    and is_nominative(sent, m, grammar)]
        if inverted:
            sources = _with_following(sent, inverted[0], actors, grammar)
            how.append("subject after the verb of its own clause")
    if not sources:
        # walk left over earlier clauses, skipping relative and complement clauses, except the
        # clause a coordinated predicate continues ("коли він зустрічався …, а згодом відвідав")
        coordinated = bool(sent.tokens[seg.start].keys & grammar["coordinators"])
        for j in range(k - 1, -1, -1):
            s = segs[j]
            if s.subordinate and not (coordinated and j == k - 1):
                continue
            subj = [m for m in actors if s.start <= m.tok_start < s.end and is_nominative(sent, m, grammar)]
            verb = next((t.i for t in sent.tokens[s.start:s.end] if t.pos == "VERB" and t.tense in ("past", "pres", "fut")), None)
            if verb is not None and any(m.tok_end <= verb for m in subj):
                subj = [m for m in subj if m.tok_end <= verb]
            elif verb is None:
                subj = subj[:1]  # no finite verb recognised: the clause's first nominative
            if subj:
                sources = _with_coordinated(sent, subj[-1], actors, grammar, segs)
                how.append("subject of the main clause")
                break
            if not s.subordinate and any(t.pos == "VERB" for t in sent.tokens[s.start:s.end]):
                break
    if not sources:
        agent = next((m for m in after_all if preposition(sent, m, grammar) in grammar["agentive"]), None)
        inverted = next((m for m in after_all if mention_cases(sent, m) and is_nominative(sent, m, grammar)
                         and segment_of(segs, m.tok_start) == k), None)
        if agent is not None:
            sources, how = [agent], ["agent after `by`"]
        elif inverted is not None:
            sources, how = [inverted], ["subject after the verb"]

    under = grammar["under"]
    if is_noun and under and any(sent.tokens[j].keys & under for j in range(max(0, ti - 3), ti)):
        # "It has been under U.N. sanctions", "перебуває під санкціями ООН": the subject suffers them
        subject = next((m for m in reversed(before) if is_nominative(sent, m, grammar) and m not in sources), None)
        if subject is None:
            subject = next((m for m in actors if m.tok_end <= ti and is_nominative(sent, m, grammar) and m not in sources), None)
        if subject is not None:
            gen_target = subject
            sources = [m for m in sources if m is not subject]
    if gen_target is not None and not any(m is gen_target for m in sources):
        targets = [gen_target]
        how.append("genitive after the noun: the target")
    src_codes = {m.actor.code for m in sources}
    # "the government accused rebels", "police arrested protesters": a domestic actor may share the source's code
    rest = [m for m in after_all if m not in sources and (m.actor.code not in src_codes or m.via == "domestic")]
    # the object of a trigger lies before the next trigger ("test in 2006 and expelled inspectors")
    rest_same_seg = [m for m in rest if segment_of(segs, m.tok_start) == k and m.tok_start < next_trigger]
    in_clause = [m for m in actors if m not in sources and (m.actor.code not in src_codes or m.via == "domestic")
                 and (m.tok_start >= ti + tlen or seg.start <= m.tok_start)]
    comitative = [m for m in in_clause if preposition(sent, m, grammar) in grammar["comitative"] and not _together(sent, m, grammar)
                  and (m.tok_start > ti or (not is_noun and mention_cases(sent, m)))]  # "з Путіним зустрівся": uk/ru verbs only
    comitative.sort(key=lambda m: (m.tok_start < ti, abs(m.tok_start - ti)))
    against = [m for m in rest if preposition(sent, m, grammar) in grammar["against"]]
    places = [m for m in actors + place_mentions if m not in sources and m.actor.code not in src_codes
              and (m.tok_start >= ti + tlen or seg.start <= m.tok_start)
              and (preposition(sent, m, grammar) in grammar["directional"] or m.via in ("capital", "place"))]
    places.sort(key=lambda m: abs(m.tok_start - ti))
    if targets:
        pass
    elif pattern.target == "place" and places:
        targets, how = [places[0]], how + ["destination"]
    elif comitative:
        targets, how = [comitative[0]], how + ["partner after `with`"]
    elif against:
        targets, how = [against[0]], how + ["target after `against`"]
    elif [m for m in treaties if segment_of(segs, m.tok_start) == k and pattern.symmetric]:
        targets = [next(m for m in treaties if segment_of(segs, m.tok_start) == k)]
        how.append("the treaty in the clause")
    elif pattern.symmetric and len({m.actor.code for m in sources}) >= 2:
        first = sources[0]
        targets = [m for m in sources if m.actor.code != first.actor.code][:1]
        sources = [first]
        how.append("coordinated subjects")
    else:
        objs = [m for m in rest_same_seg if not (mention_cases(sent, m) == {"nom"} and not preposition(sent, m, grammar))
                and not _locative(sent, m, grammar)]
        objs = [m for m in objs if m.tok_start - (ti + tlen) <= 12]
        if objs:
            targets, how = [objs[0]], how + ["object after the trigger"]
    if not targets and treaties:
        # "угоду … підписав Яценюк": the treaty signed, wherever it stands in the clause
        near = [m for m in treaties if segment_of(segs, m.tok_start) == k]
        if near:
            targets, how = [near[0]], how + ["the treaty in the clause"]
    if not sources and pattern.symmetric:
        two = [m for m in treaties if len(m.members) == 2]
        if two:
            a, b = two[0].members
            sources, targets = [_as(two[0], a)], [_as(two[0], b)]
            how.append("the parties of the treaty")
    if not targets and is_noun and sources and sources[0].tok_start > ti:
        nxt = [m for m in rest if m.tok_start > sources[0].tok_end and segment_of(segs, m.tok_start) == k]
        if nxt:
            targets = [nxt[0]]
    if _passive(sent, ti, grammar):
        agent = next((m for m in after_all if preposition(sent, m, grammar) in grammar["agentive"]), None)
        subject = sources[:1]
        sources = [agent] if agent is not None else []
        targets = subject or targets
        how.append("passive: the agent after `by` acts on the subject")
    return Arguments(sources, targets, how)


def _locative(sent: Sentence, m: Mention, grammar: Grammar) -> bool:
    """`на саміті у Вільнюсі`, `in Paris`: where it happened, not to whom."""
    if m.via not in ("capital", "place"):
        return False
    prep = preposition(sent, m, grammar)
    if not prep:
        return False
    cases = mention_cases(sent, m)
    return "loc" in cases or (not cases and prep in ("in", "at"))


def _has_finite_verb(sent: Sentence, seg: Segment) -> bool:
    return any(t.pos == "VERB" and t.tense in ("past", "pres", "fut") for t in sent.tokens[seg.start:seg.end])


def _with_following(sent: Sentence, first: Mention, actors: list[Mention], grammar: Grammar) -> list[Mention]:
    """An inverted subject and the ones coordinated after it: `объявили Белый дом и Лондон`."""
    chain = [first]
    for m in actors:
        if m.tok_start <= chain[-1].tok_start:
            continue
        between = sent.tokens[chain[-1].tok_end:m.tok_start]
        if between and len(between) <= 2 and all(t.keys & grammar["coordinators"] or t.text == "," for t in between) \
                and is_nominative(sent, m, grammar):
            chain.append(m)
        else:
            break
    return chain


def _after_light_verb(sent: Sentence, ti: int, grammar: Grammar) -> bool:
    """`announced new sanctions`, `launched its invasion`, `held talks`: the noun is the
    object of a verb of its clause, whose subject then acts."""
    light = grammar["light_verbs"]
    if any(sent.tokens[j].keys & light for j in range(max(0, ti - 6), ti)):
        return True
    for j in range(ti - 1, max(-1, ti - 4), -1):
        t = sent.tokens[j]
        if t.tense in ("past", "pres") and not t.keys & grammar["reporting"]:
            return True
        if t.pos in ("PUNCT", "PREP", "CONJ"):
            return False
    return False


def _followed_by_verb(sent: Sentence, m: Mention) -> bool:
    for t in sent.tokens[m.tok_end:m.tok_end + 3]:
        if t.tense in ("past", "pres") or t.lower in ("will", "would", "has", "had", "have", "said", "says"):
            return True
        if (t.pos == "PUNCT" and t.text != ",") or t.pos == "CONJ":
            return False  # "met Zelenskyy and announced": Zelenskyy is no subject
    return False


def _passive(sent: Sentence, ti: int, grammar: Grammar) -> bool:
    aux = grammar["passive"]
    if not aux or sent.tokens[ti].cases:
        return False
    for j in range(ti - 1, max(-1, ti - 3), -1):
        t = sent.tokens[j]
        if t.keys & aux:
            return sent.tokens[ti].tense == "past"
        if t.pos not in ("X",) or t.lower in ("not", "n't"):
            break
        if not t.lower.endswith("ly"):
            break
    return False


def _together(sent: Sentence, m: Mention, grammar: Grammar) -> bool:
    """`разом зі Швецією`, `together with Sweden`: a companion, not a target."""
    return any(sent.tokens[j].keys & grammar["together"] for j in range(max(0, m.tok_start - 3), m.tok_start))


def expand_coordinated(sent: Sentence, first: Mention, mentions: list[Mention], grammar: Grammar) -> list[Mention]:
    """`з Україною та Молдовою`: every mention coordinated after the first one (not after
    `між`/`between`, where the pair is one relation)."""
    out = [first]
    if first.tok_start > 0 and sent.tokens[first.tok_start - 1].keys & grammar["between"]:
        return out
    later = [m for m in mentions if m.tok_start >= first.tok_end and m.actor.code]
    for m in later:
        between = sent.tokens[out[-1].tok_end:m.tok_start]
        if between and len(between) <= 3 and all(t.keys & grammar["coordinators"] or t.text == "," or t.pos == "PREP" for t in between):
            if m.actor.code not in {x.actor.code for x in out}:
                out.append(m)
        else:
            break
    return out


def _gen_like(sent: Sentence, m: Mention) -> bool:
    cases = mention_cases(sent, m)
    return not cases or "gen" in cases or m.via == "pair"


def _with_coordinated(sent: Sentence, last: Mention, actors: list[Mention], grammar: Grammar, segs: list[Segment]) -> list[Mention]:
    """The subject mention plus every mention coordinated with it to its left."""
    chain = [last]
    idx = actors.index(last)
    for j in range(idx - 1, -1, -1):
        cand = actors[j]
        if not is_nominative(sent, cand, grammar) or cand.via == "relative" or segs[segment_of(segs, cand.tok_start)].subordinate:
            continue
        if _coordinated(sent, cand, chain[0], grammar, segs):
            chain.insert(0, cand)
        else:
            break
    return chain


def _as(m: Mention, actor: Actor) -> Mention:
    return Mention(m.text, m.start, m.end, m.sentence, m.tok_start, m.tok_end, actor, m.rule, m.head, m.via, m.place)
