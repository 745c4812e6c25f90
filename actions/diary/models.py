"""Database tables. They hold nothing readable: a lookup value per diary and one opaque,
encrypted blob per entry. No timestamps, on purpose: even dates must not be readable."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, LargeBinary, MetaData
from sqlalchemy.orm import declarative_base

# Own prefix and version table: the diary can share a database with Rasa's tracker.
VERSION_TABLE = "diary_alembic_version"

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
Base = declarative_base(metadata=MetaData(naming_convention=NAMING))


class DiaryRow(Base):
    __tablename__ = "diary_diaries"

    id = Column(Integer, primary_key=True)
    lookup = Column(LargeBinary(32), nullable=False, unique=True)


class EntryRow(Base):
    __tablename__ = "diary_entries"

    id = Column(Integer, primary_key=True)
    diary_id = Column(
        Integer,
        ForeignKey("diary_diaries.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    )
    blob = Column(LargeBinary, nullable=False)
