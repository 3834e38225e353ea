"""Tables. A document is keyed by the SHA-256 of its text, so the same article stored
twice is one row; every event, mention and relation keeps its evidence span."""

from __future__ import annotations

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    name: Mapped[str] = mapped_column(String(512))
    lang: Mapped[str | None] = mapped_column(String(8))
    published: Mapped[str | None] = mapped_column(String(10), index=True)
    source: Mapped[str] = mapped_column(String(1024), default="")
    url: Mapped[str] = mapped_column(String(2048), default="")
    title: Mapped[str] = mapped_column(Text, default="")
    text: Mapped[str] = mapped_column(Text)
    messages: Mapped[list] = mapped_column(JSON, default=list)
    lexicon: Mapped[str] = mapped_column(String(32), default="")


class MentionRow(Base):
    __tablename__ = "mentions"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    sentence: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    code: Mapped[str] = mapped_column(String(16), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(256), default="")
    role: Mapped[str] = mapped_column(String(128), default="")
    sector: Mapped[str] = mapped_column(String(8), default="")
    rule: Mapped[str] = mapped_column(String(256))


class EventRow(Base):
    __tablename__ = "events"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    event_type: Mapped[str] = mapped_column(String(16), index=True)
    cameo: Mapped[str] = mapped_column(String(4))
    mode: Mapped[str] = mapped_column(String(32), default="")
    source: Mapped[str | None] = mapped_column(String(16), index=True)
    source_actor: Mapped[dict | None] = mapped_column(JSON)
    target: Mapped[str | None] = mapped_column(String(16), index=True)
    target_actor: Mapped[dict | None] = mapped_column(JSON)
    symmetric: Mapped[bool] = mapped_column(Boolean, default=False)
    date: Mapped[str | None] = mapped_column(String(10), index=True)
    date_precision: Mapped[str | None] = mapped_column(String(8))
    negated: Mapped[bool] = mapped_column(Boolean, default=False)
    modality: Mapped[str] = mapped_column(String(16), default="asserted")
    location: Mapped[dict | None] = mapped_column(JSON)
    sentence: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    trigger: Mapped[str] = mapped_column(String(256), default="")
    rule: Mapped[str] = mapped_column(String(256))

    __table_args__ = (Index("ix_events_pair", "source", "target"),)


class RelationRow(Base):
    __tablename__ = "relations"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    type: Mapped[str] = mapped_column(String(32), index=True)
    subject: Mapped[str] = mapped_column(String(16), index=True)
    object: Mapped[str] = mapped_column(String(16), index=True)
    value: Mapped[str] = mapped_column(Text, default="")
    since: Mapped[str | None] = mapped_column(String(10))
    until: Mapped[str | None] = mapped_column(String(10))
    sentence: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    evidence: Mapped[str] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(String(256))
