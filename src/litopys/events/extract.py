"""The event stage: find triggers, decide negation, find arguments, date and place the
event. Pure: a function of the document and the compiled patterns."""

from __future__ import annotations

from dataclasses import dataclass, field

from litopys.actors.coref import main_pair
from litopys.events import cameo
from litopys.events.arguments import expand_coordinated, find_arguments, mention_cases
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
            if not m.actor.code or m.actor.code == source.code:
                continue
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
        lemmas = set().union(*(t.keys for t in toks)) if toks else set()
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
                if pat.with_any:
                    # a context word within 8 tokens, or a trigger that is itself a context word
                    own = set().union(*(t.keys for t in toks[i:i + n]))
                    window = set().union(*(t.keys for t in toks[max(0, i - 8):i + n + 8])) - own
                    if not (pat.with_any & window) and not (pat.with_any & own):
                        continue
                if pat.without and pat.without & lemmas:
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
            if object_of_verb(trig):
                doc.dropped.append((self._event(doc, sent, trig, None, None, mentions, []), "object of another trigger"))
                continue
            nxt_trig = min((t.i for t in triggers if t.i > trig.i and not object_of_verb(t)), default=10**6)
            args = find_arguments(sent, mentions, trig.i, trig.length, pat, self.p.grammar, segs, is_noun, nxt_trig)
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
        aux = self.p.grammar["future_aux"]
        return not trig.noun and any(sent.tokens[j].lower.replace("’", "'") in aux for j in range(max(0, trig.i - 3), trig.i))

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
        if pat.type == "CONSULT" and pat.mode == "visit" and source is not None and source.sector == "MIL":
            doc.dropped.append((self._event(doc, sent, trig, source, target, mentions, notes), "troops arriving are no diplomatic visit"))
            return []
        if target is None and source is not None and pat.target in ("required", "place"):
            addressee = self._addressee(sent, trig, mentions, source)
            if addressee is not None:
                target = addressee
                notes.append("target: the one the statement was addressed to")
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
        if self._future(sent, trig) and event.event_type not in HEAD_TYPES:
            # PLOVER: "Washington would support …" is a promise (AGREE); "could strike" a threat (THREATEN)
            # the code says what was promised or threatened: "would send aid" 033, "could strike" 138
            act = "THREATEN" if event.event_type in VIOLENT else "AGREE"
            event.cameo, event.modality = cameo.about(act, event.cameo), "future"
            event.event_type, event.mode = act, cameo.plover_for(event.cameo)[1]
            event.notes.append(f"future or modal auxiliary: coded as {event.event_type} {event.cameo}")
        return [event]

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
