"""An item cell's lost section line put back from the item column's grammar
(extract/ocr/section_lines.py), and left out where the table prints sections once per run."""

from __future__ import annotations

from piatable.extract.ocr.section_lines import restore_section_lines
from piatable.models import CellLine, RawRow


def _rows(items: list[str]) -> list[RawRow]:
    return [RawRow(cells={"item": [CellLine(t) for t in item.split("\n")]}) for item in items]


EVERY_ROW = [
    "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の概要",
    "Ⅰ基本情報\n６．情報提供ネットワークシステムによる情報連携\n②法令上の根拠",
    "Ⅵ評価実施手続\n３．第三者点検\n③結果",
    "２．国民・住民等からの意見の聴取\n①方法",
    "７．評価実施機関における担当部署\n①部署",
]


def test_lost_section_line_put_back() -> None:
    rows = _rows(EVERY_ROW)
    assert restore_section_lines(rows) == 2
    assert [cl.text for cl in rows[3].cells["item"]][:2] == [
        "Ⅵ評価実施手続",
        "２．国民・住民等からの意見の聴取",
    ]
    assert rows[4].cells["item"][0].text == "Ⅰ基本情報"
    assert "ocr_corrected" in rows[3].flags
    assert any(d.kind == "ocr_corrected" and d.field == "item" for d in rows[3].doubts)


def test_wrapped_heading_is_read_whole() -> None:
    rows = _rows([*EVERY_ROW[:3], "７．評価実施機関における担当部\n署\n①部署"])
    assert restore_section_lines(rows) == 1
    assert rows[3].cells["item"][0].text == "Ⅰ基本情報"


def test_section_printed_once_per_run_is_left() -> None:
    # No row prints its section after a row of the same section: the table prints it once per
    # run, so a row under the section of the row before is right without it.
    items = [
        "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の概要",
        "７．評価実施機関における担当部署\n①部署",
        "Ⅵ評価実施手続\n３．第三者点検\n③結果",
        "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n⑦使用の主体",
    ]
    rows = _rows(items)
    assert restore_section_lines(rows) == 0
    assert [cl.text for cl in rows[1].cells["item"]] == items[1].split("\n")


def test_heading_of_several_sections_or_unprinted_section_is_left() -> None:
    items = [
        "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務",
        "Ⅰ基本情報\n６．情報提供ネットワークシステムによる情報連携",
        "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用",
        # Ⅱ or Ⅲ by the forms: no one answer.
        "４．特定個人情報ファイルの取扱いの委託\n委託事項１",
        # Ⅳ only, but the document prints no Ⅳ line to take its spelling from.
        "１．監査\n②監査",
    ]
    rows = _rows(items)
    assert restore_section_lines(rows) == 0
