"""Draw the app's home-screen icons: a white map pin on the green of an open safe space.

Writes to locator/web/static/ (the web app manifest, locator/web/offline.py, lists them):
icon-192.png and icon-512.png (a rounded square on transparency), icon-maskable-192.png and
icon-maskable-512.png (full bleed, the pin inside the central safe circle that Android's masks
keep), and apple-touch-icon.png (180 px, full bleed: iOS rounds its own corners). The files are
committed; run again after changing the drawing:

    .venv/bin/python scripts/make_icons.py
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

STATIC = Path(__file__).resolve().parents[1] / "locator" / "web" / "static"
# site.css's --open: the colour of "open now" on every page.
GREEN = (11, 107, 58, 255)
WHITE = (255, 255, 255, 255)
# Drawn this many times larger, then reduced: smooth edges without an anti-aliasing library.
OVERSAMPLE = 4
# (file, size in px, full bleed, the pin's height as a share of the icon)
ICONS = (
    ("icon-192.png", 192, False, 0.66),
    ("icon-512.png", 512, False, 0.66),
    ("icon-maskable-192.png", 192, True, 0.5),
    ("icon-maskable-512.png", 512, True, 0.5),
    ("apple-touch-icon.png", 180, True, 0.6),
)


def pin(draw: ImageDraw.ImageDraw, size: int, height_share: float) -> None:
    """Draw a map pin centred in a square of `size`, `height_share` of it tall."""
    height = size * height_share
    radius = height * 0.34
    centre_x = size / 2
    top = (size - height) / 2
    centre_y = top + radius
    tip_y = top + height
    # The pin's sides are the tangents from its tip to the round head.
    distance = tip_y - centre_y
    angle = math.asin(radius / distance)
    reach = math.sqrt(distance**2 - radius**2)
    left = (centre_x - reach * math.sin(angle), tip_y - reach * math.cos(angle))
    right = (centre_x + reach * math.sin(angle), tip_y - reach * math.cos(angle))
    draw.polygon([left, (centre_x, tip_y), right], fill=WHITE)
    draw.ellipse(
        [centre_x - radius, centre_y - radius, centre_x + radius, centre_y + radius], fill=WHITE
    )
    hole = radius * 0.42
    draw.ellipse([centre_x - hole, centre_y - hole, centre_x + hole, centre_y + hole], fill=GREEN)


def icon(size: int, full_bleed: bool, height_share: float) -> Image.Image:
    """Return one icon: the green ground (square or rounded) with the pin on it."""
    big = size * OVERSAMPLE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if full_bleed:
        draw.rectangle([0, 0, big, big], fill=GREEN)
    else:
        draw.rounded_rectangle([0, 0, big - 1, big - 1], radius=big * 0.18, fill=GREEN)
    pin(draw, big, height_share)
    image = image.resize((size, size), Image.Resampling.LANCZOS)
    return image.convert("RGB") if full_bleed else image


def main() -> None:
    """Write every icon into the static folder."""
    for name, size, full_bleed, height_share in ICONS:
        path = STATIC / name
        icon(size, full_bleed, height_share).save(path, optimize=True)
        print(f"{path.relative_to(STATIC.parents[2])}: {size}x{size}, {path.stat().st_size} bytes")


if __name__ == "__main__":
    main()
