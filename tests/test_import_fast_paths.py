"""The import's fast paths give exactly what the general paths give."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from locator.adapters.db.tables import premises
from locator.importing import rows as importing
from locator.importing import service as imports

from conftest import premises_row

REQUIRED = ("ref", "name")

CSV_TEXTS = [
    "ref,name\nA1,Shop one\nA2,Shop two\n",
    "ref,name\r\nA1,Shop one\r\nA2,Shop two\r\n",
    "ref,name\nA1,Shop one",
    "ref,name\n\n , \nA1,Shop one\n\n",
    "Ref , NAME\n  A1  , Shop  one \n",
    "ref,name\nA1,Shop one,,  \nA2,Shop two,extra\n",
    "ref,name,address\nA1\nA2,Shop two,1 High St,\n",
    "ref,name\nA1,Caf\u00e9 \u2028one\n",
    "ref,name\nA1,Shop one\rA2,Shop two\n",
    "ref,name\n",
    "\n",
    "",
]


def _as_read(text: str) -> list[tuple[str, dict]] | str:
    try:
        return [(row.where, row.values) for row in importing.csv_rows(text, REQUIRED)]
    except importing.ImportFileError as error:
        return f"error: {error}"


@pytest.mark.parametrize("text", CSV_TEXTS)
def test_csv_without_quotes_is_read_as_the_csv_module_reads_it(text, monkeypatch):
    fast = _as_read(text)
    monkeypatch.setattr(importing, "_plain_lines", lambda _text: None)
    assert fast == _as_read(text)


@pytest.mark.parametrize(
    "text",
    [
        'ref,name\nA1,"Shop, one"\n',
        'ref,name\nA1,"Shop\none"\nA2,Shop two\n',
        "ref,name\nA1,Shop one\rA2,Shop two\n",
        "ref,name\nA1,Shop\x00one\n",
    ],
)
def test_csv_with_quotes_or_odd_line_ends_is_left_to_the_csv_module(text):
    assert importing._plain_lines(text) is None


VALUES = [
    premises_row("A1", 53.48, -2.24),
    premises_row("A1", 53.48, -2.24, phone="0161 496 0000", website="example.org"),
    premises_row("A1", 53.48, -2.24, phone="call us", website="not a site"),
    premises_row("A1", 53.48, -2.24, name="  Shop   one "),
    premises_row("A1", 53.48, -2.24, name="Shop\tone"),
    premises_row("A1", 53.48, -2.24, name=""),
    premises_row("A1", 53.48, -2.24, organisation=""),
    premises_row("A1", 53.48, -2.24, opening_hours=""),
    premises_row("A1", 53.48, -2.24, opening_hours="Mo-Fr 09:00-17:00 "),
    premises_row("A1", 53.48, -2.24, opening_hours="Mo-Fr off"),
    premises_row("A1", 53.48, -2.24, scheme="External"),
    premises_row("A1", 53.48, -2.24, scheme="bogus", opening_hours=""),
    premises_row("A1", 53.48, -2.24, phone="0" * 41),
    premises_row("R" * 101, 53.48, -2.24),
    premises_row("A1", 53.48, -2.24, address="", postcode=""),
    premises_row("A1", 53.48, -2.24, address="| High Street |"),
    premises_row(7, 53.48, -2.24),
    premises_row("A1", 53.48, -2.24, website=None),
    premises_row("A1", 53.48, -2.24, name=type("Text", (str,), {})("Shop one")),
    {key: value for key, value in premises_row("A1", 53.48, -2.24).items() if key != "phone"},
]


class _NearPlace:
    """A gazetteer that knows one place, near everything."""

    label = "Piccadilly Gardens"

    def nearest_name(self, _lat, _lon):
        return self

    def find(self, _text):
        return None


def _validated(values: dict) -> tuple | str:
    try:
        return importing.validate_row(values, _NearPlace(), lenient=True)
    except importing.RowError as error:
        return f"rejected: {error}"


@pytest.mark.parametrize("values", VALUES)
def test_a_row_with_tidy_cells_is_validated_as_cell_by_cell(values, monkeypatch):
    fast = _validated(values)
    monkeypatch.setattr(importing, "_tidy_cells", lambda _values: None)
    assert fast == _validated(values)


def test_a_large_import_on_sqlite_keeps_the_file_order_in_its_ids(locator):
    rows = [premises_row(f"B{i:03d}", 53.48 + i / 1000, -2.24) for i in range(130)]
    raw_rows = [importing.RawRow(f"line {i + 2}", dict(row)) for i, row in enumerate(rows)]
    result = imports.import_rows(locator, "csv", raw_rows, demo=True)
    assert result.inserted == 130
    query = sa.select(premises.c.ref, premises.c.lat, premises.c.demo, premises.c.last_confirmed)
    with locator.store.reading() as connection:
        stored = connection.execute(query.order_by(premises.c.id)).all()
    assert [ref for ref, *_ in stored] == [row["ref"] for row in rows]
    assert [lat for _, lat, *_ in stored] == [round(float(row["lat"]), 7) for row in rows]
    assert {(demo, confirmed is not None) for *_, demo, confirmed in stored} == {(True, True)}


def test_the_garbage_collector_runs_again_after_an_import(locator):
    import gc

    raw_rows = [importing.RawRow("line 2", premises_row("C1", 53.48, -2.24))]
    imports.import_rows(locator, "csv", raw_rows)
    assert gc.isenabled()
    with pytest.raises(RuntimeError), imports.collector_paused():
        assert not gc.isenabled()
        raise RuntimeError
    assert gc.isenabled()
