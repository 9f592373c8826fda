"""Every GB full postcode's position (OS Code-Point Open), read on first use.

The shipped file holds 1.7 million postcodes as sorted keys with WGS84 positions in millionths of
a degree, stored as differences from the one before (scripts/build_postcodes.py writes it). A
postcode is found by binary search; a sector ("M4 3") is the run of keys that share it.
"""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np

FILE_NAME = "postcodes_gb_codepointopen.npz"
# Key characters in sort order: the space pads an outward code to four characters, so a district
# and each of its sectors are contiguous runs of keys.
_ALPHABET = " 0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_VALUE = {ch: i for i, ch in enumerate(_ALPHABET)}
_BASE = len(_ALPHABET)


def _key(chars: str) -> int:
    value = 0
    for ch in chars:
        value = value * _BASE + _VALUE[ch]
    return value


def pack(postcode: str) -> int:
    """Return the sort key of a full postcode written with or without spaces ("M4 3AQ")."""
    compact = "".join(postcode.split()).upper()
    return _key(compact[:-3].ljust(4) + compact[-3:])


class Postcodes:
    """Positions of full postcodes and the middle of postcode sectors."""

    def __init__(self, path: Path):
        self._path = path
        self._lock = threading.Lock()
        self._keys: np.ndarray | None = None
        self._lats: np.ndarray | None = None
        self._lons: np.ndarray | None = None

    @property
    def available(self) -> bool:
        """Return True when the postcode file is there to read."""
        return self._path.exists()

    def _arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._keys is None:
            with self._lock:
                if self._keys is None:
                    with np.load(self._path) as stored:
                        lats = np.cumsum(stored["lat_steps"], dtype=np.int32)
                        lons = np.cumsum(stored["lon_steps"], dtype=np.int32)
                        keys = np.cumsum(stored["key_steps"], dtype=np.int64)
                    self._lats, self._lons, self._keys = lats, lons, keys
        return self._keys, self._lats, self._lons

    def position(self, outcode: str, incode: str) -> tuple[float, float] | None:
        """Return (lat, lon) of a full postcode, or None when it has no known position."""
        if not self.available:
            return None
        keys, lats, lons = self._arrays()
        wanted = _key(outcode.upper().ljust(4) + incode.upper())
        at = int(np.searchsorted(keys, wanted))
        if at == len(keys) or keys[at] != wanted:
            return None
        return float(lats[at]) / 1e6, float(lons[at]) / 1e6

    def covers_area(self, area: str) -> bool:
        """Tell whether the file holds any postcode of a postcode area ("LS", "BT")."""
        if not self.available:
            return False
        keys = self._arrays()[0]
        # The area's letters and then a digit: "B" takes in B1 and B99, never BA or BT.
        low = np.searchsorted(keys, _key((area.upper() + "0").ljust(7)))
        high = np.searchsorted(keys, _key((area.upper() + "9").ljust(7, "Z")), side="right")
        return bool(high > low)

    def sector(self, outcode: str, digit: str) -> tuple[float, float, int] | None:
        """Return the middle of a postcode sector ("M4" and "3") and its count of postcodes."""
        if not self.available:
            return None
        keys, lats, lons = self._arrays()
        stem = outcode.upper().ljust(4) + digit
        low = np.searchsorted(keys, _key(stem + "  "))
        high = np.searchsorted(keys, _key(stem + "ZZ"), side="right")
        if high <= low:
            return None
        return float(lats[low:high].mean()) / 1e6, float(lons[low:high].mean()) / 1e6, high - low

    def __len__(self) -> int:
        return len(self._arrays()[0]) if self.available else 0
