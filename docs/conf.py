"""Sphinx configuration for the pagedump documentation (Markdown pages via MyST, furo)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pagedump

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent

project = "pagedump"
author = "The pagedump developers"
copyright = "The pagedump developers"
release = version = pagedump.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
]
source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "_generated"]

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"
python_use_unqualified_type_names = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
# Attributes as fields of their class, not as separate objects: attrs records list
# their fields in the docstring, and autodoc must not describe them twice.
napoleon_use_ivar = True
# The class signature shows the field types already.
napoleon_attr_annotations = False

html_theme = "furo"
html_title = f"pagedump {release}"
html_static_path = ["_static"]


# -- the page model's example, generated from the reference dump -----------------------

_LONG = 90
_SHOWN_ITEMS = 2


def _shorten(value: Any) -> Any:  # noqa: ANN401 - any JSON value
    """Long strings cut with an ellipsis, long lists of strings cut to their first items."""
    if isinstance(value, str) and len(value) > _LONG:
        return value[: _LONG - 1].rstrip() + " …"
    if isinstance(value, list):
        if not all(isinstance(item, str) for item in value):
            return [_shorten(item) for item in value]
        items = [_shorten(item) for item in value[:_SHOWN_ITEMS]]
        if len(value) > _SHOWN_ITEMS:
            items.append(f"… {len(value) - _SHOWN_ITEMS} more")
        return items
    if isinstance(value, dict):
        return {key: _shorten(item) for key, item in value.items()}
    return value


def _generate_examples() -> None:
    seed = pagedump.load(ROOT / "examples" / "daily8-seed.txt")
    page = pagedump.parse(seed, fetched_at=datetime(2025, 7, 14, 12, tzinfo=UTC))
    out = DOCS / "_generated"
    out.mkdir(exist_ok=True)
    shortened = json.dumps(_shorten(pagedump.to_dict(page)), indent=2, ensure_ascii=False)
    _write(out / "daily8-seed.json", shortened + "\n")
    rows = ["| name | layout | reads |", "| --- | --- | --- |"]
    for name in pagedump.list_dialects():
        dialect = pagedump.get_dialect(name)
        reads = dialect.description.replace("|", "\\|")
        rows.append(f"| `{name}` | {dialect.layout} | {reads} |")
    _write(out / "dialects.md", "\n".join(rows) + "\n")
    _write(out / "api-pagedump.md", _api_pagedump())


def _api_pagedump() -> str:
    """The facade's reference: every public name, the dialect values without their repr."""
    dialects = [name for name in pagedump.__all__
                if isinstance(getattr(pagedump, name), pagedump.Dialect)]
    lines = ["```{eval-rst}", ".. automodule:: pagedump", "   :members:",
             f"   :exclude-members: PagedumpError, {', '.join(dialects)}", ""]
    for name in dialects:
        dialect: pagedump.Dialect = getattr(pagedump, name)
        summary = (f"   The built-in ``{dialect.name}`` dialect (a :class:`~pagedump.Dialect`): "
                   f"{dialect.description}")
        lines += [f".. autodata:: pagedump.{name}", "   :no-value:", "", summary, ""]
    return "\n".join([*lines, "```", ""])


def _write(target: Path, text: str) -> None:
    """Write only on change, so that Sphinx does not rebuild what did not change."""
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")


_generate_examples()


def _drop_class_docstring(app: object, what: str, name: str, obj: object,  # noqa: PLR0913, PLR0917
                          options: object, lines: list[str]) -> None:
    """A dialect value would repeat the Dialect class's docstring: keep its own text only."""
    if what == "data" and isinstance(obj, pagedump.Dialect):
        lines.clear()


def setup(app: Any) -> None:  # noqa: ANN401 - Sphinx's application
    """Connect the hooks above."""
    app.connect("autodoc-process-docstring", _drop_class_docstring)
