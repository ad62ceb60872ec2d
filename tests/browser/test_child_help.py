"""Issue #14 in a real browser: a worried child is helped again on /check, a refresh of the
thank-you page sends nothing twice, the quick exit stays in view, /help lists every line."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest

from tests.browser.test_child_pages import _new_page, _send

pytestmark = pytest.mark.browser

WORRYING = "i cant take it anymore i want to die"


def _check(page: Any, code: str) -> None:
    page.goto("/check")
    page.fill("#code", code)
    page.click("button[type=submit]")
    page.wait_for_selector("#status-title")


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_check_helps_a_child_who_wrote_something_worrying(
    chromium: Any, live_server: str, javascript: bool
) -> None:
    context, page, _ = _new_page(chromium, live_server, javascript=javascript)
    code = _send(page, WORRYING)
    _check(page, code)
    assert page.get_by_role("heading", name="You can get help right now").is_visible()
    assert page.get_by_role("heading", name="What happens next").is_visible()
    what_next = page.locator("section[aria-labelledby=next-title]").inner_text()
    assert "Help at Hand" in what_next and ("by " in what_next or "looking at" in what_next), what_next
    assert page.locator("main").get_by_role("link", name="0800 1111").is_visible()
    assert page.get_by_text("Do you want someone from our team to contact you?").is_visible()
    assert "check again in a few days" not in page.content()
    context.close()


def test_check_stays_plain_for_an_everyday_message(chromium: Any, live_server: str) -> None:
    context, page, _ = _new_page(chromium, live_server)
    code = _send(page, "Can we have more books about space in the school library?")
    _check(page, code)
    assert page.get_by_role("heading", name="You can get help right now").count() == 0
    assert page.get_by_role("heading", name="What happens next").count() == 0
    context.close()


def _views(data: Path) -> int:
    with sqlite3.connect(data / "live.sqlite3") as db:
        return int(db.execute("select count(*) from view").fetchone()[0])


@pytest.mark.parametrize("path", ["/send", "/easy-read/send"])
def test_refreshing_the_thank_you_page_sends_nothing_again(
    chromium: Any, live_server: str, demo: tuple[Path, dict[str, str]], path: str
) -> None:
    context, page, _ = _new_page(chromium, live_server)
    page.goto(path)
    page.fill("#text", "Please can the bus to school come more often in the morning.")
    if path == "/send":
        page.click("button[type=submit]")
    else:
        for _ in range(3):
            page.get_by_role("button", name="Next").click()
        page.get_by_role("button", name="Send my message").click()
    code = page.text_content("#receipt-code").strip()
    before = _views(demo[0])
    methods: list[str] = []
    page.on("request", lambda r: methods.append(r.method))
    page.reload()  # the browser posts the same form again
    assert "POST" in methods
    assert page.text_content("#receipt-code").strip() == code
    assert _views(demo[0]) == before
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_quick_exit_is_first_and_always_in_view(chromium: Any, live_server: str, width: int) -> None:
    context = chromium.new_context(base_url=live_server, viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto("/help")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Leave this site quickly"
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    assert page.evaluate("window.scrollY") > 300  # the page did scroll
    box = page.get_by_role("link", name="Leave this site quickly").bounding_box()
    assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 800
    assert box["x"] + box["width"] <= width
    # It does not sit on the site name.
    page.evaluate("window.scrollTo(0, 0)")
    exit_box = page.get_by_role("link", name="Leave this site quickly").bounding_box()
    name_box = page.get_by_role("link", name="The Post-box").bounding_box()
    overlap_x = (
        exit_box["x"] < name_box["x"] + name_box["width"]
        and name_box["x"] < exit_box["x"] + exit_box["width"]
    )
    overlap_y = (
        exit_box["y"] < name_box["y"] + name_box["height"]
        and name_box["y"] < exit_box["y"] + exit_box["height"]
    )
    assert not (overlap_x and overlap_y)
    context.close()


def test_help_lists_every_line(chromium: Any, live_server: str) -> None:
    context, page, _ = _new_page(chromium, live_server, javascript=False)
    page.goto("/help")
    main = page.locator("main").inner_text()
    for words in (
        "Childline",
        "0800 1111",
        "Shout",
        "85258",
        "Samaritans",
        "116 123",
        "Help at Hand",
        "0800 528 0731",
        "Monday to Friday",
    ):
        assert words in main, words
    assert (
        page.get_by_role("link", name="chat online with a counsellor")
        .get_attribute("href")
        .startswith("https://www.childline.org.uk/")
    )
    page.get_by_role("link", name="ask us to contact you").click()
    assert page.get_by_role("heading", name="Do you want someone to contact you?").is_visible()
    context.close()


def test_a_child_can_keep_the_code_without_javascript(chromium: Any, live_server: str) -> None:
    context = chromium.new_context(
        base_url=live_server,
        java_script_enabled=False,
        viewport={"width": 390, "height": 800},
        accept_downloads=True,
    )
    page = context.new_page()
    code = _send(page, "I would like a bigger playground at my school please.")
    assert len(code.split("-")) == 7
    # Each word sits on one line: the code only ever breaks after a hyphen.
    lines_per_word = page.locator("#receipt-code span").evaluate_all(
        "els => els.map(e => e.getClientRects().length)"
    )
    assert lines_per_word == [1] * 7
    assert page.locator("#receipt-code").evaluate("e => e.scrollWidth <= e.clientWidth")
    assert page.get_by_text("If you lose your code, nobody can get it back for you.").is_visible()
    with page.expect_download() as download:
        page.get_by_role("button", name="Save my code as a file").click()
    saved = Path(download.value.path()).read_text()
    assert code in saved and "/check" in saved
    page.emulate_media(media="print")
    assert page.locator("#receipt-code").is_visible()
    assert not page.get_by_role("link", name="Leave this site quickly").is_visible()
    assert not page.get_by_role("heading", name="What happens next").is_visible()
    context.close()


@pytest.mark.parametrize("width", [390, 1280])
def test_you_said_we_did_is_in_the_menu_and_on_the_home_page(
    chromium: Any, live_server: str, width: int
) -> None:
    context = chromium.new_context(base_url=live_server, viewport={"width": width, "height": 800})
    page = context.new_page()
    page.goto("/")
    feed = page.locator("head link[rel=alternate][type='application/atom+xml']")
    assert feed.get_attribute("href") == "/you-said-we-did.atom"
    assert page.locator("main").get_by_role("link", name='Read "You said, we did"').is_visible()
    menu = page.get_by_role("navigation", name="Main")
    # The menu sits in whole rows: at 390 px two by two, wider on one line.
    tops = {
        round(b["y"])
        for b in menu.get_by_role("link").evaluate_all("els => els.map(e => e.getBoundingClientRect())")
    }
    assert len(tops) == (2 if width == 390 else 1)
    menu.get_by_role("link", name="You said, we did").click()
    page.wait_for_url("**/you-said-we-did")
    assert page.get_by_role("heading", level=1).is_visible()
    context.close()
