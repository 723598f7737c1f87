"""Build hook: keep the mypyc build's extension modules out of the source tree.

hatch-mypyc compiles in place: it writes the extension modules into src/ and packs them
from there, and it does so for the editable wheel too. An editable install imports from
src/, so those files would shadow the sources being edited, and pip builds a wheel from
a checkout in that same tree. This hook, listed before the mypyc hook in
pyproject.toml, does two things when the mypyc hook is enabled:

- an editable build is not compiled: the mypyc hook's ``initialize`` becomes a no-op
  for this build process, so the editable install is pure Python;
- once a compiled wheel is written, the extension modules are removed from src/.

Without the mypyc hook it does nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

_EXTENSION_SUFFIXES = (".so", ".pyd")


class InPlaceGuardHook(BuildHookInterface):  # type: ignore[type-arg]
    """Pure editable installs, and no compiled leftovers in src/."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        """Disable the mypyc hook for this process when building the editable wheel."""
        if version != "editable" or "mypyc" not in build_data.get("build_hooks", ()):
            return
        # Importable: the enabled mypyc hook's dependencies are in the build environment.
        from hatch_mypyc.plugin import MypycBuildHook  # noqa: PLC0415

        def skip(_hook: object, _version: str, _build_data: dict[str, Any]) -> None:
            return None

        MypycBuildHook.initialize = skip  # type: ignore[method-assign]
        self.app.display_info("pagedump: editable install, pure Python (mypyc skipped)")

    def finalize(self, version: str, build_data: dict[str, Any], artifact_path: str) -> None:
        """Remove the extension modules the mypyc hook compiled into src/."""
        if "mypyc" not in build_data.get("build_hooks", ()) or build_data.get("pure_python"):
            return
        root = Path(self.root)
        # The modules, as the mypyc hook's artifact patterns ("/src/pagedump/_lines.*.so"),
        # and the shared runtime library it force-includes ("src/<hash>__mypyc.*.so").
        compiled = [path for pattern in build_data.get("artifacts", ())
                    for path in root.glob(pattern.lstrip("/"))]
        compiled += [Path(path) for path in build_data.get("force_include", {})]
        for path in compiled:
            if path.suffix in _EXTENSION_SUFFIXES and path.is_file():
                path.unlink()
