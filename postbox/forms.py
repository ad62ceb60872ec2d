"""Checking what a child sends: the same rules for the HTML form and the JSON API."""

from __future__ import annotations

import html
import re
import unicodedata

import bleach
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, ValidationError, field_validator

from postbox.vocabulary import AGE_BANDS, FOUND_US, THEMES, areas

MAX_TEXT = 5000

# Control characters other than tab and newline never belong in a view.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def clean_text(raw: str) -> str:
    """Plain text to store: tags stripped by bleach, entities turned back into characters,
    newlines normalised, NFC, trimmed. Output is always escaped when rendered."""
    text = unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))
    # Control characters go first: bleach would turn them into "?".
    text = _CONTROL.sub("", text)
    if "<" not in text and "&" not in text:
        # Nothing that could be markup or an entity: bleach would give back the same text
        # (its escaping is undone below), and it is the slowest step of a post.
        return text.strip()
    text = bleach.clean(text, tags=set(), attributes={}, strip=True, strip_comments=True)
    return html.unescape(text).strip()


class ViewSubmission(BaseModel):
    """A view as the API and the form accept it. Unknown fields are refused."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=False)

    # The schema describes the rules for clients; the validators below enforce them with
    # messages a child can follow.
    text: StrictStr = Field(json_schema_extra={"minLength": 1, "maxLength": MAX_TEXT, "pattern": r"\S"})
    theme: StrictStr | None = Field(default=None, json_schema_extra={"enum": [*THEMES, None]})
    age_band: StrictStr | None = Field(default=None, json_schema_extra={"enum": [*AGE_BANDS, None]})
    area: StrictStr | None = Field(default=None, json_schema_extra={"enum": [*areas(), None]})
    found_us: StrictStr | None = Field(default=None, json_schema_extra={"enum": [*FOUND_US, None]})
    quote_consent: StrictBool = False

    @field_validator("text")
    @classmethod
    def _text(cls, value: str) -> str:
        text = clean_text(value)
        if not text:
            raise ValueError("Please write something before you send it.")
        if len(text) > MAX_TEXT:
            raise ValueError(f"That is a bit too long. Please keep it under {MAX_TEXT:,} letters.")
        return text

    @field_validator("theme")
    @classmethod
    def _theme(cls, value: str | None) -> str | None:
        return _one_of(value, THEMES, "Please pick a topic from the list.")

    @field_validator("age_band")
    @classmethod
    def _age_band(cls, value: str | None) -> str | None:
        return _one_of(value, AGE_BANDS, "Please pick an age from the list.")

    @field_validator("area")
    @classmethod
    def _area(cls, value: str | None) -> str | None:
        return _one_of(value, areas(), "Please pick a place from the list.")

    @field_validator("found_us")
    @classmethod
    def _found_us(cls, value: str | None) -> str | None:
        return _one_of(value, FOUND_US, "Please pick an answer from the list.")


def _one_of(value: str | None, allowed: tuple[str, ...], message: str) -> str | None:
    if value is None or value == "":
        return None
    if value not in allowed:
        raise ValueError(message)
    return value


def field_errors(exc: ValidationError) -> dict[str, str]:
    """Friendly messages per field from a pydantic ValidationError."""
    errors: dict[str, str] = {}
    for err in exc.errors():
        name = str(err["loc"][0]) if err["loc"] else "form"
        if err["type"] == "value_error":
            message = str(err["ctx"]["error"]) if "ctx" in err else err["msg"]
        elif err["type"] == "extra_forbidden":
            message = "This field is not allowed."
        elif err["type"] == "missing":
            message = "Please write something before you send it." if name == "text" else "This is needed."
        else:
            message = "This has the wrong kind of value."
        errors.setdefault(name, message)
    return errors
