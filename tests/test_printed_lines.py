"""Every printed line of a flattened table region is in some row, or the rows next to it are
flagged and the document says which text was lost (normalize/printed_lines.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from piatable import extract_document
from piatable.extract.text import read_text_pages
from piatable.models import CellLine, RawRow
from piatable.normalize.conservation import table_head_before
from piatable.normalize.label_order import lines_in_label_order
from piatable.normalize.printed_lines import (
    flag_copy_holders,
    flag_lost_lines,
    found_in,
    lines_in_no_row,
    lines_short_of_copies,
    lost_lines_note,
    put_back_opening_copies,
)
from piatable.normalize.stream import _read_rows, pages_to_cell_lines
from piatable.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
# Calc exports read in -raw and pypdfium2 order: merged dates over rows (office8), fixed heights.
CASES = (
    "samples/office8/calc-mdate-t1-pdftotext-raw",
    "samples/office8/calc-mdate-t5-pypdfium2",
    "samples/office3/calc-v1-pdftotext-raw",
)


def _rows_and_region(case: str):
    reading = read_text_pages(ROOT / case / "input.txt")
    result, region = _read_rows(
        lines_in_label_order(pages_to_cell_lines(reading.pages))[0], Settings(), None, False, False, False
    )
    return result.rows, region


@pytest.mark.parametrize("case", CASES)
def test_no_false_alarm_on_committed_samples(case: str) -> None:
    res = extract_document(ROOT / case / "input.txt")
    assert res.records
    assert not any("in no record" in n for n in res.notes)
    assert not any("a printed line next to this row" in e for r in res.records for e in r.evidence)


@pytest.mark.parametrize("case", CASES)
def test_a_row_taken_by_nobody_is_named_line_by_line(case: str) -> None:
    rows, region = _rows_and_region(case)
    gone = rows[2]
    kept = rows[:2] + rows[3:]
    lost = lines_in_no_row(region, kept)
    texts = {cl.text for cl in lost}
    # The lost row's long lines are named (a line repeated in another row is found there).
    own = [cl.text for cells in gone.cells.values() for cl in cells if len("".join(cl.text.split())) >= 12]
    others = "".join("".join(cl.text.split()) for r in kept for cells in r.cells.values() for cl in cells)
    missing = [t for t in own if "".join(t.split()) not in others]
    assert missing
    assert set(missing) <= texts
    # No line of the kept rows is called lost.
    kept_lines = {cl.text for r in kept for cells in r.cells.values() for cl in cells}
    assert not texts & kept_lines


def test_lost_line_flags_its_neighbours_and_lowers_confidence() -> None:
    rows, region = _rows_and_region(CASES[0])
    gone = rows.pop(4)
    lost = lines_in_no_row(region, rows)
    assert lost
    flag_lost_lines(lost, rows)
    flagged = [k for k, r in enumerate(rows) if "unplaced_text" in r.flags]
    # The rows printed next to the lost one (before and after it) carry the flag.
    assert 3 in flagged or 4 in flagged
    assert len(flagged) < len(rows)
    why = [d.why for r in rows for d in r.doubts if d.kind == "unplaced_text"]
    assert any(w.endswith("」") for w in why)
    first = "".join(lost[0].text.split())
    assert first[:10] in lost_lines_note([cl.text for cl in lost])
    assert gone.cells


def test_found_in_pieces() -> None:
    corpus = "\x00".join(["市町村からの法令に基づく委任を受け", "通知カード及び交付申請書を印刷し"])
    # A line a reader cut between two cells is found in two pieces.
    assert found_in("委任を受け通知カード及び", corpus)
    # Pieces too short to tell are not enough.
    assert not found_in("委任を受けXYZW通知カード", corpus)
    assert not found_in("個人番号通知書を送付する", corpus)
    note = lost_lines_note(["個人番号通知書及び交付申請書を印刷し、送付する。以上の変更による", "あ" * 30])
    assert note.startswith("2 printed lines of the table region are in no record: 「個人番号通知書")
    assert "…」" in note


def test_text_between_title_and_first_row_is_named() -> None:
    # pypdfium2 of a Calc table: the region starts after the title's first rows (their item
    # path is skipped); the lines read by no row are quoted and the first row read is flagged.
    res = extract_document(ROOT / "samples/office/calc-juki-pypdfium2/input.txt")
    assert res.status == "partial"
    note = next(n for n in res.notes if "in no record" in n)
    assert "「[○]庁内連携システム」" in note
    flat = "".join("".join(str(getattr(r, f)).split()) for r in res.records for f in ("before", "after"))
    assert "[○]庁内連携システム" not in flat  # the note is true: the text is in no cell
    assert "unplaced_text" in res.records[0].flags
    assert any("taken by no row" in e for e in res.records[0].evidence)


def test_head_of_an_untitled_table() -> None:
    # The last title with its labels right after it; with no title, the first column-label row
    # or the first label line with another right after it (labels one per line).
    titled = [
        "表紙",
        "変更箇所",
        "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明",
        "令和2年4月1日",
    ]
    assert table_head_before(titled, 3) == 1
    row = [
        "表紙",
        "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明",
        "事後",
        "令和2年4月1日",
    ]
    assert table_head_before(row, 3) == 1
    one_per_line = ["変更日", "令和２年７月１", "日", "項目", "Ⅰ 関連情報"]
    assert table_head_before(one_per_line, 4) == 0
    # A lone label word with no other label after it, or a contents title, is no head.
    assert table_head_before(["目次", "変更箇所", "1", "はじめに", "2", "変更日", "本文"], 7) is None


# Untitled tables (samples/outsider2, tuning) read in full: no text between head and region.
UNTITLED_READ = ("samples/outsider2/out2-calc-1-pypdfium2", "samples/outsider2/out2-calc-1-pdftotext-raw")


@pytest.mark.parametrize("case", UNTITLED_READ)
def test_untitled_table_read_in_full_raises_no_alarm(case: str) -> None:
    res = extract_document(ROOT / case / "input.txt")
    assert res.status == "success"
    assert not any("in no record" in n or "item paths" in n for n in res.notes)


def test_untitled_table_found_late_names_what_it_did_not_read() -> None:
    # Plain pdftotext of a Writer table with no title (its labels one per line, dates wrapped in
    # a narrow column): the region used to start at a late date, the rows before it read by no
    # rule (1 row of 8, then a note saying so).  Since branch column13 the 変更日 label right
    # before the first date opens the region (normalize/region._untitled_labels): every row is
    # read, and no note claims text went unread.
    case = ROOT / "samples/outsider2/out2-writer-2-pdftotext/input.txt"
    res = extract_document(case)
    assert len(res.records) == 8
    assert not any("in no record" in n for n in res.notes)
    cells = "".join(
        "".join(str(getattr(r, f)).split()) for r in res.records for f in ("item", "before", "after")
    )
    assert "１．特定個人情報ファイル" in cells


# -raw / pypdfium2 text of a Calc table: a one-line before cell printed out of row order, under the
# column labels, whose text opens the after cell of its row (the before 住民基本台帳に記録された住民
# beside the after 住民基本台帳に記録された住民及び…).  The reader takes the after's first paragraph
# as the before; the lost line is found inside it, so only counting copies tells it is in no record.
DISPLACED_BEFORE = """（別添２）変更箇所
変更日 項目 変更前の記載 変更後の記載 提出時期に係る説明
住民基本台帳に記録された住民
提
出
時
期
令和5年4月1
日
Ⅰ基本情報
２．特定個人情報ファイルを取
り扱う事務において使用するシ
ステム
①システムの名称
住民記録システム 住民記録システム
（令和5年度更改後のもの） 事
後
システム更改に伴い名称を改
めたもの。
令和5年4月1
日
Ⅱ特定個人情報ファイルの概要
（１．住民基本台帳ファイル）
２．基本情報
③対象となる本人の範囲
住民基本台帳に記録された住民及
び住民であった者
その必要性：転出後の照会に対応
するため。 事
前
転出後の照会に対応するため
、対象となる本人の範囲を広
げたもの。
"""


def test_a_one_line_before_printed_out_of_row_order_goes_back_to_its_row(tmp_path: Path) -> None:
    src = tmp_path / "displaced.txt"
    src.write_text(DISPLACED_BEFORE, "utf-8")
    res = extract_document(src)
    assert len(res.records) == 2
    assert res.status == "success", res.notes
    row = res.records[1]
    assert row.before == "住民基本台帳に記録された住民"
    assert "".join(row.after.split()).startswith("住民基本台帳に記録された住民及び住民であった者その必要性")
    assert any("printed out of row order" in e for e in row.evidence)
    assert row.confidence < 0.9


def test_a_copy_two_rows_could_take_is_named_and_its_holders_flagged() -> None:
    line = CellLine("住民基本台帳に記録された住民", line_no=2)
    rows = []
    for _ in range(2):
        r = RawRow()
        r.cells["before"] = [CellLine("住民基本台帳に記録された住民及び住民であった者")]
        r.cells["after"] = [CellLine("その必要性：転出後の照会に対応するため。")]
        rows.append(r)
    assert put_back_opening_copies([line], rows) == [line]
    assert all(r.cells["before"][0].text.endswith("であった者") for r in rows)
    flag_copy_holders([line], rows)
    assert all("unplaced_text" in r.flags for r in rows)


def test_copies_a_reader_adds_are_not_called_lost() -> None:
    printed = [
        CellLine("住民基本台帳ファイルの概要", line_no=1),
        CellLine("住民基本台帳ファイルの概要及び範囲", line_no=2),
    ]
    both = RawRow()
    both.cells["item"] = [CellLine("住民基本台帳ファイルの概要")]
    both.cells["after"] = [CellLine("住民基本台帳ファイルの概要及び範囲")]
    copied = RawRow()  # a merged item cell's value given to a second row as well
    copied.cells["item"] = [CellLine("住民基本台帳ファイルの概要")]
    assert lines_short_of_copies(printed, [both, copied]) == []
    short_row = RawRow()
    short_row.cells["after"] = [CellLine("住民基本台帳ファイルの概要及び範囲")]
    assert [cl.line_no for cl in lines_short_of_copies(printed, [short_row])] == [1]
