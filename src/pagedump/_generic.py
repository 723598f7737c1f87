"""The generic dialect: ordinary news pages, read by the article layout."""

from __future__ import annotations

from pagedump._dialects import Dialect, register_dialect
from pagedump._words import (
    BYLINE_MARKERS,
    CHROME_MARKERS,
    DATE,
    FOOTER_MARKERS,
    FUNCTION_WORDS,
    TITLE_SEPARATORS,
)

__all__ = ["GENERIC"]

GENERIC = Dialect(
    name="generic",
    layout="article",
    description="Ordinary news pages: one story amid a site's menus, footers and links.",
    function_words=FUNCTION_WORDS,
    chrome_markers=CHROME_MARKERS,
    footer_markers=FOOTER_MARKERS,
    byline_markers=BYLINE_MARKERS,
    date_pattern=DATE,
    title_separators=TITLE_SEPARATORS,
    date_formats=("%B %d, %Y", "%b. %d, %Y", "%d.%m.%Y", "%d.%m.%Y %H:%M", "%Y-%m-%d"),
    dayfirst=True,
)

register_dialect(GENERIC)
