"""What litopys knows of one actor code: its names, the people who held office for it over
time, what the articles say of its relations, and its counterparts by event type."""

from __future__ import annotations

from collections import Counter, defaultdict

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from litopys.lexicon.load import Lexicon
from litopys.query.relations import relation_timeline
from litopys.store.models import AggregateRow, MentionRow

KINDS = ("states", "organisations", "treaties", "groups", "media")


def lexicon_entry(lexicon: Lexicon, code: str) -> tuple[str, dict] | None:
    for kind in ("states", "organisations", "treaties"):
        entry = getattr(lexicon, kind).get(code)
        if entry:
            return kind[:-1], entry
    return None


def display_name(lexicon: Lexicon, code: str | None, lang: str = "en") -> str:
    if not code:
        return ""
    found = lexicon_entry(lexicon, code)
    if found:
        names = found[1].get("names", {}).get(lang) or found[1].get("names", {}).get("en") or [code]
        return names[0]
    return code


def people_for(lexicon: Lexicon, code: str) -> list[dict]:
    out = []
    for pid, person in lexicon.people.items():
        for role in person.get("roles", []):
            if code in (role.get("country"), role.get("org")):
                names = person.get("names", {})
                out.append({"id": pid, "name": (names.get("en") or names.get("uk") or [pid])[0],
                            "names": {k: v[0] for k, v in names.items() if v}, "title": role.get("title"),
                            "since": str(role["since"]) if role.get("since") else None,
                            "until": str(role["until"]) if role.get("until") else None})
    return sorted(out, key=lambda r: (r["since"] or ""), reverse=True)


def known_actors(session: Session, lexicon: Lexicon, limit: int = 500) -> list[dict]:
    """Every code seen in stored events, with counts, most active first."""
    counts: Counter[str] = Counter()
    for src, tgt, n in session.execute(select(AggregateRow.source, AggregateRow.target, func.count())
                                       .group_by(AggregateRow.source, AggregateRow.target)):
        for c in {src, tgt} - {None}:
            counts[c] += n
    kinds = {}
    for code in counts:
        found = lexicon_entry(lexicon, code)
        kinds[code] = found[0] if found else "other"
    return [{"code": c, "name": display_name(lexicon, c), "kind": kinds[c], "events": n}
            for c, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]


def counterparts(session: Session, code: str, top: int = 10) -> list[dict]:
    by: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    rows = session.execute(select(AggregateRow.source, AggregateRow.target, AggregateRow.event_type, func.count())
                           .where(or_(AggregateRow.source == code, AggregateRow.target == code))
                           .group_by(AggregateRow.source, AggregateRow.target, AggregateRow.event_type))
    for src, tgt, etype, n in rows:
        other = tgt if src == code else src
        direction = "to" if src == code else "from"
        by[(other or "", direction)][etype] += n
    out = [{"code": other or None, "direction": direction, "events": sum(c.values()), "by_type": dict(c.most_common())}
           for (other, direction), c in by.items()]
    return sorted(out, key=lambda r: (-r["events"], r["code"] or ""))[:top]


def actor_profile(session: Session, lexicon: Lexicon, code: str) -> dict | None:
    code = code.strip().upper()
    found = lexicon_entry(lexicon, code)
    mentions = session.scalar(select(func.count(MentionRow.id)).where(MentionRow.code == code)) or 0
    events = session.scalar(select(func.count(AggregateRow.id))
                            .where(or_(AggregateRow.source == code, AggregateRow.target == code))) or 0
    if found is None and not mentions and not events:
        return None
    kind, entry = found if found else ("other", {})
    return {"code": code, "kind": kind, "name": display_name(lexicon, code),
            "names": {lang: names for lang, names in entry.get("names", {}).items()},
            "mentions": mentions, "events": events, "people": people_for(lexicon, code)[:100],
            "relations": relation_timeline(session, lexicon, code), "counterparts": counterparts(session, code)}
