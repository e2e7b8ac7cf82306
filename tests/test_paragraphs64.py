"""Multi-paragraph before / after cells of row-ordered text cut by their wrap widths (branch
paragraphs64, normalize/wrap_conflicts.py), the ``subject`` doubt of normalize/paragraph_cuts.py,
and a merged date glued to a circled-numeral heading (normalize/glued_dates.py); on small texts of
the shapes seen (set XXV FAULTS.md §4, §7) and on real Chromium PDFs' texts
(samples/office-paragraphs64, tools/make_paragraphs64_samples.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.glued_dates import unglue_dates
from piatable.normalize.paragraph_cuts import shared_subject
from piatable.normalize.wrap_conflicts import (
    cannot_share_column,
    conflicts,
    own_wrap_width,
    prefix_conflicts,
    printed_widths,
    suffix_conflicts,
    wrap_caps,
)

SET = Path(__file__).resolve().parent.parent / "samples" / "office-paragraphs64"
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")
INFORMATIONAL = {"merged_cell_filled", "row_continued", "item_key_fuzzy"}

# A before cell wrapped at 20 characters, an after cell at 25 (one paragraph each line-run).
BEFORE = [
    "保管庫は倉庫に設置して鍵を掛けて保管す",
    "る。",
    "保管庫のある倉庫への入室は鍵により管理",
    "している。",
]
AFTER = [
    "外部の施設内に保管する。",
    "施設は第三者認証を取得した事業者のうちから入札により選",
    "定する。",
]


def _lines(texts: list[str]) -> list[CellLine]:
    return [CellLine(text=t, page=1, line_no=k) for k, t in enumerate(texts)]


def test_a_wrapped_line_caps_its_column_and_a_wider_line_conflicts():
    texts = BEFORE + AFTER
    caps = wrap_caps(texts, [False] * len(texts), [False] * len(texts))
    # …保管す | る。 : 19 characters, then る and the 。 kinsoku keeps with it.
    assert caps[0] == 38 + 2 + 2
    assert caps[1] is None  # る。 ends a sentence
    assert caps[2] == 38 + 2  # …管理 | している。: a hiragana opens the next line
    widths = printed_widths(texts)
    n = len(texts)
    assert not conflicts(widths, caps, 0, len(BEFORE))
    assert not conflicts(widths, caps, len(BEFORE), n)
    # The before's second paragraph in the after cell: a 40-unit wrap beside a 54-unit line.
    assert conflicts(widths, caps, 2, n)
    assert suffix_conflicts(widths, caps) == [conflicts(widths, caps, j, n) for j in range(n + 1)]
    assert prefix_conflicts(widths, caps, 1) == [conflicts(widths, caps, 1, b) for b in range(1, n + 1)]


def test_a_list_of_short_values_shows_no_wrap():
    texts = ["市民課", "総務課", "なお、窓口は本庁舎とする。", "・担当課の変更"]
    assert wrap_caps(texts, [False] * 4, [False, False, False, True]) == [None, None, None]


def test_a_cell_narrower_than_the_body_width_takes_its_own():
    after = _lines(AFTER)
    assert own_wrap_width(after, 80.0) == float(printed_widths(AFTER)[1])
    assert own_wrap_width(_lines(["市民課", "総務課"]), 80.0) == 80.0
    assert own_wrap_width(after, 40.0) == 40.0  # never wider than the body's
    assert cannot_share_column(_lines(BEFORE[2:] + AFTER))
    assert not cannot_share_column(_lines(BEFORE))


def test_a_shared_subject_is_doubted_only_when_the_after_goes_on():
    before = ["サーバー室に設置したサーバー内に保管する。"]
    after = ["サーバー室への入退室は生体認証により管理している。", "ガバメントクラウド上に保管する。"]
    assert shared_subject(before, after) == 1
    assert shared_subject(before, after[:1]) == 0  # one paragraph: a changed text's
    assert shared_subject(before, [before[0], after[1]]) == 0  # the after repeats the before
    assert shared_subject(before, ["クラウド上に保管する。", after[1]]) == 0  # unlike openings


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _text(before: list[str], after: list[str]) -> str:
    head = "（別添２）変更箇所\n変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明\n"
    row = ["令和5年4月1日", "Ⅱ特定個人情報ファイルの概要", "６．特定個人情報の保管・消去", "①保管場所"]
    tail = ["事後", "保管場所の変更（重要な変更に当たらない）"]
    other = ["令和5年5月1日", "Ⅰ基本情報", "７．評価実施機関における担当部署", "①部署"]
    other += ["市民課", "市民生活課", "事後", "組織改正"]
    return head + "\n".join(row + before + after + tail + other) + "\n"


def test_the_widths_put_the_second_paragraph_back_in_the_before_cell(tmp_path):
    path = tmp_path / "t.txt"
    path.write_text(_text(BEFORE, AFTER), "utf-8")
    rec = extract_document(path).records[0]
    assert (
        rec.before
        == "保管庫は倉庫に設置して鍵を掛けて保管する。\n保管庫のある倉庫への入室は鍵により管理している。"
    )
    assert rec.after.split("\n") == [
        "外部の施設内に保管する。",
        "施設は第三者認証を取得した事業者のうちから入札により選定する。",
    ]


def test_a_date_glued_to_a_circled_heading_is_parted():
    parted, n = unglue_dates("H31.4.1②システムの機能\n令和2年4月1日から施行")
    assert n == 1
    assert parted.split("\n")[0] == "H31.4.1 ②システムの機能"


@pytest.mark.parametrize("family", ["pdftotext-raw", "pypdfium2+nl", "pymupdf"])
def test_row_ordered_texts_of_the_tuning_set_have_no_wrong_row_unwarned(family):
    """Chromium tables of multi-paragraph cells in columns of different widths: every row whose
    cells are cut in the wrong place (their texts differ beyond line breaks and spaces) says so.
    A sentence ending at the column's edge before a new paragraph (``…実施する。`` / ``市ホーム…``)
    reads as a wrap: paragraph breaks are not asserted."""
    for case in sorted(SET.glob(f"q64-chromium-*-{family}")):
        got = [r.to_dict() for r in extract_document(case / "input.txt").records]
        want = json.loads((case / "expected" / "records.json").read_text("utf-8"))
        for g, w in zip(got, want, strict=False):
            if all(_squash(g[f]) == _squash(w[f]) for f in FIELDS):
                continue
            warned = g["confidence"] < 0.5 or set(g["flags"]) - INFORMATIONAL
            assert warned, (case.name, g["row_index"], g["before"], g["after"])
