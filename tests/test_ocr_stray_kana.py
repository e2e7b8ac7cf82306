"""A hiragana read from a speck before a katakana word is dropped (extract/ocr/stray_kana.py)."""

from __future__ import annotations

import pytest

from piatable.extract.ocr.stray_kana import _BEFORE_KATAKANA, drop_stray_before_katakana

from .truth_files import case_depth, distinct_rows


@pytest.mark.parametrize(
    ("read", "written"),
    [
        # Misreads of the tuning scans (office calc-juki-b, calc-lists).
        ("株式会社○○ひシステムサービス", "株式会社○○システムサービス"),
        (
            "特定個人情報の取扱いに係るをリスクを軽減するための",
            "特定個人情報の取扱いに係るリスクを軽減するための",
        ),
        (
            "特定個人情報の取扱いに係るあリスクを軽減するための",
            "特定個人情報の取扱いに係るリスクを軽減するための",
        ),
        # Particles before katakana stay.
        ("情報をシステムに登録する", "情報をシステムに登録する"),
        ("保管場所はガバメントクラウドとする", "保管場所はガバメントクラウドとする"),
        ("生体認証とパスワードによる", "生体認証とパスワードによる"),
        ("○○のシステム", "○○のシステム"),
    ],
)
def test_stray_hiragana_before_katakana(read: str, written: str) -> None:
    assert drop_stray_before_katakana(read) == written


def test_no_truth_line_of_the_samples_changes() -> None:
    lines = set()
    for row in distinct_rows(lambda path: case_depth(path) and "heldout" not in str(path)):
        for f in ("item", "before", "after", "explanation"):
            lines.update(ln for ln in str(row.get(f) or "").split("\n") if _BEFORE_KATAKANA.search(ln))
    assert len(lines) > 50
    assert [ln for ln in sorted(lines) if drop_stray_before_katakana(ln) != ln] == []
