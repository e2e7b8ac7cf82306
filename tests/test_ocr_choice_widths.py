"""A count answer's digits in the width the forms print them (extract/ocr/choice_widths.py)."""

from __future__ import annotations

import json
from pathlib import Path

from piatable.extract.ocr.choice_widths import CHOICE, half_width_choice, half_width_choices
from piatable.models import CellLine, RawRow

ROOT = Path(__file__).resolve().parent.parent


def test_full_width_digits_of_a_count_choice_made_half() -> None:
    assert half_width_choice("[５０人以上100人未満]") == "[50人以上100人未満]"
    assert half_width_choice("[ １０万人以上３０万人未満 ]") == "[ 10万人以上30万人未満 ]"
    assert half_width_choice("[ １，０００人以上１万人未満 ]") == "[ 1,000人以上1万人未満 ]"
    assert half_width_choice("[ ３０万人以上 ]") == "[ 30万人以上 ]"


def test_other_text_kept() -> None:
    for text in ("５０人以上を対象とする", "[ 十分である ]", "[○]３名", "（５０人以上１００人未満）"):
        assert half_width_choice(text) == text


def test_rows_flagged() -> None:
    row = RawRow(cells={"before": [CellLine("[５０人以上100人未満]")], "after": [CellLine("[ 100人以上 ]")]})
    assert half_width_choices([row]) == 1
    assert row.cells["before"][0].text == "[50人以上100人未満]"
    assert "ocr_corrected" in row.flags


def test_every_truth_choice_is_half_width() -> None:
    # The rule's premise, on the tuning samples' truth: no count choice prints a full-width digit.
    seen = 0
    for path in (ROOT / "samples").glob("office*/*/expected/records.json"):
        for rec in json.loads(path.read_text("utf-8")):
            for f in ("before", "after"):
                for m in CHOICE.finditer(rec.get(f) or ""):
                    seen += 1
                    assert half_width_choice(m.group(0)) == m.group(0)
    assert seen > 100
