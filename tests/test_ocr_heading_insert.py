"""A top heading read with one stray character inside it (extract/ocr/heading_fixes.py)."""

from __future__ import annotations

from piatable.extract.ocr.heading_fixes import snap_top_heading
from piatable.extract.ocr.item_lines import snap_item_lines


def test_stray_character_inside_a_top_heading_dropped() -> None:
    lines = ["IVその他のリスクタ対策", "２．従業者に対する教育・啓発", "具体的な方法"]
    assert snap_item_lines(snap_top_heading(lines))[0] == "Ⅳその他のリスク対策"
    assert snap_top_heading(["Ⅱ特定個人情報フアァイルの概要"]) == ["Ⅱ特定個人情報ファイルの概要"]


def test_heading_with_more_printed_after_it_or_short_kept() -> None:
    kept = ("Ⅳその他のリスク対策等", "その他のリスクタ対策", "Ⅰ基本情情報", "Ⅱ特定個人情報ファイルの概要")
    for line in kept:
        lines = [line]
        assert snap_top_heading(lines) == lines
