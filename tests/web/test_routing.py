"""Links come from route names: no template or redirect spells out an address of ours."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.routing import Mount, Route

from web.routing import mount

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = sorted(
    p.parent.name for p in ROOT.glob("*/__init__.py") if p.parent.name not in {"tests", "benchmarks"}
)
TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))

# An attribute holding a path on this site (href="/staff"), or a Jinja string that starts
# like one of our addresses ('/staff/boards/%d/edit').
_ATTRIBUTE_PATH = re.compile(r"""\b(?:href|action|src|formaction)\s*=\s*["']/""")
_URL_FOR = re.compile(r"""url_for\(\s*['"]([^'"]+)['"]""")


async def _endpoint(request: object) -> None:
    raise NotImplementedError


def _template_paths(text: str, prefixes: set[str]) -> list[str]:
    found = [m.group(0) for m in _ATTRIBUTE_PATH.finditer(text)]
    ours = "|".join(re.escape(p) for p in sorted(prefixes))
    pattern = re.compile(rf"""['"](/(?:{ours})\b[^'"]*)""")
    return found + [m.group(1) for m in pattern.finditer(text)]


def _literal_path(node: ast.expr) -> bool:
    """Whether an expression spells out a path: "/staff", f"/staff/{id}", "/staff" + x."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value.startswith("/")
    if isinstance(node, ast.JoinedStr):
        return bool(node.values) and _literal_path(node.values[0])
    if isinstance(node, ast.BinOp):
        return _literal_path(node.left)
    return False


def _redirects_to_literal_paths(source: str) -> list[int]:
    """Line numbers of ``RedirectResponse(...)`` calls given a spelled-out path."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
        if name != "RedirectResponse":
            continue
        targets = node.args[:1] + [k.value for k in node.keywords if k.arg == "url"]
        if any(_literal_path(target) for target in targets):
            lines.append(node.lineno)
    return lines


def _prefixes(app: Starlette) -> set[str]:
    """The first segment of every address we serve: staff, api, you-said-we-did, send…"""
    segments = {route.path.strip("/").split("/")[0].split(".")[0] for route in app.routes}
    return {s for s in segments if s and "{" not in s}


def test_mount_serves_the_index_at_the_bare_prefix_and_names_each_route() -> None:
    routes = [Route("/", _endpoint, name="queue"), Route("/{view_id}", _endpoint, name="item")]
    mounted = mount("/staff/moderation", routes, name="moderation")
    assert [(r.path, r.name) for r in mounted if isinstance(r, Route)] == [
        ("/staff/moderation", "moderation:queue"),
        ("/staff/moderation/{view_id}", "moderation:item"),
    ]
    assert [r.path for r in mount("", routes, name="root") if isinstance(r, Route)] == ["/", "/{view_id}"]


def test_the_checks_find_spelled_out_paths() -> None:
    prefixes = {"staff", "you-said-we-did"}
    assert _template_paths('<a href="/staff/boards">', prefixes)
    assert _template_paths("""action="{{ '/staff/boards/%d' % board.id }}\"""", prefixes)
    assert _template_paths("""<img src='/static/x.svg'>""", prefixes)
    assert not _template_paths("""<a href="{{ url_for('boards:workspace') }}?page=2">""", prefixes)
    assert not _template_paths("""{{ url_for('static', path='/css/site.css') }}""", prefixes)
    assert _redirects_to_literal_paths('RedirectResponse("/staff", status_code=303)') == [1]
    assert _redirects_to_literal_paths('RedirectResponse(f"/staff/{x}?done=1")') == [1]
    assert _redirects_to_literal_paths('RedirectResponse(url="/staff" + q)') == [1]
    assert _redirects_to_literal_paths("RedirectResponse(next_path, status_code=303)") == []


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda p: str(p.relative_to(ROOT / "templates")))
def test_templates_link_by_route_name_not_by_path(template: Path, app: Starlette) -> None:
    assert _template_paths(template.read_text(encoding="utf-8"), _prefixes(app)) == []


def test_python_redirects_are_built_from_route_names() -> None:
    found = []
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for line in _redirects_to_literal_paths(path.read_text(encoding="utf-8")):
                found.append(f"{path.relative_to(ROOT)}:{line}")
    assert len(PACKAGES) >= 10
    assert found == []


def test_every_route_name_a_template_uses_exists(app: Starlette) -> None:
    names = {route.name for route in app.routes if isinstance(route, Route | Mount)}
    used = {name for t in TEMPLATES for name in _URL_FOR.findall(t.read_text(encoding="utf-8"))}
    assert used - names == set()
    assert len(used) >= 40


@pytest.mark.parametrize(
    ("name", "params", "path"),
    [
        ("postbox:home", {}, "/"),
        ("postbox:send", {}, "/send"),
        ("postbox:check", {}, "/check"),
        ("postbox:help", {}, "/help"),
        ("postbox:easy_send", {}, "/easy-read/send"),
        ("help_at_hand:contact", {}, "/contact-me"),
        ("public:updates", {}, "/you-said-we-did"),
        ("public:feed", {}, "/you-said-we-did.atom"),
        ("public:theme_feed", {"theme": "health"}, "/you-said-we-did/theme/health.atom"),
        ("public:update", {"slug": "more-parks"}, "/you-said-we-did/more-parks"),
        ("public:easy_read", {"slug": "more-parks"}, "/you-said-we-did/more-parks/easy-read"),
        ("api:create_view", {}, "/api/v1/views"),
        ("api:view_status", {"receipt_code": "a-b"}, "/api/v1/views/a-b"),
        ("accounts:dashboard", {}, "/staff"),
        ("accounts:sign_in", {}, "/staff/sign-in"),
        ("accounts:setup", {"token": "t"}, "/staff/setup/t"),
        ("moderation:queue", {}, "/staff/moderation"),
        ("moderation:item", {"view_id": 3}, "/staff/moderation/3"),
        ("help_at_hand:cases", {}, "/staff/help-at-hand"),
        ("help_at_hand:case", {"case_id": 7}, "/staff/help-at-hand/7"),
        ("boards:workspace", {}, "/staff/boards"),
        ("boards:explore", {}, "/staff/boards/explore"),
        ("updates:list", {}, "/staff/updates"),
        ("updates:send_back", {"update_id": 2}, "/staff/updates/2/send-back"),
        ("local_issues:list", {}, "/staff/local-issues"),
        ("static", {"path": "/css/site.css"}, "/static/css/site.css"),
    ],
)
def test_addresses_people_already_use_do_not_change(
    app: Starlette, name: str, params: dict[str, object], path: str
) -> None:
    assert app.url_path_for(name, **params) == path
