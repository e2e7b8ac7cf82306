"""Branch layout53 (issues 10 / 12, set XIV): column placement in ``pdftotext -layout`` text.
Committed samples made by ``tools/make_layout53_samples.py`` (``samples/office-layout53``):
Calc tables of additions whose one 変更後 cell holds a full-width space (a line that looks like
all six cells), Chromium tables with narrow columns (a cell's last characters wrapped onto a
line of their own), and the pieces of ``normalize/grid`` that read them."""

from __future__ import annotations

from pathlib import Path

import piatable
from piatable.normalize.grid.label_bounds import opens_under_labels

from .conftest import squash, text_case

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _case(name: str) -> tuple[list[piatable.Record], list[dict]]:
    return text_case(SAMPLES / "office-layout53" / f"{name}-pdftotext-layout")


def test_a_line_opening_right_of_the_labels_does_not_set_the_columns():
    # Labels 変更前の記載 at 29, 変更後の記載 at 43 (set XIV t03): a line opening its third and
    # fourth pieces at 39 and 51 is an after cell cut by a full-width space, not 変更前 + 変更後.
    labels = {0: (2.0, 5.0), 1: (17.0, 19.0), 2: (29.0, 35.0), 3: (43.0, 49.0), 4: (61.0, 64.0)}
    assert not opens_under_labels([0, 12, 39, 51, 61, 64], labels)
    assert opens_under_labels([0, 12, 25, 39, 61, 64], labels)
    assert opens_under_labels([0, 12, 31, 45, 61, 64], labels)  # within LABEL_START_SLACK
    assert opens_under_labels([0, 12, 39, 51, 61, 64], None)


def test_additions_keep_their_after_text_in_the_after_column():
    # Calc, landscape, 変更前 empty in four rows of five; row 0's 変更後 prints
    # ``住民基本台帳法第３０条の１５   第１項`` on its first line.  The after text was read into
    # 変更前 (change_kind "deleted") in every addition, with no warning.
    for name in ("l53-calc-1", "l53-calc-3"):
        records, truth = _case(name)
        assert len(records) == len(truth) == 5
        for rec, exp in zip(records, truth, strict=True):
            assert squash(rec.before) == squash(exp["before"])
            assert squash(rec.after) == squash(exp["after"])
        assert [r.change_kind for r in records] == ["added"] * 4 + ["deleted"]
        assert squash(records[0].after).startswith("住民基本台帳法第３０条の１５第１項")
