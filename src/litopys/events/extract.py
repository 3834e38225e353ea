"""The event stage: find triggers, decide negation, find arguments, date and place the
event. Pure: a function of the document and the compiled patterns."""

from __future__ import annotations

from dataclasses import dataclass, field

from litopys.actors.coref import main_pair
from litopys.events import cameo
from litopys.events.arguments import (
    Arguments,
    expand_coordinated,
    find_arguments,
    is_nominative,
    mention_cases,
    preposition,
)
from litopys.events.clauses import segment_of, segments
from litopys.events.dating import date_events
from litopys.events.patterns import EventPattern, LanguagePatterns, match_trigger
from litopys.events.validate import CodeValidator
from litopys.model import Actor, Document, Event, Location, Mention, Sentence

# speech acts whose complement is another event: "agreed to a ceasefire" is AGREE (mode
# ceasefire), "threatened sanctions" is THREATEN, "called for talks" is REQUEST
HEAD_TYPES = {"AGREE", "REQUEST", "THREATEN"}
MATERIAL_DECISIONS = {"SANCTION", "AID"}
VIOLENT = {"ASSAULT", "COERCE", "SANCTION", "MOBILIZE"}
GIVEN = {"SUPPORT", "AID", "COOPERATE"}  # what can be received: the receiver is the target
SPEECH_ACTS = {"AGREE", "REQUEST", "REJECT", "ACCUSE", "THREATEN"}  # nouns that can name a clause's act
RESPONSES = {"AGREE", "REJECT"}  # approving or refusing what another actor did, offered or asked
UNDIRECTED = {"AGREE", "CONCEDE", "RETREAT", "MOBILIZE", "REJECT", "THREATEN", "AID"}


@dataclass(slots=True)
class Trigger:
    i: int
    length: int
    pattern: EventPattern
    negated: bool = False
    consumed: bool = False
    noun: bool = False
    codes: list[str] = field(default_factory=list)  # a speech act: the codes of the acts it spoke of


def _act(p: EventPattern) -> str:
    """A REQUEST pattern coded 02x appeals ("urged", "called on"); one coded 10x demands."""
    return "APPEAL" if p.type == "REQUEST" and p.cameo.startswith("02") else p.type


def _location(m: Mention) -> Location:
    from litopys.places.gazetteer import place_by_id

    p = place_by_id().get(int(m.rule.split(":")[2])) if m.via == "place" else None
    return Location(m.place, m.actor.code, p.lat if p else None, p.lon if p else None)


class EventExtractor:
    """requires: mentions, timexes; assigns: doc.events."""

    name = "events"

    def __init__(self, patterns: LanguagePatterns, state_codes: frozenset[str] = frozenset()) -> None:
        self.p = patterns
        self.states = state_codes

    def __call__(self, doc: Document) -> Document:
        by_sentence: dict[int, list[Mention]] = {}
        for m in doc.mentions:
            by_sentence.setdefault(m.sentence, []).append(m)
        events: list[Event] = []
        self._doc_events: list[Event] = events
        self._doc = doc
        for sent in doc.sentences:
            mentions = self._pairs_from_events(by_sentence.get(sent.index, []), events)
            events.extend(self.sentence_events(doc, sent, mentions))
        doc.events = events
        date_events(doc, self.p)
        return CodeValidator()(doc)

    def _context_target(self, doc: Document, sent: Sentence, source: Actor, kind: str) -> Actor | None:
        """`подала заявку на вступ` (to the organisation the story is about), `вторгнення
        Росії` (into the state the story is most about)."""
        counts: dict[str, int] = {}
        first: dict[str, Actor] = {}
        for m in doc.mentions:
            if not m.actor.code or m.actor.code == source.code or m.via == "demonym":
                continue  # "Americans should sleep well": a people, not the state the story is about
            is_state = m.actor.code in self.states
            if kind == "context_org" and (is_state or m.actor.kind in ("media", "treaty", "place")):
                continue
            if kind == "context_state" and (not is_state or m.actor.kind in ("media", "treaty", "place")):
                continue
            counts[m.actor.code] = counts.get(m.actor.code, 0) + 1
            first.setdefault(m.actor.code, m.actor)
        if not counts:
            return None
        best = max(counts, key=lambda c: counts[c])
        a = first[best]
        return Actor(a.code, "state" if kind == "context_state" else "organisation", a.name if a.kind in ("state", "organisation") else "")

    @staticmethod
    def _joint_pair(events: list[Event]) -> tuple[Actor, Actor] | None:
        """The pair with the most joint acts so far (the latest breaks ties)."""
        joint = [e for e in events if e.symmetric and e.source and e.target]
        if not joint:
            return None
        counts: dict[frozenset[str], int] = {}
        for e in joint:
            key = frozenset((e.source.code, e.target.code))  # type: ignore[union-attr]
            counts[key] = counts.get(key, 0) + 1
        last = max(reversed(joint), key=lambda e: counts[frozenset((e.source.code, e.target.code))])  # type: ignore[union-attr]
        return last.source, last.target  # type: ignore[return-value]

    def _pairs_from_events(self, mentions: list[Mention], events: list[Event]) -> list[Mention]:
        """`сторони`, `the two sides`: the pair with the most joint acts so far, when there is one."""
        pair = self._joint_pair(events)
        if pair is None:
            return mentions
        self._doc_events = events
        src, tgt = pair
        out = []
        for m in mentions:
            if m.via == "pair":
                m = Mention(m.text, m.start, m.end, m.sentence, m.tok_start, m.tok_end, src, m.rule,
                            m.head, m.via, m.place, (src, tgt))
            out.append(m)
        return out

    # -- triggers ---------------------------------------------------------------------
    def triggers(self, sent: Sentence) -> list[Trigger]:
        toks = sent.tokens
        self._participles: list[int] = []
        found: list[Trigger] = []
        i = 0
        while i < len(toks):
            best: Trigger | None = None
            for pat, ti in self.p.candidates(toks[i].keys):
                trig = pat.triggers[ti]
                n = match_trigger(toks, i, trig)
                if not n:
                    continue
                if toks[i].pos == "PRTCP" and not pat.participles:
                    self._participles.append(i + n)  # "осуждающей ее вторжение": its object is no event
                    continue
                # a context word within 8 tokens (the trigger itself may be one); no excluding word in the sentence
                if pat.with_any and not pat.with_any.found(toks, i - 8, i + n + 8):
                    continue
                if pat.without and pat.without.found(toks):
                    continue
                cand = Trigger(i, n, pat, noun=self._is_noun(toks[i], pat, ti))
                if best is None or (pat.priority, n, bool(pat.with_any)) > (best.pattern.priority, best.length, bool(best.pattern.with_any)):
                    best = cand
            if best is not None:
                found.append(best)
                i += best.length
            else:
                i += 1
        self._negation(sent, found)
        self._consumed = [t for t in found if t.consumed]
        return [t for t in found if not t.consumed]

    def _negation(self, sent: Sentence, found: list[Trigger]) -> None:
        toks = sent.tokens
        negators = self.p.grammar["negators"]
        starts = {t.i + n for t in found for n in range(t.length)}
        for k, trig in enumerate(found):
            for j in range(trig.i - 1, max(-1, trig.i - 4), -1):
                t = toks[j]
                if t.pos == "PUNCT" or j in starts:
                    break
                if t.is_cap and j > 0:
                    continue  # a name ("Нікол", lemmatised like "ніколи") never negates
                if t.keys & negators and not (j + 1 < len(toks) and toks[j + 1].keys & self.p.grammar["limiters"]):  # "не лише"
                    trig.negated = True
                    break
            prev = found[k - 1] if k else None
            if prev and prev.pattern.negates_next and 0 <= trig.i - (prev.i + prev.length) <= 3:
                # "відмовився підписати": the refusal is the negation of the signing
                trig.negated = not prev.negated
                prev.consumed = True
            if trig.pattern.negated:
                trig.negated = not trig.negated

    # -- events -----------------------------------------------------------------------
    def sentence_events(self, doc: Document, sent: Sentence, mentions: list[Mention]) -> list[Event]:
        out: list[Event] = []
        triggers = self.triggers(sent)
        for t in self._consumed:
            doc.dropped.append((self._event(doc, sent, t, None, None, mentions, []), "read as the negation of the next trigger"))
        if not triggers:
            return out
        segs = self._segments(sent, mentions)
        triggers = self._absorb(sent, triggers, segs, doc)
        self._triggers = triggers
        verb_ends = [t.i + t.length for t in triggers if not t.noun] + self._participles

        def object_of_verb(t: Trigger) -> bool:
            """`засуджувати агресію`, `підтримав війну`: a noun right after a verb trigger is its object."""
            return t.noun and any(0 <= t.i - end <= 2 for end in verb_ends)

        for obj in [t for t in triggers if object_of_verb(t)]:
            # "rejected talks" 125, "rejected the demand for aid" 122: the rejection takes the code of what it rejects
            verb = next((t for t in triggers if not t.noun and 0 <= obj.i - (t.i + t.length) <= 2), None)
            if verb is not None and verb.pattern.type == "REJECT" and not verb.codes:
                code = cameo.about("REJECT", obj.pattern.cameo)
                if code != cameo.about("REJECT", ""):
                    verb.pattern = EventPattern(**{**{f: getattr(verb.pattern, f) for f in verb.pattern.__slots__},
                                                   "cameo": code, "mode": cameo.plover_for(code)[1],
                                                   "id": f"{verb.pattern.id}+{obj.pattern.id}"})
                    verb.codes.append(code)
        if sent.text.rstrip().rstrip("»\"”'").endswith("?"):
            # "Did Russia attack …?", "Чи атакувала Росія …?": a question asserts nothing
            for trig in triggers:
                doc.dropped.append((self._event(doc, sent, trig, None, None, mentions, []), "a question: not a fact"))
            return out
        conditional = self.p.grammar["conditional"]
        for trig in triggers:
            pat = trig.pattern
            is_noun = trig.noun
            seg = segs[segment_of(segs, trig.i)]
            if any(t.keys & conditional for t in sent.tokens[max(seg.start - 1, 0):trig.i]):
                # "if it kept threatening …": a condition, not a reported fact
                doc.dropped.append((self._event(doc, sent, trig, None, None, mentions, []), "inside a condition: not a fact"))
                continue
            nxt = sent.tokens[trig.i + trig.length: trig.i + trig.length + 3]
            if is_noun and any(t.keys & self.p.grammar["future"] for t in nxt):
                # "припинення вогню має супроводжуватися …": a noun event under a modal is not a fact
                doc.dropped.append((self._event(doc, sent, trig, None, None, mentions, []), "under a modal: not a fact"))
                continue
            if self._under_modal(sent, trig, seg):
                doc.dropped.append((self._event(doc, sent, trig, None, None, mentions, []), "under a modal in its clause: not a fact"))
                continue
            if object_of_verb(trig):
                doc.dropped.append((self._event(doc, sent, trig, None, None, mentions, []), "object of another trigger"))
                continue
            nxt_trig = min((t.i for t in triggers if t.i > trig.i and not object_of_verb(t)), default=10**6)
            args = find_arguments(sent, mentions, trig.i, trig.length, pat, self.p.grammar, segs, is_noun, nxt_trig)
            if is_noun and not (args.sources and args.targets):
                args = self._appositive(sent, trig, segs, mentions) or args
            if pat.type in GIVEN and self._received(sent, trig, segs):
                args = self._from_giver(doc, sent, trig, args, mentions, segs)
            if any(t.keys & self.p.grammar["obligation"] for t in sent.tokens[trig.i:trig.i + trig.length]):
                args = self._obliged(sent, trig, args, mentions)
            targets = expand_coordinated(sent, args.targets[0], mentions, self.p.grammar) if args.targets else [None]
            sources = args.sources
            if pat.symmetric or len({m.actor.code for m in sources}) < 2:
                sources = sources[:1]
            for src_m in sources or [None]:
                for tgt_m in targets:
                    out.extend(self._code(doc, sent, trig, src_m, tgt_m, mentions, list(args.how), out))
        return out + self._gapping(doc, sent, mentions, segs, triggers, out)

    def _segments(self, sent: Sentence, mentions: list[Mention]) -> list:
        """Clause segments, computed once per sentence and reused by every event in it."""
        cached = getattr(self, "_seg_cache", None)
        if cached is None or cached[0] is not sent:
            self._seg_cache = (sent, segments(sent, self.p.grammar))
        return self._seg_cache[1]

    def _gapping(self, doc: Document, sent: Sentence, mentions: list[Mention], segs: list, triggers: list[Trigger],
                 coded: list[Event]) -> list[Event]:
        """`… підписав Яценюк, економічну – у червні того ж року Порошенко`: a later clause
        with a new subject and no verb of its own repeats the last event."""
        if not coded:
            return []
        last = coded[-1]
        last_seg = segment_of(segs, next((t.i for t in sent.tokens if t.start == last.trigger_start), 0))
        trig_segs = {segment_of(segs, t.i) for t in triggers}
        out: list[Event] = []
        for k in range(last_seg + 1, len(segs)):
            seg = segs[k]
            toks = sent.tokens[seg.start:seg.end]
            if k in trig_segs or seg.subordinate or any(t.pos == "VERB" for t in toks):
                break
            subj = [m for m in mentions if seg.start <= m.tok_start < seg.end and m.actor.code
                    and m.actor.kind in ("person", "state", "role") and "nom" in mention_cases(sent, m)]
            if not subj or (last.source and subj[0].actor.code == last.source.code and last.target is None):
                continue
            m = subj[0]
            ev = doc.evidence(sent.index, toks[0].start, toks[-1].end)
            target = last.target if not (last.target and last.target.code == m.actor.code) else last.source
            if target is not None and target.code == m.actor.code:
                continue
            clone = Event(last.event_type, last.cameo, last.mode, m.actor, target, None, None, last.negated, ev,
                          last.rule, last.symmetric, last.location, last.modality, None, last.trigger,
                          m.start, [f"gapping: repeats '{last.trigger}' with a new subject"])
            out.append(clone)
        return out

    @staticmethod
    def _is_noun(tok, pat: EventPattern, ti: int) -> bool:
        """A noun trigger? The word's own reading first; where a case-marking analyser offers a
        noun reading of the pattern's noun (`війну`, read first as a verb), the pattern decides."""
        flag = bool(pat.nouns) and pat.nouns[ti]
        if tok.tense in ("past", "pres") and not tok.lemma_cases:
            return False  # English "attacked", "agreed": a finite verb, whatever its dictionary noun
        if tok.pos == "NOUN":
            return True
        if tok.pos == "ADJ" and tok.cases:
            return True  # "миротворчих сил ОДКБ": an adjective trigger heads a noun phrase, read like a noun
        if tok.lemma_cases:
            return flag
        return flag and tok.pos != "VERB"

    def _addressee(self, sent: Sentence, trig: Trigger, mentions: list[Mention], source: Actor) -> Actor | None:
        """`Modi told him India would help`, `Ердоган заявив Путіну, що Анкара може допомогти`."""
        reporting = self.p.grammar["reporting"]
        for t in sent.tokens[:trig.i]:
            if t.keys & reporting:
                m = next((m for m in mentions if 0 <= m.tok_start - (t.i + 1) <= 1 and m.actor.code
                          and m.actor.code != source.code and m.actor.kind not in ("place", "media")), None)
                if m is not None:
                    return m.actor
        return None

    def _reporter(self, sent: Sentence, trig: Trigger, src_m: Mention | None, mentions: list[Mention],
                  source: Actor) -> Actor | None:
        """"X said that Y attacked Z", "Y attacked Z, X said": Y→Z is coded, reported by X
        (the one who says it, not the one who did it)."""
        if src_m is None:
            return None
        reporting = self.p.grammar["reporting"]
        toks = sent.tokens
        actors = [m for m in mentions if m.actor.code and m.actor.kind not in ("place", "treaty") and m is not src_m]
        for r in range(trig.i - 1, -1, -1):  # a reporting verb before the source: X said (that) Y …
            if toks[r].keys & reporting and toks[r].pos not in ("NOUN",) and r < src_m.tok_start:
                who = next((m for m in reversed(actors) if m.tok_end <= r and r - m.tok_end <= 3), None)
                if who is not None and who.actor.code != source.code:
                    return who.actor
                return None
        seg_end = trig.i + trig.length
        for r in range(seg_end, len(toks)):  # a reporting verb after the event: …, X said / said X
            if toks[r].keys & reporting and toks[r].pos not in ("NOUN",) and any(t.text == "," for t in toks[seg_end:r]):
                who = next((m for m in actors if 0 <= r - m.tok_end <= 3 and m.tok_start > seg_end), None) or next(
                    (m for m in actors if 0 <= m.tok_start - (r + 1) <= 2), None)
                if who is not None and who.actor.code != source.code:
                    return who.actor
                return None
        return None

    def _future(self, sent: Sentence, trig: Trigger) -> bool:
        """A verb after a future or modal auxiliary (`will sign`), or a noun that the verb after
        such an auxiliary governs (`will impose sanctions`, `може запровадити санкції`)."""
        aux = self.p.grammar["future_aux"]
        toks = sent.tokens
        if not trig.noun:
            return any(toks[j].lower.replace("’", "'") in aux for j in range(max(0, trig.i - 3), trig.i))
        for j in range(trig.i - 1, max(-1, trig.i - 5), -1):
            if toks[j].pos == "PUNCT":
                return False
            if toks[j].lower.replace("’", "'") in aux:
                return j < trig.i - 1  # the auxiliary's verb governs the noun
        return False

    def _under_modal(self, sent: Sentence, trig: Trigger, seg) -> bool:
        """`actions that would lead to the destruction of its people`: a noun event in a clause
        under a modal auxiliary, not the object of its verb, is a possibility, not a fact."""
        aux = self.p.grammar["future_aux"]
        return trig.noun and any(t.lower.replace("’", "'") in aux for t in sent.tokens[seg.start:trig.i]) \
            and not self._future(sent, trig)

    def _absorb(self, sent: Sentence, triggers: list[Trigger], segs: list, doc: Document) -> list[Trigger]:
        """A speech act swallows the events it speaks of; an AGREE takes their modes."""
        out: list[Trigger] = []
        head: Trigger | None = None
        for trig in triggers:
            if head is not None:
                same = segment_of(segs, trig.i) == segment_of(segs, head.i) and 0 < trig.i - head.i <= 22
                if same and head.pattern.type == "AGREE" and trig.pattern.type in MATERIAL_DECISIONS:
                    # "согласовал заморозку активов": approving sanctions is sanctioning
                    if out and out[-1] is head:
                        out.pop()
                        doc.dropped.append((self._event(doc, sent, head, None, None, [], []), "a decision coded as its act"))
                    head = None
                    out.append(trig)
                    continue
                if same and trig.pattern.type not in HEAD_TYPES:
                    # "agreed to a ceasefire" 0356, "called for talks" 026, "threatened sanctions" 1312
                    code = cameo.about(_act(head.pattern), trig.pattern.cameo)
                    if code not in head.codes and code != cameo.about(_act(head.pattern), ""):
                        # the rule names both patterns: "pattern:uk.agree+uk.ceasefire"
                        clone = EventPattern(**{**{f: getattr(head.pattern, f) for f in head.pattern.__slots__},
                                                "cameo": code, "mode": cameo.plover_for(code)[1],
                                                "id": f"{head.pattern.id.split('+')[0]}+{trig.pattern.id}"})
                        if head.codes:  # "agreed to a ceasefire and a prisoner exchange": one AGREE each
                            out.append(Trigger(head.i, head.length, clone, head.negated, False, head.noun, [code]))
                        else:
                            head.pattern = clone
                        head.codes.append(code)
                    doc.dropped.append((self._event(doc, sent, trig, None, None, [], []),
                                        f"the content of '{sent.tokens[head.i].text}' ({head.pattern.type})"))
                    continue
            out.append(trig)
            head = trig if trig.pattern.type in HEAD_TYPES else head if head and segment_of(segs, trig.i) == segment_of(segs, head.i) else None
        return out

    def _code(self, doc: Document, sent: Sentence, trig: Trigger, src_m: Mention | None, tgt_m: Mention | None,
              mentions: list[Mention], notes: list[str], out: list[Event]) -> list[Event]:
        pat = trig.pattern
        earlier = self._doc_events  # events of the sentences before this one
        source = src_m.actor if src_m else None
        target = tgt_m.actor if tgt_m else None
        if tgt_m is not None and tgt_m.actor.kind == "treaty":
            # "відмовився підписати Угоду про асоціацію з ЄС": the treaty's other party
            others = [a for a in tgt_m.members if not source or a.code != source.code]
            target = others[0] if len(tgt_m.members) == 2 and others else None
            notes.append("the other party of the treaty" if target else "a treaty with many parties: no target")
        if target is None and source is not None and pat.target in ("context_org", "context_state") \
                and not (src_m and src_m.via == "domestic"):
            target = self._context_target(doc, sent, source, pat.target)
            if target is not None:
                notes.append(f"target from context ({pat.target})")
        if source is None and pat.domestic:
            place = next((m for m in mentions if m.via in ("capital", "place")), None) or next(
                (m for m in mentions if m.actor.kind == "state"), None)
            if place is not None:
                source = Actor(place.actor.code, "state", place.actor.name)
                notes.append("domestic: the country where it happened")
        if pat.domestic and source is not None and target is None:
            target = source
        if source is None and pat.symmetric and not trig.noun and not [m for m in mentions if m.actor.code]:
            pair = self._joint_pair(earlier) or main_pair([m for m in doc.mentions if m.sentence <= sent.index])
            if pair:
                source, target = pair
                notes.append("no actor in the sentence: the document's main pair")
        if target is None and source is not None and pat.type == "REJECT":
            asked = next((e for e in reversed(out) if e.event_type == "REQUEST" and e.source and e.source.code != source.code), None)
            if asked is not None:
                # "власти Киргизии просили Москву …, Россия и ОДКБ отказались": refusing the one who asked
                target = asked.source
                notes.append("target: the one whose request is refused")
        if any(t.keys & self.p.grammar["group_meetings"] for t in sent.tokens[trig.i:trig.i + trig.length]):
            pair = self._members_pair(doc, sent, source, target)
            if pair is None:
                doc.dropped.append((self._event(doc, sent, trig, source, target, mentions, notes),
                                    "a meeting of no group whose members the story is about"))
                return []
            source, target = pair
            notes.append("a meeting of a group: the story's pair of its members")
        if target is None and source is not None and pat.type in RESPONSES:
            actor = self._actor_of_named_act(sent, trig, source, out)
            if actor is not None:
                target = actor
                notes.append("target: the actor of the act it responds to")
        if pat.type == "CONSULT" and pat.mode == "visit" and source is not None and source.sector == "MIL":
            doc.dropped.append((self._event(doc, sent, trig, source, target, mentions, notes), "troops arriving are no diplomatic visit"))
            return []
        if target is None and source is not None and pat.target in ("required", "place"):
            addressee = self._addressee(sent, trig, mentions, source)
            if addressee is not None:
                target = addressee
                notes.append("target: the one the statement was addressed to")
        if target is None and source is not None and pat.target in ("required", "place"):
            dest = self._apposition_destination(sent, trig, source, mentions)
            if dest is not None:
                target = dest
                notes.append("target: the destination of the clause the apposition describes")
        if target is None and source is not None and pat.target in ("required", "place") and out:
            prev = out[-1]
            if prev.source and prev.source.code == source.code and prev.target:
                target = prev.target
                notes.append("target shared with the previous predicate")
        if source is None:
            doc.dropped.append((self._event(doc, sent, trig, None, None, mentions, notes), "no source found"))
            return []
        if target is None and pat.target == "required" and src_m is not None \
                and (not trig.noun or ("subject before the trigger" in notes and not any(t.cases for t in sent.tokens))) \
                and src_m.via not in ("pair", "relative", "person") and sent.tokens[trig.i].pos != "PRTCP" \
                and "subject of the main clause" not in notes \
                and not {m.actor.code for m in mentions if m.actor.code and m.actor.kind not in ("media", "place")} - {source.code}:
            # PLOVER codes "Denmark accepted the formula", "Ethiopia agreed to re-open its borders", "Hizbollah
            # declared a ceasefire" with no target: a verb, a named subject, and no other actor in the sentence
            notes.append("no other actor in the sentence: coded without a target")
        elif target is None and pat.target in ("required", "place", "context_org", "context_state"):
            doc.dropped.append((self._event(doc, sent, trig, source, None, mentions, notes), "no target found"))
            return []
        if target is not None and target.code == source.code and not pat.domestic and not (tgt_m and tgt_m.via == "domestic"):
            doc.dropped.append((self._event(doc, sent, trig, source, target, mentions, notes), "source and target are the same"))
            return []
        event = self._event(doc, sent, trig, source, target, mentions, notes)
        event.reported_by = self._reporter(sent, trig, src_m, mentions, source)
        if event.reported_by is not None:
            event.notes.append(f"reported speech: said by {event.reported_by.code}")
        accusation = self._accusation(doc, sent, trig, event, mentions)
        if self._future(sent, trig) and event.event_type not in HEAD_TYPES:
            # PLOVER: "Washington would support …" is a promise (AGREE); "could strike" a threat (THREATEN)
            # the code says what was promised or threatened: "would send aid" 033, "could strike" 138
            act = "THREATEN" if event.event_type in VIOLENT else "AGREE"
            event.cameo, event.modality = cameo.about(act, event.cameo), "future"
            event.event_type, event.mode = act, cameo.plover_for(event.cameo)[1]
            event.notes.append(f"future or modal auxiliary: coded as {event.event_type} {event.cameo}")
        return [event] + ([accusation] if accusation is not None and event.modality == "asserted" else [])

    def _accusation(self, doc: Document, sent: Sentence, trig: Trigger, event: Event,
                    mentions: list[Mention]) -> Event | None:
        """"Гутерреш повторив Путіну свою позицію: російське вторгнення … порушило Статут ООН":
        a third party who states that one side attacked or coerced another accuses it (PLOVER's
        separate statement event); the victim's own report is only the attack."""
        by, src, tgt = event.reported_by, event.source, event.target
        if by is None or src is None or event.event_type not in ("ASSAULT", "COERCE") or event.negated \
                or by.kind == "media" or by.code in (src.code, tgt.code if tgt else None):
            return None
        code = "1123" if event.event_type == "ASSAULT" else "112"
        acc = self._event(doc, sent, trig, by, src, mentions, [f"a third party's statement that {src.code} did it: an accusation"])
        acc.event_type, acc.cameo, acc.mode, acc.symmetric = "ACCUSE", code, cameo.plover_for(code)[1], False
        acc.rule = f"{event.rule}+statement"
        return acc

    def _members_pair(self, doc: Document, sent: Sentence, source: Actor | None,
                      target: Actor | None) -> tuple[Actor, Actor] | None:
        """`Попередній саміт «нормандської четвірки» відбувся …`: a summit of a group is a meeting
        of its members; coded for the story's main pair when both belong to the group."""
        from litopys.lexicon.load import load_lexicon

        group = next((a for a in (source, target) if a is not None and a.kind == "organisation"), None)
        members = {m["code"] for m in (load_lexicon().organisations.get(group.code, {}).get("members") or [])} if group else set()
        pair = main_pair([m for m in doc.mentions if m.sentence <= sent.index])
        if not members or pair is None or not {pair[0].code, pair[1].code} <= members:
            return None
        return pair

    def _apposition_destination(self, sent: Sentence, trig: Trigger, source: Actor, mentions: list[Mention]) -> Actor | None:
        """`в Казахстан начали прибывать десантники – основа миротворческих сил ОДКБ`: a verbless
        apposition after a dash describes the previous clause's actor; where that one went is
        where the act is directed."""
        from litopys.events.arguments import preposition

        segs = self._seg_cache[1]
        k = segment_of(segs, trig.i)
        seg = segs[k]
        if k == 0 or sent.tokens[seg.start - 1].text not in ("–", "—") or any(
                t.pos == "VERB" for t in sent.tokens[seg.start:seg.end]):
            return None
        prev = segs[k - 1]
        dest = next((m for m in mentions if prev.start <= m.tok_start < prev.end and m.actor.code
                     and m.actor.code != source.code and m.actor.kind not in ("media", "treaty")
                     and preposition(sent, m, self.p.grammar) in self.p.grammar["directional"]
                     and bool({"acc", "gen"} & (mention_cases(sent, m) or {"acc"}))), None)  # "в Казахстан", "до Казахстану"
        return dest.actor if dest is not None else None

    def _appositive(self, sent: Sentence, trig: Trigger, segs: list, mentions: list[Mention]):
        """"Kyiv wanted to regain control of its border with Russia, a demand Moscow did not
        accept", "…, вимога, яку Москва не прийняла": a noun set after a comma names the act
        of the clause before it; its actor is that clause's subject, its target the one named
        with the noun (else the other actor of that clause)."""
        k = segment_of(segs, trig.i)
        seg = segs[k]
        toks = sent.tokens
        lead = toks[seg.start:trig.i]
        if trig.pattern.type not in SPEECH_ACTS or k == 0 or toks[seg.start - 1].text != "," \
                or any(t.lower not in ("a", "an", "the", "such", "this", "that", "one") for t in lead):
            return None
        prev = segs[k - 1]
        actors = [m for m in mentions if m.actor.code and m.actor.kind not in ("place", "media", "treaty")]
        subj = [m for m in actors if prev.start <= m.tok_start < prev.end and is_nominative(sent, m, self.p.grammar)
                and any(t.tense in ("past", "pres") for t in toks[m.tok_end:m.tok_end + 2])]
        if not subj:
            return None
        src = subj[-1]
        later = [m for m in actors if m.actor.code != src.actor.code and (
            seg.start <= m.tok_start < seg.end + 6 and m.tok_start > trig.i
            or prev.start <= m.tok_start < prev.end and m.tok_start > src.tok_end)]
        later.sort(key=lambda m: (m.tok_start < trig.i, m.tok_start))
        if not later:
            return None
        return Arguments([src], [later[0]], ["a noun after a comma naming the act of the clause before"])

    def _received(self, sent: Sentence, trig: Trigger, segs: list) -> bool:
        """`отримала статус`, `получила помощь`, `received aid`: a verb of receiving, or a noun
        it governs (within three words, in the same clause)."""
        receive = self.p.grammar["receive"]
        toks = sent.tokens
        if any(t.keys & receive for t in toks[trig.i:trig.i + trig.length]):
            return True
        k = segment_of(segs, trig.i)
        return trig.noun and any(toks[j].keys & receive and segment_of(segs, j) == k
                                 for j in range(max(0, trig.i - 3), min(len(toks), trig.i + trig.length + 3)))

    def _from_giver(self, doc: Document, sent: Sentence, trig: Trigger, args, mentions: list[Mention], segs: list):
        """The receiver is the target; the giver follows `від`/`от`/`from`, else it is the last
        actor who gave the same kind of thing ("ЄС надав Україні статус … Грузія статусу не отримала")."""
        if not args.sources:
            return args
        receiver = args.sources[0]
        k = segment_of(segs, trig.i)
        giver = next((m for m in mentions if m.actor.code and m.actor.code != receiver.actor.code
                      and m.actor.kind not in ("place", "media", "treaty") and segment_of(segs, m.tok_start) == k
                      and preposition(sent, m, self.p.grammar) in self.p.grammar["giver"]), None)
        how = "the receiver is the target; the giver after `from`"
        if giver is None:
            prior = next((e for e in reversed(self._doc_events) if e.event_type == trig.pattern.type and e.source
                          and e.source.code != receiver.actor.code and e.evidence.sentence >= sent.index - 3), None)
            if prior is None:
                return Arguments([], [], ["a receiver with no giver"])
            giver = Mention(receiver.text, receiver.start, receiver.end, receiver.sentence, receiver.tok_start,
                            receiver.tok_end, prior.source, receiver.rule, receiver.head, "context")
            how = "the receiver is the target; the giver is the last one who gave the same"
        return Arguments([giver], [receiver], [how])

    def _obliged(self, sent: Sentence, trig: Trigger, args, mentions: list[Mention]):
        """"Mattis said that Pyongyang should stop …", "Німеччина заявила, що Росія повинна …":
        the one who says it demands it of the subject of the modal. Without a reporting actor
        (an obligation stated by the writer, or one's own duty) it is no request."""
        subj = next((m for m in reversed(mentions) if m.actor.code and m.actor.kind not in ("place", "media", "treaty")
                     and 0 <= trig.i - m.tok_end <= 2 and is_nominative(sent, m, self.p.grammar)), None)
        if subj is None:
            return Arguments([], [], ["an obligation with no subject of its own"])
        who = self._reporter(sent, trig, subj, mentions, subj.actor)
        sayer = next((m for m in mentions if who is not None and m.actor is who), None)
        if sayer is None:
            return Arguments([], [], ["an obligation no one is reported to demand"])
        return Arguments([sayer], [subj], ["the reporter demands what the subject must do"])

    def _actor_of_named_act(self, sent: Sentence, trig: Trigger, source: Actor, out: list[Event]) -> Actor | None:
        """`Гутерреш хотів приїхати в Україну, але Зеленський цей візит не погодив`, `rejected
        the proposal`: a response whose object is a noun naming an act coded just before (in
        this sentence or the previous one) is addressed to the one who did or offered it."""
        segs = self._seg_cache[1]
        k = segment_of(segs, trig.i)
        named = [t for t in self._triggers if t is not trig and t.noun and segment_of(segs, t.i) == k
                 and 0 < abs(t.i - trig.i) <= 3]
        if not named:
            # "на вопрос, может ли Эрдоган стать посредником, ответил: «Нет»": an act asked about or
            # offered earlier in the sentence, left uncoded, is what the reply answers
            start = sent.tokens[trig.i].start
            asked = next((e for e, _ in reversed(self._doc.dropped) if e.evidence.sentence == sent.index
                          and e.trigger_start < start and e.source and e.source.code != source.code), None)
            return asked.source if asked is not None else None
        ids = {t.pattern.id for t in named}
        recent = [e for e in self._doc_events if e.evidence.sentence >= sent.index - 1] + out
        for e in reversed(recent):
            if e.source is None or e.source.code == source.code or e.trigger_start >= sent.tokens[trig.i].start:
                continue
            if any(e.rule == f"pattern:{i}" or e.rule.endswith(f"+{i}") for i in ids):
                return e.source
        return None

    def _event(self, doc: Document, sent: Sentence, trig: Trigger, source: Actor | None, target: Actor | None,
               mentions: list[Mention], notes: list[str]) -> Event:
        toks = sent.tokens
        segs = self._segments(sent, mentions)
        seg = segs[segment_of(segs, trig.i)]
        # evidence: the trigger's clause, widened to the arguments it used
        start = toks[seg.start].start
        end = toks[seg.end - 1].end
        t0, t1 = toks[trig.i].start, toks[trig.i + trig.length - 1].end
        for m in mentions:
            if (source and m.actor is source) or (target and m.actor is target):
                start, end = min(start, m.start), max(end, m.end)
        start, end = min(start, t0), max(end, t1)
        place = next((m for m in sorted(mentions, key=lambda m: abs(m.tok_start - trig.i)) if m.via in ("capital", "place") and m.place), None)
        if trig.negated:
            notes.append("negated: a negator governs the trigger")
        return Event(
            event_type=trig.pattern.type, cameo=trig.pattern.cameo, mode=trig.pattern.mode,
            source=source, target=target, date=None, date_precision=None, negated=trig.negated,
            evidence=doc.evidence(sent.index, start, end), rule=f"pattern:{trig.pattern.id}",
            symmetric=trig.pattern.symmetric,
            location=_location(place) if place else None,
            trigger=doc.text[t0:t1], trigger_start=t0, notes=notes,
        )
