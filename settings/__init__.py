"""Settings: the only module that reads the environment.

Every setting is named ``POSTBOX_<NAME>`` in the environment (or in an uncommitted
``.env`` file in the working directory). Secrets are wrapped in ``Secret`` so they do not
leak into tracebacks or logs.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from starlette.config import Config
from starlette.datastructures import CommaSeparatedStrings, Secret

# The project folder (settings is a package so that the import contract can check it).
ROOT = Path(__file__).resolve().parent.parent

config = Config(".env" if Path(".env").is_file() else None, env_prefix="POSTBOX_")

DATA_DIR: Path = config("DATA_DIR", cast=Path, default=ROOT / "data")
DATABASE_URL: str = config("DATABASE_URL", default=f"sqlite://{DATA_DIR / 'postbox.sqlite3'}")
BASE_URL: str = config("BASE_URL", default="http://127.0.0.1:8000").rstrip("/")

SMTP_HOST: str = config("SMTP_HOST", default="127.0.0.1")
SMTP_PORT: int = config("SMTP_PORT", cast=int, default=25)
SMTP_USERNAME: str = config("SMTP_USERNAME", default="")
SMTP_PASSWORD = Secret(config("SMTP_PASSWORD", default=""))
SMTP_STARTTLS: bool = config("SMTP_STARTTLS", cast=bool, default=False)
SMTP_TIMEOUT_S: float = config("SMTP_TIMEOUT_S", cast=float, default=10.0)
MAIL_FROM: str = config("MAIL_FROM", default="postbox@localhost")
HELP_AT_HAND_EMAIL: str = config("HELP_AT_HAND_EMAIL", default="help-at-hand@localhost")

DETOXIFY_CHECKPOINT: str = config("DETOXIFY_CHECKPOINT", default="")
EMBEDDING_MODEL_PATH: str = config("EMBEDDING_MODEL_PATH", default="")

# Whether ``serve`` starts the screening and mail worker as a process of its own (on by
# default for SQLite); with PostgreSQL, run ``python -m postbox worker`` processes instead.
EMBEDDED_WORKERS: bool = config("EMBEDDED_WORKERS", cast=bool, default=DATABASE_URL.startswith("sqlite"))
RETENTION_DAYS: int = config("RETENTION_DAYS", cast=int, default=730)
# Requests per minute per client on the child-facing POST routes; 0 turns it off.
RATE_LIMIT: int = config("RATE_LIMIT", cast=int, default=30)
# Receipt-code look-ups per minute per client before /check answers 429.
CHECK_RATE_LIMIT: int = config("CHECK_RATE_LIMIT", cast=int, default=10)

CHILDLINE_NUMBER: str = config("CHILDLINE_NUMBER", default="0800 1111")
HELP_AT_HAND_NUMBER: str = config("HELP_AT_HAND_NUMBER", default="0800 528 0731")
# When Help at Hand answers the phone, in words a child reads on /help.
HELP_AT_HAND_HOURS: str = config("HELP_AT_HAND_HOURS", default="Monday to Friday, 9am to 5pm")
EMERGENCY_NUMBER: str = config("EMERGENCY_NUMBER", default="999")
# Where "Leave this site quickly" sends a child: a harmless, common page.
QUICK_EXIT_URL: str = config("QUICK_EXIT_URL", default="https://www.bbc.co.uk/weather")

# Addresses (or networks, "10.0.0.0/8") of reverse proxies whose X-Forwarded-For is
# believed. Default none: the socket's address is the client's. Behind nginx on the same
# machine: "127.0.0.1" (and the proxy must overwrite the header, see docs/deployment.md).
TRUSTED_PROXIES: list[str] = list(config("TRUSTED_PROXIES", cast=CommaSeparatedStrings, default=""))
# A bearer token for /metrics; without it only a signed-in administrator sees them.
METRICS_TOKEN = Secret(config("METRICS_TOKEN", default=""))

SESSION_IDLE_MINUTES: int = config("SESSION_IDLE_MINUTES", cast=int, default=30)
# However busy, a staff session ends this long after signing in.
SESSION_MAX_HOURS: int = config("SESSION_MAX_HOURS", cast=int, default=12)
# Cookies carry Secure unless the site is served over plain http (local development).
SECURE_COOKIES: bool = config("SECURE_COOKIES", cast=bool, default=BASE_URL.startswith("https://"))
LOG_LEVEL: str = config("LOG_LEVEL", default="INFO")
# Staff sign-in attempts per minute per client.
SIGN_IN_RATE_LIMIT: int = config("SIGN_IN_RATE_LIMIT", cast=int, default=20)
# Changes (form posts) per minute per client on the staff pages; off when RATE_LIMIT is 0.
STAFF_RATE_LIMIT: int = config("STAFF_RATE_LIMIT", cast=int, default=300)
# Wrong tries per (e-mail, client) before each further one must wait (1 s, 2 s, 4 s … up
# to SIGN_IN_MAX_DELAY_S). No account is ever locked for everybody.
SIGN_IN_FREE_FAILURES: int = config("SIGN_IN_FREE_FAILURES", cast=int, default=3)
SIGN_IN_MAX_DELAY_S: int = config("SIGN_IN_MAX_DELAY_S", cast=int, default=900)
# Wrong tries in a row on one account before its holder gets an e-mail (again at 2x, 4x …).
FAILURE_ALERT_AFTER: int = config("FAILURE_ALERT_AFTER", cast=int, default=5)
SETUP_LINK_HOURS: int = config("SETUP_LINK_HOURS", cast=int, default=72)
# The first administrator, created on first start when there is no staff account.
ADMIN_EMAIL: str = config("ADMIN_EMAIL", default="admin@example.org")


def _given(name: str) -> bool:
    """Whether ``POSTBOX_<name>`` was set (environment or .env), not left to its default."""
    key = f"POSTBOX_{name}"
    return key in config.environ or key in config.file_values


def unsafe_for_production() -> list[str]:
    """Why this configuration must not serve a real site: with an https BASE_URL, urgent
    mail about a child at risk must not queue for a development inbox that does not exist."""
    if not BASE_URL.startswith("https://"):
        return []
    problems = []
    if not _given("HELP_AT_HAND_EMAIL") or HELP_AT_HAND_EMAIL.endswith("@localhost"):
        problems.append("POSTBOX_HELP_AT_HAND_EMAIL is still the development address")
    if not _given("SMTP_HOST"):
        problems.append("POSTBOX_SMTP_HOST is not set (the development default is 127.0.0.1)")
    if not _given("MAIL_FROM") or MAIL_FROM.endswith("@localhost"):
        problems.append("POSTBOX_MAIL_FROM is still the development address")
    return problems


def _secret_key() -> Secret:
    """The signing key: from the environment, else generated once into DATA_DIR."""
    value = config("SECRET_KEY", default="")
    if value:
        return Secret(value)
    path = DATA_DIR / "secret_key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return Secret(path.read_text().strip())


SECRET_KEY: Secret = _secret_key()
# A Fernet key for data encrypted at rest; derived from SECRET_KEY when empty.
ENCRYPTION_KEY = Secret(config("ENCRYPTION_KEY", default=""))
