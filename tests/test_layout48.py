"""Branch layout48 (issues 10 / 11 / 12): ``pdftotext -layout`` text of Calc cells holding
full-width spaces, Writer rows continued under a repeated header, and Calc dates / 提出時期
aligned otherwise than the text; the committed samples are made by
``tools/make_layout48_samples.py`` (``samples/office-layout48``)."""

from __future__ import annotations

from pathlib import Path

import piatable

from .conftest import squash, text_case

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _case(name: str) -> tuple[list[piatable.Record], list[dict]]:
    return text_case(SAMPLES / "office-layout48" / f"{name}-pdftotext-layout")


def _evidence(rec: piatable.Record) -> list[str]:
    return list(rec.to_dict()["evidence"])


def test_a_marker_one_space_after_the_item_opens_the_before_cell_at_its_gutter():
    # ly48-fw-juki row 1: ``…取扱いプロセス ・サーバー室への入室は…``: the before cell's ・ (a
    # full-width space after it) stands one space after the item's line, where the lines around
    # open the before column after a wide gap: it opens the before cell (grid.soft_gutters).
    records, truth = _case("ly48-fw-juki")
    rec, exp = records[1], truth[1]
    assert squash(rec.item) == squash(exp["item"])
    assert squash(rec.before) == squash(exp["before"])
    assert rec.before.startswith("・")
    assert rec.item.split("\n")[0] == "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策"


def test_a_line_continued_on_a_page_with_only_the_header_goes_to_its_column():
    # ly48-cont-zeimu: row 5's after cell runs on to the next page, under the repeated header,
    # in one column only; the page reads the same by display columns or by characters, and is
    # read as the page before was (characters): the lines are the after cell's, not the before's.
    records, truth = _case("ly48-cont-zeimu")
    assert len(records) == len(truth)
    rec, exp = records[5], truth[5]
    assert squash(rec.before) == squash(exp["before"]) == ""
    assert squash(rec.after) == squash(exp["after"])


def test_dates_printed_apart_above_top_aligned_cells_are_in_doubt():
    # ly48-tv-juki: 変更日 and 提出時期 at the foot of their rows beside top-aligned text; on the
    # second page each date stands right above the next row's first line.  Read as top-aligned,
    # those rows take the row above's date and 提出時期: each such row says so.
    records, truth = _case("ly48-tv-juki")
    wrong = [
        r
        for r in records
        if not any(
            all(squash(getattr(r, f)) == squash(e[f]) for f in ("change_date", "timing", "item"))
            for e in truth
        )
    ]
    assert wrong
    for rec in wrong:
        assert "row_split_guess" in rec.flags
    shifted = [r for r in wrong if any("its date stands on a line of its own" in e for e in _evidence(r))]
    assert shifted
