"""Outputs never clobber an input or each other; several formats from one pass; stdout; cp932."""

from __future__ import annotations

import csv
import json
import shutil

import pyarrow.parquet as pq
import pytest

from piatable.cli import main


def test_report_twin_does_not_replace_records_named_report_json(tmp_path, seed_path):
    d = tmp_path / "d"
    rc = main(["extract", str(seed_path), "-o", str(d / "report.json"), "--report", str(d / "report.html")])
    assert rc == 0
    records = json.loads((d / "report.json").read_text("utf-8"))
    assert isinstance(records, list) and len(records) == 12
    assert json.loads((d / "report.data.json").read_text("utf-8"))["overall"]["rows"] == 12


@pytest.mark.parametrize(
    "extra",
    [
        ["--documents", "{x}", "-o", "{x}"],
        ["-o", "{x}", "-o", "{x}"],
        ["-o", "{x}", "--report", "{stem}.html", "--documents", "{stem}.data.json"],
    ],
)
def test_two_outputs_on_one_path_is_a_usage_error(tmp_path, seed_path, capsys, extra):
    x = tmp_path / "x.json"
    x.write_text("precious", "utf-8")
    args = [a.format(x=x, stem=tmp_path / "x") for a in extra]
    assert main(["extract", str(seed_path), *args]) == 2
    assert "two outputs" in capsys.readouterr().err
    assert x.read_text("utf-8") == "precious"


def test_output_that_is_an_input_is_a_usage_error(tmp_path, seed_path, capsys):
    src = tmp_path / "in.txt"
    shutil.copy(seed_path, src)
    before = src.read_bytes()
    assert main(["extract", str(src), "-o", str(src), "--format", "json"]) == 2
    assert "also an input" in capsys.readouterr().err
    assert src.read_bytes() == before
    # The same file under another spelling of its path.
    other = tmp_path / "sub" / ".." / "in.txt"
    (tmp_path / "sub").mkdir()
    assert main(["extract", str(src), "-o", str(other), "--format", "json"]) == 2
    assert src.read_bytes() == before


@pytest.mark.parametrize("fmt", ["json", "jsonl"])
def test_dash_writes_to_stdout(tmp_path, seed_path, capsys, monkeypatch, fmt):
    monkeypatch.chdir(tmp_path)
    assert main(["extract", str(seed_path), "-o", "-", "--format", fmt]) == 0
    out = capsys.readouterr().out
    rows = json.loads(out) if fmt == "json" else [json.loads(ln) for ln in out.splitlines()]
    assert len(rows) == 12
    assert not (tmp_path / "-").exists()


def test_dash_refuses_binary_formats(seed_path, capsys):
    assert main(["extract", str(seed_path), "-o", "-", "--format", "parquet"]) == 2


def test_a_run_into_its_input_folder_does_not_read_its_own_output(tmp_path, seed_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(seed_path, folder / "a.txt")
    for _ in range(2):
        assert (
            main(
                [
                    "extract",
                    str(folder),
                    "-o",
                    str(folder / "out.csv"),
                    "--documents",
                    str(folder / "docs.csv"),
                ]
            )
            == 0
        )
        assert "12 rows from 1 of 1 inputs" in capsys.readouterr().err
    # A later run with another output name still skips the earlier CSV outputs.
    assert main(["extract", str(folder), "-o", str(tmp_path / "o.json")]) == 0
    assert "12 rows from 1 of 1 inputs" in capsys.readouterr().err


def test_several_outputs_from_one_pass(tmp_path, seed_path):
    outs = [tmp_path / f"r.{s}" for s in ("json", "jsonl", "csv", "parquet")]
    args = [a for o in outs for a in ("-o", str(o))]
    assert main(["extract", str(seed_path), *args]) == 0
    as_json = json.loads(outs[0].read_text("utf-8"))
    assert [json.loads(ln) for ln in outs[1].read_text("utf-8").splitlines()] == as_json
    with outs[2].open(encoding="utf-8-sig", newline="") as fh:
        assert [r["before"] for r in csv.DictReader(fh)] == [r["before"] for r in as_json]
    table = pq.read_table(outs[3])
    assert table.column("before").to_pylist() == [r["before"] for r in as_json]
    assert table.column("source").to_pylist() == [r["source"] for r in as_json]


def _seed_with(tmp_path, seed_path, char: str):
    text = seed_path.read_text("utf-8")
    p = tmp_path / "odd.txt"
    p.write_text(text.replace("住基ネット", f"住{char}基ネット", 1), "utf-8")
    return p


def test_cp932_names_the_characters_it_cannot_hold(tmp_path, seed_path, capsys):
    odd = _seed_with(tmp_path, seed_path, "𠮷")
    out = tmp_path / "out.csv"
    out.write_text("old", "utf-8")
    js = tmp_path / "out.json"
    rc = main(["extract", str(odd), "-o", str(out), "-o", str(js), "--csv-encoding", "cp932"])
    err = capsys.readouterr().err
    assert rc == 1
    assert "𠮷" in err and "U+20BB7" in err and "--csv-errors replace" in err
    assert out.read_text("utf-8") == "old"  # not replaced by a half-right file
    assert "𠮷" in js.read_text("utf-8")  # the other output is written
    capsys.readouterr()
    rc = main(["extract", str(odd), "-o", str(out), "--csv-encoding", "cp932", "--csv-errors", "replace"])
    assert rc == 0
    text = out.read_bytes().decode("cp932")
    assert "住?基ネット" in text
    # Replaced, but not in silence: the run names what became '?'.
    err = capsys.readouterr().err
    assert "U+20BB7" in err and "in 1 row(s)" in err and "--csv-errors replace" in err


def test_cp932_names_a_character_it_would_write_as_another(tmp_path, seed_path, capsys):
    """Python's cp932 writes U+2212 − as U+FF0D －: no error, but not the document's text.  Strict
    mode names it; replace mode writes the look-alike."""
    odd = _seed_with(tmp_path, seed_path, "\u2212")
    out = tmp_path / "out.csv"
    rc = main(["extract", str(odd), "-o", str(out), "--csv-encoding", "cp932"])
    err = capsys.readouterr().err
    assert rc == 1 and "U+2212" in err and not out.exists()
    rc = main(["extract", str(odd), "-o", str(out), "--csv-encoding", "cp932", "--csv-errors", "replace"])
    assert rc == 0 and "住\uff0d基ネット" in out.read_bytes().decode("cp932")


def test_no_temporary_files_left(tmp_path, seed_path):
    assert (
        main(
            [
                "extract",
                str(seed_path),
                "-o",
                str(tmp_path / "a.parquet"),
                "--report",
                str(tmp_path / "r.html"),
            ]
        )
        == 0
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.parquet", "r.data.json", "r.html"]


@pytest.mark.parametrize("option", ["-o", "--documents"])
def test_output_over_a_file_found_in_an_input_folder_is_a_usage_error(tmp_path, seed_path, capsys, option):
    """A folder's files are inputs too: writing over one of them (`extract d -o d/b.txt`) is refused."""
    folder = tmp_path / "d"
    folder.mkdir()
    shutil.copy(seed_path, folder / "a.txt")
    shutil.copy(seed_path, folder / "b.txt")
    before = (folder / "b.txt").read_bytes()
    extra = ["-o", str(tmp_path / "r.json")] if option == "--documents" else ["--format", "json"]
    assert main(["extract", str(folder), option, str(folder / "b.txt"), *extra]) == 2
    assert "is an input found in" in capsys.readouterr().err
    assert (folder / "b.txt").read_bytes() == before


@pytest.mark.parametrize("where", ["named", "in a folder"])
def test_an_input_given_as_output_is_named_before_its_format(tmp_path, seed_path, capsys, where):
    """`-o input.pdf` (no --format) is refused for overwriting the input, not for its suffix."""
    folder = tmp_path / "d"
    folder.mkdir()
    target = folder / "a.pdf"
    target.write_bytes(b"%PDF-1.4 precious")
    shutil.copy(seed_path, folder / "b.txt")
    inputs = [str(target), str(folder / "b.txt")] if where == "named" else [str(folder)]
    assert main(["extract", *inputs, "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "would be overwritten" in err and "cannot tell the format" not in err
    assert target.read_bytes() == b"%PDF-1.4 precious"


def test_piatables_own_messages_fit_in_cp932():
    """Evidence lines, notes and errors are written into CSV cells too: a CSV asked for in cp932
    must never fail on piatable's own wording (new user: 'cp932 cannot hold – (U+2013)' from the
    evidence 'section Ⅰ–Ⅵ').  Every string constant of the readers and checks that reads as an
    English phrase (the HTML report, always UTF-8, aside) round-trips through cp932."""
    import ast
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    files = [
        p
        for d in ("normalize", "extract", "src/piatable")
        for p in (root / d).rglob("*.py")
        if "report" not in p.parts
    ]
    phrase = re.compile(r"[a-z]{3,} [a-z]{2,}")
    bad = []
    for path in files:
        tree = ast.parse(path.read_text("utf-8"))
        docstrings = {
            id(n.body[0].value)
            for n in ast.walk(tree)
            if isinstance(n, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
            and n.body
            and isinstance(n.body[0], ast.Expr)
        }
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Constant)
                and isinstance(node.value, str)
                and id(node) not in docstrings
                and phrase.search(node.value)
            ):
                try:
                    ok = node.value.encode("cp932").decode("cp932") == node.value
                except UnicodeEncodeError:
                    ok = False
                if not ok:
                    bad.append(f"{path.relative_to(root)}:{node.lineno}: {node.value[:60]!r}")
    assert len(files) > 50
    assert not bad, bad


@pytest.mark.parametrize("option", ["-o", "--report", "--documents"])
def test_an_output_whose_folder_cannot_be_made_is_a_usage_error_before_the_run(
    tmp_path, seed_path, capsys, option
):
    """New user: ``-o /proc/nope/x.json`` ran the whole extraction, then failed with a bare
    ``[Errno 2]``.  Now it is a usage error naming the output and its folder, before any work.
    (A folder that can be made is made: ``-o new/x.json`` works.)"""
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", "utf-8")
    bad = blocker / "sub" / "x.json"
    args = ["extract", str(seed_path), option, str(bad)]
    if option != "-o":
        args += ["-o", str(tmp_path / "r.json")]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert f"output {bad}: cannot make its folder {bad.parent}" in err
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "r.json").exists()


@pytest.mark.parametrize("inside", ["documents.parquet", "piatable.log", "records/r.html", "r.html"])
def test_report_inside_the_dataset_folder_is_a_usage_error(tmp_path, seed_path, capsys, inside):
    ds = tmp_path / "ds"
    assert main(["extract", str(seed_path), "--dataset", str(ds)]) == 0
    documents = (ds / "documents.parquet").read_bytes()
    log = (ds / "piatable.log").read_bytes()
    assert main(["extract", str(seed_path), "--dataset", str(ds), "--report", str(ds / inside)]) == 2
    assert "inside the dataset folder" in capsys.readouterr().err
    assert (ds / "documents.parquet").read_bytes() == documents
    assert (ds / "piatable.log").read_bytes() == log
    assert pq.read_table(ds / "records").num_rows == 12
    assert not (ds / "records" / "r.html").exists()


def _edge_records(seed_path):
    """The seed's records, and copies with the values a table builder could get wrong: no date, a
    date before 1970, NaN and infinite confidences, empty lists, a missing and an extra cell key,
    an extra key in a diff item, control and astral characters, a cell longer than a block."""
    import dataclasses

    from piatable.pipeline import extract_document

    records = extract_document(str(seed_path)).records
    first = records[0]
    odd = [
        dataclasses.replace(first, change_date=None, page_start=None, flags=[], marks=[], evidence=[]),
        dataclasses.replace(first, change_date="1969-12-31", confidence=float("nan"), diff=[]),
        dataclasses.replace(first, confidence=float("inf"), cell_confidence={"item": 0.5, "extra": 1.0}),
        dataclasses.replace(first, diff=[{"op": "kept", "text": "𠮷\x00\n", "extra": "x"}], item="\x1b𠮷"),
        dataclasses.replace(first, explanation="説明" * 600_000),
    ]
    return [*records, *odd]


def test_records_table_is_the_one_from_pylist_gives(seed_path):
    """``records_to_table`` (Arrow's JSON reader, no pandas) builds the table that
    ``pa.Table.from_pylist`` builds from the same rows."""
    import datetime as dt

    import pyarrow as pa

    from piatable.models.record import CELL_FIELDS, DATE_FIELDS, arrow_schema
    from piatable.models.writers import records_to_dicts, records_to_table

    records = _edge_records(seed_path)
    rows = records_to_dicts(records)
    for row in rows:
        for name in DATE_FIELDS:
            if row[name] is not None:
                row[name] = dt.date.fromisoformat(row[name])
        row["cell_confidence"] = {f: (row["cell_confidence"] or {}).get(f) for f in CELL_FIELDS}
    expected = pa.Table.from_pylist(rows, schema=arrow_schema())
    got = records_to_table(records)
    assert got.schema.equals(expected.schema)
    assert repr(got.to_pylist()) == repr(expected.to_pylist())  # (a NaN equals no NaN; its repr does)
    assert records_to_table([]).equals(arrow_schema().empty_table())


def test_records_table_does_not_import_pandas(seed_path, tmp_path):
    """A bulk run's parent and workers build Arrow tables: ``pa.array`` on Python objects would
    import pandas (about 0.4 s and 50 MB in each process) when it is installed."""
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from piatable.pipeline import extract_document\n"
        "from piatable.models.writers import records_to_table\n"
        "from piatable.dataset import Dataset\n"
        f"t = records_to_table(extract_document({str(seed_path)!r}).records)\n"
        f"ds = Dataset({str(tmp_path / 'ds')!r}, '0', 'x')\n"
        "ds.open(); ds.write_documents(); ds.close()\n"
        "assert t.num_rows and 'pandas' not in sys.modules, sorted(m for m in sys.modules if 'pandas' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
