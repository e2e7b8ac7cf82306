"""One-character speck lines dropped from OCR cells (extract/ocr/speck_lines.py)."""

from __future__ import annotations

from piatable.extract.ocr.speck_lines import drop_speck_lines, drop_speck_marks, speck_mark_text
from piatable.models import CellLine, RawRow


def _row(field: str, lines: list[tuple[str, bool | None]]) -> RawRow:
    return RawRow(cells={field: [CellLine(t, wraps=w) for t, w in lines]})


def test_speck_after_a_finished_paragraph_dropped() -> None:
    row = _row(
        "after",
        [("ア　提供先ごとに提供方法を定める。", False), ("行", None), ("イ　提供の記録を残す。", None)],
    )
    assert drop_speck_lines([row]) == 1
    assert [cl.text for cl in row.cells["after"]] == [
        "ア　提供先ごとに提供方法を定める。",
        "イ　提供の記録を残す。",
    ]
    assert "ocr_corrected" in row.flags
    assert any("'行'" in d.why for d in row.doubts)


def test_speck_after_a_short_line_before_a_list_mark_dropped() -> None:
    row = _row("before", [("(2)保険給付に関する事務", False), ("は", None), ("(3)保険税の賦課", None)])
    assert drop_speck_lines([row]) == 1
    assert [cl.text for cl in row.cells["before"]] == ["(2)保険給付に関する事務", "(3)保険税の賦課"]


def test_wrapped_tails_kept() -> None:
    # A line that reaches the cell's edge wraps on: its one-character tail is text.
    row = _row("before", [("(1)被保険者の資格の取得に関する事", True), ("務", None), ("(2)保険給付", None)])
    # A heading wraps with a one-character tail before the next numbered heading.
    item = _row("item", [("７．評価実施機関における担当部", False), ("署", None), ("①部署", None)])
    assert drop_speck_lines([row, item]) == 0
    assert [cl.text for cl in row.cells["before"]][1] == "務"
    assert [cl.text for cl in item.cells["item"]][1] == "署"


def test_the_wrapped_end_of_a_negation_is_kept() -> None:
    # Short of the cell's edge before a line of its own: still the い of 該当しない, no speck.
    row = _row("explanation", [("重要な変更に該当しな", False), ("い", None), ("・様式の変更", None)])
    assert drop_speck_lines([row]) == 0
    assert [cl.text for cl in row.cells["explanation"]][1] == "い"


def test_particle_line_before_a_list_mark_dropped() -> None:
    row = _row("before", [("(1)窓口における本人確認の徹底", True), ("の", None), ("(2)届出書の確認", None)])
    assert drop_speck_lines([row]) == 1
    assert [cl.text for cl in row.cells["before"]] == ["(1)窓口における本人確認の徹底", "(2)届出書の確認"]


def test_speck_marks() -> None:
    assert speck_mark_text(["(1)本人確認の徹底の", "(2)届出書の確認"], "before") == [
        "(1)本人確認の徹底",
        "(2)届出書の確認",
    ]
    assert (
        speck_mark_text(["７．評価実施機関における担当部署", "の②所属長の役職名"], "item")[1]
        == "②所属長の役職名"
    )
    assert speck_mark_text(["((3)保険税の賦課"], "before") == ["(3)保険税の賦課"]
    # A wrap after の (the next line opens no list mark) and の opening a body line stay.
    kept = ["個人番号の", "利用に関する事務", "の②に定める"]
    assert speck_mark_text(kept, "before") == kept


def test_no_truth_cell_changes() -> None:
    from .truth_files import rows_of, set_starts, truth_copies

    # Each distinct truth file checked once, its cells counted for every copy (tests/truth_files.py).
    seen = 0
    for text, copies in truth_copies(lambda path: set_starts(path, "office")).items():
        for rec in rows_of(text):
            for f in ("item", "before", "after", "explanation"):
                lines = (rec.get(f) or "").split("\n")
                seen += copies
                assert speck_mark_text(lines, f) == lines
                row = RawRow(cells={f: [CellLine(t) for t in lines]})
                assert drop_speck_lines([row]) == 0
    assert seen > 1000


def test_an_item_heading_read_with_a_speck_is_matched_again_without_it() -> None:
    row = RawRow()
    row.cells["item"] = [
        CellLine("Ⅰ関連情報"),
        CellLine("７．評価実施機関における担当部署"),
        CellLine("の②所尾長の役職名"),
    ]
    assert drop_speck_marks([row]) == 1
    assert row.cells["item"][2].text == "②所属長の役職名"
    assert "ocr_corrected" in row.flags


def test_short_item_lines_between_whole_headings_are_specks() -> None:
    row = _row(
        "item",
        [
            ("Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策", False),
            ("７．特定個人情報の保管・消去", False),
            ("全", False),
            ("リスク１：特定個人情報の漏えい・滅失・毀損リスク", False),
        ],
    )
    assert drop_speck_lines([row]) == 1
    assert [cl.text for cl in row.cells["item"]][2].startswith("リスク１")
    row = _row(
        "item",
        [
            ("Ⅱしきい値判断項目", False),
            ("１．対象人数", False),
            ("の二", False),
            ("評価対象の事務の対象人数は何人か", False),
        ],
    )
    assert drop_speck_lines([row]) == 1


def test_heading_tails_stay() -> None:
    # A line before that reaches the cell's edge (wrapped), or is no whole heading, or that the
    # short line lengthens into a heading: a tail, kept.
    for lines in (
        [("７．特定個人情報の保管・消去", True), ("全", False), ("リスク１：漏えい", False)],
        [("７．評価実施機関における担当部", False), ("署", False), ("①部署", False)],
        [("①部", False), ("署", False), ("②所属長の役職名", False)],
        [("１．対象人数", False), ("の二", False), ("本文の続き", False)],
    ):
        row = _row("item", lines)
        assert drop_speck_lines([row]) == 0, lines


def test_a_digit_or_letter_alone_after_a_closed_line_is_a_speck() -> None:
    row = _row("after", [("[十分である]", False), ("0", False), ("上記を新規追加", False)])
    assert drop_speck_lines([row]) == 1
    assert [cl.text for cl in row.cells["after"]] == ["[十分である]", "上記を新規追加"]
    # The first line is never dropped (a cell of one digit).
    row = _row("after", [("1", False)])
    assert drop_speck_lines([row]) == 0
