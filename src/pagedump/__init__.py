r"""pagedump: turn plain-text dumps of news-aggregator pages into typed records.

The pipeline has three stages, each a plain function::

    text --tokenize--> lines --parse--> Page --to_dict/to_json--> JSON

``tokenize`` splits the dump into lines, normalizes them, and reads them with a
:class:`Dialect`: the one given, or the one :func:`sniff` finds the text's evidence
for (the generic dialect of ordinary news pages when no known family's evidence is
there). The dialect's layout decides how the lines are read in context: an
aggregator's story page or listing from each line's shape (header, body, teasers of
other stories in the dialect's teaser form), an ordinary page by the evidence its
lines carry. Each :class:`Line` comes out with its :class:`LineKind`, its
:class:`Role` in its block and the value that role carries. ``parse`` assembles the
lines into frozen records by their roles (:class:`Page`, :class:`Article`,
:class:`RelatedItem`), resolving printed times against the ``fetched_at`` the caller
gives; ``to_dict``/``to_json`` serialize them, and ``from_dict``/``from_json`` read
them back.

>>> import pagedump
>>> page = pagedump.parse("logo\nHeadline\n\nHeadline\n\nNHK2 hours ago\nFirst paragraph.")
>>> page.article.headline, page.article.source, page.article.published.text
('Headline', 'NHK', '2 hours ago')
"""

from __future__ import annotations

from pagedump import exceptions
from pagedump._api import parse, sniff, sniff_report, tokenize
from pagedump._dialects import (
    DAILY8,
    GENERIC,
    MSN,
    WIRE,
    YAHOO,
    Dialect,
    Layout,
    TeaserForm,
    get_dialect,
    list_dialects,
    register_dialect,
    unregister_dialect,
)
from pagedump._io import load, parse_bytes
from pagedump._records import Article, Page, PageKind, Published, RelatedItem, Section
from pagedump._schema import json_schema
from pagedump._serialize import from_dict, from_json, to_dict, to_json
from pagedump._sniff import SniffReport
from pagedump._tokens import Line, LineKind, Role
from pagedump._warc import WetRecord, read_wet
from pagedump.exceptions import PagedumpError

__version__ = "0.1.0"

__all__ = [
    "DAILY8",
    "GENERIC",
    "MSN",
    "WIRE",
    "YAHOO",
    "Article",
    "Dialect",
    "Layout",
    "Line",
    "LineKind",
    "Page",
    "PageKind",
    "PagedumpError",
    "Published",
    "RelatedItem",
    "Role",
    "Section",
    "SniffReport",
    "TeaserForm",
    "WetRecord",
    "__version__",
    "exceptions",
    "from_dict",
    "from_json",
    "get_dialect",
    "json_schema",
    "list_dialects",
    "load",
    "parse",
    "parse_bytes",
    "read_wet",
    "register_dialect",
    "sniff",
    "sniff_report",
    "to_dict",
    "to_json",
    "tokenize",
    "unregister_dialect",
]
