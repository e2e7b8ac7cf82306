"""A place column (変更箇所 / 該当頁 / 頁・行: ``3頁 5行``) between 項目 and 変更前, in real Chromium PDFs
and the texts real extractors made of them (samples/office-place61, tools/make_place61_samples.py),
and a ruled block parted in one text column only (normalize/grid/lone_splits.py)."""

from __future__ import annotations

import pytest

from piatable.normalize.grid.lone_splits import lone_split_doubts
from piatable.normalize.place_column import NOTE, UNSURE_NOTE, strip_place_column
from piatable.pipeline import extract_document

from .conftest import SAMPLES

PLACE = SAMPLES / "office-place61"


def _input(case: str):
    folder = PLACE / case
    return next(p for p in (folder / "input.pdf", folder / "input.txt") if p.exists())


@pytest.mark.parametrize(
    "case",
    [
        "p61-chromium-a",
        "p61-chromium-a-pymupdf",
        "p61-chromium-a-pypdf+nl",
        "p61-chromium-a-pdftotext-layout",
    ],
)
def test_the_place_column_is_no_part_of_the_item_or_before(case):
    result = extract_document(_input(case))
    assert result.records
    for r in result.records:
        assert "頁" not in r.item and "頁" not in r.before[:8], (r.item, r.before)
    assert any("place column" in n for n in result.notes), result.notes


def test_text_references_are_set_aside_with_a_note():
    text = (PLACE / "p61-chromium-a-pymupdf" / "input.txt").read_text("utf-8")
    out, notes = strip_place_column(text, layout=False)
    assert notes and notes[0].startswith(NOTE[:16])
    assert "変更箇所" in text.split("\n", 3)[-1] or "該当頁" in text
    assert out.count("頁") < text.count("頁")


def test_a_two_level_header_without_references_is_left_alone():
    # 変更箇所 spanning 変更前 | 変更後: labels in the same order, no page references under them.
    text = "変更日\n項目\n変更箇所\n変更前\n変更後\n提出時期\n"
    text += "令和5年4月1日\nⅠ基本情報\n記載なし\n追加\n事後\n修正\n"
    assert strip_place_column(text, layout=False) == (text, [])


def test_a_reference_cut_over_two_lines_warns():
    text = (
        "変更日 項目 変更箇所 変更前の記載 変更後の記載 提出時期\n"
        "令和5年4月1日 Ⅰ基本情報 4頁\n19行 記載なし 追加 事後 修正\n"
        "令和5年4月2日 Ⅰ基本情報 5頁 3行 記載なし 追加 事後 修正\n"
    )
    out, notes = strip_place_column(text, layout=False)
    assert UNSURE_NOTE in notes
    assert "19行" not in out and "5頁" not in out


def test_one_text_column_parted_in_a_merged_block_is_a_doubt():
    block = {0: (2, 4), 1: (2, 4), 2: (2, 4), 4: (2, 4), 5: (2, 4)}
    spans = [
        {c: (0, 1) for c in range(6)},
        {c: (1, 2) for c in range(6)},
        {**block, 3: (2, 3)},
        {**block, 3: (3, 4)},
    ]
    assert set(lone_split_doubts(spans)) == {2, 3}
    # Two columns parted (変更前 and 変更後 each a row): rows of their own under merged cells.
    two = {0: (0, 2), 1: (0, 2), 4: (0, 2), 5: (0, 2)}
    assert lone_split_doubts([{**two, 2: (0, 1), 3: (0, 1)}, {**two, 2: (1, 2), 3: (1, 2)}]) == {}
