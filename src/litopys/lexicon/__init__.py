"""Lexicons as data: loading, schema validation and compilation for matching."""

from litopys.lexicon.load import Lexicon, Ref, load_lexicon

__all__ = ["Lexicon", "Ref", "load_lexicon"]
