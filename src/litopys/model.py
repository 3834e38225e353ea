"""One data model for every stage: a Document carries its sentences, tokens, mentions,
time expressions, events and relations. Plain dataclasses, so a Spark task can pickle them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date


@dataclass(slots=True)
class Token:
    text: str
    start: int  # character offsets into Document.text
    end: int
    i: int  # index within its sentence
    lemma: str = ""
    keys: frozenset[str] = frozenset()  # every form a lexicon key may take: surface, lemmas
    pos: str = ""  # NOUN, VERB, ADJ, PREP, CONJ, NUM, PRON, PART, PUNCT, X
    cases: frozenset[str] = frozenset()  # nom gen dat acc ins loc voc
    tense: str = ""  # past, pres, fut, inf, ""
    lemma_cases: tuple[tuple[str, frozenset[str]], ...] = ()

    def cases_for(self, key: str) -> frozenset[str]:
        """The cases of this word read as `key` (a lemma), or all its cases."""
        for lemma, cases in self.lemma_cases:
            if lemma == key:
                return cases
        return self.cases

    @property
    def lower(self) -> str:
        return self.text.lower()

    @property
    def is_cap(self) -> bool:
        return self.text[:1].isupper()


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int = 0
    tokens: list[Token] = field(default_factory=list)


@dataclass(slots=True)
class Actor:
    """Who acts: `code` is the state (ISO alpha-3) or organisation code it acts for."""

    code: str
    kind: str  # state, organisation, person, role, media, group
    name: str = ""
    sector: str = ""
    role: str = ""
    entity: str = ""  # lexicon id of the person or body, when known

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v}


@dataclass(slots=True)
class Mention:
    text: str
    start: int
    end: int
    sentence: int
    tok_start: int  # token span within the sentence, end exclusive
    tok_end: int
    actor: Actor
    rule: str
    head: int = -1  # token index of the grammatical head (its case decides the role)
    via: str = "name"  # name, capital, metonym, adjective, role, pronoun, group, coref
    place: str = ""  # set when the mention names a place (a capital): its English name
    members: tuple[Actor, ...] = ()  # for groups: every actor the group stands for
    written: bool = False  # spelled exactly as its (nominative) lexicon form
    cases: frozenset[str] | None = None  # the head's cases in the reading the lexicon matched


@dataclass(slots=True)
class Timex:
    sentence: int
    start: int
    end: int
    text: str
    value: str | None  # YYYY, YYYY-MM or YYYY-MM-DD
    precision: str  # day, week, month, year, decade
    rule: str
    shift_after: int = 0  # "через тиждень після X": X lies this many days before the anchor
    tok_start: int = 0
    tok_end: int = 0


@dataclass(slots=True)
class Evidence:
    sentence: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Location:
    name: str
    country: str
    lat: float | None = None
    lon: float | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(slots=True)
class Event:
    event_type: str
    cameo: str
    mode: str
    source: Actor | None
    target: Actor | None
    date: str | None
    date_precision: str | None
    negated: bool
    evidence: Evidence
    rule: str
    symmetric: bool = False
    location: Location | None = None
    modality: str = "asserted"
    reported_by: Actor | None = None
    trigger: str = ""
    trigger_start: int = -1  # character offset of the trigger in Document.text
    notes: list[str] = field(default_factory=list)  # why it was coded as it was


@dataclass(slots=True)
class Relation:
    type: str
    subject: Actor
    object: Actor
    evidence: Evidence
    rule: str
    value: str = ""
    since: str | None = None
    until: str | None = None


@dataclass(slots=True)
class Document:
    id: str
    text: str
    lang: str | None
    published: date | None
    body_start: int = 0  # where the article text begins (after a ` date ...` header)
    source: str = ""
    url: str = ""
    title: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    dropped: list[tuple[Event, str]] = field(default_factory=list)  # for `explain`

    def evidence(self, sentence: int, start: int, end: int) -> Evidence:
        return Evidence(sentence, start, end, self.text[start:end])
