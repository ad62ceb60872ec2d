"""Atom feeds (RFC 4287) of published "you said, we did" updates, built with xml.etree.

ElementTree escapes text and attribute values itself; every link is absolute, made from
``settings.BASE_URL``. Entry ids are ``tag:`` URIs (RFC 4151) built from the update's
database id, so they stay the same even if the site moves.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from urllib.parse import urlsplit
from xml.etree import ElementTree as ET

import settings
from boards.models import Update
from boards.updates import STATUS_WORDS
from web.http import xml_safe

ATOM = "http://www.w3.org/2005/Atom"
ET.register_namespace("", ATOM)


def _el(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
    # Staff text is cleaned on input; cleaned again here for anything stored before that.
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}", {k: xml_safe(v) for k, v in attrs.items()})
    if text is not None:
        element.text = xml_safe(text)
    return element


def _stamp(moment: datetime | None) -> str:
    return (moment or datetime(2026, 1, 1, tzinfo=UTC)).astimezone(UTC).isoformat().replace("+00:00", "Z")


def _tag(suffix: str) -> str:
    host = urlsplit(settings.BASE_URL).hostname or "localhost"
    return f"tag:{host},2026:postbox/{suffix}"


def absolute(path: str) -> str:
    return settings.BASE_URL.rstrip("/") + path


def build_feed(
    updates: Sequence[Update],
    *,
    title: str,
    self_path: str,
    alternate_path: str,
    entry_path: Callable[[Update], str],
    feed_key: str,
) -> bytes:
    """The feed; paths come from the caller's route table (``entry_path`` gives an update's)."""
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en"})
    _el(feed, "id", _tag(f"feed/{feed_key}"))
    _el(feed, "title", title)
    _el(feed, "subtitle", "What children told us, and what we did about it.")
    newest = max((u.updated_at for u in updates if u.updated_at), default=None)
    _el(feed, "updated", _stamp(newest))
    _el(feed, "link", rel="self", type="application/atom+xml", href=absolute(self_path))
    _el(feed, "link", rel="alternate", type="text/html", href=absolute(alternate_path))
    author = _el(feed, "author")
    _el(author, "name", "The Post-box")
    for update in updates:
        entry = _el(feed, "entry")
        _el(entry, "id", _tag(f"update/{update.id}"))
        _el(entry, "title", update.title)
        _el(entry, "link", rel="alternate", type="text/html", href=absolute(entry_path(update)))
        _el(entry, "published", _stamp(update.published_at))
        _el(entry, "updated", _stamp(update.updated_at))
        _el(entry, "category", term=update.theme)
        summary = f"{STATUS_WORDS[str(update.status)]}. You said: {update.you_said} We did: {update.we_did}"
        _el(entry, "summary", summary.strip(), type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
