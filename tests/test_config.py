"""Settings: declared once, read from the environment, all documented in the README."""

import importlib.util
import sys
from pathlib import Path

import pytest

from locator import create_app
from locator.adapters.db.store import Store
from locator.config import SETTINGS, load_config

README = Path(__file__).resolve().parent.parent / "README.md"


def test_every_setting_is_documented_in_the_readme():
    text = README.read_text()
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in text]
    assert missing == []


def test_every_setting_has_help_text():
    assert all(len(s.help) > 20 for s in SETTINGS)


def test_settings_come_from_the_environment():
    config = load_config({"DATABASE_URL": "sqlite:///x.db", "RATELIMIT_ENABLED": "false"})
    assert config["DATABASE_URL"] == "sqlite:///x.db"
    assert config["RATELIMIT_ENABLED"] is False
    assert config["RATELIMIT_STORAGE_URI"] == "memory://"


def test_the_default_database_is_sqlite_under_instance():
    assert load_config({})["DATABASE_URL"].endswith("/instance/locator.sqlite3")


def test_a_malformed_setting_is_reported_by_name():
    with pytest.raises(ValueError, match="RATELIMIT_ENABLED"):
        load_config({"RATELIMIT_ENABLED": "perhaps"})


def test_create_app_takes_a_test_config(tmp_path):
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/a.db", "TESTING": True})
    assert app.config["TESTING"] is True
    assert app.extensions["locator"].store.backend == "sqlite"


def test_without_a_secret_key_the_workers_of_one_machine_share_a_kept_one(tmp_path):
    from locator.config import instance_secret

    first = instance_secret(tmp_path / "secret_key")
    assert len(first) == 64
    assert instance_secret(tmp_path / "secret_key") == first
    assert oct((tmp_path / "secret_key").stat().st_mode & 0o777) == "0o600"


def test_postgresql_without_its_driver_says_which_extra_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)
    with pytest.raises(RuntimeError, match=r"safe-spaces-locator\[postgres\]"):
        Store("postgresql+psycopg://nobody@127.0.0.1:1/none")


def test_redis_limits_without_the_client_say_which_extra_to_install(monkeypatch, tmp_path):
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "redis" else real(name, *a)
    )
    with pytest.raises(RuntimeError, match=r"safe-spaces-locator\[redis\]"):
        create_app(
            {
                "DATABASE_URL": f"sqlite:///{tmp_path / 'x.sqlite3'}",
                "RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379/15",
            }
        )
