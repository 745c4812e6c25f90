"""Diary tables: one lookup row per diary, one encrypted row per entry.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "diary_diaries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("lookup", sa.LargeBinary(length=32), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_diary_diaries"),
        sa.UniqueConstraint("lookup", name="uq_diary_diaries_lookup"),
    )
    op.create_table(
        "diary_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("diary_id", sa.Integer(), nullable=False),
        sa.Column("blob", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["diary_id"],
            ["diary_diaries.id"],
            name="fk_diary_entries_diary_id_diary_diaries",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_diary_entries"),
    )
    op.create_index("ix_diary_entries_diary_id", "diary_entries", ["diary_id"])


def downgrade() -> None:
    op.drop_index("ix_diary_entries_diary_id", table_name="diary_entries")
    op.drop_table("diary_entries")
    op.drop_table("diary_diaries")
