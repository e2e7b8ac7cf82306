"""Issue 12, branch rightwarn61b: checks narrowed where right rows showed a shape they did not
mean (a place column's span, a whole システムN block, a FORM_SUB_LABELS heading in OCR), checks
added where wrong rows went unwarned (a text cell holding another cell's head, the row above one
whose item opens with its last heading), and flags found after scoring that now cost their
weight."""

from __future__ import annotations

from piatable.models import Doubt, Record
from piatable.normalize.confidence import add_late_flags
from piatable.normalize.cut_checks import placed_doubts
from piatable.normalize.glued_cell_heads import glued_head_doubts
from piatable.normalize.items import non_heading_paragraphs
from piatable.normalize.place_column import SPAN_NOTE, UNSURE_NOTE, strip_place_column
from piatable.normalize.table_doubts import document_doubts
from piatable.pipeline import extract_document
from piatable.settings import QualitySettings

from .conftest import SAMPLES

Q = QualitySettings()


def _record(item_path: list[str] | None = None, **cells: str) -> Record:
    fields = {"item": "", "before": "", "after": "", "explanation": ""} | cells
    path = item_path if item_path is not None else [p for p in fields["item"].split("\n") if p]
    return Record("x", 0, 1, 1, "2024-04-01", "", item_path=path, timing="事後", **fields)


def _whys(doubts: list[Doubt]) -> list[str]:
    return [d.why for d in doubts]


# --------------------------------------------------------------------------- place column


def test_layout_pieces_in_the_place_span_warn_only_the_rows_whose_item_took_one():
    # pdfplumber's layout text of a Chromium table: 変更前's later lines open inside the blanked
    # place column (its lines shifted left); they are 変更前's, the rows read right.
    path = SAMPLES / "office-place61" / "p61-chromium-a-pdfplumber-layout" / "input.txt"
    result = extract_document(path)
    assert any(n.startswith(SPAN_NOTE) for n in result.notes), result.notes
    assert UNSURE_NOTE not in result.notes
    warned = [r for r in result.records if "column_guess" in r.flags]
    assert len(warned) < len(result.records)
    assert all("頁" not in r.item for r in result.records)


def test_a_reference_part_left_in_the_span_keeps_every_row_warned():
    # ``21ページ 9行``: the reference pattern takes 21ページ, ``9行`` is left where 変更前 opens.
    text = (
        "   変更日      項目              頁        変更前の記載              変更後の記載         提出時期\n"
        "   2019/4/1    Ⅰ基本情報      21ページ 9行   健康福祉部介護保険課      福祉部高齢介護課     事後\n"
        "   2019/5/1    Ⅰ基本情報      10ページ 2行   市民課                    市民生活部市民課     事後\n"
    )
    out, notes = strip_place_column(text, layout=True)
    assert UNSURE_NOTE in notes, notes
    assert "21ページ" not in out


# --------------------------------------------------------------------------- heading checks


def test_a_whole_block_added_is_no_heading_read_into_the_body():
    whole = _record(
        item="Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム",
        before="システム４\n①システムの名称\u3000団体内統合宛名システム",
        after="削除",
        explanation="誤記の修正",
    )
    assert not [w for w in _whys(placed_doubts(whole)) if "opens with the heading" in w]
    # A heading wrapped over the cell's first two lines still is one.
    wrapped = _record(
        item="Ⅱ特定個人情報ファイルの概要\n２．基本情報", before="②対象となる本人\nの数10万人以上"
    )
    assert [w for w in _whys(placed_doubts(wrapped)) if "heading" in w]


def test_the_form_sub_label_is_a_heading_of_an_ocr_item():
    path = ["Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策", "特定個人情報の消去ルール"]
    assert non_heading_paragraphs([*path, "ルールの内容及びルール遵守の確認方法"], 0.5) == []
    assert non_heading_paragraphs([*path, "全休の"], 0.5) == ["全休の"]


def test_the_row_above_one_opening_with_its_last_heading_is_warned():
    rows = [
        _record(item="Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の内容"),
        _record(item="Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務"),
        _record(item="①事務の名称\nⅡ特定個人情報ファイルの概要\n２．基本情報\n④記録される項目"),
        _record(item="Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n③消去方法"),
    ]
    doubts = document_doubts(rows)
    assert any("this row's end" in d.why for d in doubts[1])
    assert not any("this row's end" in d.why for d in doubts[0] + doubts[3])
    # A heading the form prints right under the row above's last one, read into the row below.
    rows[2] = _record(item="保険年金課長\n①部署")
    rows[1] = _record(item="Ⅰ基本情報\n５．評価実施機関における担当部署")
    assert any("this row's end" in d.why for d in document_doubts(rows)[1])
    # ``付`` of a 変更日 cell read into the item is no heading: the row above is not in doubt.
    rows[2] = _record(item="付\nⅡ特定個人情報ファイルの概要\n２．基本情報\n④記録される項目")
    assert not any("this row's end" in d.why for d in document_doubts(rows)[1])


# --------------------------------------------------------------------------- glued cell heads


def test_a_date_cells_head_glued_to_the_explanation_warns():
    assert glued_head_doubts(_record(explanation="現況届の廃止に伴う修正No 5"))
    assert glued_head_doubts(_record(explanation="現況届の廃止に伴う修正令和6年4月1"))
    assert glued_head_doubts(_record(before="No 5", after="認定請求時及び毎年6月の現況届提出時"))
    assert glued_head_doubts(
        _record(after="児童手当法に基づき…を行う。\n事務の範囲の変更", explanation="重要な変更に当たらない")
    )
    # As printed: a reason, a date with its 日, 上記を新規追加 under a verdict.
    assert not glued_head_doubts(_record(explanation="現況届の廃止に伴う修正"))
    assert not glued_head_doubts(_record(after="令和6年4月1日から施行する。"))
    assert not glued_head_doubts(
        _record(after="海外渡航用の接種証明書の交付\n上記を新規追加", explanation="重要な変更に当たらない")
    )


def test_a_long_heading_glued_inside_a_body_paragraph_warns():
    glued = _record(
        before="・再委託を行う場合は、再委託先にも委託先と同特定個人情報ファイルの取扱いの委託における"
        "その他のリスク及びそのリスクに対する措置"
    )
    assert glued_head_doubts(glued)
    # A whole block's sub-heading opening its own paragraph is the block's.
    block = _record(after="リスク１\n不適切な方法で入手が行われるリスク\n対策を講じている。")
    assert not glued_head_doubts(block)


def test_glued_heads_in_real_texts_warn_wrong_rows():
    # Calc through pdftotext: the 変更日 cell's first line (第４版) read as the before cell.
    path = SAMPLES / "office-datecell60" / "d60-chromium-ban-wide-pdftotext" / "input.txt"
    records = extract_document(path).records
    assert any("prefix line" in e for r in records for e in r.evidence)


# --------------------------------------------------------------------------- late flags


def test_a_flag_found_after_scoring_costs_its_weight():
    r = _record(before="３０ 日間")
    r.confidence, r.cell_confidence = 0.934, {"before": 0.98, "timing": 0.99}
    add_late_flags(r, {"unmapped_glyphs"}, Q)
    assert "unmapped_glyphs" in r.flags
    assert r.confidence < 0.7
    assert r.cell_confidence["before"] < 0.9
    again = r.confidence
    add_late_flags(r, {"unmapped_glyphs"}, Q)  # once only
    assert r.confidence == again


def test_a_piece_of_a_body_line_in_the_explanation_warns():
    from piatable.normalize.foreign_tails import explanation_echo_doubts

    row = _record(
        before="市町村からの法令に基づく委任を受け、通知送付する。",
        after="市町村からの法令に基づく委任を受け、個人カード及び交付申請書を印刷し、し、送付する。",
        explanation="組織改編に伴う修正\n番号通知書及び交付申請書を印刷",
    )
    assert explanation_echo_doubts(row)
    # A second paragraph that is the explanation's own (a verdict, a reason) is left alone.
    row.explanation = "組織改編に伴う修正\n交付申請書を印刷する事務の変更"
    assert not explanation_echo_doubts(row)


def test_a_number_torn_from_its_counter_after_an_earlier_before_paragraph_warns():
    from piatable.normalize.evidence import cut_doubts

    row = _record(
        before="番号法第19\n表第二",
        after="条第7 号及び別 番号法第19 条第8 号及び別表第二（第二欄に掲げる事務）",
        explanation="記載内容の時点修正",
    )
    assert [d for d in cut_doubts(row) if "before paragraph" in d.why]
    # A telephone number's digits end a paragraph as printed.
    row.before = "○○市本町一丁目１番１号 電話0123-45-6789\n市民課"
    row.after = "号館２階"
    assert not [d for d in cut_doubts(row) if "before paragraph" in d.why]
