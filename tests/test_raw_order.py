"""pdftotext -raw and pypdfium2 text of LibreOffice-made tables: cells side by side on one
printed line, rows whose timing is merged, a date printed inside an explanation.

The two ``raw_date_in_explanation_*`` cases are tuning texts of samples/office
(``calc-kokuho-pdftotext-raw``, ``writer-kokuho-pdftotext-raw``) with a date line put into one
explanation (令和2年7月1日 on a line of its own, as a narrow column wraps it)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from piatable.pipeline import extract_document

ROOT = Path(__file__).resolve().parent.parent
CASES = Path(__file__).parent / "data" / "cases"


def squash(value: object) -> str:
    return re.sub(r"\s+", "", "" if value is None else str(value))


@pytest.mark.parametrize("maker", ["calc", "writer"])
def test_a_date_inside_an_explanation_opens_no_row(maker):
    """Read as a row's date, the date made a row of its own (Writer) or shifted every later
    row's date by one with no flag (Calc's two-pass order).  It stays in its explanation; the
    row says it is unsure, and the document says a date line opened no row."""
    expected = json.loads((CASES / f"raw_date_in_explanation_{maker}.expected.json").read_text("utf-8"))
    result = extract_document(CASES / f"raw_date_in_explanation_{maker}.txt")
    got = result.records
    assert len(got) == len(expected)
    assert [r.change_date for r in got] == [e["change_date"] for e in expected]
    holder = [k for k, e in enumerate(expected) if "令和2年7月1日" in e["explanation"]]
    assert len(holder) == 1
    row = got[holder[0]]
    assert "令和2年7月1日" in row.explanation
    assert "row_split_guess" in row.flags and row.confidence < 0.5
    assert result.status == "partial"
    assert any("date lines" in n for n in result.notes)


def test_an_item_does_not_end_inside_a_line_of_two_cells():
    """``①連絡先`` / ``○○市財務部市民税課 電話０１２３－４５`` (a Calc table's -raw text, the
    cell's full-width space printed as a space): the first piece is the before cell's, not the
    item's last line; a multi-line item cannot share its last baseline with the next cell's
    first, and the pieces of one line stay in one cell."""
    case = ROOT / "samples" / "office" / "calc-zeimu-pdftotext-raw"
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(case / "input.txt").records
    k = next(k for k, e in enumerate(expected) if e["item"].endswith("①連絡先"))
    for field in ("item", "before", "after", "explanation"):
        assert squash(getattr(got[k], field)) == squash(expected[k][field]), field


def test_the_item_cut_inside_a_printed_line_costs_more():
    """The scorer's rule itself: a cut between two pieces of one printed line after an item of
    several lines costs ``item_in_line_cut_penalty``; a cut at the end of that line does not."""
    from piatable.models import CellLine
    from piatable.normalize.partition import BlockScorer
    from piatable.settings import Settings

    s = Settings()
    lines = [
        CellLine("Ⅴ開示請求、問合せ", 1, 1),
        CellLine("①連絡先", 1, 2),
        CellLine("○○市財務部市民税課", 1, 3),
        CellLine("電話０１２３", 1, 3),
    ]
    scorer = BlockScorer(lines, 20, 30, "", s.stream, s.rejoin)
    assert scorer.cut_i[3] >= s.stream.item_in_line_cut_penalty
    assert scorer.cut_i[2] < s.stream.item_in_line_cut_penalty


def test_a_row_with_a_merged_timing_keeps_its_own_explanation():
    """A Writer row whose timing cell is merged with the row above prints no timing; its last
    line (主務省令の規定の追記) is its own explanation, not the after cell's end, and the row
    above's explanation is not copied into it.  The reading is a guess told by the widths: its
    evidence says so (``cut_guess``) and its confidence is lowered, with no flag (measured on the
    tuning samples, such guesses were right about as often as wrong: issue 12)."""
    case = ROOT / "samples" / "office2" / "writer-mix2-pdftotext-raw"
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    got = extract_document(case / "input.txt").records
    k = next(k for k, e in enumerate(expected) if e["explanation"] == "主務省令の規定の追記")
    assert squash(got[k].explanation) == squash(expected[k]["explanation"])
    assert "column_guess" not in got[k].flags and got[k].confidence <= 0.6
    assert any(e.startswith("row: cut_guess: the row's own explanation") for e in got[k].evidence)


def test_a_cell_ending_beside_the_next_after_several_lines_is_a_guess():
    """A before cell of three printed lines whose last piece shares a line with the after
    cell's first: a cell drawn from the row's top cannot end so; the row is column_guess."""
    from piatable.models import CellLine, RawRow
    from piatable.normalize.cut_gaps import late_cut_doubt

    row = RawRow()
    row.cells["item"] = [CellLine("Ⅴ開示請求、問合せ", 1, 1), CellLine("①連絡先", 1, 2)]
    row.cells["before"] = [CellLine("電話０１２３－", 1, 3), CellLine("４５－６７８９", 1, 4)]
    row.cells["before"].append(CellLine("○○市財政部市民税課", 1, 5))
    row.cells["after"] = [CellLine("電話０１２３－", 1, 5), CellLine("４５－６７００", 1, 6)]
    assert late_cut_doubt(row)
    row.cells["before"] = row.cells["before"][2:]  # one line high: may end beside the next
    assert not late_cut_doubt(row)


def test_font_run_spaces_around_digits_and_numerals_go():
    """Writer sets digits and Ⅰ…Ⅵ, ①…⑳ in another font: pdftotext and pypdfium2 print a space
    at each font change.  Removed where the document shows them; real spaces stay."""
    from piatable.normalize.hygiene import join_font_runs

    text = "\n".join(
        [
            "Ⅰ 関連情報",
            "① 部署",
            "平成 28 年 8 月 25 日 令和 2 年 11 月 20 日 再評価に伴う修正",
            "[ 10 人以上 50 人未満 ]",
            "電話 0123-45-6700 〒100-0001 ○○市",
        ]
    )
    out, changed = join_font_runs(text)
    assert out.split("\n") == [
        "Ⅰ関連情報",
        "①部署",
        "平成28年8月25日 令和2年11月20日 再評価に伴う修正",
        "[ 10人以上50人未満 ]",
        "電話 0123-45-6700 〒100-0001 ○○市",
    ]
    assert changed == 4
    # A document that prints its digits without such spaces is left alone.
    plain = "令和5年4月1日\n平成31年4月1日 時点\n第 2 号"
    assert join_font_runs(plain) == (plain, 0)
    # So is a text of boxes parted by blank lines (pdfminer, plain pdftotext).
    boxed = text.replace("\n", "\n\n")
    assert join_font_runs(boxed) == (boxed, 0)


def test_two_dates_side_by_side_are_two_cells():
    from piatable.normalize.compound import cells_of_line

    pair = cells_of_line("平成28年8月25日 令和2年11月20日", gaps=True)
    assert pair == ["平成28年8月25日", "令和2年11月20日"]
    assert cells_of_line("平成31年4月1日 時点", gaps=True) == ["平成31年4月1日 時点"]


def test_a_section_inside_a_body_cell_is_a_row_split_guess():
    from piatable.models import Record
    from piatable.normalize.evidence import section_in_body_doubts

    fields = dict(
        source="x",
        row_index=0,
        page_start=None,
        page_end=None,
        change_date=None,
        change_date_raw="",
        item="Ⅱ特定個人情報ファイルの概要",
        item_path=["Ⅱ特定個人情報ファイルの概要"],
        before="",
        after="",
        timing="事後",
    )
    wrong = Record(**fields, explanation="追加\n平成30年7月 Ⅱ特定個人情報ファイルの概 再委託")
    assert [d.kind for d in section_in_body_doubts(wrong)] == ["row_split_guess"]
    right = Record(**fields, explanation="評価書様式の改正に伴う追加")
    assert section_in_body_doubts(right) == []


def test_an_edit_pair_and_the_cell_after_it_on_one_line():
    """Before, after and explanation cells one line each, side by side: the first two read
    alike; a cut may fall where a font-run space was removed (未満|100)."""
    from piatable.normalize.compound import cells_of_line

    line = "平成31年4月1日 時点 令和3年4月1日 時点 時点修正"
    assert cells_of_line(line, gaps=True) == ["平成31年4月1日 時点", "令和3年4月1日 時点", "時点修正"]
    line = "50人以上100人未満100人以上500人未満 会計年度任用職員の増員による修正"
    assert cells_of_line(line, gaps=True) == [
        "50人以上100人未満",
        "100人以上500人未満",
        "会計年度任用職員の増員による修正",
    ]
    # Dates that do not read alike are not cut at a joint.
    line = "令和元年6月1日から令和元年6月30日まで 令和5年1月4日から令和5年2月3日まで 再評価の実施に伴う修正"
    assert cells_of_line(line, gaps=True)[0] == "令和元年6月1日から令和元年6月30日まで"


def test_a_cell_ends_beside_the_next_only_when_short():
    from piatable.models import CellLine
    from piatable.normalize.singlepass import cut_beside_allowed

    one = [CellLine("市民課", 1, 5)]
    two = [CellLine("○○市総務部行政管理課 〒123-4567 ○○市", 1, 4), CellLine("本町一丁目１番１号", 1, 5)]
    expl = [CellLine("組織改正及び電話番号の変更によ", 1, 5), CellLine("る修正", 1, 6)]
    assert cut_beside_allowed(one, expl)
    assert cut_beside_allowed(two, [CellLine("組織改正による修正", 1, 5)])
    assert not cut_beside_allowed(two, expl)


def test_digit_runs_broken_onto_lines_of_their_own_are_joined():
    """pypdfium2 text of a Writer table whose half-width digits are set in another font (a new
    user's .docx): the text breaks a line where each digit run begins and ends (``年`` / ``1 回、
    内部監査を実`` / ``施する。``).  Such lines are joined back when the document shows the
    pattern (hygiene.join_digit_lines; dates are left to the date readers, which put a narrow
    column's wrapped date together)."""
    from piatable.normalize.hygiene import join_digit_lines

    text = "変更前\n年\n1 回、内部監査を実\n施する。\n第\n19\n条第\n8\n号\n令和\n5\n年"
    out, n = join_digit_lines(text)
    assert out.split("\n") == ["変更前", "年1 回、内部監査を実", "施する。", "第19条第8号", "令和", "5", "年"]
    assert n == 5
    # One digit run alone is not the document's pattern (a page number, a wrapped number).
    assert join_digit_lines("第\n19\n条") == ("第\n19\n条", 0)
    got = extract_document(CASES / "writer_pdfium_digit_font_runs.txt")
    assert any("broken at digits" in n for n in got.notes)
    recs = got.records
    assert [r.before.replace(" ", "") for r in recs[2:3]] == ["年1回、内部監査を実施する。"]
    assert recs[1].before.replace("\n", "").replace(" ", "") == "番号法第19条第8号別表第二第9項"
