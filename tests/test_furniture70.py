"""Branch furniture70: page furniture glued into cells of flattened text (set XXXI kinds 7 and 9).

* a watermark word turned on the page, read a glyph a line (「取」 / 「扱」 / 「注」 / 「意」) or set apart
  beside a cell's line: normalize/watermark_glyphs.py, normalize/watermark_lines.py;
* 以上 after the table right above a （別紙） printed after it: normalize/closing_mark.py;
* a page header above the first label row under a viewer's warnings (pdf.js text):
  normalize/joined_pages.py;
* a weekday or holiday after a date wrapped under its day (``(火)``, ``（水・祝）``): normalize/dates.py,
  extract/plumber_dates.py.

Samples: ``tools/make_furniture70_samples.py`` (openpyxl → Calc, python-docx → Writer, the
watermark drawn by PyMuPDF).  The held-out set ``samples/heldout-furniture70`` is measured only
(tools/eval_office.py), never asserted on here.
"""

from __future__ import annotations

import json

import pytest

from piatable import extract_document
from piatable.extract.plumber_dates import is_date_piece
from piatable.normalize.closing_mark import drop_closing_mark
from piatable.normalize.dates import is_date_line, parse_date
from piatable.normalize.joined_pages import mark_joined_pages
from piatable.normalize.watermark_glyphs import spread_words
from piatable.normalize.watermark_lines import set_apart_copies, strip_watermark_lines

from .conftest import SAMPLES

SET = SAMPLES / "office-furniture70"
LOOKS = json.loads((SET / "cases.json").read_text("utf-8"))
CELLS = ("change_date_raw", "item", "before", "after", "timing", "explanation")

PAGE = [
    "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明",
    "意",
    "2022/3/21 Ⅰ基本情報 株式会社北日本システムサービス 株式会社東都情報テクノロジー 事後 委託先の変更",
    "注",
    "２．特定個人情報ファイルを取り扱う事務において使用するシステム",
    "扱",
    "2020/8/10 Ⅱ特定個人情報ファイルの概要 市民課長 市民生活部市民課長 事後 組織改編に伴う修正",
    "取",
    "６．特定個人情報の保管・消去",
]


# --- the rules on lines -------------------------------------------------------------------


def test_a_turned_watermark_read_a_glyph_a_line_is_left_out_on_every_page():
    text = "\f".join("\n".join(PAGE) for _ in range(3))
    out, notes = strip_watermark_lines(text)
    assert [ln for ln in out.split("\n") if ln.strip() in set("取扱注意")] == []
    assert out.count("２．特定個人情報ファイルを取り扱う事務") == 3
    assert any("12 lines holding one glyph each of the watermark 「取扱注意」" in n for n in notes)


def test_a_glyph_glued_to_a_cells_line_between_its_neighbours_is_cut_and_noted():
    glued = [ln for ln in PAGE if ln != "扱"]
    glued[4] = "２．特定個人情報ファイルを取り扱う事務 扱"
    out, notes = strip_watermark_lines("\n".join(PAGE) + "\f" + "\n".join(glued))
    assert "２．特定個人情報ファイルを取り扱う事務" in [ln.rstrip() for ln in out.split("\f")[1].split("\n")]
    assert any(n.startswith("watermark 「扱（取扱注意）」 glued to a cell's line on page 2") for n in notes)


def test_a_missing_glyph_with_two_places_to_be_is_left_and_noted():
    page = [ln for ln in PAGE if ln != "取"] + ["取扱いの委託 取", "個人情報を取"]
    found = spread_words([page])
    assert found.glued == []
    assert found.unfound == [("取扱注意", 1, "取")]


def test_lone_characters_that_spell_no_watermark_are_kept():
    page = ["変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明", "正", "い", "注", "意"]
    assert spread_words([page, page]).places == {}
    assert strip_watermark_lines("\n".join(page))[0] == "\n".join(page)


def test_a_watermark_set_apart_beside_cells_once_a_page_is_cut():
    pages = [
        [
            "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明",
            "③対象となる本人の範囲  取扱注意",
        ],
        ["変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明", "  取扱注意    ⑨再委託の有無"],
    ]
    cuts = set_apart_copies(pages, set())
    assert [(c.page, c.line) for c in cuts] == [(0, 1), (1, 1)]
    # Inside a cell's sentence it is the cell's own.
    pages[1][1] = "文書は取扱注意とする"
    assert set_apart_copies(pages, set()) == []


def test_the_closing_mark_above_an_attachment_after_the_table_is_dropped():
    text = "\n".join(
        [
            "2017/11/1",
            "Ⅱ特定個人情報ファイルの概要",
            "事後 入手方法の追加に伴",
            "う修正",
            "以上",
            "（別紙）委託先一覧",
        ]
    )
    out, dropped = drop_closing_mark(text)
    assert dropped
    assert "以上" not in out.split("\n")
    # A quantity it completes is kept (対象者は６５歳 / 以上).
    kept = "Ⅰ基本情報\n対象者は６５歳\n以上\n（別紙１）事務の流れ"
    assert drop_closing_mark(kept) == (kept, False)


def test_a_running_head_under_a_viewers_warnings_is_page_furniture():
    head = "西ヶ丘村 特定個人情報保護評価書（全項目評価書）"
    labels = "変更日 項目 変更内容 提出時期 提出時期に係る説明"
    rows = [f"2022/3/21 株式会社北日本システムサービス{k} 事後 委託先の変更に伴う修正" for k in range(6)]
    text = "\n".join(
        ["Warning: Cannot polyfill `DOMMatrix`", "- /work/js/node_modules/pdf.js", head, "- 1 -", labels]
        + rows
        + [head, "- 2 -", labels]
        + rows
    )
    out, notes = mark_joined_pages(text)
    assert head not in out
    assert "2 page-header / footer lines" in notes[0]


@pytest.mark.parametrize("text", ["2016年5月3日(火)", "令和5年5月3日（水・祝）", "2023/1/1（祝）"])
def test_a_date_with_its_weekday_or_holiday_is_a_date(text):
    assert is_date_line(text)
    assert parse_date(text) is not None


def test_a_weekday_alone_is_a_wrapped_dates_last_piece():
    assert is_date_piece("(火)") and is_date_piece("（水・祝）")
    assert not is_date_piece("(注)")


# --- the samples --------------------------------------------------------------------------


def _spread_cases() -> list[str]:
    return sorted(k for k, v in LOOKS.items() if len(v.get("watermark", "")) >= 3)


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pdftotext", "pdfminer"])
def test_no_cell_of_a_sample_keeps_a_turned_watermarks_glyphs(tool):
    names = _spread_cases()
    assert names
    for name in names:
        word = LOOKS[name]["watermark"]
        result = extract_document(SET / f"{name}-{tool}" / "input.txt")
        # Left out with a note: as the watermark's, or (after 以上) as text printed after the table.
        assert all(any(g in n for n in result.notes) for g in word), name
        lines = [
            ln.strip() for r in result.records for f in CELLS for ln in str(getattr(r, f) or "").split("\n")
        ]
        assert not [ln for ln in lines if ln and set(ln) <= set(word)], name
