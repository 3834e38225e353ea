"""JSON Lines: one aggregated event per line, as `litopys.query.events.get_event` gives it
(the aggregate, then every report with its evidence, document and offsets)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from litopys.export.rows import Bundle
from litopys.query.events import aggregate_dict, report_dict


def event_record(b: Bundle) -> dict:
    out = aggregate_dict(b.agg)
    out["reports"] = [report_dict(e, d) for e, d in b.reports]  # type: ignore[arg-type]  # Doc has the columns used
    out["merge_notes"] = [r["merge_reason"] for r in out["reports"]]
    return out


def write(bundles: Iterable[Bundle], fh: IO[str]) -> int:
    n = 0
    for b in bundles:
        fh.write(json.dumps(event_record(b), ensure_ascii=False) + "\n")
        n += 1
    return n
