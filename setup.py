"""The build compiles the translations into the wheel: the .qm files are build output, never in git,
so a wheel (or an sdist's wheel) made from a checkout would otherwise show English only.

Everything else about the project is in pyproject.toml.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent


def _translation_tools() -> ModuleType:
    # By path: "packaging" is also the name of a library setuptools itself imports.
    spec = importlib.util.spec_from_file_location("desk_build_translations",
                                                  ROOT / "packaging" / "build_translations.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithTranslations(build_py):
    """build_py, then PySide6's lrelease over resources/i18n/*.ts into the built ui/i18n."""

    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install reads the working tree's ui/i18n, which `make translations` builds
        # A missing lrelease or a failing one stops the build: a wheel without them would pass for a good one.
        _translation_tools().release(qm_dir=Path(self.build_lib) / "ui" / "i18n", force=True)


setup(cmdclass={"build_py": BuildWithTranslations})
