"""Evidence of a flattened-text row's wrong cuts (issue 12, normalize/cut_checks.py and
passone.close_cut_doubts): checks that fire where lines moved across a cell boundary and stay
quiet on right rows."""

from __future__ import annotations

import json

from piatable.models import CellLine, RawRow, Record
from piatable.normalize.cut_checks import cut_line_doubts, placed_doubts, torn_word_doubts
from piatable.pipeline import extract_document
from piatable.settings import QualitySettings

from .conftest import SAMPLES, is_expected_row

Q = QualitySettings()
# The reasons this module's checks give (evidence lines), and passone's margins.
REASONS = (
    "a word runs on from",
    "the explanation opens with",
    "the explanation closes a bracket",
    "the explanation repeats the before",
    "the item ends like an explanation",
    "opens with a heading of the form and a value",
    "over moving it",
)


def _row(cells: dict[str, list[tuple[str, int]]], timing_line: int) -> RawRow:
    row = RawRow()
    for key, lines in cells.items():
        row.cells[key] = [CellLine(text, 1, n) for text, n in lines]
    row.cells["timing"] = [CellLine("事後", 1, timing_line)]
    row.widths = {"item": 20, "before": 36, "after": 36, "explanation": 36}
    return row


def _record(**cells: str) -> Record:
    fields = {"item": "", "before": "", "after": "", "explanation": ""} | cells
    return Record("x", 0, 1, 1, None, "", item_path=[], timing="事後", **fields)


WORD_SPLIT = {
    "item": [("Ⅰ基本情報", 10), ("②事務の内容", 11)],
    "before": [("住民基本台帳法に基づき、住民の居住関係の公証", 12)],
    "after": [("住民基本台帳法に基づき、住民の居住関", 13)],
    "explanation": [("係の公証、選挙人名簿の登録その他", 14)],
}


def test_a_word_torn_between_after_and_explanation_is_a_column_guess():
    """``…住民の居住関`` | ``係の公証…``: a line wrapped inside a word is inside one cell."""
    doubts = cut_line_doubts(_row(WORD_SPLIT, timing_line=2), Q)  # the timing read in pass 1
    assert {(d.kind, d.field) for d in doubts} == {("column_guess", "after"), ("column_guess", "explanation")}
    assert "居住関|係の公" in doubts[0].why


def test_a_boundary_the_timing_marks_is_left_alone():
    """Row-ordered text prints the 事前/事後 between the after cell and the explanation (here on
    the after cell's last printed line): that cut is the text's own, not a guess."""
    assert cut_line_doubts(_row(WORD_SPLIT, timing_line=13), Q) == []


def test_cells_placed_by_geometry_are_left_alone():
    row = _row(WORD_SPLIT, timing_line=2)
    row.widths = {}
    assert cut_line_doubts(row, Q) == []


def test_an_explanation_holding_the_after_cells_tail_is_a_column_guess():
    closing = {
        "item": [("Ⅱ特定個人情報ファイルの概要", 10)],
        "after": [("[○]紙", 11), ("[○]その他（住民基本台帳ネットワークシ", 12)],
        "explanation": [("ステム）", 13)],
    }
    # A word torn (…ネットワークシ | ステム) and a bracket closed that the explanation never opened.
    assert cut_line_doubts(_row(closing, timing_line=2), Q)
    closing["explanation"] = [("）の追加", 13)]
    assert any("opens with ）" in d.why for d in cut_line_doubts(_row(closing, timing_line=2), Q))


def test_text_placed_in_the_wrong_column_is_a_column_guess():
    assert placed_doubts(
        _record(after="[ 再委託しない ]", explanation="[ 再委託する ]\n画像データ化業務の再委託")
    )
    assert placed_doubts(
        _record(item="Ⅱ特定個人情報ファイルの概要", after="上記を新規追加", explanation="委託事項２")
    )
    assert placed_doubts(
        _record(item="Ⅱ特定個人情報ファイルの概要\n２．基本情報", before="②対象となる本人の数 10万人")
    )
    assert placed_doubts(_record(item="Ⅰ基本情報\n①部署\n組織改正による部署名の変更", before="市民課"))


def test_a_heading_read_into_the_body_cell_or_a_list_cut_in_two_is_a_column_guess():
    """The item's last heading (unnumbered, or wrapped over the body's first lines) opening the
    before cell with its value; the tail of a wrapped heading in the body cell; one numbered list
    cut between before and after."""
    item = "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n⑦使用の主体"
    assert placed_doubts(_record(item=item, before="使用者数50人以上100人未満"))
    assert placed_doubts(_record(item=item, before="いつ時点の計数か 平成31年4月1日 時点"))
    assert placed_doubts(
        _record(item="Ⅱ特定個人情報ファイルの概要", before="②対象となる本人\nの数10万人以上")
    )
    item = "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託\n③委託先における取扱者"
    assert placed_doubts(_record(item=item, after="[ 10人以上50人未満 ]\n数"))
    lists = _record(
        before="（１．従業者が事務外で使用するリスクへの措置）\n・端末を制限する。",
        after="（２．特定個人情報ファイルが不正に複製されるリスクへの措置）\n・記録を残す。",
    )
    assert any("numbered list" in d.why for d in placed_doubts(lists))
    # A heading word running on in a sentence, a list that starts again, a whole heading: quiet.
    assert placed_doubts(_record(item=item + "数", before="使用開始日から通知カード送付まで")) == []
    again = _record(
        before="①窓口で確認する。\n②郵送で確認する。", after="①窓口で確認する。\n②電子申請で確認する。"
    )
    assert placed_doubts(again) == []


def test_a_right_row_is_quiet():
    record = _record(
        item="Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署",
        before="市民部市民課",
        after="市民生活部市民課",
        explanation="組織改正による部署名の変更\n重大な変更に該当しない",
    )
    assert placed_doubts(record) == []
    lines = {
        "item": [("Ⅰ基本情報", 10), ("①部署", 11)],
        "before": [("市民部市民課", 12)],
        "after": [("市民生活部市民課", 13)],
        "explanation": [("組織改正による部署名の変更", 14)],
    }
    assert cut_line_doubts(_row(lines, timing_line=2), Q) == []


def test_on_calc_pass_one_texts_the_checks_fire_on_wrong_rows_only():
    """samples/office-passone (LibreOffice Calc, pypdfium2): every row these checks warn about differs
    from every expected row, and they warn about some."""
    fired = 0
    for folder in sorted((SAMPLES / "office-passone").glob("calc-w*-pypdfium2"))[:10]:
        expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
        for rec in extract_document(folder / "input.txt").records:
            if not any(reason in line for line in rec.evidence for reason in REASONS):
                continue
            fired += 1
            assert "column_guess" in rec.flags and rec.confidence < 0.9
            assert not is_expected_row(rec, expected), (folder.name, rec.evidence)
    assert fired >= 10


def test_an_explanation_holding_a_contacts_number_is_a_column_guess():
    """A telephone number or a postal code is a before/after value (a department's contact): in
    the explanation it was read from the after cell; an explanation about a changed number is not."""
    from piatable.normalize.evidence import column_doubts

    moved = _record(
        after="○○市財政部市民税課",
        explanation="電話０１２３－４５－６７００\n組織改正及び電話番号の変更による修正",
    )
    assert any("contact" in d.why and d.kind == "column_guess" for d in column_doubts(moved))
    assert (
        column_doubts(_record(after="○○市財政部市民税課", explanation="組織改正及び電話番号の変更による修正"))
        == []
    )


def test_an_explanation_printed_as_new_between_rulings_is_not_a_column_guess():
    """新規追加 as the explanation of an added row: in text read without rulings it may be the
    after cell's end read on (column_guess); between a PDF's drawn rulings the grid placed it in
    the explanation's own cell (a new user's Calc table: right rows were warned)."""
    rec = _record(
        item="Ⅱ特定個人情報ファイルの概要\n②入手方法",
        after="[○]情報提供ネットワークシステム",
        explanation="新規追加",
    )
    assert {d.field for d in placed_doubts(rec)} == {"after", "explanation"}
    assert placed_doubts(rec, ruled=True) == []


def _layout_row(cells: dict[str, list[tuple[str, int]]]) -> RawRow:
    """A ``-layout`` row: its cells cut by positions (``RawRow.positioned``), wrap widths set."""
    row = _row(cells, timing_line=1)
    for lines in row.cells.values():
        for cl in lines:
            cl.wraps = None
    row.positioned = True
    return row


def test_values_side_by_side_in_layout_text_tear_no_word():
    """``有`` | ``無``, ``3/15`` | ``4/1``, an item's last line ``①入手元`` beside the before
    cell's first ``本人又は…``: the -layout text set them apart by its own spacing on one printed
    line, so no word runs on between them (these had warned 12 right rows of
    samples/office-values44 and the held-out sets, and no wrong one)."""
    for before, after in (("有", "無"), ("3/15", "4/1"), ("なし", "あり")):
        cells = {"item": [("②所属長の役職名", 1)], "before": [(before, 1)], "after": [(after, 1)]}
        rec = _record(item="②所属長の役職名", before=before, after=after)
        assert torn_word_doubts(_layout_row(cells), rec) == []
    item_beside = {
        "item": [("Ⅱ特定個人情報ファイルの概要", 1), ("①入手元", 2)],
        "before": [("本人又は本人の代理人", 2)],
    }
    rec = _record(item="Ⅱ特定個人情報ファイルの概要\n①入手元", before="本人又は本人の代理人")
    assert torn_word_doubts(_layout_row(item_beside), rec) == []


def test_a_word_torn_over_printed_lines_of_layout_text_is_still_a_column_guess():
    """The after cell's last line and the explanation's first on different printed lines:
    a line wrapped inside a word (``…居住関`` | ``係の公証…``), whatever cut the cells."""
    row = _layout_row(WORD_SPLIT)
    rec = _record(**{k: "\n".join(t for t, _ in v) for k, v in WORD_SPLIT.items()})
    assert {d.field for d in torn_word_doubts(row, rec)} == {"after", "explanation"}
    # Flattened text without positions keeps the check on one printed line too (-raw's pieces).
    flat = _row({"before": [("居住関", 1)], "after": [("係の公証", 1)]}, timing_line=2)
    assert torn_word_doubts(flat, _record(before="居住関", after="係の公証"))


def test_a_number_beside_a_placeholder_name_or_a_date_beside_a_date_tears_no_word():
    """Set IX's c1 / c4 as pypdfium2 and ``pdftotext -raw`` print them: the before cell's last
    line a telephone number or a whole date on one line, the after cell's first line on the
    next (``…6789`` | ``〇〇市市民部…``; ``2022.4.1`` | ``2023.4.1``).  The line check
    (``cut_line_doubts``) read a number torn across them; a torn date or word still warns."""
    q = QualitySettings()
    for before, after in (("電話：０１２３－４５－６７８９", "〇〇市市民部"), ("2022.4.1", "2023.4.1")):
        row = _row({"before": [(before, 1)], "after": [(after, 2)]}, timing_line=3)
        assert not [d for d in cut_line_doubts(row, q) if "runs on" in d.why]
        assert torn_word_doubts(row, _record(before=before, after=after)) == []
    torn = _row({"before": [("2022.4.1", 1)], "after": [("5日まで", 2)]}, timing_line=3)
    assert [d.field for d in cut_line_doubts(torn, q) if "runs on" in d.why] == ["before", "after"]
