"""The stage protocol and the pipeline built from it.

A stage is a callable `stage(doc) -> doc` with a `name`. One pipeline per language is
built from the lexicon once and cached; `extract` is then a pure function of the
document, with no database or global mutable state, so a Spark task can run it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from typing import Protocol

from litopys.actors.matcher import Matcher
from litopys.actors.recognise import ActorRecogniser
from litopys.errors import warning
from litopys.events.extract import EventExtractor
from litopys.events.patterns import LanguagePatterns, compile_patterns
from litopys.lang.base import Language, analyse_document, get_language, supported_languages
from litopys.lexicon.load import Lexicon, load_lexicon
from litopys.merge.within import WithinDocumentMerger
from litopys.model import Document
from litopys.relations.extract import RelationExtractor
from litopys.time.expressions import TimeFinder


class Stage(Protocol):
    name: str

    def __call__(self, doc: Document) -> Document: ...


@dataclass
class Analyser:
    """requires: text; assigns: sentences and tokens."""

    lang: Language
    name: str = "analyse"

    def __call__(self, doc: Document) -> Document:
        return analyse_document(doc, self.lang)


@dataclass
class Pipeline:
    lang: str
    stages: list[Stage]
    patterns: LanguagePatterns

    def __call__(self, doc: Document) -> Document:
        for stage in self.stages:
            doc = stage(doc)
        return doc

    @property
    def names(self) -> list[str]:
        return [s.name for s in self.stages]


def build_pipeline(lang_code: str, lexicon: Lexicon) -> Pipeline:
    lang = get_language(lang_code)
    patterns = compile_patterns(lexicon.patterns[lang_code], lang)
    stages: list[Stage] = [
        Analyser(lang),
        ActorRecogniser(lexicon, Matcher(lexicon, lang)),
        TimeFinder(patterns.time),
        EventExtractor(patterns, frozenset(lexicon.states)),
        WithinDocumentMerger(),
        RelationExtractor(patterns, set(lexicon.states)),
    ]
    return Pipeline(lang_code, stages, patterns)


@cache
def pipeline_for(lang_code: str) -> Pipeline:
    return build_pipeline(lang_code, load_lexicon())


def extract(doc: Document, pipelines: Callable[[str], Pipeline] = pipeline_for) -> Document:
    """Run every stage on one document. A language litopys does not read leaves the
    document with a message and no events, so it is still stored, never dropped."""
    if doc.lang not in supported_languages():
        doc.messages.append(warning("W030", path=doc.id, detail=doc.lang or "unknown"))
        return doc
    return pipelines(doc.lang)(doc)


def extract_all(docs: Iterable[Document]) -> Iterable[Document]:
    for doc in docs:
        yield extract(doc)
