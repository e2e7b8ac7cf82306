"""All four formats come from one schema; Parquet is read back with pyarrow and pandas."""

from __future__ import annotations

import csv
import json

import pandas as pd
import pyarrow.parquet as pq

from piatable.cli import main
from piatable.models.record import FIELDS, arrow_schema


def test_four_formats_agree(tmp_path, seed_path):
    outs = {fmt: tmp_path / f"r.{fmt}" for fmt in ("json", "jsonl", "csv", "parquet")}
    for path in outs.values():
        assert main(["extract", str(seed_path), "-o", str(path)]) == 0
    records = json.loads(outs["json"].read_text("utf-8"))
    assert len(records) == 12 and list(records[0]) == list(FIELDS)
    jsonl = [json.loads(x) for x in outs["jsonl"].read_text("utf-8").splitlines()]
    assert jsonl == records
    raw = outs["csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True)))
    assert [r["before"] for r in rows] == [r["before"] for r in records]
    assert rows[0]["item_path"].split("\n") == records[0]["item_path"]
    table = pq.read_table(outs["parquet"])
    assert table.schema.equals(arrow_schema(), check_metadata=False)
    df = pd.read_parquet(outs["parquet"])
    assert df["explanation"].tolist() == [r["explanation"] for r in records]
    assert list(df["item_path"].iloc[7]) == records[7]["item_path"]
    # cell_confidence: one number per printed column, a struct in Parquet, JSON text in CSV.
    cells = records[8]["cell_confidence"]
    assert set(cells) == {"change_date", "item", "before", "after", "timing", "explanation"}
    assert all(0.0 <= v <= 1.0 for v in cells.values())
    assert table.column("cell_confidence").to_pylist()[8] == cells
    assert json.loads(rows[8]["cell_confidence"]) == cells


def test_csv_cp932(tmp_path, seed_path):
    out = tmp_path / "r.csv"
    assert main(["extract", str(seed_path), "-o", str(out), "--csv-encoding", "cp932"]) == 0
    text = out.read_bytes().decode("cp932")
    assert "上記を新規追加" in text


def test_unknown_suffix_is_one_line_error(tmp_path, seed_path, capsys):
    assert main(["extract", str(seed_path), "-o", str(tmp_path / "r.xyz")]) == 2
    assert "--format" in capsys.readouterr().err


def test_research_field_types(tmp_path, seed_path):
    """change_date is a Parquet date, diff a list of structs; CSV writes diff as JSON text."""
    import datetime as dt

    import pyarrow as pa

    pq_out, csv_out = tmp_path / "r.parquet", tmp_path / "r.csv"
    assert main(["extract", str(seed_path), "-o", str(pq_out)]) == 0
    assert main(["extract", str(seed_path), "-o", str(csv_out)]) == 0
    table = pq.read_table(pq_out)
    assert table.schema.field("change_date").type == pa.date32()
    assert pa.types.is_struct(table.schema.field("diff").type.value_type)
    rows = table.to_pylist()
    assert rows[2]["change_date"] == dt.date(2022, 10, 17)
    assert all(set(seg) == {"op", "text"} for r in rows for seg in r["diff"])
    # Kept + deleted segments give before back; kept + inserted give after.
    for r in rows:
        assert "".join(s["text"] for s in r["diff"] if s["op"] != "inserted") == r["before"]
        assert "".join(s["text"] for s in r["diff"] if s["op"] != "deleted") == r["after"]
    csv_rows = list(csv.DictReader(csv_out.read_bytes().decode("utf-8-sig").splitlines(keepends=True)))
    assert json.loads(csv_rows[0]["diff"]) == rows[0]["diff"]
    assert {r["timing_raw"] for r in csv_rows} == {"事後"}
    assert {r["change_kind"] for r in rows} <= {"added", "deleted", "modified", "unchanged", ""}


def test_readme_schema_table_lists_every_field():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text("utf-8")
    table = readme.split("## Output schema", 1)[1].split("\n## ", 1)[0]
    documented = {
        name
        for row in table.splitlines()
        if row.startswith("| `")
        for name in row.split("|")[1].replace("`", "").replace(",", " ").split()
    }
    assert set(FIELDS) <= documented, set(FIELDS) - documented
