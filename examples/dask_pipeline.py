"""Parse a folder of dumps with Dask on a local cluster and write Parquet.

Usage:
    python examples/dask_pipeline.py [FOLDER] [--workers N]

Needs the ``dask`` extra: ``pip install 'pagedump[dask]'``. FOLDER defaults to
``tests/data/daily8``. The dump files are read on the workers, parsed with
``pagedump.dask.parse_bag`` into flat rows, and written as Parquet to a temporary
directory, which is read back to print a summary. On a real cluster, connect a
``Client`` to its scheduler instead of starting a ``LocalCluster``; nothing else changes.
"""

from __future__ import annotations

import argparse
import tempfile
from datetime import UTC, datetime
from pathlib import Path

import dask.bag as db
import pandas as pd
from distributed import Client, LocalCluster

import pagedump
from pagedump.dask import meta, parse_bag

FETCHED_AT = datetime(2025, 8, 10, 12, tzinfo=UTC)


def read_dump(path: str) -> dict[str, str]:
    """One record per file: its path as the id, its text as the dump."""
    return {"id": path, "text": pagedump.load(path, fallback="cp1252")}


def run(folder: Path, workers: int, out: Path) -> pd.DataFrame:
    paths = sorted(str(path) for path in folder.rglob("*.txt"))
    with (
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster),
    ):
        records = db.from_sequence(paths, partition_size=8).map(read_dump)
        rows = parse_bag(records, fetched_at=FETCHED_AT)
        rows.to_dataframe(meta=meta()).to_parquet(str(out), write_index=False)
    return pd.read_parquet(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path("tests/data/daily8"))
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "pages"
        frame = run(args.folder, args.workers, out)
        files = sorted(path.name for path in out.glob("*.parquet"))
        print(f"wrote {len(frame)} rows to {len(files)} Parquet file(s) in {out}")
    print(frame.groupby("kind").size().to_string())
    print(f"errors: {frame['error'].notna().sum()}")
    print(frame[["id", "kind", "headline"]].head(5).to_string(index=False, max_colwidth=60))


if __name__ == "__main__":
    main()
