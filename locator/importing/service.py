"""Importing premises: rows read and checked, placed in their district and nation, then written.

`service` is the application's Locator: its store, gazetteer and areas.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from locator.domain import clock
from locator.geo.areas import DEFAULT_NATION
from locator.importing import rows as importing


@dataclass
class ImportResult:
    """What an import did, for the command's summary."""

    plan: importing.ImportPlan
    inserted: int = 0
    updated: int = 0
    unchanged: int = 0
    dry_run: bool = False


def import_file(
    service,
    path: Path,
    fmt: str = "auto",
    organisation: str | None = None,
    *,
    publish: bool = False,
    dry_run: bool = False,
    demo: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Validate a file and write its good rows in one transaction (none with dry_run)."""
    with collector_paused():
        fmt, raw_rows = importing.read_rows(path, fmt, organisation)
        return import_rows(
            service,
            fmt,
            raw_rows,
            publish=publish,
            dry_run=dry_run,
            demo=demo,
            on_progress=on_progress,
        )


def import_rows(
    service,
    fmt: str,
    raw_rows: list[importing.RawRow],
    *,
    publish: bool = False,
    dry_run: bool = False,
    demo: bool = False,
    on_progress: Callable[[int], None] | None = None,
) -> ImportResult:
    """Validate rows already read and write the good ones in one transaction."""
    with collector_paused():
        plan = importing.plan_import(fmt, raw_rows, service.gazetteer, on_progress)
        return write_plan(service, plan, publish=publish, dry_run=dry_run, demo=demo)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector for the block (an import and its rows).

    A collection walks every object still alive, and an import keeps hundreds of thousands
    of cells and rows alive: each pass costs more than the last, a third of the import in
    all. Rows hold no reference cycles, so nothing waits to be freed meanwhile.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def write_plan(
    service,
    plan: importing.ImportPlan,
    *,
    publish: bool = False,
    dry_run: bool = False,
    demo: bool = False,
    review: bool = False,
    organisation_id: int | None = None,
) -> ImportResult:
    """Give validated rows their district and nation, then write them unless dry_run."""
    result = ImportResult(plan=plan, dry_run=dry_run)
    if not plan.rows:
        return result
    found = service.areas.locate_many(
        [row["lat"] for row in plan.rows], [row["lon"] for row in plan.rows]
    )
    for row, area in zip(plan.rows, found, strict=True):
        row["area_code"] = area.code if area else None
        # No district within reach: nation_at would only search again, one point at a time.
        row["nation"] = area.nation if area else DEFAULT_NATION
    if dry_run:
        return result
    summary = service.store.premises.write_rows(
        plan.rows,
        publish=publish,
        demo=demo,
        confirmed=clock.today() if demo else None,
        review=review,
        organisation_id=organisation_id,
    )
    result.inserted, result.updated, result.unchanged = (
        summary.inserted,
        summary.updated,
        summary.unchanged,
    )
    return result
