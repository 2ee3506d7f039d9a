"""Draw the app's Marketplace icons (assets/logo.png 320x320, logo-small.png 128x128).

Pure Python (zlib + struct) so it runs without Pillow; run once and commit the PNGs:
    python scripts/make_app_logos.py manifest/assets
"""

from __future__ import annotations

import struct
import sys
import zlib
from pathlib import Path

TEAL = (18, 110, 130, 255)
WHITE = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def png(width: int, height: int, pixels: list[list[tuple[int, int, int, int]]]) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)  # 8-bit RGBA (PNG-24 + alpha)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw, 9))
        + chunk(b"IEND", b"")
    )


def icon(size: int, background: tuple[int, int, int, int]) -> bytes:
    """A speech bubble with three dots: someone is drafting a reply."""
    s = size / 320
    cx, cy, rx, ry = 160 * s, 150 * s, 110 * s, 80 * s
    dots = [(cx + dx * s, cy, 14 * s) for dx in (-45, 0, 45)]
    rows = []
    for y in range(size):
        row = []
        for x in range(size):
            px, py = x + 0.5, y + 0.5
            in_bubble = ((px - cx) / rx) ** 2 + ((py - cy) / ry) ** 2 <= 1
            # tail: triangle below-left of the bubble
            ty = (py - 200 * s) / (60 * s)
            in_tail = 0 <= ty <= 1 and 95 * s <= px <= 95 * s + 50 * s * (1 - ty)
            in_dot = any((px - dx) ** 2 + (py - dy) ** 2 <= r * r for dx, dy, r in dots)
            if in_dot:
                row.append(background if background != CLEAR else WHITE)
            elif in_bubble or in_tail:
                row.append(WHITE if background != CLEAR else TEAL)
            else:
                row.append(background)
        rows.append(row)
    return png(size, size, rows)


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "logo.png").write_bytes(icon(320, TEAL))  # square corners: Zendesk rounds them
    (out / "logo-small.png").write_bytes(icon(128, CLEAR))  # transparent background


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "manifest/assets"))
