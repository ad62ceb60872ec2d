"""The children's pages in a real browser: with and without JavaScript, by keyboard,
through axe-core, and with no request leaving the site."""

from __future__ import annotations

import re
from typing import Any

import pytest

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _new_page(chromium: Any, live_server: str, *, javascript: bool = True) -> tuple[Any, Any, list[str]]:
    context = chromium.new_context(java_script_enabled=javascript, base_url=live_server)
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))
    return context, context.new_page(), requested


def _send(page: Any, text: str) -> str:
    page.goto("/send")
    page.fill("#text", text)
    page.click("button[type=submit]")
    code = page.text_content("#receipt-code")
    assert code and re.fullmatch(r"[a-z]+(-[a-z]+){5}-\d{3}", code.strip())
    return code.strip()


def test_a_child_can_send_and_check_with_javascript_off(chromium: Any, live_server: str) -> None:
    context, page, requested = _new_page(chromium, live_server, javascript=False)
    code = _send(page, "Our school toilets are always broken. Please help fix them.")
    # Buttons that need JavaScript stay out of sight without it: no button that does nothing.
    assert not page.get_by_role("button", name="Copy my code").is_visible()
    assert not page.get_by_role("button", name="Listen to this page").is_visible()
    page.goto("/check")
    page.fill("#code", code.replace("-", " ").upper())
    page.click("button[type=submit]")
    assert page.locator("#status-title").is_visible()
    assert (
        page.get_by_role("link", name="Leave this site quickly").get_attribute("href").startswith("https://")
    )
    assert all(url.startswith(live_server) for url in requested), requested
    context.close()


def test_a_child_can_send_using_only_the_keyboard(chromium: Any, live_server: str) -> None:
    context, page, _ = _new_page(chromium, live_server)
    page.goto("/send")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Leave this site quickly"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to main content"
    page.keyboard.press("Enter")
    focused_texts = []
    for _ in range(12):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.id || document.activeElement.tagName")
        focused_texts.append(focused)
        if focused == "text":
            break
    assert "text" in focused_texts
    page.keyboard.type("I want more buses in the evening so I can get to football.")
    while page.evaluate("document.activeElement.type") != "submit":
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_selector("#receipt-code")
    context.close()


def test_quick_exit_leaves_and_replaces_history(chromium: Any, live_server: str) -> None:
    context, page, _ = _new_page(chromium, live_server)
    context.route(
        "https://www.bbc.co.uk/**", lambda route: route.fulfill(body="<title>Weather</title>weather")
    )
    page.goto("/send")
    page.get_by_role("link", name="Leave this site quickly").click()
    page.wait_for_url("https://www.bbc.co.uk/weather")
    page.go_back()
    assert not page.url.endswith("/send")  # the post-box page was replaced in history
    context.close()


@pytest.mark.parametrize("path", ["/", "/send", "/check", "/help", "/easy-read/send", "/no-such-page"])
def test_child_pages_have_no_axe_violations(chromium: Any, live_server: str, path: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context, page, requested = _new_page(chromium, live_server)
    page.goto(path)
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    assert all(url.startswith(live_server) for url in requested), requested
    context.close()


def test_thank_you_and_status_pages_have_no_axe_violations(chromium: Any, live_server: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    context, page, _ = _new_page(chromium, live_server)
    code = _send(page, "i want to kms")
    assert page.get_by_text("Childline").first.is_visible()  # help is shown at once
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    page.goto("/check")
    page.fill("#code", code)
    page.click("button[type=submit]")
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    assert results.violations_count == 0, results.generate_report()
    context.close()


def test_send_form_errors_are_tied_to_the_field(chromium: Any, live_server: str) -> None:
    context, page, _ = _new_page(chromium, live_server, javascript=False)
    page.goto("/send")
    page.click("button[type=submit]")
    textarea = page.locator("#text")
    assert textarea.get_attribute("aria-invalid") == "true"
    assert "text-error" in (textarea.get_attribute("aria-describedby") or "")
    context.close()


@pytest.mark.parametrize("javascript", [False, True], ids=["no-js", "js+axe"])
def test_the_easy_read_post_box_works_without_javascript(
    chromium: Any, live_server: str, javascript: bool
) -> None:
    """The whole Easy Read way with JavaScript off; axe (which needs JavaScript) on a second run."""
    from axe_playwright_python.sync_playwright import Axe

    context, page, requested = _new_page(chromium, live_server, javascript=javascript)
    page.goto("/")
    page.get_by_role("link", name="Send a message the Easy Read way, with pictures").click()
    page.fill("#text", "I want more places to play football.")
    page.get_by_role("button", name="Next").click()
    page.get_by_label("Where I live").check()
    for _ in range(2):
        if javascript:
            results = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
            assert results.violations_count == 0, results.generate_report()
        page.get_by_role("button", name="Next").click()
    assert page.get_by_role("heading", name="Check and send").is_visible()
    page.get_by_role("button", name="Send my message").click()
    assert re.fullmatch(r"[a-z]+(-[a-z]+){5}-\d{3}", page.text_content("#receipt-code").strip())
    assert all(url.startswith(live_server) for url in requested), requested
    context.close()
