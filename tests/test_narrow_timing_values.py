"""A 提出時期 column one character wide (samples/office-narrow25, LibreOffice Calc and Writer):
事前 / 事後 print a character a line (事 over 後) and the label 提 / 出 / 時 / 期.  In
``pdftotext -layout`` text every row came out with no timing and the explanation read into the
timing column (normalize/grid/wrapped_timing.py, labels._LABEL_TAILS); where the two characters
cannot be paired the row says so (normalize/mark_checks.timing_piece_doubts)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-narrow25"
_WS = re.compile(r"\s+")
# Cases whose every timing and explanation are read right (the others lose rows elsewhere:
# Writer tables whose 変更日 column wraps too, rows broken over pages).
WHOLE = (
    "n25-calc-juki",
    "n25-calc-kokuho",
    "n25-calc-lists",
    "n25-calc-municipal",
    "n25-calc-seed",
    "n25-calc-zeimu",
    "n25-writer-kokuho",
    "n25-writer-zeimu",
)


def _case(name: str) -> tuple[Path, list[dict]]:
    folder = SET / f"{name}-pdftotext-layout"
    return folder / "input.txt", json.loads((folder / "expected" / "records.json").read_text("utf-8"))


@pytest.mark.parametrize("name", WHOLE)
def test_wrapped_timing_values_and_their_explanations(name: str) -> None:
    path, expected = _case(name)
    # The values do wrap: 事 alone, a space or a line's end after it (a merged 提出時期 prints once).
    assert len(re.findall(r"(?<=\s)事(?=\s)", path.read_text("utf-8"))) >= 2
    got = extract_document(path).records
    assert len(got) == len(expected)
    for k, (g, e) in enumerate(zip(got, expected, strict=True)):
        assert g.timing == e["timing"], k
        assert _WS.sub("", g.explanation or "") == _WS.sub("", e["explanation"]), k


def test_a_label_wrapped_a_character_a_line_stays_out_of_the_first_row() -> None:
    path, expected = _case("n25-writer-juki")
    assert re.search(r"^\s+出\s*$", path.read_text("utf-8"), re.M)
    first = extract_document(path).records[0]
    assert _WS.sub("", first.explanation) == _WS.sub("", expected[0]["explanation"])
    assert first.timing == expected[0]["timing"] == "事後"


def test_a_lone_second_character_is_flagged_not_trusted(tmp_path: Path) -> None:
    # The same table with every 事 piece lost: 前 / 後 alone before the explanation.
    path, expected = _case("n25-calc-kokuho")
    text = re.sub(r"(?<=  )事(?=\s|$)", "  ", path.read_text("utf-8"), flags=re.M)
    (tmp_path / "input.txt").write_text(text, "utf-8")
    got = extract_document(tmp_path / "input.txt").records
    torn = [r for r in got if re.match(r"[前後] ", r.explanation or "")]
    assert len(torn) >= len(expected) - 2
    for r in torn:
        assert r.timing is None
        assert "column_guess" in r.flags
        assert r.confidence < 0.5
