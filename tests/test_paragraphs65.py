"""Wrap widths of row-ordered text on Writer tables whose rows break over pages (branch
paragraphs65, normalize/wrap_conflicts.py): a line whose printed width the text does not tell
(half-width digits, Writer's autospace) or a short value over a word's second half shows no
column width; a cell's own wrap width only where the row shows two column widths; and on real
Writer PDFs' texts (samples/office-paragraphs65, tools/make_paragraphs65_samples.py) every
title-and-name row (``市民課長 山田 太郎``) read wrong says so."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.wrap_conflicts import cannot_share_column, own_wrap_widths, wrap_caps

SET = Path(__file__).resolve().parent.parent / "samples" / "office-paragraphs65"
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")
INFORMATIONAL = {"merged_cell_filled", "row_continued", "item_key_fuzzy"}


def _lines(texts: list[str]) -> list[CellLine]:
    return [CellLine(text=t, page=1, line_no=k) for k, t in enumerate(texts)]


def _squash(text: str) -> str:
    return "".join((text or "").split())


def test_a_line_with_half_width_digits_shows_no_wrap():
    """Writer's ``令和5年1月4日から令和5年2月3日`` / ``まで`` filled its column at fewer display
    units than the cell's kanji lines: no cap, no conflict with them."""
    texts = ["令和5年1月4日から令和5年2月3日", "まで", "・サーバーラックは施錠し、鍵は委託先の責任"]
    assert wrap_caps(texts, [False, False], [False, False, True]) == [None, None]
    assert not cannot_share_column(_lines(texts))


def test_a_short_value_over_a_words_half_shows_no_wrap():
    texts = ["３．特定個人情報の入手・使用", "①入手元", "本人又は本人の代理人"]
    assert wrap_caps(texts, [False, True], [True, True, False]) == [None, None]


def test_a_cells_own_width_needs_the_other_cell_wider():
    """Two cells wrapped at one width keep the body's width; a cell wrapped at 38 units beside
    one of 54 takes its own; one far narrower than the body (an explanation's lines) does not."""
    one = [
        "保管庫は倉庫に設置して鍵を掛けて保管す",
        "る。",
        "保管庫のある倉庫への入室は鍵により管理",
        "している。",
    ]
    wide = ["施設は第三者認証を取得した事業者のうちから入札により選", "定する。"]
    same = own_wrap_widths({"before": _lines(one), "after": _lines(one)}, 54.0)
    assert same == {"before": 54.0, "after": 54.0}
    assert own_wrap_widths({"before": _lines(one), "after": _lines(wide)}, 54.0)["before"] == 38.0
    # 22 of 37 units: the explanation read into the cell before the partition.
    short = own_wrap_widths({"before": _lines(one), "after": _lines(["研修体制の強化に伴う修", "正"])}, 37.0)
    assert short["after"] == 37.0


@pytest.mark.parametrize("family", ["pdftotext-raw", "pypdfium2", "pypdfium2+nl"])
def test_title_and_name_rows_read_wrong_are_warned(family):
    """A 所属長 / 評価実施機関の長 cell of a title and a name parted by spaces: every row read
    holding one of the names (the name's family name, in any cell) is the expected row or
    carries a flag (where the row-ordered text cuts the cell at the wrong space)."""
    seen = 0
    for case in sorted(SET.glob(f"pg65-*-{family}")):
        got = [r.to_dict() for r in extract_document(case / "input.txt").records]
        want = json.loads((case / "expected" / "records.json").read_text("utf-8"))
        for w in want:
            parts = w["before"].replace("\u3000", " ").split(" ")
            if "\n" in w["before"] or len(parts) != 3 or not parts[0].endswith("長"):
                continue
            seen += 1
            holding = [g for g in got if any(parts[1] in (g[f] or "") for f in FIELDS)]
            assert holding, (case.name, w["before"])
            for g in holding:
                if all(_squash(g[f]) == _squash(w[f]) for f in FIELDS):
                    continue
                warned = g["confidence"] < 0.5 or set(g["flags"]) - INFORMATIONAL
                assert warned, (case.name, g["row_index"], g["before"], g["after"])
    assert seen >= 8
