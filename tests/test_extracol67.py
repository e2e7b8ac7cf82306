"""Extra columns read from a label block over several lines (branch extracol67): a page column
(評価書頁) under a two-row block with 変更内容 spanning, a serial column (通番) after 説明 whose
label row wraps; their values set aside with a note, a date joined with such a column's number
warned, and a change mark read at the end of 変更前 put back at the head of 変更後."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.models import CellLine, RawRow
from piatable.normalize.change_marks import move_change_marks
from piatable.normalize.extra_columns import (
    EXTRA_COLUMNS_NOTE,
    extra_columns_of,
    strip_extra_labels,
    strip_extra_values,
    values_set_aside,
)
from piatable.normalize.extra_layout import set_aside_by_place
from piatable.normalize.glued_days import glued_day_doubts
from piatable.normalize.label_blocks import block_lines, block_words

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
WHERE = "between 変更後の記載 and 提出時期"


def test_a_two_row_block_puts_the_lower_row_where_the_spanning_label_stands():
    lines = [
        "変更日 項目",
        "変更内容",
        "提出時期 提出時期に係る説明",
        "変更前の記載 変更後の記載 評価書頁",
        "2024.4.1 3 事後",
    ]
    block = block_lines(lines, 0)
    assert block == [0, 1, 2, 3]
    words = [w for _, _, w in block_words(lines, block, offsets=False)]
    assert words == [
        "変更日",
        "項目",
        "変更前の記載",
        "変更後の記載",
        "評価書頁",
        "提出時期",
        "提出時期に係る説明",
    ]
    one = ["変更日 項目 変更内容 提出時期 提出時期に係る説明 評価書頁 変更前の記載 変更後の記載"]
    words = [w for _, _, w in block_words(one, [0], offsets=False)]
    assert words[2:5] == ["評価書頁", "変更前の記載", "変更後の記載"]


def test_row_ordered_two_row_block_sets_the_page_numbers_aside():
    text = "\n".join(
        [
            "（別添２）変更箇所",
            "変更日 項目",
            "変更内容",
            "提出時期 提出時期に係る説明",
            "変更前の記載 変更後の記載 評価書頁",
            "2024.4.1 3 事後",
            "2024.4.1 5 事後 記録項目の実態に合わせた修正",
        ]
    )
    out, notes = strip_extra_labels(text)
    assert "評価書頁" not in out
    assert extra_columns_of(notes) == [("評価書頁", WHERE)]
    out, counted = strip_extra_values(out, notes)
    assert values_set_aside(counted) == {"評価書頁": 2}
    assert "2024.4.1 事後" in out and " 5 " not in out


def test_a_serial_label_on_the_wrapped_labels_line_is_read_after_the_explanation():
    text = "\n".join(
        [
            "変更日 項目 変更前の記載 変更後の記載 提出時",
            "期",
            "提出時期に係る説明 通番",
            "2025/1/20 Ⅱ 特定個人情報ファイルの概要",
            "転入届等の届出の都度",
            "事前 入手の時期の追記 2",
        ]
    )
    out, notes = strip_extra_labels(text)
    assert extra_columns_of(notes) == [("通番", "after 提出時期に係る説明")]
    out, counted = strip_extra_values(out, notes)
    assert values_set_aside(counted) == {"通番": 1}
    assert out.endswith("事前 入手の時期の追記")


def test_layout_two_row_block_sets_the_page_column_apart_by_place():
    text = "\n".join(
        [
            "                                      変更内容",
            "    変更日      項目                                        提出時期  提出時期に係る説明",
            "                      変更前の記載        変更後の記載  評価書頁",
            "2024.4.1    Ⅱ概要     明示されている。    番号法に明示     3       事後      根拠法令の追記",
        ]
    )
    out, notes = set_aside_by_place(text)
    assert notes and notes[0].startswith(f"an extra column (評価書頁) {WHERE}: 1 pieces")
    assert "     3 " not in out.split("\n")[3]


def test_a_date_joined_with_a_page_number_is_warned():
    notes = [EXTRA_COLUMNS_NOTE.format(label="評価書頁", where="after 変更後の記載")]
    joined, apart = RawRow(), RawRow()
    joined.cells["change_date"] = [CellLine("2024.4.13", wraps=True)]
    apart.cells["change_date"] = [CellLine("2024.4.13")]
    glued_day_doubts([joined, apart], notes)
    assert [(d.kind, d.field) for d in joined.doubts] == [("column_guess", "change_date")]
    assert apart.doubts == []


def test_a_change_mark_at_the_end_of_before_heads_after():
    row = RawRow()
    row.cells["before"] = [CellLine("転入届等の届出の都度 【修正】")]
    row.cells["after"] = [CellLine("転入届等の届出の都度"), CellLine("本人確認情報の変更の通知を受けた都度")]
    kept = RawRow()
    kept.cells["before"] = [CellLine("旧")]
    kept.cells["after"] = [CellLine("【追加】"), CellLine("新")]
    assert move_change_marks([row, kept]) == 1
    assert [c.text for c in row.cells["before"]] == ["転入届等の届出の都度"]
    assert [c.text for c in row.cells["after"]][:2] == ["【修正】", "転入届等の届出の都度"]
    assert [c.text for c in kept.cells["before"]] == ["旧"]


@pytest.mark.parametrize(
    "case",
    [
        "x67-calc-pagemid2-pdftotext-layout",
        "x67-calc-pagemid2-pdftotext-raw",
        "x67-writer-serialast-pypdfium2",
    ],
)
def test_samples_read_without_the_extra_columns_values(case: str, tmp_path: Path):
    from piatable.api import extract_records

    folder = SAMPLES / "office-extracol67" / case
    truth = json.loads((folder / "expected" / "records.json").read_text(encoding="utf-8"))
    rows = [r.to_dict() for r in extract_records(folder / "input.txt")]
    assert len(rows) == len(truth)
    for got, want in zip(rows, truth, strict=True):
        for field in ("after", "explanation"):
            assert "".join(str(got[field]).split()) == "".join(str(want[field]).split())
