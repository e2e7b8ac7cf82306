"""Branch watermark65: a watermark word printed once per page over the table (「案」, 「社外秘」,
「DRAFT」), as flattened texts give it: a line of its own that is page furniture, left out with a
note (normalize/watermark_lines.py).

Samples: ``tools/make_watermark65_samples.py`` (Chromium ``--print-to-pdf`` of HTML with a CSS
watermark, LibreOffice Calc / Writer with its PDF export option ``Watermark``; the texts of
pypdfium2, pdftotext -raw / -layout / plain, pdfminer, pdfplumber, PyMuPDF).  The held-out set
``samples/heldout-watermark65`` is measured only (tools/eval_office.py), never asserted on here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.extract.text import read_text_file
from piatable.normalize.sheet_headings import strip_sheet_headings
from piatable.normalize.unicode import clean_text
from piatable.normalize.watermark_lines import strip_watermark_lines, watermark_doubts

from .conftest import SAMPLES, wrong_cells

SET = SAMPLES / "office-watermark65"
LOOKS = json.loads((SET / "cases.json").read_text("utf-8"))
CELLS = ("item", "before", "after", "explanation")


def _word(case: str) -> str:
    look = LOOKS[max((k for k in LOOKS if case.startswith(k)), key=len)]
    return look.get("wm_word") or look["watermark"]


def _lone_copies(text: str, word: str) -> int:
    return sum(1 for ln in text.splitlines() if ln.strip().replace(" ", "") == word)


TEXTS = sorted(
    p.parent.name
    for p in SET.glob("*/input.txt")
    if _lone_copies(read_text_file(p).replace("\f", "\n"), _word(p.parent.name))
)


@pytest.mark.parametrize("name", TEXTS)
def test_a_watermark_line_is_left_out_with_a_note_and_never_read_into_a_cell(name):
    # Before (f4f1b3f8) the word was read as a cell's line (「案」 as an after's last paragraph,
    # 「社外秘」 as a before), rows wrong and most of them unwarned.
    folder = SET / name
    word = _word(name)
    truth = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.txt")
    notes = [n for n in result.notes if f"holding only the watermark 「{word}」" in n]
    lone = _lone_copies(read_text_file(folder / "input.txt").replace("\f", "\n"), word)
    assert notes and notes[0].startswith(f"{lone} lines"), result.notes
    for rec in result.records:
        for cell in CELLS:
            lines = [ln.strip() for ln in getattr(rec, cell).split("\n")]
            assert word not in lines, (rec.row_index, cell, getattr(rec, cell))
    got = sum(getattr(r, c).count(word) for r in result.records for c in CELLS)
    assert got <= sum(r[c].count(word) for r in truth for c in CELLS)


@pytest.mark.parametrize(
    "name", ["wm65-chrome-juki-pdftotext-layout", "wm65-writer-municipal-pdftotext-layout"]
)
def test_layout_texts_read_whole_once_the_watermark_is_out(name):
    # Before: the -layout line holding 「案」 alone was read into the row beside it.
    folder = SET / name
    truth = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(folder / "input.txt")
    assert wrong_cells(result.records, truth) == []


def test_a_copy_glued_to_a_cell_line_on_a_page_without_its_own_line_is_cut_and_the_row_warned():
    # pypdfium2 prints the page's watermark where the content stream draws it: on a line of its
    # own on page 1, glued to a cell's last line on another page (session 65's user: 「…追加案」).
    text = clean_text(read_text_file(SET / "wm65-chrome-juki-pdftotext-raw" / "input.txt"))
    pages = text.split("\f")
    assert pages[1].splitlines()[0] == "案"
    lines = pages[1].splitlines()
    at = next(i for i, ln in enumerate(lines) if ln.endswith("。") and i > 5)
    glued_line = lines[at]
    lines[at] += "案"
    del lines[0]
    glued = "\f".join([pages[0], "\n".join(lines), *pages[2:]])
    out, notes = strip_watermark_lines(glued)
    assert out.split("\f")[1].splitlines()[at - 1] == glued_line
    assert any("glued to a cell's line on page 2" in n for n in notes), notes
    assert "\n案\n" not in out and not out.startswith("案")


def test_the_row_holding_a_cut_is_warned():
    from piatable.models import CellLine, RawRow

    row, other = RawRow(), RawRow()
    row.cells["after"] = [CellLine("…の連携の開始に"), CellLine("伴う追加")]
    other.cells["after"] = [CellLine("別の行の変更後")]
    note = "watermark 「案」 glued to a cell's line on page 2 cut out: 「の開始に伴う追加|」"
    watermark_doubts([other, row], [note])
    assert [d.kind for d in row.doubts] == ["watermark_cut"] and row.doubts[0].field == "after"
    assert other.doubts == []


def _stamped(path: Path) -> bool:
    """Whether a sample text's case names a watermark in its set's cases.json (furniture70)."""
    looks = path.parent.parent / "cases.json"
    if "furniture70" not in path.parent.parent.name or not looks.exists():
        return False
    cases = json.loads(looks.read_text("utf-8"))
    return any(path.parent.name.startswith(k) and v.get("watermark") for k, v in cases.items())


def test_no_sample_text_without_a_watermark_loses_a_line():
    # The rule's precision: a short lone line repeated on a text's pages (a wrapped label's
    # 提 / 出 / 時, an item's 概要, an extra column's 番号, a tail 集計 that two rows share) is the
    # table's; over every committed text of the other sets, nothing is taken.
    taken = []
    for path in sorted(SAMPLES.glob("*/*/input.txt")):
        if "watermark" in path.parent.parent.name or "fu68-wm-" in path.parent.name or _stamped(path):
            continue  # watermarked on purpose (furniture68's wm cases: Writer's Watermark option)
        # as the reader does: a sheet's printed column letters (A … F a line each) are set aside first
        text = strip_sheet_headings(clean_text(read_text_file(path)))[0]
        notes = strip_watermark_lines(text)[1]
        if notes:
            taken.append((str(path.relative_to(SAMPLES)), notes))
    assert taken == []


def test_the_tuning_set_is_registered():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))
    from eval_office import SET_NAMES

    assert {"office-watermark65", "heldout-watermark65"} <= set(SET_NAMES)


@pytest.mark.parametrize(
    "text",
    [
        # plain pdftotext / pdfminer: the label row printed one label a line, blank lines between
        "評価書名\n\n変更日\n\n項目\n\n変更前の記載\n\n変更後の記載\n\n2023/2/6\n",
        "特定個人情報保護評価書（全項目評価書）\n評価書名\n変更日\n項目\n変更前の記載\n提出時期\n",
        # two labels only: the fact is read, then left out as a column label
        "評価書番号 評価書名\n\n変更日\n\n項目\n",
    ],
)
def test_a_column_label_is_never_a_cover_fact(text):
    # Before (f4f1b3f8) assessment_name (or the number) read '変更日'.
    from piatable.normalize.cover import check_cover, cover_facts_from_text

    facts, notes = check_cover(cover_facts_from_text(text))
    assert "変更日" not in facts.values() and "項目" not in facts.values(), facts
    assert "assessment_name" not in facts
    assert not any("read as '変更日'" in n and "left out" not in n for n in notes), notes


def _row(item: list[str], before: list[str], after: list[str]):
    from piatable.models import CellLine, RawRow

    row = RawRow()
    for field, lines in (("item", item), ("before", before), ("after", after)):
        row.cells[field] = [CellLine(t, 1, k) for k, t in enumerate(lines)]
    return row


def test_the_items_last_heading_over_the_after_cell_goes_back_to_the_item():
    # Calc's two-pass order (pypdfium2 / -raw): the short before in the page's first pass, the
    # item's lines and the after in its second; the reader cut the item above ``②監査`` (session
    # 65's new user: 5 rows of one set, only column_guess on them).
    from piatable.normalize.shared_lines import mend_after_leaf

    row = _row(
        ["Ⅳその他のリスク対策", "１．監査"],
        ["年１回、内部監査を実施する。"],
        ["②監査", "年１回、内部監査を実施するとともに、３年に１", "回、外部監査を実施する。"],
    )
    mend_after_leaf(row)
    assert [c.text for c in row.cells["item"]] == ["Ⅳその他のリスク対策", "１．監査", "②監査"]
    assert row.cells["after"][0].text.startswith("年１回")


@pytest.mark.parametrize(
    ("item", "before", "after"),
    [
        # the item holds its leaf already: the after's heading is the cell's own
        (
            ["Ⅱ特定個人情報ファイルの概要", "３．特定個人情報の入手・使用", "③入手の時期・頻度"],
            ["随時"],
            ["①入手元", "本人"],
        ),
        # both cells open with the same heading: theirs
        (["Ⅳその他のリスク対策", "１．監査"], ["②監査 年１回"], ["②監査", "年２回"]),
        # an item torn inside a heading (heldout-colorder18's -raw text): the cut is wrong elsewhere
        (["Ⅰ基本情報", "７．評価実施機関における担"], ["当部署"], ["①部署", "2019年4月1日 健康福祉部"]),
        # a paragraph of the after cell that opens with a numeral: no heading of the form
        (
            ["Ⅰ基本情報", "２．システム"],
            ["なし"],
            ["①情報提供機能により、情報提供ネットワーク", "システムから入手する。"],
        ),
    ],
)
def test_an_after_cell_opening_otherwise_keeps_its_first_line(item, before, after):
    from piatable.normalize.shared_lines import mend_after_leaf

    row = _row(item, before, after)
    mend_after_leaf(row)
    assert [c.text for c in row.cells["item"]] == item
    assert [c.text for c in row.cells["after"]] == after


def test_a_turned_latin_watermark_printed_one_letter_a_line_is_left_out():
    # Chromium's 「DRAFT」 turned 30°: plain pdftotext prints T / F / A / R / D on lines of their
    # own on each page; before, the letters were read as cells' lines.
    text = read_text_file(SET / "wm65-chrome-kokuho-pdftotext" / "input.txt")
    out, notes = strip_watermark_lines(text)
    assert notes == [
        "10 lines holding only the watermark 「DRAFT」 (printed once per page over the table) were read"
        " as page furniture and left out"
    ]
    assert not [ln for ln in out.splitlines() if ln.strip() in ("D", "R", "A", "F", "T")]
    assert len(out.splitlines()) == len(text.splitlines()) - 10


def test_in_layout_text_the_letters_of_a_page_spelling_the_word_are_blanked():
    # -layout prints each letter of the turned word on a line of its own further down the page.
    text = read_text_file(SET / "wm65-chrome-kokuho-pdftotext-layout" / "input.txt")
    out, notes = strip_watermark_lines(text, blank=True)
    assert notes and notes[0].startswith("5 lines holding only the watermark 「DRAFT」"), notes
    assert len(out.splitlines()) == len(text.splitlines())
    first = out.split("\f")[0].splitlines()
    assert not [ln for ln in first if ln.strip() in ("D", "R", "A", "F", "T")]
