"""Whether a gazetteer name in a sentence names a place at all. Town names are also
people's names and parts of longer names: `Mahmoud Abbas` is not Fort Abbas, `Villa La
Grange` is not La Grange (USA), `Nancy Pelosi` is not Nancy, and the tug «Яни Капу» or
the boat «Бердянськ» are vessels. A name joined to an unknown capitalised word, or
standing alone in quotation marks, is left out."""

from __future__ import annotations

from litopys.model import Sentence, Token

OPEN_QUOTES = frozenset("«“„‘\"'")
CLOSE_QUOTES = frozenset("»”“’\"'")
FUNCTION_POS = frozenset({"PREP", "CONJ", "PRON", "PART", "PUNCT", "NUM"})


def _name_word(tok: Token, lang: str) -> bool:
    """A capitalised word that may be part of a proper name: not a function word and, at
    the start of an English sentence (where every word is capitalised), not a common word."""
    if not tok.is_cap or tok.pos in FUNCTION_POS or not any(ch.isalpha() for ch in tok.text):
        return False
    if tok.i == 0 and lang == "en":
        from litopys.places.gazetteer import english_words

        return tok.lower not in english_words()
    return True


def _quoted(toks: list[Token], start: int, end: int) -> bool:
    """«Бердянськ», «Яни Капу»: quotation marks right around the name (one more word allowed)."""
    if start == 0 or toks[start - 1].text not in OPEN_QUOTES:
        return False
    return any(t.text in CLOSE_QUOTES for t in toks[end:end + 2])


def names_a_place(sent: Sentence, start: int, end: int, covered: set[int], lang: str) -> bool:
    """False when tokens `start:end` (a gazetteer match) are part of another name: an
    unknown capitalised word right before them (`Mahmoud Abbas`, `Villa La Grange`) or,
    for a one-word name, right after them (`Nancy Pelosi`), or quotation marks around them.
    `covered` are the tokens of the sentence's other lexicon matches: `in Geneva Biden
    said` keeps Geneva, since Biden is a name of its own."""
    toks = sent.tokens
    if start > 0 and start - 1 not in covered and _name_word(toks[start - 1], lang):
        return False
    if end - start == 1 and end < len(toks) and end not in covered and _name_word(toks[end], lang):
        return False
    return not _quoted(toks, start, end)
