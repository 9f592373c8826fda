"""Two worker processes on one database: a moderator's decision reaches both within the bound."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from locator.listings.manage import withdraw_listing

from builders import add_premises, ids_by_ref
from conftest import premises_row

WORKER = Path(__file__).with_name("worker.py")
CHECK_SECONDS = 0.5
SEARCH = "/api/v1/spaces?lat=53.48&lon=-2.24&radius_km=5&limit=10"


def start_worker(database_url: str, tmp_path: Path) -> tuple[subprocess.Popen, str]:
    """Start one worker process; return it and its base URL."""
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "INDEX_CHECK_SECONDS": str(CHECK_SECONDS),
        "RATELIMIT_ENABLED": "false",
        "SECRET_KEY": "test-secret",
        "INSTANCE_PATH": str(tmp_path / "instance"),
    }
    process = subprocess.Popen(
        [sys.executable, str(WORKER)], env=env, stdout=subprocess.PIPE, text=True
    )
    port = process.stdout.readline().strip()
    if not port:
        process.kill()
        process.wait()
        process.stdout.close()
        pytest.fail("the worker process did not start")
    return process, f"http://127.0.0.1:{port}"


def names_found(base: str) -> list[str]:
    with urllib.request.urlopen(base + SEARCH, timeout=30) as response:  # noqa: S310 (http only)
        collection = json.load(response)
    return [feature["properties"]["name"] for feature in collection["features"]]


@pytest.fixture
def two_workers(app, tmp_path):
    workers = [start_worker(app.config["DATABASE_URL"], tmp_path) for _ in range(2)]
    yield [base for _, base in workers]
    for process, _ in workers:
        process.kill()
        process.wait()
        process.stdout.close()


def test_a_suspension_and_a_withdrawal_leave_every_workers_results_within_the_bound(
    locator, two_workers
):
    add_premises(
        locator,
        [
            premises_row("suspended", 53.480, -2.240, name="Suspended Shop", opening_hours="24/7"),
            premises_row("withdrawn", 53.481, -2.240, name="Withdrawn Shop", opening_hours="24/7"),
            premises_row("kept", 53.482, -2.240, name="Kept Shop", opening_hours="24/7"),
        ],
    )
    for base in two_workers:
        assert names_found(base) == ["Suspended Shop", "Withdrawn Shop", "Kept Shop"]
    ids = ids_by_ref(locator)
    store = locator.store
    store.premises.change(ids["suspended"], {"status": "suspended"}, "moderator", "suspend", {})
    withdraw_listing(store, store.premises.get(ids["withdrawn"]))
    # The documented bound: a search starting INDEX_CHECK_SECONDS after the commit sees it.
    time.sleep(CHECK_SECONDS)
    for base in two_workers:
        assert names_found(base) == ["Kept Shop"]
