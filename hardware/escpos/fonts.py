"""Where the DejaVu Sans Mono font for rendered text comes from.

Text a printer's code pages cannot carry is drawn with Pillow; DejaVu has Cyrillic and a monospace
face whose advance matches a printer's own 12x24 font. We look in the Debian package
(fonts-dejavu-core) and in matplotlib's copy; `HARDWARE_FONT_DIR` points elsewhere.
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
)


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
    name = "DejaVuSansMono-Bold.ttf" if bold else "DejaVuSansMono.ttf"
    for folder in _search_dirs():
        if (folder / name).is_file():
            return folder / name
    raise DeviceError(
        f"Font {name} not found: install fonts-dejavu-core (Debian/Ubuntu) or set HARDWARE_FONT_DIR.",
        font=name,
    )


@functools.cache
def mono_font(size: int, bold: bool = False) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(font_path(bold)), size)
