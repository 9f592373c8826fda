"""Importing premises: rows read and checked, placed in their district and nation, then written.

`service` is the application's Locator: its store, gazetteer and areas.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import threading
import traceback
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

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


def import_source(
    service,
    source: importing.RowSource,
    *,
    publish: bool = False,
    dry_run: bool = False,
    on_progress: Callable[[int], None] | None = None,
    parallel: bool | None = None,
    chunk_rows: int = importing.CHUNK_ROWS,
) -> ImportResult:
    """Validate a file's rows a chunk at a time and write the good ones in one transaction.

    The same outcome as import_rows, in the memory of a few chunks: the plan counts the good
    rows instead of keeping them. A file found unreadable part-way writes nothing. With
    `parallel` (by default when a CSV is large and two processors are free) the rows are read
    and checked in a forked process while this one places and writes those checked.
    """
    plan = importing.ImportPlan(format=source.format)
    result = ImportResult(plan=plan, dry_run=dry_run)
    if parallel is None:
        # Rows already read whole would be shared with the fork, and copied page by page as
        # both processes counted references to them: only a file read as it goes is forked.
        parallel = source.streamed and source.total >= PARALLEL_MIN_ROWS and _can_fork()
    checking = _checked_in_child if parallel else _checked_here
    # Two imports at once would each read what the other is writing: the second is refused.
    writing = nullcontext() if dry_run else service.store.exclusive("import")
    with writing, collector_paused(), checking(service, source, plan, chunk_rows) as checked:
        batches = _located(service, checked, on_progress)
        if dry_run:
            for _ in batches:
                pass
            return result
        summary = service.store.premises.write_batches(batches, publish=publish)
    result.inserted, result.updated, result.unchanged = (
        summary.inserted,
        summary.updated,
        summary.unchanged,
    )
    return result


# Fewer rows than this are checked in this process: a fork would save less than it costs.
PARALLEL_MIN_ROWS = 20_000


def _can_fork() -> bool:
    """Tell whether a forked process could check rows on a processor of its own."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return False  # forking a process with threads can leave a lock held in the child
    try:
        processors = len(os.sched_getaffinity(0))
    except AttributeError:
        processors = os.cpu_count() or 1
    return processors >= 2


# A checked row is its INSERT_FIELDS but the district and nation, added once it is located.
_LAT, _LON = importing.ROW_FIELDS.index("lat"), importing.ROW_FIELDS.index("lon")


def _located(
    service, checked: Iterator[tuple[int, list[tuple]]], on_progress: Callable[[int], None] | None
) -> Iterator[list[tuple]]:
    """Give each chunk's rows their district and nation (the last two INSERT_FIELDS)."""
    for read, rows in checked:
        if rows:
            found = service.areas.locate_many(
                [row[_LAT] for row in rows], [row[_LON] for row in rows]
            )
            # No district within reach: nation_at would only search again, one at a time.
            rows = [  # noqa: PLW2901 - the same rows, placed
                (*row, area.code, area.nation) if area else (*row, None, DEFAULT_NATION)
                for row, area in zip(rows, found, strict=True)
            ]
        yield rows
        if on_progress:
            on_progress(read)


@contextmanager
def _checked_here(
    service, source: importing.RowSource, plan: importing.ImportPlan, chunk_rows: int
) -> Iterator[Iterator[tuple[int, list[tuple]]]]:
    """Give (rows read, good rows) for each chunk, checked in this process."""
    with closing(importing.RowChecker(plan, service.gazetteer)) as checker:
        yield ((len(chunk), checker.check(chunk)) for chunk in source.chunks(chunk_rows))


@contextmanager
def _checked_in_child(
    service, source: importing.RowSource, plan: importing.ImportPlan, chunk_rows: int
) -> Iterator[Iterator[tuple[int, list[tuple]]]]:
    """Give (rows read, good rows) for each chunk, checked in a forked process in file order.

    The fork comes before any row is read or the write's transaction begins: the processes
    share no rows (whose pages both would copy as they counted references) and no open
    transaction. The child sends each chunk's outcome through a pipe, which holds little, so
    it is never more than a chunk or two ahead of the writing.
    """
    read_end, write_end = os.pipe()
    try:
        pid = os.fork()
    except OSError:
        os.close(read_end)
        os.close(write_end)
        raise
    if pid == 0:  # pragma: no cover - the child process; its outcome is checked in the parent
        os.close(read_end)
        _check_for_parent(service, source, chunk_rows, write_end)
    os.close(write_end)
    incoming = open(read_end, "rb")  # noqa: SIM115 - closed below, before the child is reaped
    try:
        yield _received(incoming, plan)
    except BaseException:
        os.kill(pid, signal.SIGKILL)
        raise
    finally:
        incoming.close()  # a child still sending stops at its next write
        os.waitpid(pid, 0)


def _received(incoming, plan: importing.ImportPlan) -> Iterator[tuple[int, list[tuple]]]:
    """Yield each chunk's outcome from the checking process, adding its bad rows to the plan."""
    while True:
        try:
            message = pickle.load(incoming)  # noqa: S301 - from our own child, by a pipe
        except EOFError:
            raise RuntimeError("The process checking the rows ended before the file did.") from None
        if message is None:
            return
        if isinstance(message, BaseException):
            raise message
        read, rows, rejected, approximate, warnings = message
        plan.read += read
        plan.accepted += len(rows)
        plan.rejected += rejected
        plan.approximate += approximate
        plan.warnings += warnings
        yield read, rows


def _check_for_parent(
    service, source: importing.RowSource, chunk_rows: int, fd: int
) -> NoReturn:  # pragma: no cover - runs in the forked process
    """Check every chunk and send each outcome to the parent, then end this process."""
    status = 1
    engine = service.store.engine
    # The parent's pooled connections are left untouched (closing one would end it for the
    # parent too): their pool stays referenced until this process ends, and a new pool serves
    # any lookup made here.
    _PARENTS_POOLS.append(engine.pool)
    try:
        engine.dispose(close=False)
        plan = importing.ImportPlan(format=source.format)
        checker = importing.RowChecker(plan, service.gazetteer)
        with open(fd, "wb") as out:
            try:
                for chunk in source.chunks(chunk_rows):
                    rows = checker.check(chunk)
                    message = (len(chunk), rows, plan.rejected, plan.approximate, plan.warnings)
                    plan.rejected, plan.approximate, plan.warnings = [], [], []
                    pickle.dump(message, out, pickle.HIGHEST_PROTOCOL)
                    out.flush()  # the parent writes this chunk while the next is checked
                message = None
            except Exception as exc:  # raised again in the parent
                message = _sendable(exc)
            pickle.dump(message, out, pickle.HIGHEST_PROTOCOL)
        status = 0
    finally:
        if engine.pool is not _PARENTS_POOLS[-1]:
            engine.dispose()  # this process's own connections
        os._exit(status)  # no exit handlers: they belong to the parent's process


_PARENTS_POOLS: list = []


def _sendable(error: Exception) -> Exception:
    """Return an error as it can cross to the parent: itself, or its description."""
    try:
        pickle.loads(pickle.dumps(error))  # noqa: S301 - our own bytes
    except Exception:  # any error that cannot be pickled
        return RuntimeError("".join(traceback.format_exception(error)))
    return error


def locate(service, rows: list[dict]) -> None:
    """Give validated rows the district and nation their position is in."""
    if not rows:
        return
    found = service.areas.locate_many([row["lat"] for row in rows], [row["lon"] for row in rows])
    for row, area in zip(rows, found, strict=True):
        row["area_code"] = area.code if area else None
        # No district within reach: nation_at would only search again, one point at a time.
        row["nation"] = area.nation if area else DEFAULT_NATION


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
    locate(service, plan.rows)
    if dry_run:
        return result
    with service.store.exclusive("import"):
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
