"""The app as bench_load.py serves it in gunicorn, plus the static JSON route it is measured by.

The route goes through everything the app's own routes do (limits, compression, security
headers), so the ratio of the two measures what the search itself costs.
"""

from __future__ import annotations

from flask import jsonify

from locator import create_app

# About 2 KB of JSON, shaped like a small FeatureCollection.
STATIC_DOCUMENT = {
    "type": "FeatureCollection",
    "features": [
        {"type": "Feature", "id": i, "properties": {"name": f"Place {i}", "text": "x" * 140}}
        for i in range(10)
    ],
}

app = create_app()


@app.get("/bench/static.json")
def static_json():
    """Return the same ~2 KB of JSON every time."""
    return jsonify(STATIC_DOCUMENT)
