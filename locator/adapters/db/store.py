"""The database: one engine, its migrations, a transaction helper and a repository per aggregate.

Repositories hold the queries; callers ask by name (`store.premises.estate(...)`) and never build
SQL. Work that must succeed or fail together runs inside `with store.transaction():`, which every
repository call made in the block joins.
"""

from __future__ import annotations

import fcntl
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine, make_url

from locator.adapters.db.accounts import AccountsRepository
from locator.adapters.db.outbox import OutboxRepository
from locator.adapters.db.places import PlacesRepository
from locator.adapters.db.premises import PremisesRepository
from locator.adapters.db.records import (
    ReferralContactsRepository,
    ReportsRepository,
    UploadsRepository,
    UsesRepository,
)
from locator.adapters.db.tables import data_version
from locator.adapters.db.training import TrainingRepository
from locator.domain.errors import Busy, Unavailable

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class Store:
    """The premises database and its repositories."""

    def __init__(self, url: str):
        self.url = url
        parsed = make_url(url)
        # An error's message never carries the values of its statement: they can be a
        # registrant's email or a manage link's hash, and errors end up in logs.
        options: dict = {"future": True, "hide_parameters": True}
        if parsed.get_backend_name() == "sqlite":
            database = parsed.database
            if database and database != ":memory:":
                Path(database).parent.mkdir(parents=True, exist_ok=True)
            options["connect_args"] = {"check_same_thread": False, "timeout": 30}
        else:
            options["pool_pre_ping"] = True
        try:
            self.engine: Engine = sa.create_engine(url, **options)
        except ImportError as exc:
            # PostgreSQL's driver is an extra: say how to install it, not a traceback.
            raise RuntimeError(
                f"DATABASE_URL {parsed.drivername}:// needs a database driver that is not "
                "installed; for PostgreSQL: pip install 'safe-spaces-locator[postgres]'"
            ) from exc
        if parsed.get_backend_name() == "sqlite":
            sa.event.listen(self.engine, "connect", _sqlite_pragmas)
        sa.event.listen(self.engine, "handle_error", _unreachable)
        # Per store and per thread (or task): the transaction a block opened, if any.
        self._current: ContextVar[Connection | None] = ContextVar(f"store-{id(self)}", default=None)
        self.premises = PremisesRepository(self)
        self.accounts = AccountsRepository(self)
        self.uses = UsesRepository(self)
        self.reports = ReportsRepository(self)
        self.referrals = ReferralContactsRepository(self)
        self.outbox = OutboxRepository(self)
        self.places = PlacesRepository(self)
        self.uploads = UploadsRepository(self)
        self.training = TrainingRepository(self)
        # Counts changes to premises made through this store, so this process's own searches
        # see them at once instead of after the index's next check of the data version.
        self.local_changes = 0

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """Run a block in one transaction, which repository calls inside it join; commit at end."""
        current = self._current.get()
        if current is not None:
            yield current
            return
        with self.engine.begin() as connection:
            token = self._current.set(connection)
            try:
                yield connection
            finally:
                self._current.reset(token)

    @property
    def in_transaction(self) -> bool:
        """Return True inside a `transaction()` block."""
        return self._current.get() is not None

    @contextmanager
    def reading(self) -> Iterator[Connection]:
        """Give a connection for queries: the open transaction's, or a fresh one."""
        current = self._current.get()
        if current is not None:
            yield current
            return
        with self.engine.connect() as connection:
            yield connection

    def migrate(self, revision: str = "head") -> None:
        """Create or upgrade the schema to a migration (the newest by default); safe twice."""
        if revision == "head" and self.schema_version() == newest_migration():
            return  # nothing to do: a command need not load Alembic and its scripts to know it
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        with self.engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, revision)

    def schema_version(self) -> str | None:
        """Return the migration the database is at, or None when it has none yet."""
        try:
            with self.engine.connect() as connection:
                return connection.execute(
                    sa.text("SELECT version_num FROM alembic_version")
                ).scalar()
        except (sa.exc.SQLAlchemyError, Unavailable):
            return None

    def ping(self) -> bool:
        """Return True when the database answers a trivial query."""
        try:
            with self.engine.connect() as connection:
                connection.execute(sa.text("SELECT 1"))
            return True
        except (sa.exc.SQLAlchemyError, Unavailable):
            return False

    @contextmanager
    def exclusive(self, name: str) -> Iterator[None]:
        """Hold a lock only one process on any machine can hold at a time; raise Busy if taken.

        PostgreSQL: a session advisory lock on a connection of its own (released if the
        process dies), named by the schema too: advisory locks are shared by the whole database,
        and two sites (or test runs) in their own schemas do not stand in each other's way.
        SQLite: an exclusive lock on a file beside the database.
        """
        if self.backend == "postgresql":
            with self.engine.connect() as connection:
                schema = connection.execute(sa.text("SELECT current_schema()")).scalar()
                key = zlib.crc32(f"locator:{schema}:{name}".encode())
                held = connection.execute(
                    sa.text("SELECT pg_try_advisory_lock(:key)"), {"key": key}
                ).scalar()
                if not held:
                    raise Busy(BUSY.format(name=name))
                try:
                    yield
                finally:
                    connection.execute(sa.text("SELECT pg_advisory_unlock(:key)"), {"key": key})
                    connection.commit()
            return
        database = make_url(self.url).database
        if not database or database == ":memory:":
            yield  # one process owns an in-memory database
            return
        with open(f"{database}.{name}.lock", "a") as handle:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                raise Busy(BUSY.format(name=name)) from None
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def data_version(self) -> int:
        """Return the counter that changes whenever premises change."""
        with self.reading() as connection:
            value = connection.execute(
                sa.select(data_version.c.version).where(data_version.c.id == 1)
            ).scalar()
        return int(value or 0)

    def dispose(self) -> None:
        """Close pooled connections."""
        self.engine.dispose()


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # WAL lets web workers read while an import writes; NORMAL sync is safe under WAL.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


BUSY = "An {name} is already running; try again when it has finished."
UNREACHABLE = (
    "We cannot reach our database just now, so we cannot search for safe spaces or save "
    "anything. If you are in danger, call 999."
)


def _unreachable(context) -> None:
    """Turn a failure to reach the database into the domain's Unavailable (503), not a crash."""
    if context.is_pre_ping:
        return  # the pool is testing a connection; it reconnects by itself
    # No connection yet means connecting failed; a disconnect means the server went away.
    if context.connection is None or context.is_disconnect:
        raise Unavailable(UNREACHABLE) from context.original_exception


def newest_migration() -> str:
    """Return the newest migration's revision: each is named for its file's number ("0009")."""
    return max(path.name.partition("_")[0] for path in (MIGRATIONS_DIR / "versions").glob("*_*.py"))
