"""Every setting, declared once: name, default, help. Values come from the environment."""

from __future__ import annotations

import os
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
# The data the package ships (gazetteer, areas, demo premises), inside the package so an
# installed wheel carries it.
DATA_DIR = PACKAGE_DIR / "data"


def instance_dir() -> Path:
    """Return the folder for this deployment's own files (SQLite database, key, mail, tiles).

    INSTANCE_PATH when set; in a checkout, its instance/ folder; installed, ./instance.
    """
    configured = os.environ.get("INSTANCE_PATH", "").strip()
    if configured:
        return Path(configured).resolve()
    checkout = PACKAGE_DIR.parent
    if (checkout / "pyproject.toml").is_file():
        return checkout / "instance"
    return Path.cwd() / "instance"


def _bool(text: str) -> bool:
    value = text.strip().lower()
    if value in {"1", "true", "yes", "on"}:
        return True
    if value in {"0", "false", "no", "off"}:
        return False
    raise ValueError(f"expected true or false, got {text!r}")


def _default_database_url() -> str:
    return f"sqlite:///{instance_dir() / 'locator.sqlite3'}"


def instance_secret(path: Path) -> str:
    """Return the key kept in `path`, creating it (readable by this user only) the first time."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        # O_EXCL: when several workers start together exactly one writes the key.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):
            key = path.read_text().strip()
            if key:
                return key
            time.sleep(0.01)  # another worker is still writing it
        raise RuntimeError(f"{path} is empty: delete it and start again") from None
    with os.fdopen(descriptor, "w") as handle:
        handle.write(secrets.token_hex(32))
    return path.read_text().strip()


@dataclass(frozen=True)
class Setting:
    """One environment setting with its default and a line of help for the README."""

    name: str
    default: Callable[[], object] | object
    help: str
    parse: Callable[[str], object] = str
    empty_allowed: bool = False  # an empty value means "none" rather than "the default"

    def default_value(self) -> object:
        return self.default() if callable(self.default) else self.default


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "INSTANCE_PATH",
        lambda: str(instance_dir()),
        "Folder for this deployment's own files (the SQLite database, the secret key, mail and "
        "tiles): instance/ in a checkout, ./instance where the package is installed.",
    ),
    Setting(
        "DATABASE_URL",
        _default_database_url,
        "SQLAlchemy URL of the database; SQLite under instance/ by default, "
        "postgresql+psycopg://… for several machines.",
    ),
    Setting(
        "SECRET_KEY",
        lambda: instance_secret(instance_dir() / "secret_key"),
        "Key that signs sessions and forms; set it when several machines serve the site "
        "(otherwise one is made once and kept in instance/secret_key, shared by the workers "
        "of one machine).",
    ),
    Setting(
        "RATELIMIT_STORAGE_URI",
        "memory://",
        "Where rate-limit counters live: memory:// for one process, redis://host:6379 "
        "when several workers or machines share the limits.",
    ),
    Setting("RATELIMIT_ENABLED", True, "Turn rate limiting on or off.", _bool),
    Setting(
        "API_RATE_LIMIT",
        "120 per minute",
        "Requests one client may make to /api per period (limits syntax).",
    ),
    Setting(
        "CHAT_RATE_LIMIT",
        "20 per minute",
        "Messages one client may send to the chat assistant per period (limits syntax).",
    ),
    Setting(
        "TILE_URL",
        "/tiles/{z}/{x}/{y}.png",
        "Map tile URL template the browser uses: by default our own tile proxy, so no other "
        "server learns where people look; an absolute URL sends browsers to that tile server "
        "instead; empty for no background map (markers only).",
        empty_allowed=True,
    ),
    Setting(
        "TILE_UPSTREAM",
        "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "Tile server the /tiles proxy fetches from (server-side, with our own User-Agent and "
        "none of the visitor's headers); respect its usage policy.",
    ),
    Setting(
        "TILE_CACHE_DIR",
        lambda: str(instance_dir() / "tiles"),
        "Folder the /tiles proxy keeps fetched tiles in, shared by the workers of one machine.",
    ),
    Setting(
        "TILE_CACHE_MAX_MB",
        512,
        "Megabytes of tiles kept in TILE_CACHE_DIR; the least recently used go first.",
        int,
    ),
    Setting(
        "TILE_ATTRIBUTION",
        "© OpenStreetMap contributors",
        "Attribution shown on the map for the tiles.",
    ),
    Setting(
        "QUICK_EXIT_URL",
        "https://www.bbc.co.uk/weather",
        "Neutral page the quick-exit button and Shift pressed three times replace this one with.",
    ),
    Setting(
        "MAIL_BACKEND",
        "file",
        "How mail (manage links, decisions) leaves: file (written under MAIL_DIR), console, "
        "or smtp (to MAIL_SMTP_URL).",
    ),
    Setting(
        "MAIL_DIR",
        lambda: str(instance_dir() / "mail"),
        "Folder the file mail backend writes .eml messages to.",
    ),
    Setting("MAIL_SMTP_URL", "smtp://localhost:25", "SMTP server for the smtp mail backend."),
    Setting(
        "MAIL_FROM",
        "Safe Spaces Locator <no-reply@safe-spaces.invalid>",
        "Sender address of the mail the service sends.",
    ),
    Setting(
        "REGISTRATION_RATE_LIMIT",
        "10 per hour",
        "Registrations one client may have saved per period (a refused form does not count).",
    ),
    Setting(
        "REGISTRATION_ATTEMPT_LIMIT",
        "60 per hour",
        "Registration forms one client may send per period, refused ones included.",
    ),
    Setting(
        "REPORT_RATE_LIMIT",
        "10 per hour",
        "Problem reports about a listing one client may send per period.",
    ),
    Setting(
        "LINK_RATE_LIMIT",
        "5 per hour",
        "Requests for a new manage link (the API and /manage/lost) per period: one client may "
        "send this many, and this many may be sent about one listing's reference.",
    ),
    Setting(
        "PARTNERSHIP_CONTACT",
        "",
        "Email or phone number of the partnership that moderates, given to businesses as "
        "'Questions? Contact ...' in decision mails and on the manage page; empty for none.",
        empty_allowed=True,
    ),
    Setting(
        "PARTNERSHIP_CONTACT_FROM_MODERATORS",
        False,
        "Give a business the email of the moderator account for its district instead (the one "
        "covering the fewest districts; never one covering them all), PARTNERSHIP_CONTACT "
        "where no such account covers it. Off: moderators' emails are never shown.",
        _bool,
    ),
    Setting(
        "USAGE_RETENTION_MONTHS",
        24,
        "Months a recorded use of a safe space is kept; `flask --app locator purge` deletes "
        "older ones.",
        int,
    ),
    Setting(
        "REVIEW_REMINDER_DAYS",
        90,
        "Days after the last confirmation when `flask --app locator remind` asks a business "
        "to check its listing and review its log.",
        int,
    ),
    Setting(
        "TRAINING_REFRESH_MONTHS",
        12,
        "Months after a member of staff was trained when their refresher is due; the manage "
        "page shows who is due and `flask --app locator remind` mails it.",
        int,
    ),
    Setting(
        "INDEX_CHECK_SECONDS",
        1.0,
        "Seconds between a worker's checks of the data version: searches run no SQL between "
        "checks, so a change another worker or machine commits (a suspension, an import) is in "
        "every worker's results at most this long after it is committed, plus one rebuild of "
        "the index.",
        float,
    ),
    Setting(
        "LOGIN_RATE_LIMIT",
        "10 per minute",
        "Sign-in attempts one client address may make per period on each sign-in page (besides "
        "the lock an account gets after 5 wrong passwords in a row from anywhere).",
    ),
    Setting(
        "SESSION_IDLE_MINUTES",
        30,
        "Minutes without a request after which a moderator's or head office's sign-in ends.",
        int,
    ),
    Setting(
        "SESSION_COOKIE_SECURE",
        None,
        "Send the sign-in cookie over HTTPS only: true or false; unset means true when "
        "PUBLIC_BASE_URL starts with https://.",
        _bool,
    ),
    Setting(
        "TRUSTED_PROXIES",
        0,
        "How many reverse proxies stand in front of the app: their X-Forwarded-For and "
        "X-Forwarded-Proto are believed (Werkzeug's ProxyFix), so rate limits count the real "
        "client. 0 when the app faces the internet directly.",
        int,
    ),
    Setting(
        "PUBLIC_BASE_URL",
        "",
        "Absolute base URL of the site (e.g. https://safespaces.example), used in links in "
        "mail and data; empty means the request's own host. Commands that mail (remind, "
        "outbox send) refuse to run without it.",
        empty_allowed=True,
    ),
)


def load_config(environ: Mapping[str, str] | None = None) -> dict[str, object]:
    """Read every setting from `environ` (default: the process environment)."""
    environ = os.environ if environ is None else environ
    return {setting.name: _read(setting, environ) for setting in SETTINGS}


def _read(setting: Setting, environ: Mapping[str, str]) -> object:
    raw = environ.get(setting.name)
    if raw is None or (raw == "" and not setting.empty_allowed):
        return setting.default_value()
    try:
        return setting.parse(raw)
    except ValueError as exc:
        raise ValueError(f"Setting {setting.name}: {exc}") from None
