"""Constants and helpers shared by the browser tests and their fixtures."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from locator.domain.vocabulary import FACILITIES

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# A real browser drops connections mid-response (an iframe reloads, a page is left), and the
# development server then leaves that response's file to the garbage collector: an
# "unraisable" ResourceWarning from the server thread, not a fault of the page under test.
BROWSER_WARNINGS = pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
PROJECT_ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = PROJECT_ROOT / "docs" / "screenshots"

LEEDS = (53.7965, -1.5478)  # LS1
MANCHESTER = (53.4808, -2.2426)
XSS_NAME = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>Bad Name'
# Isolated from the other Leeds premises so that, zoomed in, its map marker stands alone.
XSS_POINT = (LEEDS[0] + 0.0120, LEEDS[1] + 0.0120)
FACILITY_CODES = tuple(FACILITIES)
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# The password every browser test's moderator and head-office accounts are made with.
PASSWORD = "a long password here"


def sign_in(page, site, kind: str, email: str) -> None:
    """Sign in on the moderators' ("moderate") or head offices' ("business") sign-in page."""
    page.goto(site.url(f"/{kind}/login"))
    page.fill("#email", email)
    page.fill("#password", PASSWORD)
    with page.expect_navigation():
        page.click("#login button[type=submit]")


def screenshot(page, name: str) -> Path:
    """Save what the page shows now as docs/screenshots/<name>; return the path."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / name
    page.screenshot(path=str(path))
    return path


def distances_m(texts: list[str]) -> list[float]:
    """Return metres from distance texts like '350 m · 4 min walk' or '1.2 km · 15 min walk'."""
    metres = []
    for text in texts:
        match = re.search(r"(\d+(?:[.,]\d+)?)\s*(km|m)\b", text)
        assert match, f"no distance in {text!r}"
        value = float(match.group(1).replace(",", "."))
        metres.append(value * 1000 if match.group(2) == "km" else value)
    return metres
