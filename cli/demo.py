"""``python -m postbox demo``: the sample of real children's views sent through the post-box
as a child would, screened at once, then the boards' demo content on top.

It sits above the app because it runs the screen with the app's hooks (routing included),
exactly as the worker would.
"""

from __future__ import annotations

import json
from pathlib import Path

from app import MODELS, build_hooks
from boards.demo import load_demo as load_boards_demo
from cli.maintenance import open_unless_open
from postbox import services
from postbox.forms import ViewSubmission
from web import database, jobs
from web.hooks import Hooks

DEMO_VIEWS = Path(__file__).with_name("data") / "childrens_views_sample.jsonl"
THEME_ALIASES = {"Families": "Family", "Unaccompanied Children Seeking Asylum": "Children Seeking Asylum"}

# Not real children's words: made up for the demo queue.
DEMO_WORRIES = [
    "people in my class keep calling me names every day and nobody does anything",
    "i dont want to go home tonight",
    "queremos más parques y clubes para jóvenes en mi barrio",
]


async def load_demo() -> dict[str, int]:
    await database.apply_migrations(MODELS)
    async with open_unless_open(None):
        sent = 0
        for line in DEMO_VIEWS.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            quote = json.loads(line)
            if quote["who"].startswith("Parent"):
                continue
            theme = THEME_ALIASES.get(quote["theme"], quote["theme"])
            await services.submit_view(ViewSubmission(text=quote["text"], theme=theme, quote_consent=True))
            sent += 1
        for text in DEMO_WORRIES:  # written by us, so the moderators' queue has something in it
            await services.submit_view(ViewSubmission(text=text))
            sent += 1
        hooks = build_hooks()
        screened = await _screen_everything(hooks)
        return {"views_sent": sent, "views_screened": screened, **await load_boards_demo(hooks.links)}


async def _screen_everything(hooks: Hooks) -> int:
    """Run the full screen over the queue now, so the demo's boards have released views."""
    done = 0
    while claimed := await jobs.run_once(hooks):
        done += claimed
    return done
