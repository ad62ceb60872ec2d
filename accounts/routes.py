"""Staff sign-in (password, then a TOTP code), account set-up, accounts and the audit log."""

from __future__ import annotations

import io
from urllib.parse import urlsplit

import segno
from itsdangerous import BadSignature, URLSafeTimedSerializer
from markupsafe import Markup
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

import settings
from accounts import services
from accounts.guards import (
    SESSION_COOKIE,
    clear_session_cookie,
    form_of,
    set_session_cookie,
    staff_page,
    staff_route,
)
from accounts.models import AuditEntry, StaffUser
from accounts.roles import ALL, SCOPED, Role
from accounts.services import SignInError, Staff
from accounts.throttle import SignInThrottle
from web.http import parse_id, path_id, read_form
from web.routing import path_for, redirect
from web.security import CSRF_FIELD, check_csrf

_PREAUTH_COOKIE = "postbox_preauth"
_PREAUTH_MAX_AGE_S = 300


def _preauth() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(str(settings.SECRET_KEY), salt="accounts.preauth")


def _safe_next(request: Request, target: str | None) -> str:
    """Only a path on this site: never an open redirect. The staff home page otherwise."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return path_for(request, "accounts:dashboard")
    if urlsplit(target).netloc:
        return path_for(request, "accounts:dashboard")
    return target


def _limit(request: Request) -> None:
    request.app.state.sign_in_limiter.check("sign-in", request)


def _throttle(request: Request) -> SignInThrottle:
    return request.app.state.sign_in_throttle


def _wait_message(seconds: int) -> str:
    return f"Too many wrong tries from here. Please wait {seconds} seconds, then try again."


async def sign_in(request: Request) -> Response:
    next_path = _safe_next(request, request.query_params.get("next"))
    if request.method == "GET":
        return staff_page(request, "staff/sign_in.html", {"next": next_path})
    _limit(request)
    form = await read_form(request)
    check_csrf(request, form.get(CSRF_FIELD))
    email, next_path = form.get("email", ""), _safe_next(request, form.get("next"))
    context = {"next": next_path, "email": email}
    wait = _throttle(request).wait_s(email, request)
    if wait:
        return staff_page(request, "staff/sign_in.html", {**context, "error": _wait_message(wait)}, 429)
    # Right or wrong, the next step is the code: the password step alone never confirms
    # a password (nor that the e-mail has an account). The signed cookie says which.
    user_id: int | None = None
    try:
        user_id = (await services.check_password(email, form.get("password", ""))).id
    except SignInError:
        _throttle(request).failed(email, request)
    response = redirect(request, "accounts:sign_in_code", query={"next": next_path})
    response.set_cookie(
        _PREAUTH_COOKIE,
        _preauth().dumps([user_id, services.normalise_email(email)[:254]]),
        max_age=_PREAUTH_MAX_AGE_S,
        path=path_for(request, "accounts:sign_in"),
        secure=settings.SECURE_COOKIES,
        httponly=True,
        samesite="strict",
    )
    return response


async def sign_in_code(request: Request) -> Response:
    if request.method == "POST":
        _limit(request)
    try:
        user_id, email = _preauth().loads(
            request.cookies.get(_PREAUTH_COOKIE, ""), max_age=_PREAUTH_MAX_AGE_S
        )
    except (BadSignature, ValueError, TypeError):
        return redirect(request, "accounts:sign_in")
    # None after a wrong password or an unknown e-mail: the code is asked for all the same.
    user = await StaffUser.get_or_none(id=user_id, is_active=True) if user_id else None
    next_path = _safe_next(request, request.query_params.get("next"))
    if request.method == "GET":
        return staff_page(request, "staff/sign_in_code.html", {"next": next_path})
    form = await read_form(request)
    check_csrf(request, form.get(CSRF_FIELD))
    next_path = _safe_next(request, form.get("next"))
    wait = _throttle(request).wait_s(email, request)
    if wait:
        context = {"next": next_path, "error": _wait_message(wait)}
        return staff_page(request, "staff/sign_in_code.html", context, 429)
    try:
        if user is None:
            raise SignInError(services.WRONG)
        await services.check_code(user, form.get("code", ""))
    except SignInError as exc:
        _throttle(request).failed(email, request)
        return staff_page(request, "staff/sign_in_code.html", {"next": next_path, "error": str(exc)}, 400)
    _throttle(request).succeeded(email, request)
    old = request.cookies.get(SESSION_COOKIE)
    if old:
        await services.end_session(old)
    response = RedirectResponse(next_path, status_code=303)
    set_session_cookie(response, await services.start_session(user))
    response.delete_cookie(_PREAUTH_COOKIE, path=path_for(request, "accounts:sign_in"))
    return response


async def sign_out(request: Request, staff: Staff) -> Response:
    everywhere = form_of(request).get("everywhere") == "yes"
    if everywhere:
        await services.end_all_sessions(staff.id)
    else:
        await services.end_session(request.cookies.get(SESSION_COOKIE, ""))
    await services.audit(staff, "signed_out_everywhere" if everywhere else "signed_out", "account", staff.id)
    response = redirect(request, "accounts:sign_in", query="signed_out=1")
    clear_session_cookie(response)
    return response


async def setup(request: Request) -> Response:
    if request.method == "POST":
        _limit(request)
    token, user = await services.setup_token_user(request.path_params["token"])
    secret = await services.pending_totp_secret(user)
    context = {"user": user, "secret": secret, "qr": _qr_svg(services.provisioning_uri(user, secret))}
    if request.method == "GET":
        return staff_page(request, "staff/setup.html", context)
    form = await read_form(request)
    check_csrf(request, form.get(CSRF_FIELD))
    problem = services.password_problem(form.get("password", ""), form.get("confirm", ""))
    if problem:
        return staff_page(request, "staff/setup.html", {**context, "errors": {"password": problem}}, 400)
    try:
        await services.complete_setup(token, user, form["password"], form.get("code", ""))
    except SignInError as exc:
        return staff_page(request, "staff/setup.html", {**context, "errors": {"code": str(exc)}}, 400)
    return redirect(request, "accounts:sign_in", query="set_up=1")


def _qr_svg(uri: str) -> Markup:
    out = io.BytesIO()
    segno.make(uri, error="m").save(
        out, kind="svg", scale=5, xmldecl=False, title="QR code for your authenticator app"
    )
    return Markup(out.getvalue().decode())  # noqa: S704 - segno's own SVG, no user input in it


async def dashboard(request: Request, staff: Staff) -> Response:
    return staff_page(request, "staff/home.html", {})


# Accounts (admins) ------------------------------------------------------------------------


async def accounts(request: Request, staff: Staff) -> Response:
    context: dict[str, object] = {"values": {}, "errors": {}}
    status = 200
    # Boards and cohorts belong to boards, which sits above accounts: asked for, not imported.
    boards = await request.app.state.hooks.board_choices()
    if request.method == "POST":
        form = form_of(request)
        context["values"] = form
        try:
            if form.get("role") not in {r.value for r in Role}:
                raise ValueError("Choose a role.")
            role = Role(form["role"])
            raw_board = form.get("board_id", "")
            board_id = parse_id(raw_board) if raw_board else None
            if (raw_board and board_id is None) or (
                board_id is not None and board_id not in {board.id for board in boards}
            ):
                raise ValueError("Choose a board or cohort from the list.")
            _user, link = await services.create_user(
                form.get("email", ""),
                role,
                display_name=form.get("display_name", ""),
                board_id=board_id if role in SCOPED else None,
                actor=staff,
                links=request.app.state.hooks.links,
            )
            context = {
                "values": {},
                "errors": {},
                "created": form.get("email", "").strip().lower(),
                "link": link,
            }
        except ValueError as exc:
            context["errors"] = {"form": str(exc)}
            status = 400
    context["users"] = await StaffUser.all().order_by("email")
    context["boards"] = boards
    context["roles"] = list(Role)
    return staff_page(request, "staff/accounts.html", context, status)


async def account(request: Request, staff: Staff) -> Response:
    user = await services.load_user(path_id(request, "user_id", missing="There is no such account."))
    link = None
    if request.method == "POST":
        action = form_of(request).get("action")
        if action == "setup_link":
            user.password_hash, user.totp_secret, user.totp_confirmed = None, None, False
            await user.save(update_fields=["password_hash", "totp_secret", "totp_confirmed"])
            await services.end_all_sessions(user.id)
            link = await services.setup_link(user, links=request.app.state.hooks.links, actor=staff)
        elif action in {"deactivate", "activate"}:
            if user.id == staff.id:
                raise HTTPException(400, "You cannot turn off your own account.")
            user.is_active = action == "activate"
            await user.save(update_fields=["is_active"])
            await services.end_all_sessions(user.id)
            await services.audit(staff, f"account.{action}d", "account", user.id)
        elif action == "unlock":
            # Clears the count and every client's wait for this e-mail (in this process).
            await services.reset_failures(user)
            request.app.state.sign_in_throttle.clear(user.email)
            user.failed_logins = 0
            await services.audit(staff, "account.unlocked", "account", user.id)
        elif action == "sign_out":
            count = await services.end_all_sessions(user.id)
            await services.audit(staff, "account.signed_out", "account", user.id, f"{count} sessions")
        else:
            raise HTTPException(400, "Unknown action.")
    entries = await AuditEntry.filter(object_type="account", object_id=str(user.id)).order_by("-id").limit(50)
    return staff_page(request, "staff/account.html", {"user": user, "link": link, "entries": entries})


async def audit_log(request: Request, staff: Staff) -> Response:
    q = request.query_params.get("q", "").strip()[:200]
    query = AuditEntry.all()
    if q:
        from tortoise.expressions import Q

        match = Q(action__icontains=q) | Q(actor__icontains=q) | Q(detail__icontains=q)
        match |= Q(object_type__icontains=q)
        if len(q) <= AuditEntry._meta.fields_map["object_id"].max_length:  # type: ignore[attr-defined]
            match |= Q(object_id=q)  # longer is no id, and Tortoise refuses it for the column
        query = query.filter(match)
    entries = await query.order_by("-id").limit(200)
    return staff_page(request, "staff/audit.html", {"entries": entries, "q": q})


# Mounted at /staff as "accounts": url_for("accounts:sign_in") is /staff/sign-in.
routes = [
    Route("/sign-in", sign_in, methods=["GET", "POST"], name="sign_in"),
    Route("/sign-in/code", sign_in_code, methods=["GET", "POST"], name="sign_in_code"),
    Route("/setup/{token}", setup, methods=["GET", "POST"], name="setup"),
    staff_route("/sign-out", sign_out, roles=ALL, methods=["POST"], name="sign_out"),
    staff_route("/", dashboard, roles=ALL, name="dashboard"),
    staff_route("/accounts", accounts, roles={Role.ADMIN}, methods=["GET", "POST"], name="accounts"),
    staff_route("/accounts/{user_id}", account, roles={Role.ADMIN}, methods=["GET", "POST"], name="account"),
    staff_route("/audit", audit_log, roles={Role.ADMIN}, name="audit"),
]

# The only staff routes anyone may open: how one signs in at all.
PUBLIC_STAFF_ROUTES = frozenset({"sign_in", "sign_in_code", "setup"})
