"""Issue #14 for staff, in a real browser: moderation in one pass at phone width, and Help at
Hand seeing who asked to be contacted, on the urgent timer."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from tests import live
from tests.browser.test_child_pages import _new_page, _send
from tests.browser.test_public_and_staff_pages import _axe, _set_up_and_sign_in

pytestmark = pytest.mark.browser


def _fits(page: Any, width: int) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _send_worry(chromium: Any, live_server: str, text: str, *, ask_contact: bool = False) -> str:
    context, page, _ = _new_page(chromium, live_server, javascript=False)
    code = _send(page, text)
    if ask_contact:
        page.get_by_text("Do you want someone from our team to contact you?").click()
        page.get_by_label("Phone call").check()
        page.fill("#contact-details", "07700 900123")
        page.get_by_role("button", name="Ask us to contact me").click()
        assert page.get_by_role("heading", name="Thank you. We will contact you.").is_visible()
    context.close()
    return code


def test_a_moderator_works_the_queue_in_one_pass_at_phone_width(
    chromium: Any, live_server: str, demo: tuple[Path, dict[str, str]]
) -> None:
    email = "phone.moderator@example.org"
    context = chromium.new_context(base_url=live_server, viewport={"width": 390, "height": 800})
    page = context.new_page()
    _set_up_and_sign_in(page, _new_account(demo[0], email, "moderator"), email)
    assert page.get_by_role("link", name="Leave this site quickly").count() == 0  # not on staff pages
    page.goto("/staff/moderation/")
    _fits(page, 390)
    _axe(page)
    # Open a high-risk item: Escalate is the main button and comes before "Approve for boards".
    free = page.locator(
        "table.queue tbody tr", has=page.locator("td[data-label='Who has it']", has_text="Nobody")
    )
    row = free.filter(has=page.locator(".level-high, .level-urgent")).first
    row.locator("a[href^='/staff/moderation/']").click()
    _fits(page, 390)
    _axe(page)
    main = page.locator("main").inner_text()
    for code_word in ("with_help_team", "model:", "bullies_me", "received", "UTC"):
        assert code_word not in main, code_word
    assert "UK time" in main
    escalate = page.get_by_role("button", name="Send to Help at Hand")
    approve = page.get_by_role("button", name="Approve for boards")
    assert "button-warning" in escalate.get_attribute("class")
    assert "button-secondary" in approve.get_attribute("class")
    assert escalate.bounding_box()["y"] < approve.bounding_box()["y"]
    # Buttons never sit on the next label.
    hide = page.get_by_role("button", name="Hide these").bounding_box()
    theme = page.locator("label[for=theme]").bounding_box()
    assert hide["y"] + hide["height"] <= theme["y"]
    # No Escape shortcut for staff: three presses keep the page and an unsent reply.
    page.fill("#body", "An unsent reply")
    here = page.url
    for _ in range(3):
        page.keyboard.press("Escape")
    assert page.url == here and page.input_value("#body") == "An unsent reply"
    # An action lands on the next item in the queue.
    first = page.url
    page.get_by_role("button", name="Close without sharing").click()
    assert page.url != first and re.search(r"/staff/moderation/\d+\?", page.url), page.url
    assert page.get_by_text("This is the next item in the queue.").is_visible()
    context.close()


def _new_account(data: Path, email: str, role: str) -> str:
    """A fresh staff account made with the command line; its one-time set-up path."""
    done = subprocess.run(
        [sys.executable, "-m", "postbox", "createuser", email, "--role", role],
        cwd=live.ROOT,
        env=live.server_env(data),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return re.search(r"/staff/setup/[\w-]+", done.stdout).group(0)


def test_help_at_hand_sees_who_asked_to_be_contacted(
    chromium: Any, live_server: str, demo: tuple[Path, dict[str, str]]
) -> None:
    _send_worry(
        chromium, live_server, "my dad hits me when he is drunk and i am scared to go home", ask_contact=True
    )
    with sqlite3.connect(demo[0] / "live.sqlite3") as db:
        (due,) = db.execute(
            "select c.due_at from help_case c join contact_request r on r.view_id = c.view_id"
            " order by r.id desc limit 1"
        ).fetchone()
    due_at = (
        datetime.fromisoformat(due).replace(tzinfo=UTC) if "+" not in due else datetime.fromisoformat(due)
    )
    assert due_at <= datetime.now(UTC) + timedelta(hours=1, minutes=1)  # on the urgent timer

    context = chromium.new_context(base_url=live_server, viewport={"width": 390, "height": 800})
    page = context.new_page()
    email = "phone.helper@example.org"
    _set_up_and_sign_in(page, _new_account(demo[0], email, "help_at_hand"), email)
    page.get_by_role("link", name="Help at Hand cases").first.click()
    _fits(page, 390)
    _axe(page)
    asked = page.locator("table tbody tr", has=page.get_by_text("Asked to be contacted"))
    assert asked.count() >= 1
    asked.first.locator("a").first.click()
    _axe(page)
    assert page.get_by_text("07700 900123").is_visible()
    context.close()
