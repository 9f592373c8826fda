"""Map tiles fetched server-side and kept in a size-capped disk cache.

Browsers ask our own site for tiles, so no tile server learns which area someone looks at.
The upstream request is ours alone: an identifying User-Agent (as the OpenStreetMap tile
usage policy asks) and nothing of the visitor's, not even their address.
"""

from __future__ import annotations

import contextlib
import http.client
import logging
import os
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from locator.domain.errors import LocatorError

MAX_ZOOM = 19
UPSTREAM_TIMEOUT_S = 5.0
# Tiles change slowly; after a week a cached tile is fetched again (and kept if that fails).
REFRESH_AFTER_S = 7 * 24 * 3600
BROWSER_MAX_AGE_S = 7 * 24 * 3600
# A 256-pixel PNG is tens of kilobytes; anything far larger is not a tile.
MAX_TILE_BYTES = 1024 * 1024
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
USER_AGENT = "SafeSpacesLocator/1.0"
# After eviction the cache is this share of its cap, so the next writes do not evict again.
EVICT_TO = 0.9
# Other workers write to the same folder unseen; count the folder again after this many writes.
RECOUNT_EVERY_WRITES = 256
# Access times of cache hits are written at most this often, to spare the disk.
TOUCH_AFTER_S = 60
STALE_TEMPORARY_S = 3600

log = logging.getLogger(__name__)

Fetch = Callable[[str, Mapping[str, str], float], bytes]


class TileNotFound(LocatorError):
    """A zoom or tile number outside the map."""

    code = "not_found"
    status = 404


class TileUnavailable(LocatorError):
    """The upstream tile server failed or answered something that is not a tile."""

    code = "tile_unavailable"
    status = 502


class TileTimeout(TileUnavailable):
    """The upstream tile server did not answer in time."""

    code = "tile_timeout"
    status = 504


UNAVAILABLE = "The map background could not be loaded just now; the list and markers still work."


def user_agent(contact: str) -> str:
    """Return the User-Agent naming this service and, when known, where to reach its operator."""
    return f"{USER_AGENT} (+{contact})" if contact else USER_AGENT


def check_tile_address(z: int, x: int, y: int) -> None:
    """Raise TileNotFound unless z is 0..19 and x and y are 0..2^z-1."""
    if not 0 <= z <= MAX_ZOOM:
        raise TileNotFound(f"There is no map at zoom {z}; zoom goes from 0 to {MAX_ZOOM}.")
    if not (0 <= x < 2**z and 0 <= y < 2**z):
        raise TileNotFound(f"There is no map tile {x}/{y} at zoom {z}.")


def fetch_url(url: str, headers: Mapping[str, str], timeout_s: float) -> bytes:
    """GET `url` with exactly `headers`; return the body or raise TileUnavailable/TileTimeout."""
    if not url.startswith(("https://", "http://")):
        raise TileUnavailable("The tile server address must start with https:// or http://.")
    request = urllib.request.Request(url, headers=dict(headers))  # noqa: S310 - checked above
    deadline = time.monotonic() + timeout_s
    try:
        with urllib.request.urlopen(request, timeout=timeout_s) as response:  # noqa: S310
            body = bytearray()
            # The socket timeout bounds each read; the deadline bounds a slow trickle.
            while chunk := response.read(64 * 1024):
                body += chunk
                if len(body) > MAX_TILE_BYTES:
                    raise TileUnavailable(UNAVAILABLE)
                if time.monotonic() > deadline:
                    raise TileTimeout(UNAVAILABLE)
    except urllib.error.HTTPError as error:
        log.warning("The tile server answered HTTP %s", error.code)
        raise TileUnavailable(UNAVAILABLE) from None
    except urllib.error.URLError as error:
        log.warning("The tile server could not be reached: %s", error.reason)
        if isinstance(error.reason, TimeoutError):
            raise TileTimeout(UNAVAILABLE) from None
        raise TileUnavailable(UNAVAILABLE) from None
    except TimeoutError:
        log.warning("The tile server did not answer within %s s", timeout_s)
        raise TileTimeout(UNAVAILABLE) from None
    except (OSError, http.client.HTTPException, ValueError) as error:
        # The type only: some messages quote the URL, and a tile's URL says where someone looks.
        log.warning("The tile server could not be reached: %s", type(error).__name__)
        raise TileUnavailable(UNAVAILABLE) from None
    return bytes(body)


@dataclass
class TileCache:
    """Tiles from one upstream URL template, cached under `folder` up to `max_bytes`."""

    upstream: str  # e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png
    folder: Path
    max_bytes: int
    user_agent: str = USER_AGENT
    timeout_s: float = UPSTREAM_TIMEOUT_S
    fetch: Fetch = fetch_url
    _counted_bytes: int | None = field(default=None, init=False, repr=False)
    _writes_since_count: int = field(default=0, init=False, repr=False)
    _eviction: threading.Lock = field(default_factory=threading.Lock, init=False, repr=False)

    def tile(self, z: int, x: int, y: int) -> bytes:
        """Return the PNG of one tile: from the cache while fresh, else from the upstream."""
        check_tile_address(z, x, y)
        path = self.folder / str(z) / str(x) / f"{y}.png"
        cached, fetched_at = self._read(path)
        if cached is not None and time.time() - fetched_at < REFRESH_AFTER_S:
            return cached
        try:
            png = self._fetch(z, x, y)
        except TileUnavailable:
            if cached is not None:
                return cached  # an old tile is better than a blank map
            raise
        self._write(path, png)
        return png

    def _fetch(self, z: int, x: int, y: int) -> bytes:
        url = self.upstream.replace("{z}", str(z)).replace("{x}", str(x)).replace("{y}", str(y))
        # Only these headers leave: nothing of the visitor's request is passed on.
        png = self.fetch(
            url, {"User-Agent": self.user_agent, "Accept": "image/png"}, self.timeout_s
        )
        if not png.startswith(PNG_SIGNATURE):
            log.warning("The tile server answered something that is not a PNG")
            raise TileUnavailable(UNAVAILABLE)
        return png

    def _read(self, path: Path) -> tuple[bytes | None, float]:
        """Return (the cached tile, when it was fetched), marking it used; (None, 0) if absent."""
        try:
            status = path.stat()
            png = path.read_bytes()
        except OSError:  # never cached, evicted by another worker just now, or unreadable
            return None, 0.0
        now = time.time()
        if now - status.st_atime > TOUCH_AFTER_S:
            # The access time says when a tile was last used (eviction order); the
            # modification time stays when it was fetched. Mounts with noatime are covered.
            with contextlib.suppress(FileNotFoundError):
                os.utime(path, (now, status.st_mtime))
        return png, status.st_mtime

    def _write(self, path: Path, png: bytes) -> None:
        """Store a tile atomically (temporary file, then rename), then keep under the cap."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(
                dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
            )
            try:
                with os.fdopen(descriptor, "wb") as handle:
                    handle.write(png)
                os.replace(temporary, path)
            except BaseException:
                Path(temporary).unlink(missing_ok=True)
                raise
        except OSError as error:
            # A full or read-only disk costs the cache, not the visitor's map.
            log.warning("A map tile could not be cached in %s: %s", self.folder, error)
            return
        self._after_write(len(png))

    def _after_write(self, size: int) -> None:
        self._writes_since_count += 1
        if self._counted_bytes is not None:
            self._counted_bytes += size
        if (
            self._counted_bytes is None
            or self._counted_bytes > self.max_bytes
            or self._writes_since_count >= RECOUNT_EVERY_WRITES
        ):
            self.evict()

    def evict(self) -> None:
        """Delete the least recently used tiles until the cache is within its cap."""
        if not self._eviction.acquire(blocking=False):
            return  # another thread of this worker is already at it
        try:
            tiles, total, now = [], 0, time.time()
            for path in self.folder.rglob("*"):
                if path.suffix not in (".png", ".tmp"):
                    continue
                try:
                    status = path.stat()
                except FileNotFoundError:
                    continue
                if path.suffix == ".tmp":
                    # Left by a worker that died mid-write; a live write takes milliseconds.
                    if now - status.st_mtime > STALE_TEMPORARY_S:
                        path.unlink(missing_ok=True)
                    continue
                tiles.append((status.st_atime, status.st_size, path))
                total += status.st_size
            if total > self.max_bytes:
                target = self.max_bytes * EVICT_TO
                for _used, size, path in sorted(tiles, key=lambda tile: tile[0]):
                    if total <= target:
                        break
                    path.unlink(missing_ok=True)
                    total -= size
            self._counted_bytes, self._writes_since_count = total, 0
        finally:
            self._eviction.release()
