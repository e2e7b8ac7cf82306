"""Narrow header cells (samples/office-narrowhead21, made by LibreOffice Calc and Writer): the
explanation label wrapped as 提出時期 / に係る説明 or 提出時 / 期に係 / る説明 opens with the other
column's label, and the 提出時期 label prints a character a line.  With a numbering column and a
備考 column beside the fields, a reader that takes that first line for the 提出時期 label hands
every cell right of 変更後 to the wrong column (normalize/grid/labels._longer_label)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from piatable.models import Word
from piatable.normalize.grid.labels import LABEL_COLUMN, find_header
from piatable.normalize.grid.lines import Line
from piatable.pipeline import extract_document
from piatable.settings import GridSettings

from .conftest import SAMPLES

SET = SAMPLES / "office-narrowhead21"
FIELDS = ("change_date", "item", "before", "after", "timing", "explanation")
_WS = re.compile(r"\s+")


@pytest.mark.parametrize("case", sorted(p.name for p in SET.iterdir() if (p / "input.pdf").exists()))
def test_every_cell_of_a_table_with_narrow_header_cells(case: str) -> None:
    expected = json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(Path(SET / case / "input.pdf"))
    assert len(res.records) == len(expected)
    for k, (got, want) in enumerate(zip(res.records, expected, strict=True)):
        for f in FIELDS:
            assert _WS.sub("", getattr(got, f) or "") == _WS.sub("", want[f] or ""), (k, f)


def _words_line(pieces: list[tuple[str, float]], top: float) -> Line:
    words = [Word(t, 1, x, x + 10 * len(t), top, top + 10) for t, x in pieces]
    return Line(
        words, " ".join(t for t, _ in pieces), pieces[0][1], words[-1].x1, top, top + 10, 1, None, None
    )


def _header(rows: list[list[tuple[str, float]]]) -> dict[int, float]:
    lines = [_words_line(r, 100 + 12 * k) for k, r in enumerate(rows)]
    header = find_header(lines, 10.0, 10.0, GridSettings())
    assert header is not None
    return {c: x0 for c, (x0, _) in header.labels.items()}


def test_a_label_start_read_on_down_its_cell_decides_its_column() -> None:
    # 提出時 / 期 (the timing) beside 提出時期 / に係る説明 (the explanation).
    labels = _header(
        [
            [
                ("変更日", 0),
                ("項目", 60),
                ("変更前の記載", 120),
                ("変更後の記載", 220),
                ("提出時", 320),
                ("提出時期", 370),
            ],
            [("期", 320), ("に係る説明", 370)],
        ]
    )
    assert labels[LABEL_COLUMN["提出時期"]] == 320
    assert labels[LABEL_COLUMN["提出時期に係る説明"]] == 370
    # 提出時期 alone, over the first row's 事後: the timing label.
    labels = _header(
        [
            [("変更日", 0), ("項目", 60), ("変更前の記載", 120), ("変更後の記載", 220), ("提出時期", 320)],
            [("事後", 320)],
        ]
    )
    assert labels[LABEL_COLUMN["提出時期"]] == 320
