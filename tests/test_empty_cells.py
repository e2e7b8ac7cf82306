"""Rows whose before or after cell is empty (新規追加 and 削除 rows) in seed-like text.

The rows (samples/empty-cells/tune.json, invented) are printed by tools/flatten.py, which is
written apart from normalize/; only the tuning set is tested, the held-out set is measured by
tools/eval_empty_cells.py.
"""

from __future__ import annotations

import json
import sys

from piatable.settings import Settings

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
import eval_empty_cells
import flatten

ROWS = json.loads((SAMPLES / "empty-cells" / "tune.json").read_text("utf-8"))


def test_rows_with_an_empty_cell_are_read_right() -> None:
    # Measured 91.1% when written (74.7% before the rule); the floor leaves a margin.
    right, total, _ = eval_empty_cells.evaluate(ROWS, Settings())
    assert right / total >= 0.89


def _read_all() -> list[dict]:
    import tempfile
    from pathlib import Path

    import piatable

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "t.txt"
        path.write_text(flatten.render(ROWS, flatten.Style()).text, "utf-8")
        return [r.to_dict() for r in piatable.extract(path)]


GOT = _read_all()


def _row(pick) -> tuple[dict, dict]:  # type: ignore[no-untyped-def]
    k = next(k for k, r in enumerate(ROWS) if pick(r))
    assert len(GOT) == len(ROWS)
    return ROWS[k], GOT[k]


def test_a_heading_of_the_form_ends_the_item_not_opens_the_before_cell() -> None:
    # ①保管場所 is the item path's last heading; the after cell is empty.
    _, got = _row(lambda r: r["item"].endswith("①保管場所"))
    assert got["item"].endswith("①保管場所")
    assert not got["before"].startswith("①保管場所")


def test_one_cell_is_not_cut_in_two_unrelated_halves() -> None:
    # 番号法第１９条第８号 / 別表第二の２７の項: one added text, not a before and an after.
    row, got = _row(lambda r: r["after"].startswith("番号法第１９条第８号"))
    assert got["before"] == "" and got["after"].replace("\n", "") == row["after"].replace("\n", "")


def test_the_explanation_tells_which_cell_is_empty() -> None:
    _, got = _row(lambda r: r["before"] == "発生なし")  # 項目の削除に伴う修正
    assert (got["before"], got["after"]) == ("発生なし", "")
