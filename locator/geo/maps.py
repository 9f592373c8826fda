"""Map rendering: the one module that imports folium.

Folium writes the Leaflet map; the page supplies Leaflet and the marker-cluster plugin from
local files (pip packages), and markers for the visible area come from the API.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

DATA_ATTRIBUTION = (
    "Data: ONS, OS and Royal Mail incl. Code-Point Open (OGL v3); DfT NaPTAN (OGL v3); "
    "NHSBSA (OGL v3); GeoNames (CC BY 4.0); © OpenStreetMap contributors (ODbL)"
)


@dataclass(frozen=True)
class MapParts:
    """The pieces of a folium map to place in a page: asset links, the element and its script."""

    assets: list[tuple[str, str]]  # ("script" | "style", url) in load order
    element: str  # the map's <div>
    script: str  # JavaScript that creates the map; the page wraps it in a nonce'd <script>
    variable: str  # the global name of the Leaflet map
    cluster_variable: str | None


def map_parts(
    centre: tuple[float, float],
    zoom: int,
    tile_url: str,
    tile_attribution: str,
    asset: Callable[[str], str],
    cluster: bool = True,
    marker: tuple[float, float] | None = None,
    layers: Sequence[tuple[dict, dict]] = (),
) -> MapParts:
    """Build a map centred on a point; tiles only when a tile URL is configured."""
    # Imported here, not at the top: folium (and the pandas it pulls in) costs a second at
    # start-up, which every CLI command and worker would pay without ever drawing a map.
    import folium
    from folium.plugins import MarkerCluster

    figure_map = folium.Map(
        location=list(centre), zoom_start=zoom, tiles=None, control_scale=True, max_zoom=19
    )
    # The cluster plugin walks every zoom level up to the map's maximum: without a tile layer
    # Leaflet has none, so set it on the map itself.
    figure_map.options["maxZoom"] = 19
    figure_map.options["minZoom"] = 5
    # The page's own script finds the map and its cluster layer by the names returned below.
    figure_map.default_js = [("leaflet", asset("leaflet/leaflet.js"))]
    figure_map.default_css = [("leaflet_css", asset("leaflet/leaflet.css"))]
    attribution = DATA_ATTRIBUTION
    if tile_url:
        attribution = f"{tile_attribution} | {DATA_ATTRIBUTION}"
        folium.TileLayer(tiles=tile_url, attr=attribution, max_zoom=19).add_to(figure_map)
    cluster_variable = None
    if cluster:
        layer = MarkerCluster(options={"showCoverageOnHover": False, "maxClusterRadius": 50})
        layer.default_js = [("markercluster", asset("markercluster/leaflet.markercluster.js"))]
        layer.default_css = [
            ("markercluster_css", asset("markercluster/MarkerCluster.css")),
            ("markercluster_default_css", asset("markercluster/MarkerCluster.Default.css")),
        ]
        layer.add_to(figure_map)
        cluster_variable = layer.get_name()
    if marker is not None:
        # A fixed label: business text never goes into folium's inline script.
        folium.Marker(list(marker), alt="The safe space", title="The safe space").add_to(figure_map)
    for geojson, style in layers:
        # Shapes with a fixed style only: no popups or tooltips, so no business text in the script.
        folium.GeoJson(
            geojson, style_function=lambda _feature, style=style: style, interactive=False
        ).add_to(figure_map)
    root = figure_map.get_root()
    root.render()
    # The assets are the ones set above, from our own static files, in load order.
    parts = [figure_map, layer] if cluster else [figure_map]
    assets = [("style", url) for part in parts for _, url in part.default_css]
    assets += [("script", url) for part in parts for _, url in part.default_js]
    script = root.script.render()
    if not tile_url:
        # Without tiles the attribution control still names the data sources.
        script += (
            f"\n{figure_map.get_name()}.attributionControl.addAttribution("
            f"{_js_string(DATA_ATTRIBUTION)});\n"
        )
    return MapParts(
        assets=assets,
        element=root.html.render(),
        script=script,
        variable=figure_map.get_name(),
        cluster_variable=cluster_variable,
    )


def _js_string(text: str) -> str:
    return json.dumps(text).replace("<", "\\u003c")
