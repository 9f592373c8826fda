"""British National Grid (EPSG:27700) eastings and northings to WGS84, with OS's OSTN15 transform.

convertbng applies OSTN15 itself (a few centimetres from OS's published positions); PROJ without
its downloadable grid falls back to a Helmert shift that is 2-5 m out across Great Britain.
"""

from __future__ import annotations

import numpy as np


def to_wgs84(eastings, northings) -> tuple[np.ndarray, np.ndarray]:
    """Return (lats, lons) for eastings and northings in metres; NaN where OSTN15 has no answer."""
    from convertbng.cutil import convert_lonlat

    lons, lats = convert_lonlat(
        np.ascontiguousarray(eastings, dtype=np.float64),
        np.ascontiguousarray(northings, dtype=np.float64),
    )
    lats, lons = np.asarray(lats, dtype=np.float64), np.asarray(lons, dtype=np.float64)
    # Off the grid (out at sea, or not eastings at all) comes back as NaN or as 0, 0.
    lost = (lats == 0) & (lons == 0)
    lats[lost] = np.nan
    lons[lost] = np.nan
    return lats, lons


def from_wgs84(lats, lons) -> tuple[np.ndarray, np.ndarray]:
    """Return (eastings, northings) in metres for WGS84 positions; NaN off the OSTN15 grid."""
    from convertbng.cutil import convert_bng

    eastings, northings = convert_bng(
        np.ascontiguousarray(lons, dtype=np.float64),
        np.ascontiguousarray(lats, dtype=np.float64),
    )
    eastings = np.asarray(eastings, dtype=np.float64)
    northings = np.asarray(northings, dtype=np.float64)
    lost = (eastings == 0) & (northings == 0)
    eastings[lost] = np.nan
    northings[lost] = np.nan
    return eastings, northings
