"""Public "you said, we did" pages and feeds. No sign-in, no forms but GET filters."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import BaseRoute, Route

from boards import feeds
from boards.models import Update, UpdateState, UpdateStatus, UpdateView
from boards.updates import STATUS_WORDS, linked_views, slugify, timeline_of
from easy_read.render import glossary_box, points_for_template
from postbox.vocabulary import THEME_HINTS, THEMES
from web.errors import NotFound
from web.hooks import Link
from web.routing import path_for
from web.templating import templates

THEME_SLUGS: dict[str, str] = {slugify(theme): theme for theme in THEMES}
_CACHE = {"Cache-Control": "public, max-age=300"}


async def _published(slug: str) -> Update:
    if len(slug) > 120:
        raise NotFound("There is no such update.")
    update = await Update.get_or_none(slug=slug, state=UpdateState.PUBLISHED)
    if update is None:
        raise NotFound("There is no such update.")
    return update


async def index(request: Request) -> Response:
    theme = request.query_params.get("theme", "")
    status = request.query_params.get("status", "")
    # A filter we do not know is ignored: a child who changes the address sees everything.
    theme = theme if theme in THEMES else ""
    status = status if status in STATUS_WORDS else ""
    query = Update.filter(state=UpdateState.PUBLISHED)
    if theme:
        query = query.filter(theme=theme)
    if status:
        query = query.filter(status=status)
    updates = await query.order_by("-published_at", "-id").limit(200)
    context = {
        "updates": updates,
        "theme": theme,
        "status": status,
        "themes": THEMES,
        "theme_hints": THEME_HINTS,
        "theme_slug": slugify(theme) if theme else "",
        "status_words": STATUS_WORDS,
    }
    return templates.TemplateResponse(request, "public/updates.html", context, headers=_CACHE)


async def detail(request: Request) -> Response:
    update = await _published(request.path_params["slug"])
    context = {
        "update": update,
        "status_words": STATUS_WORDS,
        "quotes": await linked_views(update, quotes_only=True),
        "timeline": await timeline_of(update),
        "done": update.status in (UpdateStatus.DONE, UpdateStatus.COULDNT_DO),
    }
    return templates.TemplateResponse(request, "public/update.html", context, headers=_CACHE)


async def easy_read(request: Request) -> Response:
    update = await _published(request.path_params["slug"])
    context = {
        "update": update,
        "points": points_for_template(update.easy_read),
        "glossary": glossary_box(update.easy_read),
    }
    return templates.TemplateResponse(request, "public/update_easy_read.html", context, headers=_CACHE)


def _atom(body: bytes) -> Response:
    return Response(body, media_type="application/atom+xml; charset=utf-8", headers=_CACHE)


def _update_path(request: Request) -> Callable[[Update], str]:
    return lambda update: path_for(request, "public:update", slug=update.slug)


async def feed(request: Request) -> Response:
    updates = await Update.filter(state=UpdateState.PUBLISHED).order_by("-published_at", "-id").limit(50)
    return _atom(
        feeds.build_feed(
            updates,
            title="You said, we did – The Post-box",
            self_path=path_for(request, "public:feed"),
            alternate_path=path_for(request, "public:updates"),
            entry_path=_update_path(request),
            feed_key="all",
        )
    )


async def theme_feed(request: Request) -> Response:
    slug = request.path_params["theme"]
    theme = THEME_SLUGS.get(slug)
    if theme is None:
        raise NotFound("There is no such theme.")
    updates = (
        await Update.filter(state=UpdateState.PUBLISHED, theme=theme)
        .order_by("-published_at", "-id")
        .limit(50)
    )
    return _atom(
        feeds.build_feed(
            updates,
            title=f"You said, we did: {theme} – The Post-box",
            self_path=path_for(request, "public:theme_feed", theme=slug),
            alternate_path=f"{path_for(request, 'public:updates')}?{urlencode({'theme': theme})}",
            entry_path=_update_path(request),
            feed_key=f"theme/{slug}",
        )
    )


async def updates_for_view(view_id: int) -> list[Link]:
    """Published updates linked to a child's view, for /check (``Hooks.update_finders``)."""
    links = await UpdateView.filter(view_id=view_id, update__state=UpdateState.PUBLISHED).prefetch_related(
        "update"
    )
    return [
        Link(link.update.title, "public:update", {"slug": link.update.slug})
        for link in sorted(links, key=lambda link: link.update.published_at or link.created_at)
    ]


# Mounted at the site's root as "public" (the feed sits beside the pages, not under them).
routes: list[BaseRoute] = [
    Route("/you-said-we-did", index, name="updates"),
    Route("/you-said-we-did.atom", feed, name="feed"),
    Route("/you-said-we-did/theme/{theme}.atom", theme_feed, name="theme_feed"),
    Route("/you-said-we-did/{slug}", detail, name="update"),
    Route("/you-said-we-did/{slug}/easy-read", easy_read, name="easy_read"),
]
