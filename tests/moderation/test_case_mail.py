"""The Help at Hand e-mail's HTML comes from a template, and what it shows is escaped."""

from __future__ import annotations

from datetime import UTC, datetime
from html.parser import HTMLParser

from starlette.applications import Starlette

from moderation.escalation import case_mail
from moderation.models import Case

HOSTILE_RULE = "<script>alert('rule')</script>"
HOSTILE_PERSON = '"><img src=x onerror=alert(1)>@example.org'
HOSTILE_LINK = "https://post-box.example/staff/help-at-hand/7?a='b'&c=<d>"


class Rendered(HTMLParser):
    """What a mail client shows: the elements, the table cells' text and the link target."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.cells: list[str] = []
        self.hrefs: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_cell = tag == "td"
        if tag == "td":
            self.cells.append("")
        self.hrefs += [value or "" for name, value in attrs if tag == "a" and name == "href"]

    def handle_endtag(self, tag: str) -> None:
        self._in_cell = self._in_cell and tag != "td"

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.cells[-1] += data


def hostile_case() -> Case:
    return Case(
        id=7,
        level="urgent",
        categories=["abuse"],
        reasons=[HOSTILE_RULE],
        escalated_by=HOSTILE_PERSON,
        opened_at=datetime(2026, 9, 1, 9, 30, tzinfo=UTC),
        due_at=datetime(2026, 9, 1, 10, 30, tzinfo=UTC),
    )


def rendered(html: str) -> Rendered:
    parser = Rendered()
    parser.feed(html)
    parser.close()
    return parser


async def test_the_html_shows_every_value_as_text_never_as_markup(app: Starlette) -> None:
    _subject, text, html = case_mail(hostile_case(), HOSTILE_LINK)
    page = rendered(html)
    assert "script" not in page.tags and "img" not in page.tags
    assert HOSTILE_RULE in page.cells and HOSTILE_PERSON in page.cells
    assert page.hrefs == [HOSTILE_LINK]
    assert "&lt;script&gt;" in html and "<script>" not in html
    # The plain text part is not HTML: it carries the values as they are.
    assert HOSTILE_RULE in text and HOSTILE_LINK in text


async def test_the_html_says_the_same_as_the_plain_text(app: Starlette) -> None:
    _subject, text, html = case_mail(hostile_case(), HOSTILE_LINK, overdue=True)
    page = rendered(html)
    assert page.tags[:2] == ["html", "body"] and "table" in page.tags
    assert page.cells == [
        "urgent",
        "abuse",
        HOSTILE_RULE,
        HOSTILE_PERSON,
        "2026-09-01 09:30 UTC",
        "2026-09-01 10:30 UTC",
    ]
    assert "This case is past its time to respond." in html and text.startswith("This case is past")
    assert "Open case 7" in html
