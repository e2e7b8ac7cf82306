"""The layout family of texts on set XXXIII's w01 and n07 kinds (branch subcol72): a 項目 printed
over sub-columns under a sub-label row (項目 / 細項目 …) keeping two heading lines left and the
小項目 right is read by sub-column (the 小項目 was read into 変更前 or onto the first item line,
unwarned); footnotes under the table and comment balloons in the right margin are left out of
the rows with a note; a 大項目 merged down over a section's rows is given to each row
(samples/office-subcol72, tools/make_subcol72_samples.py; samples/office-layout71)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.pipeline import read_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FIELDS = ("item", "before", "after", "timing", "explanation")


def _squash(v: str | None) -> str:
    return "".join((v or "").split())


def _read(folder: Path) -> tuple[list, list[dict], list[str]]:
    doc = read_document(str(folder / "input.txt"))
    want = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return doc.records, want, doc.notes


@pytest.mark.parametrize("text", ["pdftotext-layout", "pdftotext-layout-cp932", "pypdf-layout"])
def test_two_headings_left_read_by_sub_column(text: str) -> None:
    """Calc, 項目 over 項目 / 細項目, the left sub-column holding 大項目 and 中項目: every row's item
    is the sub-columns' text top to bottom, its 変更前 without the 小項目; one row at most warned
    (a 小項目 beside an empty 変更前 is a guess the item checks name)."""
    records, want, notes = _read(SAMPLES / "office-subcol72" / f"sc72-calc-saikoumoku2-{text}")
    assert len(records) == len(want)
    for r, w in zip(records, want, strict=True):
        assert r.item.split("\n") == w["item"].split("\n")
        assert _squash(r.before) == _squash(w["before"])
    assert sum(bool({"column_guess", "row_split_guess"} & set(r.flags)) for r in records) <= 1
    assert any("printed over 2 sub-columns" in n for n in notes)


# The balloons' authors as printed (``make_subcol72_samples.AUTHORS``, with the colon).
AUTHORS = ("情報政策課:", "総務課:", "山田:", "審査担当:", "課長補佐:")


@pytest.mark.parametrize("case", ["sc72-writer-saikoumoku2c", "sc72-calc-saikoumoku1c"])
@pytest.mark.parametrize("text", ["pdftotext-layout", "pdftotext-layout-cp932"])
def test_margin_balloons_left_out_with_a_note(case: str, text: str) -> None:
    """Balloons in a right margin beside rows (printed on an explanation's line or on one of
    their own): no record holds a balloon's words, every explanation is read whole (Calc's
    case also reads one extra row, warned), a note names the balloons, author and text."""
    records, want, notes = _read(SAMPLES / "office-subcol72" / f"{case}-{text}")
    got = {_squash(r.explanation) for r in records}
    assert {_squash(w["explanation"]) for w in want} <= got
    margin = " ".join(n for n in notes if "right of the table's last column" in n)
    assert any(a in margin for a in AUTHORS)
    for r in records:
        assert not any(a in (getattr(r, f) or "") for f in FIELDS for a in AUTHORS)


def test_footnotes_under_the_table_are_no_item(tmp_path: Path) -> None:
    """Footnote lines printed under the table (``※1 …`` at the page's left edge) stay out of the
    last row's item, named in a note."""
    folder = SAMPLES / "office-subcol72" / "sc72-calc-saikoumoku2-pdftotext-layout"
    text = (folder / "input.txt").read_text("utf-8").rstrip("\n\f")
    notes = ["※1 令和６年４月の機構改革後の名称による。", "※2 変更前の記載は、令和２年度評価書の記載による。"]
    path = tmp_path / "input.txt"
    path.write_text(text + "\n\n" + "\n".join(notes) + "\n", "utf-8")
    doc = read_document(str(path))
    want = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    assert [r.item for r in doc.records] == [w["item"] for w in want]
    assert any("footnotes printed under the table" in n and "機構改革" in n for n in doc.notes)


@pytest.mark.parametrize("text", ["pdftotext-layout", "pypdf-layout"])
def test_merged_section_given_to_each_row(text: str) -> None:
    """Calc, 大項目 merged down over a section's rows (printed once, at the top): each row's item
    opens with it, the rows that took it flagged merged_cell_filled."""
    records, want, _ = _read(SAMPLES / "office-layout71" / f"ly71-calc-saikoumoku-{text}")
    assert [r.item for r in records] == [w["item"] for w in want]
    assert sum("merged_cell_filled" in r.flags for r in records) >= 5
