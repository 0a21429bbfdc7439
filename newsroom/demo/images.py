"""Pictures for the demo site, drawn with Pillow so no photograph has to be shipped or licensed."""

from __future__ import annotations

import io
import math

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1600, 900


def _hex_to_rgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))  # type: ignore[return-value]


def _blend(a, b, t: float):
    return tuple(round(x + (y - x) * t) for x, y in zip(a, b, strict=True))


# Text alternatives of the drawn pictures, per language (the picture is shared by both pages).
MOTIF_ALT = {
    "waves": {
        "en": "Illustration: pale wavy lines across a blue gradient.",
        "ru": "Иллюстрация: светлые волнистые линии на синем градиенте.",
    },
    "grid": {
        "en": "Illustration: a fine grid of light lines over a coloured gradient.",
        "ru": "Иллюстрация: сетка тонких светлых линий на цветном градиенте.",
    },
    "circles": {
        "en": "Illustration: concentric circles on a coloured gradient.",
        "ru": "Иллюстрация: концентрические круги на цветном градиенте.",
    },
    "bars": {
        "en": "Illustration: light vertical bars of different heights, like a bar chart.",
        "ru": "Иллюстрация: светлые столбцы разной высоты, похожие на диаграмму.",
    },
    "skyline": {
        "en": "Illustration: the dark silhouette of a city skyline against a gradient sky.",
        "ru": "Иллюстрация: тёмный силуэт городских крыш на фоне градиентного неба.",
    },
}


def picture_alt(motif: str, language: str) -> str:
    """What a drawn picture shows, for readers who cannot see it."""
    return MOTIF_ALT.get(motif, MOTIF_ALT["skyline"])[language]


def draw_picture(colors: list[str], motif: str) -> bytes:
    """A JPEG with a diagonal gradient and a simple motif; deterministic for the same input."""
    start, end = (_hex_to_rgb(c) for c in colors[:2])
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    for y in range(HEIGHT):
        draw.line([(0, y), (WIDTH, y)], fill=_blend(start, end, y / HEIGHT))
    light = _blend(end, (255, 255, 255), 0.55)
    dark = _blend(start, (0, 0, 0), 0.35)
    if motif == "waves":
        for row in range(6):
            base = 420 + row * 80
            points = [(x, base + 30 * math.sin(x / 110 + row)) for x in range(0, WIDTH + 20, 20)]
            draw.line(points, fill=light, width=6)
    elif motif == "grid":
        for x in range(0, WIDTH, 120):
            draw.line([(x, 0), (x, HEIGHT)], fill=light, width=2)
        for y in range(0, HEIGHT, 120):
            draw.line([(0, y), (WIDTH, y)], fill=light, width=2)
    elif motif == "circles":
        for i in range(7):
            r = 90 + i * 55
            draw.ellipse([1100 - r, 450 - r, 1100 + r, 450 + r], outline=light, width=5)
    elif motif == "bars":
        for i in range(12):
            h = 150 + (i * 97) % 520
            draw.rectangle([120 + i * 115, HEIGHT - h, 200 + i * 115, HEIGHT], fill=light)
    else:  # skyline
        x = 0
        i = 0
        while x < WIDTH:
            w = 80 + (i * 53) % 120
            h = 200 + (i * 131) % 420
            draw.rectangle([x, HEIGHT - h, x + w, HEIGHT], fill=dark)
            x += w + 12
            i += 1
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85, optimize=True)
    return buffer.getvalue()


PORTRAIT_COLOURS = ["#264653", "#2a9d8f", "#6d597a", "#8d5524", "#355070", "#7f5539"]


def draw_portrait(name: str, index: int) -> bytes:
    """A square placeholder portrait: the person's initials on a plain colour (no real face)."""
    size = 400
    image = Image.new("RGB", (size, size), PORTRAIT_COLOURS[index % len(PORTRAIT_COLOURS)])
    draw = ImageDraw.Draw(image)
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    try:
        font = ImageFont.truetype("DejaVuSans-Bold.ttf", 160)
    except OSError:
        font = ImageFont.load_default()
    box = draw.textbbox((0, 0), initials, font=font)
    x = (size - (box[2] - box[0])) / 2 - box[0]
    y = (size - (box[3] - box[1])) / 2 - box[1]
    draw.text((x, y), initials, font=font, fill="white")
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return buffer.getvalue()
