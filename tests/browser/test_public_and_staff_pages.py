"""The public "you said, we did" pages and the staff loop in a real browser: a moderator
sets up their account (password and TOTP), signs in, triages and replies; axe on each."""

from __future__ import annotations

import re
from typing import Any

import pyotp
import pytest

from tests.browser.test_child_pages import AXE_TAGS, _new_page

pytestmark = pytest.mark.browser


def _axe(page: Any) -> None:
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def test_public_updates_their_easy_read_pages_and_feed(chromium: Any, live_server: str) -> None:
    context, page, requested = _new_page(chromium, live_server)
    page.goto("/you-said-we-did")
    _axe(page)
    links = page.locator("main a[href^='/you-said-we-did/']").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    updates = [
        href for href in links if re.fullmatch(r"/you-said-we-did/[a-z0-9-]+", href) and "/theme/" not in href
    ]
    assert updates, links
    page.goto(updates[0])
    _axe(page)
    page.goto(updates[0] + "/easy-read")
    assert page.locator("img").count() >= 1  # a picture beside the points
    _axe(page)
    feed = context.request.get(live_server + "/you-said-we-did.atom")
    assert feed.ok and "http://www.w3.org/2005/Atom" in feed.text()
    assert all(url.startswith(live_server) for url in requested), requested
    context.close()


def _set_up_and_sign_in(page: Any, setup_path: str, email: str) -> None:
    """Through the real pages: set a password and enrol TOTP from the one-time link, then sign in."""
    import time

    page.goto(setup_path)
    _axe(page)
    totp = pyotp.TOTP(page.locator(".secret-key").text_content().strip())
    password = "a long browser-test password"
    page.fill("#password", password)
    page.fill("#confirm", password)
    page.fill("#code", totp.now())
    page.get_by_role("button", name="Finish set-up").click()
    page.wait_for_url("**/staff/sign-in?set_up=1")
    _axe(page)
    page.fill("#email", email)
    page.fill("#password", password)
    page.get_by_role("button", name="Continue").click()
    page.wait_for_url("**/staff/sign-in/code**")
    page.fill("#code", totp.at(time.time() + 30))  # the set-up code may not be used again
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/staff")


def test_a_moderator_sets_up_signs_in_triages_and_replies(
    chromium: Any, live_server: str, demo: tuple[Any, dict[str, str]]
) -> None:
    context, page, requested = _new_page(chromium, live_server)
    _set_up_and_sign_in(page, demo[1]["moderator@example.org"], "moderator@example.org")
    cookie = next(c for c in context.cookies() if c["name"].endswith("postbox_staff"))
    assert cookie["httpOnly"] and cookie["sameSite"] == "Strict"

    page.get_by_role("link", name="Moderation queue").first.click()
    _axe(page)
    page.locator("main table a[href^='/staff/moderation/']").first.click()
    _axe(page)
    page.fill("#body", "Thank you for telling us. We are here to help.")
    page.get_by_role("button", name="Send reply").click()
    assert page.get_by_text("Reply sent").is_visible()
    assert all(url.startswith(live_server) for url in requested), requested
    context.close()


def test_an_editor_explores_views_with_a_chart_and_opens_updates(
    chromium: Any, live_server: str, demo: tuple[Any, dict[str, str]]
) -> None:
    context, page, requested = _new_page(chromium, live_server)
    _set_up_and_sign_in(page, demo[1]["editor@example.org"], "editor@example.org")
    page.goto("/staff/boards/explore")
    assert page.locator("svg[role=img]").count() >= 1 and page.locator("table").count() >= 1
    _axe(page)
    page.goto("/staff/boards")
    _axe(page)
    edit_links = page.locator("main a[href*='/staff/updates/']").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))"
    )
    assert edit_links, "no updates listed for the editor"
    page.goto(edit_links[0])
    _axe(page)
    assert all(url.startswith(live_server) for url in requested), requested
    context.close()
