"""Branch pagejoin59 (issues 10 / 12, set XX kinds 3, 4, 5): page numbers glued to the text where
pypdf's pages were joined with ``""`` (normalize/glued_page_marks.py), and an item's line read into
the body or another cell's line into the item (normalize/item_tears.py).  Committed samples made
by ``tools/make_pagejoin59_samples.py`` (LibreOffice Calc and Writer, read by pypdf, pdfplumber
and PyMuPDF; ``samples/office-pagejoin59``)."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

import pytest

from piatable.normalize.glued_page_marks import split_glued_page_marks
from piatable.normalize.item_tears import item_tear_doubts

from .conftest import SIX, squash, text_case

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "office-pagejoin59"


def _rows(records) -> list[tuple[str, ...]]:
    return [tuple(squash(getattr(r, f)) for f in SIX) for r in records]


@pytest.mark.parametrize("case", ["pj59-calc-wrapped-seed-v2", "pj59-calc-oneline-zeimu-v5"])
def test_page_numbers_glued_by_an_empty_join_are_cut_off(case):
    # pypdf's pages joined with "": Calc draws its footer N/4 first on each page, so it is glued
    # to the last line of the page before (…による修正2/4).  Every glued number is cut onto a line
    # of its own, and nothing else moves.
    text = (SAMPLES / f"{case}-pypdf+j0" / "input.txt").read_text("utf-8")
    out, notes = split_glued_page_marks(text)
    assert notes and notes[0].startswith("3 page numbers glued")
    lines = out.split("\n")
    assert [ln for ln in lines if ln.strip() in ("1/4", "2/4", "3/4", "4/4")] == ["1/4", "2/4", "3/4", "4/4"]
    assert out.replace("\n", "") == text.replace("\n", "")


@pytest.mark.parametrize("case", ["pj59-calc-wrapped-seed-v2", "pj59-writer-wrapped-juki-v3"])
def test_an_empty_join_reads_as_the_line_end_join(case):
    # The same pages joined with "" and with "\n" read the same rows (the base read the page
    # number into the last cell of each page: ``…による修正2/4``).
    glued, _ = text_case(SAMPLES / f"{case}-pypdf+j0")
    lined, _ = text_case(SAMPLES / f"{case}-pypdf+nl")
    assert _rows(glued) == _rows(lined)
    assert not any("/4" in squash(r.explanation) or squash(r.after).endswith("2") for r in glued)


def test_dates_and_lone_numbers_at_a_line_end_are_no_page_numbers():
    text = "\n".join(
        [
            "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明",
            "2025/3/14 Ⅰ基本情報 事後",
            "対象範囲は第3/4半期まで",
            "令和7年1/2",
            "組織改編による修正- 3 -",  # one glued number, no run: a cell's text
        ]
    )
    assert split_glued_page_marks(text) == (text, [])
    assert split_glued_page_marks("a- 1 -\fb- 2 -") == ("a- 1 -\fb- 2 -", [])  # paged by form feeds


def _record(item: str, before: str = "", after: str = "", explanation: str = "") -> SimpleNamespace:
    return SimpleNamespace(
        item=item,
        item_path=[p for p in item.split("\n") if p.strip()],
        before=before,
        after=after,
        explanation=explanation,
    )


# The cells as set XX's extractors left them (session 58's FAULTS.md kinds 3 and 5).
TORN = {
    "instance line in the after cell (pdfplumber)": _record(
        "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\n②システムの機能",
        after="１．宛名情報の管理\n２．団体内統合宛名番号の付番\n３．中間サーバーとの連携\nシステム１",
    ),
    "heading piece in the before cell (pdfplumber layout)": _record(
        "Ⅱ特定個人情報ファイルの概要\n５．特定個人情報の提供・移転（委託に伴うものを除く。）提供先２\n度",
        before="使用開始日から通知カード送付までの一定の期間に、住民の送付先情報をまとめて提供する。\n⑦時期・頻",
    ),
    "numbered piece opening the before cell (PyMuPDF sort)": _record(
        "Ⅰ基本情報\n報ファイルを取り扱う事務\n②事務の内容",
        before="１．特定個人情 住民基本台帳法に基づき、住民の居住関係を公証するため、住民票の作成を行う。",
    ),
    "before line set inside the item heading (PyMuPDF sort)": _record(
        "Ⅰ基本情報\n２．特定個人情報ファイルを ②証明書の発行取り扱う事務において使用するシステム\nシステム２",
        before="①住民情報の照会",
    ),
    "explanation's rest after the after cell's sentence (PyMuPDF sort)": _record(
        "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム\nシステム３",
        after="・給与支払報告書等の電子データを受信し、\n課税資料として取り込む。追加",
        explanation="ｅＬＴＡＸによる課税資料の受領開始に伴う",
    ),
    "before and after glued beside an empty after cell (PyMuPDF sort)": _record(
        "Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n①保管場所",
        before="庁舎内のサーバ室に設置したサーバ内に保管する。データセンターに設置したサーバ内に保管する。",
        explanation="サーバ機器の更新に伴う修正",
    ),
    "before's 新規 read into the after cell (mutool)": _record(
        "（別紙１）事務の流れ",
        after="新規\n上記を新規追加",
        explanation="事務の流れ図の追加",
    ),
    "word's rest after the after cell's sentence (pdfplumber)": _record(
        "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n⑤物理的対策",
        after="・データセンターへの入館は、生体認証により管理している。 う修正",
        explanation="既存住基システムのデータセンターへの移設に伴重大な変更に該当しない",
    ),
}


@pytest.mark.parametrize("name", list(TORN))
def test_a_line_read_across_the_item_and_the_body_is_doubted(name):
    doubts = item_tear_doubts(TORN[name])
    assert doubts and {d.kind for d in doubts} == {"column_guess"}


def test_the_truth_rows_of_the_samples_raise_no_tear():
    # Every expected row of the tuning set and of samples/office: the right cells, no doubt.
    folders = [*SAMPLES.iterdir(), *(SAMPLES.parent / "office").iterdir()]
    rows = [
        r
        for f in folders
        if (f / "expected" / "records.json").exists()
        for r in json.loads((f / "expected" / "records.json").read_text("utf-8"))
    ]
    assert len(rows) > 500
    for r in rows:
        rec = _record(r["item"], r["before"], r["after"], r["explanation"])
        assert not item_tear_doubts(rec), r["item"]


def test_the_explanation_s_rest_set_in_the_after_cell_is_warned_in_pymupdf_sort_text():
    # pj59-calc-wrapped-zeimu-v1, PyMuPDF sort=True: the explanation's wrapped last line 追加 is
    # printed beside the after cell's line (…取り込む。追加); the row was wrong with no warning.
    records, _ = text_case(SAMPLES / "pj59-calc-wrapped-zeimu-v1-pymupdf-sort")
    row = next(r for r in records if squash(r.explanation).endswith("開始に伴う"))
    assert "column_guess" in row.flags
    assert any("holds its rest" in e for e in row.evidence)


def test_a_bare_page_number_opening_the_label_row_is_cut_off():
    # pj59-writer-wrapped-juki-v3, pypdf pages joined with "": Writer draws its footer ``1`` after
    # the page's cells, so it opens the next page's label row (``1変更日 項目 …``); the last
    # page's ``2`` ends the text.  The ``1`` is cut off; a row's ``1日`` is left alone.
    text = (SAMPLES / "pj59-writer-wrapped-juki-v3-pypdf+j0" / "input.txt").read_text("utf-8")
    out, notes = split_glued_page_marks(text)
    assert notes and notes[0].startswith("1 page numbers glued")
    assert "\n1\n変更日 項目" in out
    assert out.replace("\n", "") == text.replace("\n", "")
