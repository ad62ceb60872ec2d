"""Screening records: what the screen found in a view, layer by layer."""

from __future__ import annotations

from tortoise import fields
from tortoise.models import Model


class Screening(Model):
    """One run of the screen over one view. ``stage`` is "fast" (in the request) or "full"."""

    id = fields.BigIntField(primary_key=True)
    view = fields.ForeignKeyField("postbox.View", related_name="screenings", on_delete=fields.CASCADE)
    stage = fields.CharField(max_length=8)
    level = fields.CharField(max_length=8)
    needs_human = fields.BooleanField(default=False)
    categories = fields.JSONField(default=dict)
    reasons = fields.JSONField(default=list)
    spans = fields.JSONField(default=list)
    pii = fields.JSONField(default=list)
    language = fields.CharField(max_length=16, default="en")
    model_versions = fields.JSONField(default=dict)
    elapsed_ms = fields.FloatField(default=0.0)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "screening"
