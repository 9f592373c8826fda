"""The migrations build exactly the tables the code declares, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from locator.adapters.db.store import MIGRATIONS_DIR, Store, newest_migration
from locator.adapters.db.tables import metadata


def test_the_migrated_schema_matches_the_declared_tables(locator):
    with locator.store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_linking_premises_to_head_offices_skips_what_the_public_registered(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'old.sqlite3'}")
    store.migrate("0006")
    # Bound as text: Python 3.12 deprecates SQLite's own datetime adapter.
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    common = {
        "lat": 53.8,
        "lon": -1.5,
        "opening_hours": "24/7",
        "scheme": "external",
        "created_at": now,
        "updated_at": now,
    }
    with store.engine.begin() as connection:
        connection.execute(
            sa.text(
                "INSERT INTO organisations (id, name, email, password_hash, created_at)"
                " VALUES (7, 'Big Chemist', 'hq@chemist.example', 'x', :now)"
            ),
            {"now": now},
        )
        for ref in ("s1", "web-0123456789ab"):
            connection.execute(
                sa.text(
                    "INSERT INTO premises (organisation, ref, name, lat, lon, opening_hours,"
                    " scheme, created_at, updated_at) VALUES ('Big Chemist', :ref, :ref, :lat,"
                    " :lon, :opening_hours, :scheme, :created_at, :updated_at)"
                ),
                {"ref": ref, **common},
            )
    store.migrate()
    with store.engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT ref, organisation_id FROM premises")).all()
        linked = {ref: organisation_id for ref, organisation_id in rows}
    store.dispose()
    assert linked == {"s1": 7, "web-0123456789ab": None}


def test_every_migration_is_named_for_its_revision_and_follows_the_one_before():
    # Store.migrate knows a database is up to date from the newest file's number alone.
    folder = MIGRATIONS_DIR / "versions"
    numbers = sorted(path.name.partition("_")[0] for path in folder.glob("*_*.py"))
    for before, number in zip([None, *numbers], numbers, strict=False):
        [path] = folder.glob(f"{number}_*.py")
        text = path.read_text()
        assert f'revision = "{number}"' in text, path.name
        assert f"down_revision = {before!r}".replace("'", '"') in text, path.name
    assert newest_migration() == numbers[-1]


def test_a_database_at_the_newest_migration_says_so_and_a_new_one_has_none(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'fresh.sqlite3'}")
    assert store.schema_version() is None
    store.migrate()
    assert store.schema_version() == newest_migration()
    store.dispose()
