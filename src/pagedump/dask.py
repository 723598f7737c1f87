"""Run pagedump over a Dask bag: many dumps, many workers.

Needs the ``dask`` extra (``pip install 'pagedump[dask]'``)::

    import dask.bag as db
    from pagedump.dask import meta, parse_bag

    texts = db.from_sequence(dumps, npartitions=8)
    rows = parse_bag(texts, fetched_at=fetched_at)
    rows.to_dataframe(meta=meta()).to_parquet("pages/")

:func:`parse_bag` maps :func:`pagedump.parse` over the bag one partition at a time
(a plain loop per partition), and gives one output element per input element, in the
same order. Elements are dump texts or records (mappings with the text, an id and a
fetch time). A record that cannot be parsed (its text is not a ``str``, its time is
naive or unreadable) gives a row whose ``error`` says why, instead of failing the job.

:func:`parse_record` is the same work for one element: what each output element of
:func:`parse_bag` is, computed serially. :func:`to_row` flattens a parsed page into a row.

:func:`parse_wet` turns a list of WET files (Common Crawl's page texts) into a bag of
the same rows, one partition per file, each file streamed by :func:`pagedump.read_wet`
on a worker (it needs the ``warc`` extra too).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import IO, Any, Final

import attrs

try:
    import dask.bag as db
except ImportError as exc:
    raise ImportError(
        "pagedump.dask needs Dask; install it with: pip install 'pagedump[dask]'"
    ) from exc

from pagedump._api import parse
from pagedump._dates import check_fetched_at, is_aware
from pagedump._dialects import Dialect, resolve_dialect
from pagedump._records import Page
from pagedump._serialize import to_dict
from pagedump._warc import WetRecord, read_wet, require_fastwarc
from pagedump.exceptions import InputTypeError, NaiveDatetimeError, WetError

__all__ = ["COLUMNS", "meta", "parse_bag", "parse_record", "parse_wet", "to_row"]

COLUMNS: Final[tuple[tuple[str, str], ...]] = (
    ("id", "string"),
    ("fetched_at", "string"),
    ("site", "string"),
    ("kind", "string"),
    ("title", "string"),
    ("headline", "string"),
    ("source", "string"),
    ("published_text", "string"),
    ("published_value", "string"),
    ("location", "string"),
    ("agency", "string"),
    ("byline", "string"),
    ("paragraphs", "Int64"),
    ("text", "string"),
    ("related", "string"),
    ("boilerplate", "Int64"),
    ("error", "string"),
)
"""The columns of a flat row, in order, with their pandas dtypes.

- ``id``: the record's id, as given (``None`` for a bare text); see :func:`meta` for
  its dtype.
- ``fetched_at``: the fetch time the page was parsed with, ISO 8601, or ``None``.
- ``site``, ``kind``, ``title``: :attr:`Page.site <pagedump.Page.site>`, the
  :class:`~pagedump.PageKind` value and the listing title.
- ``headline``, ``source``, ``location``, ``agency``, ``byline``: the article's fields;
  ``published_text`` and ``published_value`` its publication time as printed and
  resolved (ISO 8601). All ``None`` on a page without an article.
- ``paragraphs``: the number of paragraphs of the article; ``text``:
  :attr:`Article.text <pagedump.Article.text>`. ``None`` without an article.
- ``related``: the related items as JSON text (a list, in the form of
  :func:`pagedump.to_dict`).
- ``boilerplate``: the number of boilerplate lines.
- ``error``: ``None``, or why the element could not be parsed; every other field but
  ``id`` (and ``fetched_at``, when it was readable) is then ``None``.

``paragraphs`` and ``boilerplate`` are nullable integers (``Int64``): they are missing
on error rows.
"""


def meta(*, id_dtype: str = "string") -> dict[str, str]:
    """Return the dtypes of a flat row, for ``Bag.to_dataframe(meta=...)``.

    A new dict on every call, in :data:`COLUMNS` order.

    Args:
        id_dtype: The dtype of the ``id`` column. The default, ``"string"``, turns
            every id into text (``7`` becomes ``"7"``); pass ``"Int64"`` for integer
            ids. (``"object"`` keeps ids as they are, but Parquet cannot store it.)

    Returns:
        ``{column: dtype}``.
    """
    dtypes = dict(COLUMNS)
    dtypes["id"] = id_dtype
    return dtypes


@attrs.frozen
class _Options:
    """What :func:`parse_bag` was asked, validated once on the client."""

    text_key: str
    id_key: str
    time_key: str | None
    fetched_at: datetime | None
    dialect: Dialect | None
    flatten: bool


def _options(*, text_key: str, id_key: str, time_key: str | None,  # noqa: PLR0913
             fetched_at: datetime | None, dialect: Dialect | str | None,
             flatten: bool) -> _Options:
    # Resolve a dialect name here, on the client: a dialect registered in this process
    # is not registered in the workers'.
    return _Options(text_key=text_key, id_key=id_key, time_key=time_key,
                    fetched_at=check_fetched_at(fetched_at),
                    dialect=None if dialect is None else resolve_dialect(dialect),
                    flatten=flatten)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


def to_row(page: Page, *, record_id: object = None,
           fetched_at: datetime | None = None) -> dict[str, Any]:
    """Flatten a page into one row of :data:`COLUMNS`.

    Args:
        page: The parsed page.
        record_id: The ``id`` of the row.
        fetched_at: The fetch time the page was parsed with.

    Returns:
        The row: a dict with the keys of :data:`COLUMNS`, in order, whose values are
        ``None``, ``str``, ``int`` or the ``record_id``; ``error`` is ``None``.

    Raises:
        InputTypeError: ``page`` is not a :class:`~pagedump.Page`.
    """
    if not isinstance(page, Page):
        raise InputTypeError("page", type(page), "pass a pagedump.Page, as returned by parse()",
                             expected="pagedump.Page")
    article = page.article
    published = None if article is None else article.published
    # Serialize the related items through to_dict so they have exactly the form they
    # have in the page's JSON; a page holding only them is cheap to convert.
    related = to_dict(Page(related=page.related))["related"]
    return {
        "id": record_id,
        "fetched_at": _iso(fetched_at),
        "site": page.site,
        "kind": page.kind.value,
        "title": page.title,
        "headline": None if article is None else article.headline,
        "source": None if article is None else article.source,
        "published_text": None if published is None else published.text,
        "published_value": None if published is None else _iso(published.value),
        "location": None if article is None else article.location,
        "agency": None if article is None else article.agency,
        "byline": None if article is None else article.byline,
        "paragraphs": None if article is None else len(article.paragraphs),
        "text": None if article is None else article.text,
        "related": json.dumps(related, ensure_ascii=False),
        "boilerplate": len(page.boilerplate),
        "error": None,
    }


def _failed(record_id: object, fetched_at: datetime | None, error: str,
            options: _Options) -> dict[str, Any]:
    if not options.flatten:
        return {"id": record_id, "fetched_at": _iso(fetched_at), "page": None, "error": error}
    row: dict[str, Any] = dict.fromkeys(name for name, _ in COLUMNS)
    row.update(id=record_id, fetched_at=_iso(fetched_at), error=error)
    return row


class _BadRecordError(Exception):
    """Why a record cannot be parsed; it becomes the record's ``error``."""


def _fetch_time(record: Mapping[Any, Any], options: _Options) -> datetime | None:
    """Read a record's fetch time; ``options.fetched_at`` when it has none.

    Raises:
        _BadRecordError: The time is not a datetime or an ISO 8601 string, or is naive.
    """
    key = options.time_key
    raw = None if key is None else record.get(key)
    if raw is None:
        return options.fetched_at
    where = f"record[{key!r}]"
    value = raw
    if isinstance(raw, str):
        try:
            value = datetime.fromisoformat(raw)
        except ValueError:
            raise _BadRecordError(f"{where} is not an ISO 8601 time: {raw!r}") from None
    if not isinstance(value, datetime):
        raise _BadRecordError(f"{where} must be a datetime or an ISO 8601 string, "
                              f"not {type(value).__qualname__}")
    if not is_aware(value):
        if isinstance(raw, str):
            raise _BadRecordError(f"{where} has no UTC offset: {raw!r}; "
                                  f"write it with one, e.g. {raw + '+00:00'!r}")
        raise _BadRecordError(str(NaiveDatetimeError(where, raw)))
    return value


def _parse_one(element: object, options: _Options) -> dict[str, Any]:
    if isinstance(element, str):
        record_id: object = None
        text: object = element
        fetched_at = options.fetched_at
    elif isinstance(element, Mapping):
        record_id = element.get(options.id_key)
        try:
            fetched_at = _fetch_time(element, options)
        except _BadRecordError as exc:
            return _failed(record_id, None, str(exc), options)
        if options.text_key not in element:
            return _failed(record_id, fetched_at, f"record has no {options.text_key!r} key",
                           options)
        text = element[options.text_key]
    else:
        return _failed(None, None, f"not a str or a mapping: {type(element).__qualname__}",
                       options)
    if not isinstance(text, str):
        hint = "; decode it first" if isinstance(text, bytes | bytearray) else ""
        return _failed(record_id, fetched_at,
                       f"record[{options.text_key!r}] must be str, not "
                       f"{type(text).__qualname__}{hint}",
                       options)
    page = parse(text, fetched_at=fetched_at, dialect=options.dialect)
    if options.flatten:
        return to_row(page, record_id=record_id, fetched_at=fetched_at)
    return {"id": record_id, "fetched_at": _iso(fetched_at), "page": to_dict(page), "error": None}


def _parse_partition(elements: Iterable[object], options: _Options) -> list[dict[str, Any]]:
    return [_parse_one(element, options) for element in elements]


# Seven keyword-only options, each a plain value: an options object would only move them.
def parse_record(element: object, *, text_key: str = "text", id_key: str = "id",  # noqa: PLR0913
                 time_key: str | None = None, fetched_at: datetime | None = None,
                 dialect: Dialect | str | None = None,
                 flatten: bool = True) -> dict[str, Any]:
    """Parse one element the way :func:`parse_bag` parses each element of a bag.

    Use it to check a few records serially, or in another engine's map function.

    Args:
        element: A dump text, or a record: a mapping with the text under ``text_key``,
            and optionally an id under ``id_key`` and a fetch time under ``time_key``.
        text_key: The key of the text in a record.
        id_key: The key of the id in a record; a record without it gets ``None``.
        time_key: The key of the fetch time in a record: a timezone-aware datetime or
            an ISO 8601 string with an offset. ``None`` (the default), or a record
            whose value is missing or ``None``, means ``fetched_at``.
        fetched_at: The fetch time for bare texts and records without their own,
            timezone-aware; see :func:`pagedump.parse`.
        dialect: See :func:`pagedump.parse`.
        flatten: Return a flat row (see :data:`COLUMNS`) instead of
            ``{"id", "fetched_at", "page", "error"}``, where ``page`` is
            :func:`pagedump.to_dict` of the page (``None`` on error).

    Returns:
        The row or the record. It never raises on a bad element: its ``error`` says
        what is wrong with it (not a ``str`` or mapping, no text, a text that is not a
        ``str``, a naive or unreadable time).

    Raises:
        InputTypeError: ``fetched_at`` is not a datetime.
        NaiveDatetimeError: ``fetched_at`` is naive.
        DialectNotFoundError: ``dialect`` names no registered dialect.
    """
    options = _options(text_key=text_key, id_key=id_key, time_key=time_key,
                       fetched_at=fetched_at, dialect=dialect, flatten=flatten)
    return _parse_one(element, options)


def parse_bag(bag: db.Bag, *, text_key: str = "text", id_key: str = "id",  # noqa: PLR0913
              time_key: str | None = None, fetched_at: datetime | None = None,
              dialect: Dialect | str | None = None, flatten: bool = True) -> db.Bag:
    r"""Parse every element of a Dask bag of dump texts or records.

    Lazy, like every bag operation: nothing runs until the result is computed or
    written. Each partition is parsed in one task, element by element, and the output
    has one element per input element, in the same order, each equal to what
    :func:`parse_record` gives for it with the same arguments.

    Args:
        bag: Elements are dump texts (``str``) or records (mappings); see
            :func:`parse_record`.
        text_key: The key of the text in a record.
        id_key: The key of the id in a record.
        time_key: The key of a record's own fetch time, if records have one.
        fetched_at: The fetch time for texts and records without their own.
        dialect: A :class:`~pagedump.Dialect` or a registered name, resolved here so
            the workers need not have it registered; ``None`` for Daily8.
        flatten: Produce flat rows, ready for ``to_dataframe(meta=meta())`` and
            Parquet, instead of nested ``{"id", "fetched_at", "page", "error"}`` dicts.

    Returns:
        A bag of dicts.

    Raises:
        InputTypeError: ``bag`` is not a Dask bag, or ``fetched_at`` is not a datetime.
        NaiveDatetimeError: ``fetched_at`` is naive.
        DialectNotFoundError: ``dialect`` names no registered dialect.

    Example:
        >>> import dask.bag as db
        >>> rows = parse_bag(db.from_sequence(["Headline\n\nHeadline\n\nNHK2 hours ago"]))
        >>> [(r["headline"], r["source"]) for r in rows.compute(scheduler="sync")]
        [('Headline', 'NHK')]
    """
    if not isinstance(bag, db.Bag):
        raise InputTypeError("bag", type(bag), "pass a dask.bag.Bag, e.g. db.from_sequence(texts)",
                             expected="dask.bag.Bag")
    options = _options(text_key=text_key, id_key=id_key, time_key=time_key,
                       fetched_at=fetched_at, dialect=dialect, flatten=flatten)
    # The options go to every task as one small frozen object, validated above, once.
    result: db.Bag = bag.map_partitions(_parse_partition, options)  # type: ignore[no-untyped-call]
    return result


def parse_wet(paths: Sequence[str], *, url_match: str | re.Pattern[str] | None = None,
              dialect: Dialect | str | None = None, flatten: bool = True) -> db.Bag:
    r"""Parse the pages of WET files into a Dask bag: one partition per file.

    Each partition reads its file on a worker with :func:`pagedump.read_wet`, a record
    at a time, and parses each page with the record's ``WARC-Date`` as its fetch time,
    so a file is never in memory whole. Rows are those of :func:`parse_bag`, in file
    order, with the page's URL as ``id``. A damaged record or stretch of a file gives
    a row whose ``error`` reads ``PATH:OFFSET: reason`` (and whose ``id`` is the URL
    when it could be read); a file that cannot be opened fails its task.

    Args:
        paths: The WET files, gzip or not: local paths, or fsspec URLs
            (``s3://commoncrawl/crawl-data/...``) that the workers can open.
        url_match: Keep only the pages whose URL matches this regular expression
            (:func:`re.search`: anywhere in the URL). Error rows are always kept.
        dialect: See :func:`parse_bag`.
        flatten: See :func:`parse_bag`.

    Returns:
        A bag of dicts.

    Raises:
        ImportError: fastwarc (the ``warc`` extra) is not installed here.
        InputTypeError: ``paths`` is a single string rather than a list of them.
        DialectNotFoundError: ``dialect`` names no registered dialect.
        re.error: ``url_match`` is not a regular expression.

    Example:
        >>> rows = parse_wet(["CC-MAIN-...-00000.warc.wet.gz"],  # doctest: +SKIP
        ...                  url_match=r"^https?://(www\.)?daily8\.com/")
        >>> rows.to_dataframe(meta=meta()).to_parquet("pages/")  # doctest: +SKIP
    """
    if isinstance(paths, str):
        raise InputTypeError("paths", type(paths), "pass a list of paths, e.g. [path]",
                             expected="a sequence of paths")
    require_fastwarc()
    options = _options(text_key="text", id_key="id", time_key=None, fetched_at=None,
                       dialect=dialect, flatten=flatten)
    pattern = None if url_match is None else re.compile(url_match)
    files = list(paths)
    bag = db.from_sequence(files, npartitions=max(len(files), 1))  # type: ignore[no-untyped-call]
    result: db.Bag = bag.map_partitions(_parse_wet_partition, options, pattern)
    return result


def _parse_wet_partition(paths: Iterable[str], options: _Options,
                         pattern: re.Pattern[str] | None) -> _WetRows:
    return _WetRows(tuple(paths), options, pattern)


@attrs.frozen
class _WetRows:
    """The rows of a partition's WET files, made as they are iterated.

    The operations that follow in the same task (a filter, ``to_textfiles``, Parquet)
    consume the rows as the file is read. A partition that has to travel (to the
    client, to another worker) is pickled as the list of its rows.
    """

    paths: tuple[str, ...]
    options: _Options
    pattern: re.Pattern[str] | None

    def __iter__(self) -> Iterator[dict[str, Any]]:
        # fsspec comes with dask; it opens local paths and URLs (s3://...) alike.
        import fsspec  # type: ignore[import-untyped]  # noqa: PLC0415

        for path in self.paths:
            with fsspec.open(path, "rb") as stream:
                yield from self._rows(path, stream)

    def _rows(self, path: str, stream: IO[bytes]) -> Iterator[dict[str, Any]]:
        for item in read_wet(stream):
            if isinstance(item, WetError):
                yield _failed(item.url, None, f"{path}:{item.offset}: {item.reason}",
                              self.options)
            elif self.pattern is None or self.pattern.search(item.url):
                yield _wet_row(item, self.options)

    def __reduce__(self) -> tuple[type[list[dict[str, Any]]], tuple[list[dict[str, Any]]]]:
        return list, (list(self),)


def _wet_row(record: WetRecord, options: _Options) -> dict[str, Any]:
    page = parse(record.text, fetched_at=record.fetched_at, dialect=options.dialect)
    if options.flatten:
        return to_row(page, record_id=record.url, fetched_at=record.fetched_at)
    return {"id": record.url, "fetched_at": _iso(record.fetched_at), "page": to_dict(page),
            "error": None}
