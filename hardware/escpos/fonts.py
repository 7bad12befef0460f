"""Where the monospace font for rendered text comes from.

Text a printer's code pages cannot carry is drawn with Pillow; DejaVu Sans Mono has Cyrillic, «»,
№ and €, and an advance that matches a printer's own 12x24 font. We look in the Debian package
(fonts-dejavu-core) and in matplotlib's copy, then for Liberation Mono (fonts-liberation), which
has the same glyphs; `HARDWARE_FONT_DIR` points elsewhere.
"""

from __future__ import annotations

import functools
import os
from pathlib import Path

from PIL import ImageFont

from hardware.errors import DeviceError

_CANDIDATE_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/TTF",
    "/usr/local/share/fonts",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/liberation",
)
# Faces with the glyphs receipts need, best first: (regular, bold).
_FACES = (("DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf"), ("LiberationMono-Regular.ttf", "LiberationMono-Bold.ttf"))


def _search_dirs() -> list[Path]:
    dirs = [Path(p) for p in _CANDIDATE_DIRS]
    if os.environ.get("HARDWARE_FONT_DIR"):
        dirs.insert(0, Path(os.environ["HARDWARE_FONT_DIR"]))
    try:
        import matplotlib

        dirs.append(Path(matplotlib.get_data_path()) / "fonts" / "ttf")
    except ImportError:
        pass
    return dirs


@functools.cache
def font_path(bold: bool = False) -> Path:
    # The folder HARDWARE_FONT_DIR names wins with whichever face it holds; elsewhere DejaVu first.
    chosen = os.environ.get("HARDWARE_FONT_DIR")
    for folders in ([Path(chosen)] if chosen else [], _search_dirs()):
        for regular, heavy in _FACES:
            name = heavy if bold else regular
            for folder in folders:
                if (folder / name).is_file():
                    return folder / name
    name = _FACES[0][1 if bold else 0]
    raise DeviceError(
        f"Font {name} not found: install fonts-dejavu-core or fonts-liberation (Debian/Ubuntu) or set "
        "HARDWARE_FONT_DIR.",
        font=name,
    )


@functools.cache
def mono_font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(bold)), size)
