"""Session 52, branch shred52 (issues 10 and 12; set XIII FAULTS.md kinds 5 and 7): text of
producers other than LibreOffice in column-ordered readers (plain ``pdftotext``, pdfminer)."""

from __future__ import annotations

from pathlib import Path

from piatable import extract_document
from piatable.normalize.dropped_hyphens import drop_hyphenation_marks

DATA = Path(__file__).parent / "data" / "own_runs52"
SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_a_cells_two_paragraphs_stay_with_its_row():
    """Gnumeric in plain pdftotext: one row's 説明 printed as two boxes on a page with more 説明
    boxes than rows (normalize/explanation_own_runs.py).  The base gave the second paragraph to
    the next row and every later row the explanation of the row above, the losing row
    unflagged; each row now takes the boxes of its own run."""
    result = extract_document(DATA / "gnumeric_paragraphs.txt")
    got = [r.explanation for r in result.records]
    assert got == [
        "課の再編に伴う変更",
        "証明書交付サービスの導入に伴う新規追加\n重大な変更に該当しない",
        "命令の題名改正に伴う修正",
        "照合処理の廃止に伴う削除",
        "電子申請手続の開始に伴う追記",
        "評価の再実施に伴う修正",
    ]
    assert all("unplaced_text" not in r.flags for r in result.records)
    assert [r.after for r in result.records][1].endswith("上記を新規追加")


def test_gnumeric_hyphen_at_a_full_width_break_is_dropped():
    """Gnumeric hyphenates ｅＬＴＡＸ at a wrap (``ｅＬＴＡ-`` / ``Ｘ）…``); pdfminer keeps the
    hyphen, which no cell holds: dropped with a note, an ASCII word's hyphen kept."""
    text, n = drop_hyphenation_marks("ステム（ｅＬＴＡ-\nＸ）を経由して\n全職員にe-\nラーニング")
    assert (text, n) == ("ステム（ｅＬＴＡ\nＸ）を経由して\n全職員にe-\nラーニング", 1)
    result = extract_document(SAMPLES / "office-shred52" / "s52-calc-v1-pdfminer" / "input.txt")
    row = result.records[4]
    assert "（ｅＬＴＡＸ）を経由して提出" in row.after.replace("\n", "")
    assert any("Gnumeric's ｅＬＴＡ-/Ｘ" in note for note in result.notes)
