"""The package as a user installs it: a wheel built from the sources and run outside the checkout.

The wheel is installed without its dependencies into a folder of its own, which comes first on
the path, so the checkout's editable install cannot answer for it; the dependencies come from
the test environment (the suite runs with no network).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = pytest.mark.slow
NOT_SOURCES = (
    ".git",
    ".venv",
    "instance",
    "build",
    "*.egg-info",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    "tests",
    "bench",
    "docs",
)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """Build the wheel from a copy of the sources, as from a clean clone."""
    source = tmp_path_factory.mktemp("source") / "safe-spaces-locator"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*NOT_SOURCES))
    out = tmp_path_factory.mktemp("wheel")
    command = [
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "--disable-pip-version-check",
        "-q",
        "-w",
        str(out),
        str(source),
    ]
    subprocess.run(command, check=True, capture_output=True)
    return next(out.glob("*.whl"))


@pytest.fixture(scope="module")
def installed(wheel, tmp_path_factory) -> Path:
    """Install the wheel, without dependencies, into a folder outside the checkout."""
    site = tmp_path_factory.mktemp("site")
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--no-deps",
        "--no-index",
        "--disable-pip-version-check",
        "-q",
        "--target",
        str(site),
        str(wheel),
    ]
    subprocess.run(command, check=True, capture_output=True)
    return site


def test_the_wheel_carries_templates_static_files_data_and_the_migration_template(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "locator/web/templates/base.html",
        "locator/web/static/site.css",
        "locator/web/static/quick-exit.js",
        "locator/data/gazetteer/places_gb_naptan_nptg_osnames.csv.gz",
        "locator/data/areas/lad_may2023_uk_buc.geojson",
        "locator/data/demo/gm_pharmacies.geojson",
        "locator/data/review/given_names.csv",
        "locator/adapters/db/migrations/script.py.mako",
        "locator/adapters/db/migrations/env.py",
        "locator/adapters/db/migrations/versions/0001_premises.py",
    ):
        assert needed in names, needed
    assert not any(name.startswith("tests/") for name in names)


SERVE = """
import json, locator
from locator import create_app
app = create_app({"RATELIMIT_ENABLED": False})
client = app.test_client()
home = client.get("/")
css = client.get("/static/site.css")
found = client.get("/api/v1/spaces?q=M1")
print(json.dumps({"file": locator.__file__, "home": home.status_code, "css": css.status_code,
                  "css_type": css.mimetype, "spaces": found.status_code,
                  "features": len(found.get_json()["features"])}))
"""


def test_the_installed_wheel_sets_up_loads_the_demo_and_serves_the_site(installed, tmp_path):
    env = {**os.environ, "PYTHONPATH": str(installed), "INSTANCE_PATH": str(tmp_path / "instance")}
    env.pop("DATABASE_URL", None)

    def run(*args: str) -> str:
        done = subprocess.run(
            [sys.executable, *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    run("-m", "flask", "--app", "locator", "init-db")
    run("-m", "flask", "--app", "locator", "demo")
    served = json.loads(run("-c", SERVE).strip().splitlines()[-1])
    assert Path(served["file"]).is_relative_to(installed)
    assert (tmp_path / "instance" / "locator.sqlite3").is_file()
    assert served["home"] == 200
    assert (served["css"], served["css_type"]) == (200, "text/css")
    assert served["spaces"] == 200 and served["features"] > 0
