"""Turning untrusted text into safe HTML pieces: JSON for `<script type="application/json">`
blocks and document text cut into segments at every marked span. Templates render the
segments with autoescaping, so no document text ever reaches the page as markup."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup

_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_TABLE = str.maketrans(_JSON_ESCAPES)


def safe_json(data: Any) -> Markup:
    """JSON that cannot close its `<script>` block or start an HTML comment or entity, and
    that stays valid JavaScript (U+2028/2029 escaped)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return Markup(text.translate(_JSON_TABLE))


@dataclass
class Segment:
    text: str
    start: int
    events: list[int] = field(default_factory=list)  # ids of the event reports covering it
    mentions: list[str] = field(default_factory=list)  # actor codes of the mentions covering it
    focus: bool = False  # inside the span the page is about


def segments(text: str, events: list[tuple[int, int, int]] = (), mentions: list[tuple[str, int, int]] = (),
             focus: tuple[int, int] | None = None, window: tuple[int, int] | None = None) -> list[Segment]:
    """Cut `text[window]` at every span boundary. `events` are (id, start, end), `mentions`
    (code, start, end), `focus` one (start, end) to highlight. Overlapping spans are fine:
    each segment lists everything that covers it."""
    lo, hi = window or (0, len(text))
    lo, hi = max(0, lo), min(len(text), hi)
    cuts = {lo, hi}
    spans = [(s, e) for _, s, e in events] + [(s, e) for _, s, e in mentions] + ([focus] if focus else [])
    for s, e in spans:
        for x in (s, e):
            if lo < x < hi:
                cuts.add(x)
    points = sorted(cuts)
    out = []
    for a, b in zip(points, points[1:], strict=False):
        if a >= b:
            continue
        seg = Segment(text[a:b], a,
                      [i for i, s, e in events if s <= a and b <= e],
                      sorted({c for c, s, e in mentions if s <= a and b <= e}),
                      bool(focus and focus[0] <= a and b <= focus[1]))
        if out and (out[-1].events, out[-1].mentions, out[-1].focus) == (seg.events, seg.mentions, seg.focus):
            out[-1].text += seg.text
        else:
            out.append(seg)
    return out
