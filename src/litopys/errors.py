"""Every message litopys gives a user, with a code and what to do next, in one place."""

from __future__ import annotations

MESSAGES = {
    "E001": "a language dependency is missing: {detail}",
    "E010": "a lexicon file is invalid: {detail}; run `litopys lexicon check` for the full list",
    "E020": "{path}: the file is empty; nothing to extract",
    "E021": "{path}: looks like binary data ({detail}), not an article; skipped",
    "E022": "{path}: could not be decoded as UTF-8, UTF-16, cp1251 or koi8-r; re-save it as UTF-8",
    "E023": "{path}: cannot be read: {detail}",
    "E024": "{path}: {detail} characters is larger than --max-chars; split the file or raise the limit",
    "W030": "{path}: the language is {detail}; litopys reads uk, ru and en: stored with no events (force one with --lang)",
    "W031": "{path}: no publication date (no ` date YYYY-MM-DD` header, no --date, no date in the file name): relative dates stay unresolved",
    "W032": "{path}: decoded as {detail}, not UTF-8",
    "W033": "{path}: the header date '{detail}' is not a real date; treated as unknown",
}


class InputError(Exception):
    """A file that cannot become a document; the batch goes on without it."""

    def __init__(self, code: str, **kw: object) -> None:
        self.code = code
        super().__init__(f"{code} " + MESSAGES[code].format(**{"detail": "", **kw}))


def warning(code: str, **kw: object) -> str:
    return f"{code} " + MESSAGES[code].format(**{"detail": "", **kw})
