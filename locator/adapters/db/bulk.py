"""Many rows in one go: values straight to the driver, and multi-row INSERTs on SQLite.

Imports (premises, and the places operators load) write hundreds of thousands of rows; for
them SQLAlchemy's per-row parameter processing costs more than the database's own work.
"""

from __future__ import annotations

import itertools
import operator
from collections.abc import Sequence

import sqlalchemy as sa


def tuples(rows: list[dict], names: Sequence[str]) -> list[tuple]:
    """Return each row's values in `names` order (None for those a row lacks)."""
    if len(names) == 1:
        return [(row.get(names[0]),) for row in rows]
    values = operator.itemgetter(*names)
    try:
        return [values(row) for row in rows]
    except KeyError:
        return [tuple(row.get(name) for name in names) for row in rows]


def bulk_execute(connection, statement, rows: list[dict]) -> None:
    """Run one statement for many rows of plain values (str, float, int, bool, None, date)."""
    names = tuple(rows[0])
    execute_many(connection, statement, names, tuples(rows, names))


def execute_many(
    connection, statement, names: Sequence[str], rows: list[tuple], same: dict | None = None
) -> None:
    """Run one statement for many rows given as tuples in `names` order, and values the same
    for every row (`same`).

    SQLAlchemy's per-row parameter processing costs more than the database's own work on
    large imports; the values here need none, so they go straight to the driver.
    """
    same = same or {}
    keys = (*names, *same)
    compiled = statement.compile(dialect=connection.dialect, column_keys=list(keys))
    # Dates are the one kind the driver may not take as they are: SQLite's default adapter is
    # deprecated from Python 3.12, so they go through the column type's own conversion.
    table = statement.table
    convert = {
        name: processor
        for name in keys
        if name in table.c
        and isinstance(table.c[name].type, sa.Date | sa.DateTime)
        and (processor := _bind_processor(table.c[name].type, connection.dialect)) is not None
    }
    if any(name in convert for name in names):
        rows = [
            tuple(
                convert[name](value) if name in convert else value
                for name, value in zip(names, row, strict=True)
            )
            for row in rows
        ]
    if same:
        tail = tuple(
            convert[name](value) if name in convert else value for name, value in same.items()
        )
        rows = [row + tail for row in rows]
    if not compiled.positional:
        params = [dict(zip(keys, row, strict=True)) for row in rows]
    elif tuple(compiled.positiontup) == keys:
        params = rows
    else:
        order = operator.itemgetter(*(keys.index(name) for name in compiled.positiontup))
        params = [order(row) for row in rows]
    if connection.dialect.name == "sqlite" and statement.is_insert and compiled.positional:
        _insert_in_blocks(connection, str(compiled), params)
    else:
        connection.exec_driver_sql(str(compiled), params)


def can_copy(connection) -> bool:
    """Tell whether rows can go in with PostgreSQL's COPY (through psycopg 3)."""
    return connection.dialect.name == "postgresql" and connection.dialect.driver == "psycopg"


def copy_rows(
    connection, table: sa.Table, names: Sequence[str], rows: list[tuple], same: dict
) -> None:
    """Insert rows given as tuples in `names` order, with values the same for every row, by
    COPY: a third of the time of an INSERT per row on PostgreSQL.

    The driver turns each value into the column's text form as it would bind it.
    """
    tail = tuple(same.values())
    columns = ", ".join((*names, *same))
    cursor = connection.connection.dbapi_connection.cursor()
    with cursor, cursor.copy(f"COPY {table.name} ({columns}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row + tail)


# Bound values per statement: the smallest limit any SQLite release has had.
_SQLITE_MAX_VALUES = 999


def _insert_in_blocks(connection, sql: str, params: list[tuple]) -> None:
    """Insert many rows on SQLite with one multi-row INSERT per block of rows.

    Each statement SQLite runs has a cost of its own, about a third of a one-row insert;
    rows go in the order given, so they get the same ids as one statement per row would.
    """
    head, found, one_row = sql.partition(" VALUES ")
    width = len(params[0]) if params else 0
    if not (found and width and one_row.startswith("(") and one_row.endswith(")")):
        connection.exec_driver_sql(sql, params)
        return
    per_block = max(1, _SQLITE_MAX_VALUES // width)
    whole = len(params) - len(params) % per_block
    if whole:
        block = f"{head} VALUES {', '.join([one_row] * per_block)}"
        connection.exec_driver_sql(
            block,
            [
                tuple(itertools.chain.from_iterable(params[start : start + per_block]))
                for start in range(0, whole, per_block)
            ],
        )
    if whole < len(params):
        connection.exec_driver_sql(sql, params[whole:])


def _bind_processor(column_type, dialect):
    return column_type.dialect_impl(dialect).bind_processor(dialect)
