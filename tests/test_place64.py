"""A page / place column of other wordings (変更箇所（頁）, 評価書の頁, P. …) or of no known wording
told by its cells, and a one-page table's footer in ``-layout`` text (set XXV t03 / t01, branch
place64; samples/office-place64 from tools/make_place64_samples.py: Chromium, Calc and Writer)."""

from __future__ import annotations

import json

import pytest

from piatable.normalize.chars import display_width
from piatable.normalize.cover import cover_facts_from_text
from piatable.normalize.layout_footers import blank_layout_footers, is_footer_piece
from piatable.normalize.place_column import strip_place_column
from piatable.pipeline import extract_document
from piatable.vocabulary import PAGE_REF, extra_column_role

from .conftest import SAMPLES

SET = SAMPLES / "office-place64"


@pytest.mark.parametrize(
    ("label", "role"),
    [
        ("変更箇所（頁）", "place"),
        ("変更箇所(ページ)", "place"),
        ("該当箇所（P.）", "place"),
        ("記載箇所", "place"),
        ("評価書の頁", "page"),
        ("変更箇所（項目）", ""),  # the 項目 column's wording
        ("変更内容（頁）", ""),  # no place / page label before the bracket
    ],
)
def test_place_label_wordings(label, role):
    assert extra_column_role(label) == role


@pytest.mark.parametrize("text", ["3頁", "3頁 5行", "12-13頁", "p.3", "P3", "Ｐ．１２", "4ページ"])
def test_page_references(text):
    assert PAGE_REF.match(text)


@pytest.mark.parametrize("text", ["令和3年", "P3A", "第3条", "3件", "記載なし"])
def test_no_page_references(text):
    assert not PAGE_REF.match(text)


def test_a_label_of_no_known_wording_needs_every_row_to_print_a_reference():
    head = "変更日 項目 参照先 変更前の記載 変更後の記載 提出時期 提出時期に係る説明\n"
    rows = ["2023/4/1 Ⅰ基本情報 {ref} 旧 新 事後 修正", "2023/4/1 Ⅱ概要 {ref} 旧二 新二 事後 修正"]
    all_refs = head + "\n".join(r.format(ref=f"{k + 3}頁") for k, r in enumerate(rows))
    out, notes = strip_place_column(all_refs, layout=False)
    assert "3頁" not in out and "参照先" not in out and notes
    one_missing = head + rows[0].format(ref="3頁") + "\n" + rows[1].format(ref="")
    assert strip_place_column(one_missing, layout=False) == (one_missing, [])


def test_a_wrapped_bracketed_label_in_layout_text():
    text = (
        "  変更日     項目     変更箇所\n"
        "                      （頁）     変更前の記載    変更後の記載   提出時期  説明\n"
        "2017/7/14   表紙        3頁     旧名           新名          事後      修正\n"
        "2018/7/14   Ⅰ基本情報   5頁     旧             新            事後      修正\n"
    )
    out, notes = strip_place_column(text, layout=True)
    assert "頁" not in out and notes and "変更箇所（頁）" in notes[0]
    # The columns keep their offsets: each row's line is as wide as it was.
    rows = [display_width(a) for a in out.split("\n")[2:]]
    assert rows == [display_width(a) for a in text.split("\n")[2:]]


@pytest.mark.parametrize(
    "text", ["1/1", "1 / 2", "- 3 -", "Page 2 of 3", "令和６年４月１日時点", "2026/12/06 印刷"]
)
def test_footer_pieces(text):
    assert is_footer_piece(text)


@pytest.mark.parametrize("text", ["事後", "令和６年４月１日", "時点修正", "1", "重要な変更に当たらない"])
def test_no_footer_pieces(text):
    assert not is_footer_piece(text)


def test_a_footer_after_a_gap_is_blanked_with_a_note():
    body = "令和5年4月1日  Ⅰ基本情報   旧の記載   新の記載   事前  時点修正\n          ①部署\n"
    text = body + "\n\n\n                 1/1                   令和６年４月１日時点\n"
    out, notes = blank_layout_footers(text)
    assert "1/1" not in out and "時点" not in out.split("\n", 2)[2] and body in out
    assert notes and "「1/1」「令和６年４月１日時点」" in notes[0]


def test_footer_forms_without_a_gap_stay():
    text = "令和5年4月1日  Ⅰ基本情報   旧の記載   新の記載   事前  時点修正\n                 1/1\n"
    assert blank_layout_footers(text) == (text, [])


def test_the_cover_is_not_read_from_the_amendment_table():
    text = (
        "（別添２）変更箇所\n変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明\n"
        "2017/7/14 表紙\n評価書名\n3頁 旧名\n"
    )
    assert "assessment_name" not in cover_facts_from_text(text)


def _cases(kind: str) -> list[str]:
    return sorted(p.name for p in SET.iterdir() if p.is_dir() and f"-{kind}-" in p.name)


def _places(case: str) -> list[str]:
    looks = json.loads((SET / "cases.json").read_text("utf-8"))
    base = max((name for name in looks if case.startswith(name)), key=len)
    return [p.replace(" ", "") for p in looks[base]["places"]]


@pytest.mark.parametrize("case", _cases("col"))
def test_place_column_set_aside_in_every_route(case):
    """No row's 項目 ends with, nor its 変更前 opens with, one of the case's page references, unless
    the row is warned (a flag, or confidence below 0.5)."""
    folder = SET / case
    path = next(p for p in (folder / "input.pdf", folder / "input.txt") if p.exists())
    result = extract_document(path)
    places = _places(case)
    assert any("place column" in n for n in result.notes), result.notes
    for r in result.records:
        item, before = r.item.replace("\n", "").replace(" ", ""), r.before.replace(" ", "")
        glued = any(item.endswith(p) or p in item or before.startswith(p) for p in places)
        assert not glued or r.confidence < 0.5 or r.flags, (r.item, r.before)


@pytest.mark.parametrize("case", [c for c in _cases("foot") if "layout" in c])
def test_footer_is_no_part_of_the_last_row(case):
    result = extract_document(SET / case / "input.txt")
    last = result.records[-1]
    for stamp in ("時点", "現在", "1/1", "1 / 1"):
        assert not last.after.endswith(stamp) and not last.explanation.endswith(stamp), last


def test_a_print_date_header_above_the_title_is_blanked():
    text = (
        "                                        12/06/2026 印刷\n\n"
        "   （別添3）変更箇所\n"
        "   変更日      項目        変更前の記載     変更後の記載    提出時期  提出時期に係る説明\n"
        "   2022/04/01  Ⅵ評価実施手続  旧の記載       新の記載        事後      時点修正\n"
    )
    out, notes = blank_layout_footers(text)
    assert "印刷" not in out and "2022/04/01" in out and notes and "「12/06/2026 印刷」" in notes[0]


def test_a_header_line_with_other_text_stays():
    text = "  ○○市 特定個人情報保護評価書      12/06/2026 印刷\n（別添２）変更箇所\n"
    assert blank_layout_footers(text) == (text, [])
