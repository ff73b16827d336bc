"""Draw VisitDesk's icon: one geometry, written as SVG and drawn with Pillow as PNGs and .ico.

Run `python packaging/make_icons.py` after changing the drawing; the results are committed under
resources/icons/ so that a build never depends on a drawing library being present.

The icon is a programme card (a white sheet with a dark header band, lines of an itinerary)
sealed with a gold rosette: an official document about a visit. It stays readable at 16 px
because the parts are few and large.
"""

# ruff: noqa: E501  (the SVG template keeps one element a line)
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZE = 256  # design units; every shape below is in this grid
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
NAVY, PAPER, INK, GOLD, GOLD_DARK = "#1f3a5f", "#ffffff", "#9aa9bb", "#d4a62a", "#9c7412"

BACKGROUND = (8, 8, 248, 248, 44)  # x0, y0, x1, y1, corner radius
SHEET = (52, 36, 204, 220, 10)
BAND = (52, 36, 204, 82)
LINES = [(74, y, 182 - (28 if i % 2 else 0), y + 12) for i, y in enumerate((102, 128, 154))]
SEAL = (176, 182, 40)  # centre x, centre y, radius
SEAL_RING = 27


# Long lines: the SVG is kept one element a line so that it reads like the drawing below.
def svg() -> str:
    x0, y0, x1, y1, r = BACKGROUND
    sx0, sy0, sx1, sy1, sr = SHEET
    bx0, by0, bx1, by1 = BAND
    cx, cy, cr = SEAL
    lines = "\n".join(
        f'  <rect x="{a}" y="{b}" width="{c - a}" height="{d - b}" rx="6" fill="{INK}"/>'
        for a, b, c, d in LINES
    )
    return f"""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}" width="{SIZE}" height="{SIZE}">
  <title>VisitDesk</title>
  <rect x="{x0}" y="{y0}" width="{x1 - x0}" height="{y1 - y0}" rx="{r}" fill="{NAVY}"/>
  <rect x="{sx0}" y="{sy0}" width="{sx1 - sx0}" height="{sy1 - sy0}" rx="{sr}" fill="{PAPER}"/>
  <path d="M{bx0} {by1} V{by0 + sr} Q{bx0} {by0} {bx0 + sr} {by0} H{bx1 - sr} Q{bx1} {by0} {bx1} {by0 + sr} V{by1} Z" fill="{NAVY}" opacity="0.85"/>
{lines}
  <circle cx="{cx}" cy="{cy}" r="{cr}" fill="{GOLD}" stroke="{NAVY}" stroke-width="6"/>
  <circle cx="{cx}" cy="{cy}" r="{SEAL_RING - 8}" fill="none" stroke="{GOLD_DARK}" stroke-width="5"/>
</svg>
"""


def draw(pixels: int) -> Image.Image:
    """Drawn at 4× and scaled down, so edges are smooth at every size."""
    big = pixels * 4
    k = big / SIZE
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)

    def box(*xy: float) -> list[float]:
        return [v * k for v in xy]

    x0, y0, x1, y1, r = BACKGROUND
    pen.rounded_rectangle(box(x0, y0, x1, y1), radius=r * k, fill=NAVY)
    sx0, sy0, sx1, sy1, sr = SHEET
    pen.rounded_rectangle(box(sx0, sy0, sx1, sy1), radius=sr * k, fill=PAPER)
    bx0, by0, bx1, by1 = BAND
    band_colour = "#41587a"  # NAVY at 85 % over white, as in the SVG
    pen.rounded_rectangle(box(bx0, by0, bx1, by1), radius=sr * k, fill=band_colour)
    pen.rectangle(box(bx0, by1 - sr, bx1, by1), fill=band_colour)
    for a, b, c, d in LINES:
        pen.rounded_rectangle(box(a, b, c, d), radius=6 * k, fill=INK)
    cx, cy, cr = SEAL
    pen.ellipse(
        box(cx - cr, cy - cr, cx + cr, cy + cr), fill=GOLD, outline=NAVY, width=round(6 * k)
    )
    ring = SEAL_RING - 8
    pen.ellipse(
        box(cx - ring, cy - ring, cx + ring, cy + ring), outline=GOLD_DARK, width=round(5 * k)
    )
    return image.resize((pixels, pixels), Image.Resampling.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "visitdesk.svg").write_text(svg(), encoding="utf-8")
    images = {size: draw(size) for size in PNG_SIZES}
    for size, image in images.items():
        image.save(OUT / f"visitdesk-{size}.png", optimize=True)
    # Windows picks the size it needs from the .ico: Explorer, taskbar, Start menu.
    ico_sizes = [(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    images[256].save(OUT / "visitdesk.ico", sizes=ico_sizes)
    print(f"Wrote visitdesk.svg, {len(images)} PNGs and visitdesk.ico to {OUT}")


if __name__ == "__main__":
    main()
