"""The actor stage: lexicon matches become Mentions; an office joins the state named
beside it (`президент Росії`, `the Russian president`) and the person named after it;
references (`він`, `який`, `сторони`, `сусідньої держави`) are resolved by coref."""

from __future__ import annotations

from litopys.actors.coref import resolve_references
from litopys.actors.matcher import Match, Matcher
from litopys.actors.resolver import person_role, resolve
from litopys.lexicon.load import Lexicon, Ref
from litopys.model import Actor, Document, Mention, Sentence
from litopys.places.context import names_a_place

KIND_RANK = {"person": 0, "organisation": 1, "group": 1, "treaty": 2, "media": 3, "state": 4, "role": 5, "place": 6}
VIA_RANK = {"name": 0, "body": 0, "metonym": 1, "capital": 2, "adjective": 3, "demonym": 3}
# sectors of bodies that act for a state (a role actor); other domestic actors are groups of people
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD", "DIP"})


def _choose(refs: list[tuple[Ref, bool, str]], lex: Lexicon | None = None, when=None) -> tuple[Ref, bool, str]:
    """The best reading of a surface form: a person before an organisation before a state;
    among people with one name, the one in office on the document's date."""
    def in_office(r: Ref) -> int:
        if r.kind != "person" or lex is None or when is None or r.key not in lex.people:
            return 1
        return 0 if person_role(lex.people[r.key], when)[1] else 1
    return min(refs, key=lambda r: (KIND_RANK.get(r[0].kind, 9), in_office(r[0]), VIA_RANK.get(r[0].via, 5)))


def _head(sent: Sentence, start: int, end: int, kind: str) -> int:
    toks = sent.tokens[start:end]
    if kind == "person":
        return end - 1
    for t in toks:
        if t.pos == "NOUN" and t.cases:
            return t.i
    return start


def _first_name_of_another(sent: Sentence, m: Match) -> bool:
    """`Линда Томас-Гринфилд` is not Anna Lindh: a one-word name followed by another
    capitalised name part belongs to somebody the lexicon does not know."""
    if m.tok_end - m.tok_start != 1 or m.tok_end >= len(sent.tokens):
        return False
    nxt = sent.tokens[m.tok_end]
    return nxt.is_cap and nxt.pos not in ("PUNCT",) and nxt.text.isalpha() or (nxt.is_cap and "-" in nxt.text)


def _part_of_a_name(sent: Sentence, m: Match, matches: list[Match]) -> bool:
    """`Police Academy`, `Students for Fair Admissions`: a capitalised common noun inside
    the sentence, followed by a capitalised word the lexicon does not know, is part of a
    name, not the office or the people it names."""
    first = sent.tokens[m.tok_start]
    if m.tok_start == 0 or not first.text[:1].isupper() or m.tok_end >= len(sent.tokens):
        return False
    nxt = sent.tokens[m.tok_end]
    known = any(x.tok_start == m.tok_end for x in matches)
    return nxt.text[:1].isupper() and nxt.text.isalpha() and not known


def _covered(matches: list[Match], but: Match) -> set[int]:
    """Tokens of the sentence's lexicon matches other than `but`."""
    return {k for x in matches if x is not but for k in range(x.tok_start, x.tok_end)}


def _acronym_ok(sent: Sentence, m: Match, surface: str) -> bool:
    """An acronym in the lexicon (`GUAM`, `WHO`) matches only an acronym in the text: `Guam` is an island."""
    letters = [ch for ch in surface if ch.isalpha()]
    if len(letters) < 2 or not all(ch.isupper() for ch in letters):
        return True
    text = "".join(t.text for t in sent.tokens[m.tok_start:m.tok_end])
    return all(not ch.isalpha() or ch.isupper() for ch in text)


def _acceptable(sent: Sentence, m: Match, ref: Ref, ambiguous: bool) -> bool:
    first = sent.tokens[m.tok_start]
    if ref.kind == "role" or ref.via == "adjective":
        return True
    if ambiguous:
        return first.is_cap and m.tok_start > 0
    # `король Карл III`, `аз-Заяні`, `de Gaulle`: some part of a name is capitalised
    return any(t.is_cap or any(ch.isupper() for ch in t.text) for t in sent.tokens[m.tok_start:m.tok_end])


class ActorRecogniser:
    """requires: sentences with tokens; assigns: doc.mentions."""

    name = "actors"

    def __init__(self, lexicon: Lexicon, matcher: Matcher) -> None:
        self.lex = lexicon
        self.matcher = matcher

    def __call__(self, doc: Document) -> Document:
        mentions: list[Mention] = []
        for sent in doc.sentences:
            raw: list[Mention] = []
            matches = self.matcher.find(sent)
            for m in matches:
                candidates = [r for r in m.refs if (_acceptable(sent, m, r[0], r[1]) or (r[2][:1].islower() and not r[1]))
                              and _acronym_ok(sent, m, r[2])]
                if not candidates:
                    continue
                ref, _amb, surface = _choose(candidates, self.lex, doc.published)
                if ref.kind == "person" and _first_name_of_another(sent, m):
                    continue
                if ref.kind == "role" and _part_of_a_name(sent, m, matches):
                    continue
                if ref.kind == "place" and not names_a_place(sent, m.tok_start, m.tok_end,
                                                             _covered(matches, m), self.matcher.lang.code):
                    continue
                if ref.via in ("demonym", "adjective") and m.tok_start > 0 and sent.tokens[m.tok_start - 1].lower == "ethnic":
                    # "ethnic Albanians in Serbia": a minority of the country they live in, not Albania
                    if ref.via == "demonym" or not any(x.tok_start == m.tok_end for x in matches):
                        raw.append(_minority(doc, sent, m))
                    continue
                mention = self._mention(doc, sent, m, ref, surface)
                if mention is not None:
                    raw.append(mention)
            mentions.extend(compose(sent, raw))
        doc.mentions = mentions
        resolve_references(doc, self.lex)
        doc.mentions = [_state_body(doc, m) for m in doc.mentions]
        return doc

    def _mention(self, doc: Document, sent: Sentence, m: Match, ref: Ref, surface: str) -> Mention | None:
        toks = sent.tokens
        start, end = toks[m.tok_start].start, toks[m.tok_end - 1].end
        via = ref.via
        if ref.kind == "role":
            entry = self.lex.roles[ref.key]
            actor = Actor("", "role", ref.extra, sector=entry.get("sector", ""), role=ref.extra)
            if entry.get("domestic") and via == "office":
                # "police", "the government": joined to a state named beside it, else the state
                # the sentence or story is about (coref)
                via = "domestic"
        else:
            actor = resolve(self.lex, ref, doc.published)
            if actor is None:
                return None
            if ref.kind == "group" and actor.sector not in STATE_SECTORS:
                # rebels, parties, breakaway authorities act within their own state: "FARC attacked Colombian troops"
                via = "domestic"
            if ref.via == "demonym":
                # "Palestinians", "українці": the people of the state
                actor = Actor(actor.code, actor.kind, actor.name, sector="CVL")
        members: tuple[Actor, ...] = ()
        if ref.kind == "treaty":
            parties = (self.lex.treaties.get(ref.key) or {}).get("parties") or []
            members = tuple(Actor(p["code"], "state" if len(p["code"]) == 3 else "organisation") for p in parties)
        head = _head(sent, m.tok_start, m.tok_end, ref.kind)
        key = m.keys[head - m.tok_start] if 0 <= head - m.tok_start < len(m.keys) else ""
        cases = sent.tokens[head].cases_for(key) if key else None
        if cases and not m.exact and ref.kind in ("person", "state") and len(cases) > 1:
            # the lexicon holds nominatives: "Путина" is not "Путин", so not nominative either
            cases = cases - {"nom"}
        return Mention(
            members=members, written=m.exact, cases=cases,
            text=doc.text[start:end], start=start, end=end, sentence=sent.index,
            tok_start=m.tok_start, tok_end=m.tok_end, actor=actor,
            rule=f"lexicon:{ref.kind}:{ref.key}:{ref.via}", head=_head(sent, m.tok_start, m.tok_end, ref.kind),
            via=via,
            place=ref.extra if ref.via in ("capital", "place") else "",
        )


def _minority(doc: Document, sent: Sentence, m: Match) -> Mention:
    """An ethnic group named by a nation's word: people of the country the sentence or story
    is about (resolved by coref like `protesters`)."""
    toks = sent.tokens
    start, end = toks[m.tok_start - 1].start, toks[m.tok_end - 1].end
    return Mention(doc.text[start:end], start, end, sent.index, m.tok_start - 1, m.tok_end,
                   Actor("", "role", "", sector="CVL", role="minority"), "lexicon:minority", m.tok_end - 1, "domestic")


def _of_link(sent: Sentence, office: Mention, state: Mention) -> bool:
    """English `the president of Russia`, `the government of the Philippines`."""
    between = [t.lower for t in sent.tokens[office.tok_end:state.tok_start]]
    return between in (["of"], ["of", "the"]) and state.via != "adjective"


def _state_body(doc: Document, m: Mention) -> Mention:
    """`Egyptian police` fired on `demonstrators` of Egypt: a body of the state acts
    domestically when its sentence names another actor of that state; otherwise it is the
    state's office, as `Russian troops` invading a country the story names."""
    if m.via != "domestic" or m.actor.sector not in STATE_SECTORS or "+" not in m.rule:
        return m
    if any(o is not m and o.sentence == m.sentence and o.actor.code == m.actor.code for o in doc.mentions):
        return m
    return Mention(m.text, m.start, m.end, m.sentence, m.tok_start, m.tok_end, m.actor, m.rule, m.head, "role",
                   m.place, m.members, m.written, m.cases)


def _adjacent(sent: Sentence, a: Mention, b: Mention, gap: int = 0) -> bool:
    """Next to each other, or apart only by numbers and genitives (`Лідери 27 країн ЄС`)."""
    between = sent.tokens[a.tok_end:b.tok_start]
    return 0 <= len(between) <= gap and b.tok_start >= a.tok_end and all(
        t.pos == "NUM" or (t.pos in ("NOUN", "ADJ") and "gen" in t.cases)
        # one uninflected modifier ("Japan's new ambassador"), never a verb ("Britain promised military aid")
        or (len(between) == 1 and t.pos in ("ADJ", "X") and not t.cases and not t.tense)
        for t in between
    )


def _merge(a: Mention, b: Mention, actor: Actor, rule: str, sent: Sentence, head: int, via: str) -> Mention:
    text_start, text_end = min(a.start, b.start), max(a.end, b.end)
    full = sent.text[text_start - sent.start:text_end - sent.start]
    first = a if a.tok_start <= b.tok_start else b
    headed = a if a.tok_start <= head < a.tok_end else b
    return Mention(full, text_start, text_end, a.sentence, min(a.tok_start, b.tok_start),
                   max(a.tok_end, b.tok_end), actor, rule, head, via, a.place or b.place, a.members or b.members,
                   first.written, headed.cases)


def compose(sent: Sentence, raw: list[Mention]) -> list[Mention]:
    """Join office + state (+ person): `президент Росії Володимир Путін` is one mention,
    headed by `президент`, coded RUS, sector GOV."""
    out: list[Mention] = []
    i = 0
    while i < len(raw):
        m = raw[i]
        nxt = raw[i + 1] if i + 1 < len(raw) else None
        if m.actor.kind == "group" and nxt is not None and nxt.actor.kind == "role" and nxt.via == "domestic" \
                and not nxt.actor.code and _adjacent(sent, m, nxt):
            # "FARC rebels", "Hamas militants": one mention of the group
            out.append(_merge(m, nxt, m.actor, m.rule, sent, m.head, m.via))
            i += 2
            continue
        if m.actor.kind == "role" and m.via in ("office", "capital", "domestic") and not m.actor.code:
            # adjective before: "російський президент", "the Russian capital"
            prev = out[-1] if out else None
            # "російський президент"; in English any name before the office: "Kremlin spokesman", "Japan's ambassador"
            modifier = prev is not None and prev.actor.kind in ("state", "organisation") and (
                prev.via in ("adjective", "demonym") or not sent.tokens[prev.head].cases and prev.via != "place")
            # "Shanghai police", "Kyiv police": a town names the country whose police it is
            town = prev is not None and m.via == "domestic" and prev.actor.kind == "place" and not sent.tokens[prev.head].cases \
                and _adjacent(sent, prev, m)
            if prev and (town or modifier and _adjacent(sent, prev, m, gap=1)):
                out.pop()
                m = _join_office(sent, prev, m, head=m.head)
                nxt = raw[i + 1] if i + 1 < len(raw) else None
            elif nxt and nxt.actor.kind in ("state", "organisation") and (_of_link(sent, m, nxt) or _adjacent(sent, m, nxt, gap=3)
                                                                           and (nxt.tok_start > m.tok_end or any(t.cases for t in sent.tokens))):
                # English needs "of" ("the president of Russia"): "told reporters Kyiv wanted …" is two actors
                m = _join_office(sent, nxt, m, head=m.head)
                i += 1
                nxt = raw[i + 1] if i + 1 < len(raw) else None
            elif nxt and nxt.actor.kind == "group" and m.via != "capital" and _adjacent(sent, m, nxt, gap=1):
                # "бойовики ДНР", "власти Абхазии", "лідер ХАМАС": the group acts
                m = _merge(m, nxt, nxt.actor, f"{m.rule}+{nxt.rule}", sent, m.head, nxt.via)
                i += 1
                nxt = raw[i + 1] if i + 1 < len(raw) else None
            if m.actor.kind == "role" and m.via == "office" and nxt and nxt.actor.kind == "person" and _adjacent(sent, m, nxt):
                # "президент Володимир Зеленський": the person, headed by the office
                m = _merge(m, nxt, nxt.actor, nxt.rule, sent, m.head, "name")
                i += 1
            elif m.actor.code and nxt and nxt.actor.kind == "person" and _adjacent(sent, m, nxt) and (
                nxt.actor.code == m.actor.code or not nxt.actor.code
            ):
                m = _merge(m, nxt, nxt.actor, nxt.rule, sent, m.head, "name")
                i += 1
            if m.actor.code or m.via != "office":
                out.append(m)
            i += 1
            continue
        out.append(m)
        i += 1
    return [m for m in out if m.actor.code or m.via in ("person", "relative", "pair", "other_state", "org_anaphor", "treaty_anaphor", "both", "it_state", "resolution", "domestic")]


def _join_office(sent: Sentence, state: Mention, office: Mention, head: int) -> Mention:
    if office.via == "capital":
        actor = Actor(state.actor.code, "state", state.actor.name)
        return _merge(office, state, actor, state.rule.replace(":adjective", ":capital"), sent, head, "capital")
    if office.via == "domestic":
        # "Iraqi police" acts for Iraq; "Georgian demonstrators" are Georgia's people
        sector = office.actor.sector or "CVL"
        kind = "role" if sector in STATE_SECTORS else "group"
        name = state.actor.name if state.actor.kind != "place" else ""
        actor = Actor(state.actor.code, kind, name, sector=sector, role=office.actor.role)
        # a body of the state keeps the office's reading ("role"); people stay domestic
        return _merge(office, state, actor, f"{office.rule}+{state.rule}", sent, head, "domestic")
    actor = Actor(state.actor.code, "role", state.actor.name, sector=office.actor.sector, role=office.actor.role)
    return _merge(office, state, actor, f"{office.rule}+{state.rule}", sent, head, "role")
