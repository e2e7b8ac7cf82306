"""Block titles' brackets put back (extract/ocr/block_titles.py)."""

from __future__ import annotations

from pathlib import Path

from piatable.extract.ocr.block_titles import restore_block_title, restore_block_titles
from piatable.models import CellLine, RawRow

from .truth_files import rows_of, set_starts, truth_copies

ROOT = Path(__file__).resolve().parent.parent


def test_lost_or_misread_brackets_put_back() -> None:
    assert restore_block_title("ガバメントクラウドにおける措置") == "＜ガバメントクラウドにおける措置＞"
    assert restore_block_title("く既存住基システムにおける措置") == "＜既存住基システムにおける措置＞"
    assert restore_block_title("＜既存住基システムにおける措置") == "＜既存住基システムにおける措置＞"
    assert restore_block_title("【内部監査") == "【内部監査】"
    assert restore_block_title("【外部監査」") == "【外部監査】"


def test_other_lines_kept() -> None:
    for line in (
        "１．運用における措置",
        "・システムにおける措置",
        "【内部監査】情報セキュリティ監査を行う",
        "【内部監査において、委託先の管理状況を確認する",
        "＜既存住基システムにおける措置＞",
        "次の事項における措置を講じる。",
    ):
        assert restore_block_title(line) == line


def test_rows_flagged() -> None:
    row = RawRow(
        cells={"after": [CellLine("【内部監査"), CellLine("情報セキュリティ監査を年１回実施する。")]}
    )
    assert restore_block_titles([row]) == 1
    assert row.cells["after"][0].text == "【内部監査】"
    assert "ocr_corrected" in row.flags


def test_no_truth_line_changes() -> None:
    # Each distinct truth file checked once, its lines counted for every copy (tests/truth_files.py).
    seen = 0
    for text, copies in truth_copies(lambda path: set_starts(path, "office")).items():
        for rec in rows_of(text):
            for f in ("before", "after", "explanation"):
                for line in (rec.get(f) or "").split("\n"):
                    seen += copies
                    assert restore_block_title(line) == line
    assert seen > 1000
