"""Boards and cohorts, and the "you said, we did" updates they publish."""

from __future__ import annotations

from enum import StrEnum

from tortoise import fields
from tortoise.models import Model


class BoardKind(StrEnum):
    BOARD = "board"  # an advisory board (Children's; Care Experienced)
    COHORT = "cohort"  # a cohort of Youth Ambassadors


class Board(Model):
    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=120, unique=True)
    kind = fields.CharEnumField(BoardKind, max_length=8)
    description = fields.TextField(default="")
    active_from = fields.DateField(null=True)
    active_until = fields.DateField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "board"
