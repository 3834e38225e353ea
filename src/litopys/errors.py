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
    "E026": "{path}: not valid JSON ({detail}); fix or remove this line, the other lines are read",
    "E027": "{path}: {detail}; each JSONL line must be an object with a non-empty string \"text\"",
    "E028": "{path}: no article text found in the page ({detail}); an index, video or paywalled page has none",
    "E029": "{path}: the page is {detail} bytes, more than 10 x --max-chars; skipped (raise --max-chars to read it)",
    "E030": "{path}: the archive cannot be read further ({detail}); the records before this point were read",
    "E040": "'{path}' is not a database URL ({detail}); write sqlite:///path/file.db or postgresql+psycopg://user@host/dbname",
    "E041": "{detail}",
    "E042": "cannot open {path}: {detail}; check that the server runs and that the path or database exists",
    "W030": "{path}: the language is {detail}; litopys reads uk, ru and en: stored with no events (force one with --lang)",
    "W031": "{path}: no publication date (no ` date YYYY-MM-DD` header, no --date, no date in the file name): relative dates stay unresolved",
    "W032": "{path}: decoded as {detail}, not UTF-8",
    "W033": "{path}: the header date '{detail}' is not a real date; treated as unknown",
    "W034": "{path}: the record's date '{detail}' is not YYYY-MM-DD or an ISO date-time; treated as unknown",
    "W035": "{path}: the id '{detail}' was used by an earlier record; this one keeps its line number as id",
    "W036": "{path}: the field \"{detail}\" is not a string; ignored",
}


class InputError(Exception):
    """A file that cannot become a document; the batch goes on without it."""

    def __init__(self, code: str, **kw: object) -> None:
        self.code = code
        self.path = str(kw.get("path", ""))  # where: a file, "file:line 3" or "file#record 2 (url)"
        super().__init__(f"{code} " + MESSAGES[code].format(**{"detail": "", **kw}))


def warning(code: str, **kw: object) -> str:
    return f"{code} " + MESSAGES[code].format(**{"detail": "", **kw})
