"""A caption under the table's title (``※変更箇所に下線``) kept out of the rows with a note naming
it (normalize/captions.py; issues 10 and 12, branch raw46).  Real texts of samples/office-raw46
(LibreOffice Calc and Writer, pypdfium2 and ``pdftotext -raw``, tools/make_raw46_samples.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.captions import cut_captions, is_caption

from .truth_files import truth_files, verdicts

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "samples" / "office-raw46"
CASES = json.loads((SET / "cases.json").read_text("utf-8"))
CAPTIONED = sorted(
    f"{name}-{tool}"
    for name, c in CASES.items()
    if c.get("caption")
    for tool in ("pdftotext-raw", "pypdfium2")
)


def test_the_set_has_captions_before_the_labels_and_among_the_cells():
    assert len(CAPTIONED) >= 8
    texts = {name: (SET / name / "input.txt").read_text("utf-8").splitlines() for name in CAPTIONED}
    # Calc prints the caption before the column labels here, among the one-line cells there.
    assert texts["r46-calc-juki-pdftotext-raw"][0] == "※変更箇所に下線"
    assert "注：変更箇所は下線で示す" in texts["r46-calc-kokuho-pdftotext-raw"][1:]


@pytest.mark.parametrize("name", CAPTIONED)
def test_a_caption_is_named_in_a_note_and_is_in_no_row(name):
    caption = CASES[name.removesuffix("-pdftotext-raw").removesuffix("-pypdfium2")]["caption"]
    res = extract_document(SET / name / "input.txt")
    assert any("caption" in n and f"「{caption}」" in n for n in res.notes)
    assert not any("in no record" in n for n in res.notes)
    for rec in res.records:
        assert caption not in "".join((rec.item, rec.before, rec.after, rec.explanation))
        assert "unplaced_text" not in rec.flags


def test_a_caption_shares_no_line_and_speaks_of_the_marking():
    assert is_caption("※変更箇所に下線")
    assert is_caption("注：変更箇所は下線で示す")
    assert is_caption("（注）下線部分が変更箇所")
    assert not is_caption("※変更箇所に下線 2019/05/01 事前")  # a date beside it: left alone
    assert not is_caption("※やむを得ず外部記録媒体を使用する場合は、所属長の許可を得る。")
    assert not is_caption("変更箇所に下線を付した")  # no note's mark


def test_a_caption_read_into_a_row_is_taken_out():
    row = RawRow()
    row.cells["item"] = [CellLine("※変更箇所に下線", 1, 2), CellLine("Ⅰ基本情報", 1, 3)]
    region = list(row.cells["item"])
    kept, title, notes = cut_captions([row], region, [], 0, [])
    assert [cl.text for cl in row.cells["item"]] == ["Ⅰ基本情報"]
    assert [cl.text for cl in kept] == ["Ⅰ基本情報"] and title == []
    assert notes == ["a caption printed with the table's title was kept out of the rows: 「※変更箇所に下線」"]


def test_no_cell_of_the_samples_truth_reads_as_a_caption():
    quiet = 0
    # Each distinct truth file checked once, its answers counted for every copy (tests/truth_files.py).
    captions = verdicts(
        lambda r: [
            (p, is_caption(p))
            for f in ("item", "before", "after", "explanation")
            for p in (r.get(f) or "").split("\n")
        ]
    )
    for path, text in truth_files():
        for row in captions(text):
            for p, caption in row:
                assert not caption, (path, p)
                quiet += 1
    assert quiet > 10000


def test_the_tables_own_caption_is_a_caption():
    # set XXI t04 (Writer, a caption under the title; PyMuPDF and pypdfium2 texts)
    assert is_caption("表１　変更箇所一覧")
    assert is_caption("表1 変更箇所一覧")
    assert is_caption("              表１         変更箇所一覧")
    assert is_caption("表２　変更内容一覧")
    assert not is_caption("表１の変更箇所一覧のとおり")  # a sentence naming the table
    assert not is_caption("表１　別表第二の項目")  # no word of the changes or of a list
    assert not is_caption("表１　変更箇所一覧 2019/05/01 事前")  # a date beside it
