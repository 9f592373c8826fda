"""A large import is read, checked and written a chunk at a time, and gives what one pass gave."""

from __future__ import annotations

import contextlib
import csv
from datetime import date

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from locator.adapters.db.tables import premises
from locator.importing import rows as importing
from locator.importing import service as imports

from builders import write_csv
from conftest import premises_row

LEEDS = (53.7997, -1.5492)

TEXTS = [
    "ref,name,opening_hours\nA1,Shop one,24/7\nA2,Shop two,24/7\n",
    "ref,name,opening_hours\r\nA1,Shop one,24/7\r\nA2,Shop two,24/7\r\n",
    "ref,name,opening_hours\nA1,Shop one,24/7",
    "ref,name,opening_hours\n\n , \nA1,Shop one\n\n",
    "Ref , NAME,Opening_Hours\n  A1  , Shop  one ,24/7\n",
    "ref,name,opening_hours\nA1,Shop one,,  \nA2,Shop two,24/7,extra\n",
    "ref,name,address,opening_hours\nA1\nA2,Shop two,1 High St,,\n",
    "ref,name,opening_hours\nA1,Caf\u00e9 \u2028one,24/7\n",
    "ref,name,opening_hours\nA1,Shop one,24/7\rA2,Shop two,24/7\n",
    'ref,name,opening_hours\nA1,"Shop, one",24/7\nA2,"Shop\ntwo",24/7\nA3,Shop three,x\n',
    "\ufeffref,name,opening_hours\nA1,Shop one,24/7\n",
    "\ufeff\ufeffref,name,opening_hours\nA1,Shop one,24/7\n",
    "ref,name,opening_hours\n",
    "name,address\nA,B\n",
    "\n",
    "",
]


def _read(path, fmt="auto", organisation=None, *, whole: bool):
    """Return a file's rows as (where, values), or the error that refuses it."""
    try:
        if whole:
            fmt, rows = importing.read_rows(path, fmt, organisation)
        else:
            source = importing.open_rows(path, fmt, organisation)
            fmt, rows = source.format, [row for chunk in source.chunks(2) for row in chunk]
    except importing.ImportFileError as error:
        return f"error: {error}"
    return fmt, [(row.where, row.values) for row in rows]


@pytest.mark.parametrize("text", TEXTS)
def test_a_csv_read_in_chunks_gives_the_rows_read_whole_gives(text, tmp_path, monkeypatch):
    # Blocks of a few bytes: records cross from one block into the next.
    monkeypatch.setattr(importing, "_BLOCK_BYTES", 5)
    path = tmp_path / "estate.csv"
    path.write_bytes(text.encode())
    for fmt, organisation in (("auto", None), ("csv", "Other Ltd")):
        assert _read(path, fmt, organisation, whole=False) == _read(
            path, fmt, organisation, whole=True
        )


@pytest.mark.parametrize(
    ("content", "fmt"),
    [
        (b"ref,name,opening_hours\nA1,Shop\nA2,Sh\xffop\n", "auto"),
        (b"\xef\xbb\xbfref,name,opening_hours\nA1,Shop\nA2,Sh\xc3op\n", "auto"),
        (b"ref,name,opening_hours\nA1,Shop\nA2,Sh\x00op\n", "auto"),
        (b"\xff\x00ref,name\n", "auto"),
        (b"ref,name,opening_hours\n" + b"A1,Shop\n" * 50 + b"A2,Sh\x00op\xff\n", "csv"),
        (b"pharmacy_name,opening_hours_monday,address\nBoots,09:00-17:30,1 High St\n", "auto"),
        (b"pharmacy_name,opening_hours_monday\nBoots,09:00-17:30\n", "nhs"),
        (b'<?xml version="1.0"?>\n<osm version="0.6"></osm>\n', "auto"),
    ],
)
def test_a_file_refused_or_read_whole_is_refused_or_read_alike_in_chunks(
    content, fmt, tmp_path, monkeypatch
):
    monkeypatch.setattr(importing, "_BLOCK_BYTES", 7)
    path = tmp_path / "estate.csv"
    path.write_bytes(content)
    assert _read(path, fmt, whole=False) == _read(path, fmt, whole=True)


def test_a_line_longer_than_a_csv_field_may_be_is_read_as_csv_reads_it(tmp_path, monkeypatch):
    limit = csv.field_size_limit(40)
    try:
        path = tmp_path / "estate.csv"
        text = "ref,name,opening_hours\nA1,Shop one,24/7\nA2," + "long " * 10 + ",24/7\n"
        path.write_text(text, encoding="utf-8")
        assert _read(path, whole=False) == _read(path, whole=True)
        assert "cannot be read as CSV" in _read(path, whole=False)
    finally:
        csv.field_size_limit(limit)


# -- the column-at-a-time check ---------------------------------------------------------------


class _NearPlace:
    """A gazetteer that knows one place, near everything."""

    label = "Piccadilly Gardens"

    def nearest_name(self, _lat, _lon):
        return self

    def find(self, _text):
        return None


_POOLS = {
    "ref": ["A1", "B2", " A1", "A1 ", "A  1", "", "R" * 101, "A|1", "A1|", 7, None],
    "name": ["Shop one", "Shop\tone", "", "Caf\u00e9", "  Shop", "N" * 201],
    "organisation": ["Test Retail", "", "Other | Ltd", "Test  Retail"],
    "address": ["1 High St", "", " 1 High St", "1 High St ", "A" * 501, "1\u00a0High St"],
    "postcode": ["", "LS1 4AP", "ls14ap", "LS1", "nonsense", 5, " LS1 4AP"],
    "lat": ["53.7997", "", " 53.8 ", "48.0", "nan", "inf", "x", 53.7997, None],
    "lon": ["-1.5492", "", "-1.55", "10", 1e400, True],
    "opening_hours": [
        "Mo-Su 08:00-20:00",
        "Mo-Fr 09:00-17:00 ",
        "Mo-Fr",
        "Mon 9-5",
        "Mo-Fr off",
        "",
        9,
        None,
        "Mo-Fr\t09:00-17:00",
        "Mo-Fr  09:00-17:00",
    ],
    "facilities": ["", "toilet;wifi", "WIFI", "jacuzzi", ["toilet"], None, "Toilets;first aid"],
    "phone": ["", "0161 496 0000", "call us", "0" * 41, 1614960000, None, "0161\t496"],
    "website": ["", "https://example.org", "example.org", "not a site", ["x"], " https://a.b"],
    "how_to_ask": ["Ask at the till", "", "Ask  staff", 3],
    "scheme": ["external", "Internal", "bogus", "", 7, None, " external", ["external"]],
}
CELLS = {name: st.sampled_from(pool) for name, pool in _POOLS.items()}


@st.composite
def _rows(draw) -> dict:
    """Return a good row with up to three cells changed and up to two left out."""
    row = premises_row(draw(st.sampled_from(["A1", "A2", "B1"])), *LEEDS)
    for name in draw(st.lists(st.sampled_from(sorted(CELLS)), max_size=3, unique=True)):
        row[name] = draw(CELLS[name])
    for name in draw(st.lists(st.sampled_from(sorted(row)), max_size=2, unique=True)):
        del row[name]
    return row


ROWS = _rows()


def _as_validated(fields: tuple) -> tuple[dict, bool, list[str]]:
    """Return a row vouched for as _validated gives it: placed by its position, no notes."""
    return dict(zip(importing.ROW_FIELDS, fields, strict=True)), False, []


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ROWS, min_size=2, max_size=8))
def test_every_row_the_column_check_accepts_is_what_the_row_check_gives(rows):
    today = date(2026, 12, 2)
    gazetteer = _NearPlace()
    for values, fast in zip(rows, importing._checked_by_column(rows, today), strict=True):
        if fast is not None:
            assert _as_validated(fast) == importing._validated(values, gazetteer, True, today)


@pytest.mark.parametrize(
    ("name", "value"), [(name, value) for name, pool in _POOLS.items() for value in pool]
)
def test_a_row_with_one_cell_changed_is_accepted_only_as_the_row_check_accepts_it(name, value):
    today = date(2026, 12, 2)
    good = premises_row("A1", *LEEDS)
    # Second in its chunk: a cell's first character is not the start of the column's text.
    changed = {**premises_row("A2", *LEEDS), name: value}
    outcome = importing._checked_by_column([good, changed], today)[1]
    if outcome is not None:
        assert _as_validated(outcome) == importing._validated(changed, _NearPlace(), True, today)


def test_tidy_rows_are_accepted_by_the_column_check():
    rows = [premises_row(f"A{i}", 53.48 + i / 1000, -2.24) for i in range(5)]
    outcomes = importing._checked_by_column(rows, date(2026, 12, 2))
    assert None not in outcomes


def test_a_checked_row_is_what_the_premises_table_writes_but_its_district_and_nation():
    from locator.adapters.db.tables import INSERT_FIELDS

    assert (*importing.ROW_FIELDS, "area_code", "nation") == INSERT_FIELDS


def test_refs_are_found_again_however_their_hashes_collide():
    with contextlib.closing(importing._FirstSeen(hasher=lambda _key: 42)) as seen:
        seen.add({("Caf\u00e9", "A1"): "line 2", ("Shop", "A2"): "line 3"})
        seen.add({("Other", "A1"): "feature 4"})
        assert seen.find(
            [("Shop", "A2"), ("Other", "A1"), ("Other", "A2"), ("Caf\u00e9", "A1")]
        ) == {
            ("Shop", "A2"): "line 3",
            ("Other", "A1"): "feature 4",
            ("Caf\u00e9", "A1"): "line 2",
        }


# -- the whole import, chunk by chunk, in one process or two ----------------------------------

CHUNK = 6
BAD = [("opening_hours", "whenever"), ("facilities", "jacuzzi"), ("lat", "48.0"), ("scheme", "x")]


def _estate(tmp_path):
    """Return a CSV with a bad row in every chunk of CHUNK rows and refs repeated across them."""
    rows = []
    for number in range(40):
        row = premises_row(f"S{number:03d}", LEEDS[0] + number / 1000, LEEDS[1])
        chunk, place = divmod(number, CHUNK)
        if place == chunk % CHUNK:  # a bad row in every chunk, at a new place in each
            name, value = BAD[chunk % len(BAD)]
            row[name] = value
        rows.append(row)
    rows += [
        premises_row("S001", *LEEDS),  # a ref the first chunk had
        premises_row("S200", LEEDS[0], LEEDS[1], website="example.org"),  # kept, with a warning
        {**premises_row("S201", *LEEDS), "lat": "", "lon": "", "postcode": "LS1 4AP"},
        premises_row("S201", *LEEDS),  # the ref of the row before, in the last chunk
    ]
    return write_csv(tmp_path / "estate.csv", rows)


def _before(locator, tmp_path) -> None:
    """Store two of the estate's premises: one as the file has it, one with an older name."""
    path = write_csv(
        tmp_path / "before.csv",
        [
            premises_row("S002", LEEDS[0] + 0.002, LEEDS[1]),
            premises_row("S003", LEEDS[0] + 0.003, LEEDS[1], name="Old name"),
        ],
    )
    imports.import_source(locator, importing.open_rows(path, "auto", None), publish=True)


def _stored(locator) -> list[tuple]:
    columns = [
        column for column in premises.c if column.name not in ("id", "created_at", "updated_at")
    ]
    with locator.store.reading() as connection:
        return [
            tuple(row) for row in connection.execute(sa.select(*columns).order_by(premises.c.id))
        ]


def _import(locator, path, *, parallel: bool, **options) -> tuple:
    source = importing.open_rows(path, "auto", None)
    result = imports.import_source(locator, source, parallel=parallel, chunk_rows=CHUNK, **options)
    plan = result.plan
    return (
        (plan.read, plan.accepted, plan.rejected, plan.warnings, plan.approximate),
        (result.inserted, result.updated, result.unchanged),
    )


@pytest.mark.parametrize("dry_run", [False, True])
def test_a_file_checked_in_a_second_process_stores_and_reports_what_one_process_does(
    locator, tmp_path, dry_run
):
    path = _estate(tmp_path)
    _before(locator, tmp_path)
    alone = _import(locator, path, parallel=False, dry_run=dry_run, publish=True)
    stored = _stored(locator)
    with locator.store.transaction() as connection:
        connection.execute(premises.delete())
    _before(locator, tmp_path)
    assert _import(locator, path, parallel=True, dry_run=dry_run, publish=True) == alone
    assert _stored(locator) == stored
    (read, accepted, rejected, warnings, approximate), counts = alone
    assert (read, accepted, len(rejected)) == (44, 35, 9)
    assert [bad.where for bad in rejected if "already appears" in bad.reason] == [
        "line 42",
        "line 45",
    ]
    assert [warned.ref for warned in warnings] == ["S200"]
    assert approximate == ["line 44"]
    assert counts == ((0, 0, 0) if dry_run else (33, 1, 1))


def test_a_file_unreadable_near_its_end_writes_nothing_in_either_process(locator, tmp_path):
    path = _estate(tmp_path)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f'S999,"{"x" * (csv.field_size_limit() + 1)}"\n')
    for parallel in (False, True):
        with pytest.raises(importing.ImportFileError, match="Line 46 cannot be read as CSV"):
            _import(locator, path, parallel=parallel)
        assert locator.store.premises.count() == 0


@pytest.mark.parametrize("fork_from", [1000, 10**9])
def test_the_import_command_reads_a_large_file_as_one_pass_would(
    runner, locator, tmp_path, monkeypatch, fork_from
):
    # From 1,000 rows the file is checked in a second process (where two processors are free).
    monkeypatch.setattr(imports, "PARALLEL_MIN_ROWS", fork_from)
    rows = [premises_row(f"S{number:05d}", LEEDS[0], LEEDS[1]) for number in range(2500)]
    rows[2100]["opening_hours"] = "whenever"
    rows.append(premises_row("S00007", *LEEDS))
    result = runner.invoke(args=["import", str(write_csv(tmp_path / "estate.csv", rows))])
    assert result.exit_code == 0, result.output
    assert "Rows read: 2501" in result.output
    assert "Imported: 2499 new, 0 updated, 0 unchanged" in result.output
    assert "line 2102 (ref S02100): opening_hours:" in result.output
    assert "line 2502 (ref S00007): ref 'S00007' already appears at line 9" in result.output
    assert locator.store.premises.count() == 2499


def test_rows_copied_in_bulk_are_stored_as_rows_inserted_one_by_one(locator, monkeypatch):
    from locator.adapters.db import bulk

    def stored(prefix: str) -> list[tuple]:
        skip = ("id", "ref", "created_at", "updated_at")
        columns = [column for column in premises.c if column.name not in skip]
        query = sa.select(*columns).where(premises.c.ref.like(f"{prefix}%"))
        with locator.store.reading() as connection:
            return [tuple(row) for row in connection.execute(query.order_by(premises.c.id))]

    rows = [
        {**premises_row("x", 53.123456789, -2.0000001), "name": "Caf\u00e9 \u2019s", "scheme": s}
        for s in ("external", "internal")
    ]
    raw = [importing.RawRow(f"line {n}", {**row, "ref": f"A{n}"}) for n, row in enumerate(rows)]
    plan = importing.plan_import("csv", raw, locator.gazetteer)
    imports.write_plan(locator, plan, publish=True, demo=True)
    monkeypatch.setattr(bulk, "can_copy", lambda _connection: False)
    raw = [importing.RawRow(f"line {n}", {**row, "ref": f"B{n}"}) for n, row in enumerate(rows)]
    plan = importing.plan_import("csv", raw, locator.gazetteer)
    imports.write_plan(locator, plan, publish=True, demo=True)
    assert stored("A") == stored("B")
    with locator.store.reading() as connection:
        times = connection.execute(sa.select(premises.c.created_at, premises.c.updated_at)).all()
    assert all(created == updated for created, updated in times)
