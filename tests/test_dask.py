"""pagedump.dask: parsing a Dask bag on a real cluster gives what the serial loop gives.

The cluster is a local one with two worker processes, so every task, its function and
its options really cross a process boundary (pickled), as on a remote cluster.
"""

from __future__ import annotations

import importlib
import json
import sys
from datetime import UTC, datetime, timedelta, timezone

import dask.bag as db
import pytest
from distributed import Client, LocalCluster

import pagedump
from pagedump.dask import COLUMNS, meta, parse_bag, parse_record, to_row

FETCHED_AT = datetime(2025, 8, 10, 12, tzinfo=UTC)
NPARTITIONS = 5
TIMEOUT = 60  # seconds; a hung cluster fails the test instead of blocking the run


# First in the module, before the cluster starts: hiding dask from sys.modules while a
# client's threads run could break an import of theirs.
def test_import_error_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "dask", None)
    monkeypatch.setitem(sys.modules, "dask.bag", None)
    monkeypatch.delitem(sys.modules, "pagedump.dask")

    with pytest.raises(ImportError, match=r"pip install 'pagedump\[dask\]'"):
        importlib.import_module("pagedump.dask")


@pytest.fixture(scope="module")
def client():
    with (
        LocalCluster(n_workers=2, processes=True, threads_per_worker=1,
                     dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        client.wait_for_workers(2, timeout=TIMEOUT)
        yield client


@pytest.fixture(scope="module")
def texts(daily8_dumps):
    return [dump.text for dump in daily8_dumps]


def compute(client, collection):
    return client.compute(collection).result(timeout=TIMEOUT)


def serial_row(text, fetched_at=FETCHED_AT, record_id=None):
    page = pagedump.parse(text, fetched_at=fetched_at)
    return to_row(page, record_id=record_id, fetched_at=fetched_at)


def test_cluster_has_two_worker_processes(client):
    assert len(client.scheduler_info()["workers"]) == 2


def test_flat_rows_equal_the_serial_loop(client, texts):
    bag = db.from_sequence(texts, npartitions=NPARTITIONS)
    assert bag.npartitions == NPARTITIONS

    got = compute(client, parse_bag(bag, fetched_at=FETCHED_AT))

    assert got == [serial_row(text) for text in texts]
    assert [list(row) for row in got] == [[name for name, _ in COLUMNS]] * len(texts)


def test_nested_records_equal_the_serial_loop(client, texts):
    bag = db.from_sequence(texts, npartitions=NPARTITIONS)

    got = compute(client, parse_bag(bag, fetched_at=FETCHED_AT, flatten=False))

    want = [{"id": None, "fetched_at": FETCHED_AT.isoformat(),
             "page": pagedump.to_dict(pagedump.parse(text, fetched_at=FETCHED_AT)),
             "error": None} for text in texts]
    assert got == want
    assert [pagedump.from_dict(r["page"]) for r in got] == [
        pagedump.parse(text, fetched_at=FETCHED_AT) for text in texts]


def test_rows_are_json_native(texts):
    for text in texts:
        row = serial_row(text)
        assert json.loads(json.dumps(row)) == row
        assert isinstance(json.loads(row["related"]), list)


def test_to_dataframe_with_meta_and_parquet(client, texts, tmp_path):
    # Imported here, not at the top: only this test needs pandas and pyarrow (dask's
    # "dataframe" extra), and without them the other tests should still run and pass.
    import pandas as pd  # noqa: PLC0415

    rows = parse_bag(db.from_sequence(texts, npartitions=NPARTITIONS), fetched_at=FETCHED_AT)
    frame = rows.to_dataframe(meta=meta())

    got = compute(client, frame).reset_index(drop=True)

    assert list(got.columns) == [name for name, _ in COLUMNS]
    assert {name: str(dtype) for name, dtype in got.dtypes.items()} == meta()
    want = pd.DataFrame([serial_row(text) for text in texts]).astype(meta())
    pd.testing.assert_frame_equal(got, want)

    frame.to_parquet(tmp_path / "pages", write_index=False, compute_kwargs={"scheduler": client})
    back = pd.read_parquet(tmp_path / "pages").astype(meta())
    pd.testing.assert_frame_equal(back, want)


def test_records_with_ids_times_and_bad_records(client, texts):
    tokyo = timezone(timedelta(hours=9))
    good = [
        {"id": f"dump-{i}", "text": text,
         # Some times as ISO strings (JSON Lines exports), some as datetimes.
         "fetched_at": (FETCHED_AT + timedelta(days=i)).astimezone(tokyo)
         if i % 2 else (FETCHED_AT + timedelta(days=i)).isoformat()}
        for i, text in enumerate(texts[:8])
    ]
    bad = [
        {"id": "naive", "text": texts[0], "fetched_at": datetime(2025, 8, 10, 12)},
        {"id": "naive-text", "text": texts[0], "fetched_at": "2025-08-10T12:00:00"},
        {"id": "not-a-time", "text": texts[0], "fetched_at": "yesterday"},
        {"id": "bytes", "text": texts[0].encode(), "fetched_at": FETCHED_AT},
        {"id": "no-text", "body": texts[0]},
        42,
    ]
    untimed = {"id": "untimed", "text": texts[1]}  # falls back to fetched_at=
    records = [*good[:4], *bad, untimed, *good[4:]]
    bag = db.from_sequence(records, npartitions=NPARTITIONS)

    got = compute(client, parse_bag(bag, time_key="fetched_at", fetched_at=FETCHED_AT))

    assert [row["id"] for row in got] == [
        r["id"] if isinstance(r, dict) else None for r in records]
    for record, row in zip(records, got, strict=True):
        assert row == parse_record(record, time_key="fetched_at", fetched_at=FETCHED_AT)
    by_id = {row["id"]: row for row in got}
    for record in good:
        when = record["fetched_at"]
        when = datetime.fromisoformat(when) if isinstance(when, str) else when
        assert by_id[record["id"]] == serial_row(record["text"], when, record["id"])
    assert by_id["untimed"] == serial_row(texts[1], FETCHED_AT, "untimed")

    errors = {row["id"]: row["error"] for row in got if row["error"] is not None}
    assert errors == {
        "naive": "record['fetched_at'] must be timezone-aware, got naive "
                 "datetime.datetime(2025, 8, 10, 12, 0); attach a zone, e.g. "
                 "record['fetched_at'].replace(tzinfo=datetime.timezone.utc)",
        "naive-text": "record['fetched_at'] has no UTC offset: '2025-08-10T12:00:00'; "
                      "write it with one, e.g. '2025-08-10T12:00:00+00:00'",
        "not-a-time": "record['fetched_at'] is not an ISO 8601 time: 'yesterday'",
        "bytes": "record['text'] must be str, not bytes; decode it first",
        "no-text": "record has no 'text' key",
        None: "not a str or a mapping: int",
    }
    for row in got:
        if row["error"] is not None:
            filled = {k for k, v in row.items() if v is not None}
            assert filled <= {"id", "fetched_at", "error"}


def test_bad_records_nested(client, texts):
    records = [{"id": 1, "text": texts[0]}, {"id": 2, "text": None}]
    bag = db.from_sequence(records, npartitions=2)

    got = compute(client, parse_bag(bag, flatten=False))

    assert got == [
        {"id": 1, "fetched_at": None, "page": pagedump.to_dict(pagedump.parse(texts[0])),
         "error": None},
        {"id": 2, "fetched_at": None, "page": None,
         "error": "record['text'] must be str, not NoneType"},
    ]


@pytest.mark.parametrize(("kwargs", "error"), [
    ({"fetched_at": datetime(2025, 8, 10)}, pagedump.exceptions.NaiveDatetimeError),
    ({"fetched_at": "2025-08-10"}, pagedump.exceptions.InputTypeError),
    ({"dialect": "no-such-dialect"}, pagedump.exceptions.DialectNotFoundError),
])
def test_misuse_raises_when_the_graph_is_built(kwargs, error):
    with pytest.raises(error):
        parse_bag(db.from_sequence(["text"]), **kwargs)


def test_not_a_bag():
    with pytest.raises(pagedump.exceptions.InputTypeError, match=r"bag must be dask\.bag\.Bag"):
        parse_bag(["text"])
