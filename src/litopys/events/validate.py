"""The code validator: no event leaves litopys with a malformed CAMEO code or one that
contradicts its PLOVER type. A refused event is moved to `doc.dropped` with the reason
(shown by `litopys explain`) and logged, never silently repaired: a wrong code is a bug
in a pattern or a rule, and the note says which one."""

from __future__ import annotations

import logging

from litopys.events.cameo import check_event
from litopys.model import Document

log = logging.getLogger("litopys.events")


class CodeValidator:
    """requires: doc.events; assigns: doc.events (refused ones move to doc.dropped)."""

    name = "validate"

    def __call__(self, doc: Document) -> Document:
        kept = []
        for e in doc.events:
            problems = check_event(e)
            if not problems:
                kept.append(e)
                continue
            why = "code refused: " + "; ".join(problems)
            log.warning("%s: %s (%s, %s)", doc.id, why, e.rule, e.evidence.text[:80])
            doc.dropped.append((e, why))
        doc.events = kept
        return doc
