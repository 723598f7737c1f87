"""The scripts in ``examples/`` run from the repository root and print what they promise.

Each runs in its own subprocess, as a user would run it.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import pagedump

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DUMPS = sorted(EXAMPLES.glob("*.txt"))


def run(*arguments: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *arguments], cwd=ROOT, capture_output=True,
                          text=True, encoding="utf-8", timeout=timeout, check=True)


def test_every_example_is_tested() -> None:
    tested = {"parse_dump.py", "walk_folder.py", "token_stream.py", "custom_dialect.py",
              "dask_pipeline.py"}

    assert {path.name for path in EXAMPLES.glob("*.py")} == tested


def test_the_example_dumps_are_what_the_docs_say() -> None:
    pages = {path.name: pagedump.parse(pagedump.load(path)) for path in DUMPS}

    assert sorted(pages) == ["daily8-article.txt", "daily8-listing.txt", "daily8-seed.txt"]
    assert pages["daily8-seed.txt"].kind is pagedump.PageKind.ARTICLE
    assert pages["daily8-article.txt"].kind is pagedump.PageKind.ARTICLE
    assert pages["daily8-listing.txt"].kind is pagedump.PageKind.LISTING


def test_parse_dump_prints_the_page_as_json() -> None:
    done = run("examples/parse_dump.py", "examples/daily8-seed.txt",
               "2025-07-14T12:00:00+00:00")

    page = pagedump.from_json(done.stdout)
    assert page.article is not None
    assert page.article.published is not None
    assert page.article.published.value is not None
    assert page.article.published.value.isoformat() == "2025-07-10T12:00:00+00:00"


def test_walk_folder_streams_a_folder_to_json_lines(tmp_path) -> None:
    out = tmp_path / "pages.jsonl"

    done = run("examples/walk_folder.py", "tests/data/daily8", str(out),
               "--fetched-at", "2025-08-10T12:00:00+00:00")

    records = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n")
               if line]
    dumps = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "tests/data/daily8").glob("*.txt"))
    assert [record["path"] for record in records] == dumps
    # Every dump is Daily8's but synthetic-22, a fragment with none of Daily8's evidence.
    sites = {Path(record["path"]).stem: pagedump.from_dict(record["page"]).site
             for record in records}
    assert sites == {Path(dump).stem: "generic" if Path(dump).stem == "synthetic-22"
                     else "daily8" for dump in dumps}
    assert f"{len(dumps)} pages written, 0 dumps failed" in done.stderr


def test_walk_folder_writes_to_standard_output_and_descends_in_order(tmp_path) -> None:
    (tmp_path / "good.txt").write_text("logo\nH\n\nH\n\nNHK2 hours ago\nBody.\n",
                                       encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "utf16.txt").write_bytes(b"\xff\xfe" + "Body.".encode("utf-16-le"))

    done = run("examples/walk_folder.py", str(tmp_path))

    lines = done.stdout.splitlines()
    assert [json.loads(line)["path"] for line in lines] == [
        str(tmp_path / "good.txt"), str(tmp_path / "sub" / "utf16.txt")]
    assert "2 pages written, 0 dumps failed" in done.stderr


def test_token_stream_prints_every_line_with_its_kind() -> None:
    done = run("examples/token_stream.py", "examples/daily8-seed.txt")

    rows = done.stdout.split("\n\n")[0].splitlines()
    lines = pagedump.tokenize(pagedump.load(EXAMPLES / "daily8-seed.txt"))
    assert len(rows) == len(lines)
    assert rows[1].split(None, 2)[:2] == ["2", "headline"]
    assert rows[5].split(None, 2) == ["6", "dateline", "Yomiuri Shimbun4 days ago"]
    assert all(len(row) <= 4 + 2 + 11 + 2 + 72 for row in rows)
    assert "2 headline, 1 dateline, 36 body, 4 heading, 14 related" in done.stdout


def test_custom_dialect_shows_the_difference() -> None:
    done = run("examples/custom_dialect.py")

    assert "daily8-mirror" in done.stdout.splitlines()[0]
    daily8, mirror = done.stdout.split("== dialect 'daily8-mirror'")
    assert "is heading" in daily8
    assert "section 2: heading 'Read the full story on Daily8 Mirror'" in daily8
    assert "Page.site = 'daily8-mirror'" in mirror
    assert "is boilerplate" in mirror
    assert "section 1: heading None, 3 paragraph(s)" in mirror
    assert "section 2" not in mirror


def test_dask_pipeline_writes_parquet_on_a_local_cluster() -> None:
    pytest.importorskip("distributed")
    pytest.importorskip("pyarrow")

    done = run("examples/dask_pipeline.py", "examples", "--workers", "2", timeout=180)

    assert "wrote 3 rows to 1 Parquet file(s)" in done.stdout
    assert "article    2" in done.stdout
    assert "listing    1" in done.stdout
    assert "errors: 0" in done.stdout
    assert "US Is Selling weapons to NATO Allies" in done.stdout
