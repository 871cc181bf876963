"""Draw fieldapp.ico (the program, its shortcuts and the installer): a white shield with 安 on blue.

    python packaging/windows/make_icon.py    # rewrites packaging/windows/fieldapp.ico

The glyph comes from the shipped font (resources/fonts/FieldappMing.ttf), so the result is the same everywhere.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

HERE = Path(__file__).resolve().parent
FONT = HERE.parents[1] / "resources" / "fonts" / "FieldappMing.ttf"
SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)


def draw(size: int = 1024) -> Image.Image:
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(image)
    s = size / 256
    d.rounded_rectangle((8 * s, 8 * s, 248 * s, 248 * s), radius=44 * s, fill=(21, 101, 192, 255))
    shield = [(128 * s, 28 * s), (212 * s, 58 * s), (206 * s, 150 * s), (128 * s, 230 * s), (50 * s, 150 * s),
              (44 * s, 58 * s)]
    d.polygon(shield, fill=(255, 255, 255, 255))
    font = ImageFont.truetype(str(FONT), int(120 * s))
    d.text((128 * s, 122 * s), "安", font=font, fill=(21, 101, 192, 255), anchor="mm",
           stroke_width=int(3 * s), stroke_fill=(21, 101, 192, 255))
    return image


def main() -> None:
    big = draw()
    out = HERE / "fieldapp.ico"
    big.resize((256, 256), Image.Resampling.LANCZOS).save(out, sizes=[(n, n) for n in SIZES])
    print(f"wrote {out} ({out.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
