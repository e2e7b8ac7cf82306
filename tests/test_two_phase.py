"""Text in LibreOffice Calc's two-pass order (normalize/twophase.py): each page's one-line cells
(dates, timings) first, then its wrapped cells row by row; and the new office2 / heldout2 sets."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.models import CellLine
from piatable.normalize.single_plans import align_singles
from piatable.normalize.twophase import two_phase_pages
from piatable.pipeline import extract_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# Row 1: its date wraps (pass 2) and its timing is merged with row 2's; row 2's date fits
# (pass 1).  Row 3: date and timing on one line in pass 1.  A date wrapped character by character
# shares a printed line with a timing of pass 1 (pypdfium2 puts them on one line).
TWO_PASS = """（別添２）変更箇所
変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明
事前
令和３年７月２６日
令和４年４月１日 事後
令和３年２月１５
日
Ⅰ基本情報
１．特定個人情報ファイルを取り扱
う事務
②事務の内容
予防接種法に基づく定期の予防接種の実施、予診票
の発行及び接種記録の管理を行う。
予防接種法に基づく定期の予防接種及び臨時の予防
接種の実施、接種券の発行及び接種記録の管理を行
う。
臨時接種の実施に伴う事務の追加
Ⅱ特定個人情報ファイルの概要
５．特定個人情報の提供・移転（委
託に伴うものを除く。）
移転先２
海外渡航用の新型コロナワクチン接種証明書の交付
上記を新規追加 接種証明書の交付開始に伴う追加
Ⅰ基本情報
７．評価実施機関における担当部
署
①部署
市民課 市民窓口課 組織改正による部署名の変更
"""


def _lines(*texts: tuple[str, int]) -> list[CellLine]:
    return [CellLine(t, 1, n) for t, n in texts]


def test_pass_one_is_aligned_with_the_rows():
    # 事前 for row 1 (its date is in pass 2), row 2's date with the timing merged from row 1,
    # row 3's date and timing on one printed line.
    singles = _lines(("事前", 3), ("令和３年７月２６日", 4), ("令和４年４月１日", 5), ("事後", 5))
    plan, cost = align_singles(singles, [True, False, False])
    assert [(d, t) for d, t, _ in plan] == [(False, True), (True, False), (True, True)]
    assert cost == 1.0


def test_an_undecided_alignment_is_flagged():
    # Two rows, one date and one timing, each printed on a line of its own: either row may be
    # the one whose cells are merged with the row above.
    singles = _lines(("令和４年４月１日", 3), ("事後", 4))
    plan, _ = align_singles(singles, [False, False])
    assert any(unsure for _, _, unsure in plan)


def _read(text: str, tmp_path: Path):
    path = tmp_path / "input.txt"
    path.write_text(text, "utf-8")
    return extract_document(path).records


def test_rows_of_the_two_pass_order(tmp_path):
    rows = _read(TWO_PASS, tmp_path)
    assert [r.change_date for r in rows] == ["2021-02-15", "2021-07-26", "2022-04-01"]
    assert [r.timing for r in rows] == ["事前", "事前", "事後"]
    assert rows[0].item == "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の内容"
    assert rows[0].before == "予防接種法に基づく定期の予防接種の実施、予診票の発行及び接種記録の管理を行う。"
    assert rows[0].after.startswith("予防接種法に基づく定期の予防接種及び臨時の")
    assert rows[0].explanation == "臨時接種の実施に伴う事務の追加"
    assert rows[1].after == "海外渡航用の新型コロナワクチン接種証明書の交付\n上記を新規追加"
    assert rows[1].explanation == "接種証明書の交付開始に伴う追加"
    assert "merged_cell_filled" in rows[1].flags
    assert (rows[2].before, rows[2].after) == ("市民課", "市民窓口課")


def test_row_ordered_text_is_not_read_as_two_passes():
    # A timing among the wrapped cells: the text is printed row by row (Writer).
    lines = _lines(
        ("2023/2/6", 1), ("Ⅰ基本情報", 2), ("市民課", 3), ("市民窓口課", 4), ("事後", 5), ("組織改正", 6)
    )
    assert two_phase_pages(lines) is None


def test_a_date_wrapped_character_by_character_beside_a_timing(tmp_path):
    # One row on the second page: pass 1 is its timing alone, which pypdfium2 puts on the line
    # of the date's piece printed at the same height.
    text = """変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明
2017/4/1 事前
Ⅰ基本情報
７．評価実施機関における担当部
署
②所属長の役職名
市民課長 市民窓口課長 組織改正による役職名の変更
\f変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明
平
成30
年
4
月 事後
1
日 Ⅰ基本情報
７．評価実施機関における担当部
署
①部署
市民部市民課 市民生活部市民課 組織改正による部署名の変更
"""
    rows = _read(text, tmp_path)
    assert len(rows) == 2
    assert (rows[1].change_date, rows[1].timing) == ("2018-04-01", "事後")
    assert rows[1].item.startswith("Ⅰ基本情報")


@pytest.mark.parametrize("set_name", ["office2", "heldout2", "office3", "heldout3"])
def test_second_sets_hold_texts_with_their_truth(set_name):
    root = SAMPLES / set_name
    cases = json.loads((root / "cases.json").read_text("utf-8"))
    folders = sorted(p for p in root.iterdir() if p.is_dir() and p.name != "tables")
    assert folders
    for folder in folders:
        base = folder.name.removesuffix("-pypdfium2").removesuffix("-pdftotext-raw")
        assert base in cases, folder.name
        records = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
        assert len(records) == cases[base]["rows"]
        assert (folder / "input.txt").read_text("utf-8").strip()


def test_words_of_a_narrow_column_printed_one_character_per_line(tmp_path):
    """事後 and the label 提出時期 given one character per line (a narrow 提出時期 column) are
    rejoined: the rows are those of the text with the words whole."""
    from piatable.models import CellLine
    from piatable.normalize.compound import join_vertical_words

    lines = [
        CellLine(t, 1, k)
        for k, t in enumerate(["住民福祉課 健康長寿課 事", "後", "機構改革に伴う修正", "事", "務"])
    ]
    assert [cl.text for cl in join_vertical_words(lines)] == [
        "住民福祉課 健康長寿課 事後",
        "機構改革に伴う修正",
        "事",
        "務",
    ]
    from piatable.pipeline import extract_document

    from .conftest import SAMPLES

    src = SAMPLES / "office" / "writer-kokuho-pdftotext-raw" / "input.txt"
    text = src.read_text("utf-8")
    narrow = text.replace(
        "変更後の記載 提出時期 提出時期に係る説明", "変更後の記載 提\n出\n時\n期\n提出時期に係る説明"
    )
    assert narrow != text
    path = tmp_path / "narrow.txt"
    path.write_text(narrow, "utf-8")
    want = [(r.change_date, r.item, r.timing) for r in extract_document(src).records]
    got = [(r.change_date, r.item, r.timing) for r in extract_document(path).records]
    assert got == want and want


def test_the_first_row_of_a_table_takes_the_date_and_timing_it_can():
    # No row above to share a merged cell with: the table's first row takes both, and the
    # second shares them (merged), rather than the first going without a timing.
    singles = _lines(("令和４年４月１日", 3), ("事後", 4))
    plan, _ = align_singles(singles, [False, False], above=(False, False))
    assert plan[0][:2] == (True, True) and plan[1][:2] == (False, False)


def test_item_width_is_the_headings_width_when_before_and_after_differ():
    """Before and after of two widths (32 and 36): the narrower of them is no item column.  The
    item's headings wrap at 24 (``２．特定個人情報ファイル`` / ``を取り扱う事務において使``), so
    the item column is 24, not the 32 read off all the lines."""
    from piatable.normalize.singlepass import widths_of_lines
    from piatable.normalize.twophase import item_width

    row = [
        "Ⅰ基本情報",
        "２．特定個人情報ファイル",  # 24, runs on
        "を取り扱う事務において使",  # 24, runs on
        "用するシステム",
        "・給与支払報告書等の電子データを",  # 32, runs on (before)
        "ＬＧＷＡＮ経由で受信し、課税資料とし",  # 36, runs on (after)
        "て取り込む。",
        "ｅＬＴＡＸによる課税",  # 20, runs on (explanation)
        "資料の受領開始に伴う",
        "追加",
    ]
    blocks = [[CellLine(t, 1, 10 * b + n) for n, t in enumerate(row)] for b in range(4)]
    for b in blocks:  # more before lines at 32 than anything else
        b[4:4] = [
            CellLine("再委託を行う場合は、再委託先の名", 1, 0),
            CellLine("称を書面で申請させる。", 1, 0),
        ]
        for n, cl in enumerate(b):
            b[n] = CellLine(cl.text, 1, blocks.index(b) * 20 + n)
    narrow, body = widths_of_lines(blocks)
    assert (narrow, body) == (32, 36)
    assert item_width(blocks, narrow, body) == 24
