"""One-line before / after cells of Calc's pass 1 split by their own spaces, joined again
(normalize/crowded_values.py; issues 10 and 12, branch raw49).  Real texts of
samples/office-raw49 (LibreOffice Calc, 8 pt, pypdfium2 and ``pdftotext -raw``, made by
tools/make_raw49_samples.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.crowded_values import CROWDED_WHY, join_crowded_values

ROOT = Path(__file__).resolve().parent.parent


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _case(name: str) -> tuple[list, list[dict]]:
    path = ROOT / "samples" / "office-raw49" / name / "input.txt"
    truth = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    return extract_document(path).records, truth


def test_pass_one_pieces_of_two_spaced_cells_read_as_before_and_after_not_as_rows_below():
    # pypdfium2: ``2021/4/1 市民部　市民課 市民生活部　市民窓口課 事後 時点修正``: the cells' own
    # spaces made five text pieces; 11 rows were read for 7, the later ones shifted.
    recs, truth = _case("r49-spaces-kokuho-pypdfium2")
    assert len(recs) == len(truth) == 7
    for k in (1, 2, 3, 4):
        assert _squash(recs[k].before) == _squash(truth[k]["before"])
        assert _squash(recs[k].after) == _squash(truth[k]["after"])
        assert _squash(recs[k].item) == _squash(truth[k]["item"])
    assert _squash(recs[2].before) == "月１回定期送付"
    assert _squash(recs[2].after) == "随時電子送付"


def test_a_raw_piece_of_words_cut_where_the_after_cell_repeats_the_befores_opening():
    # ``R2.1.6 総務部 情報政策課 総務部 デジタル推進課 事後``: the after half opens as the before.
    recs, truth = _case("r49-spaces-juki-pdftotext-raw")
    assert recs[1].before == "総務部 情報政策課"
    assert recs[1].after == "総務部 デジタル推進課"
    assert _squash(recs[1].after) == _squash(truth[1]["after"])


def test_no_shared_opening_joins_at_the_middle_and_says_so_keeping_every_piece():
    line = [
        CellLine("2023.4.1", 1, 3),
        CellLine("月１回", 1, 3),
        CellLine("定期送付", 1, 3),
        CellLine("随時", 1, 3),
        CellLine("電子送付", 1, 3),
        CellLine("事後", 1, 3),
        CellLine("見直し", 1, 3),
    ]
    out, guessed = join_crowded_values(line)
    assert [cl.text for cl in out] == ["2023.4.1", "月１回 定期送付", "随時 電子送付", "事後", "見直し"]
    assert guessed == {(1, 3)}
    assert "guess" in CROWDED_WHY


def test_the_cut_told_by_a_repeated_opening_is_no_guess():
    line = [
        CellLine(t, 1, 5)
        for t in (
            "・識別情報",
            "・連絡先等情報",
            "・識別情報",
            "・連絡先等情報",
            "・医療保険関係情報",
            "事前",
        )
    ]
    out, guessed = join_crowded_values(line)
    assert [cl.text for cl in out] == [
        "・識別情報 ・連絡先等情報",
        "・識別情報 ・連絡先等情報 ・医療保険関係情報",
        "事前",
    ]
    assert not guessed


@pytest.mark.parametrize("texts", [("市民課", "市民窓口課", "事後"), ("市民課", "市民窓口課", "追加")])
def test_two_pieces_or_no_timing_are_left_as_they_are(texts):
    line = [CellLine(t, 1, 2) for t in texts]
    out, guessed = join_crowded_values(line)
    assert out == line and not guessed


def test_a_crowded_row_read_by_guess_is_flagged():
    # pdftotext -raw of the same kokuho table: ``市民部 市民課 市民生活部 市民窓口課`` is one piece
    # with no repeated opening: left whole, and the row is warned, not read confidently.
    recs, _ = _case("r49-spaces-kokuho-pdftotext-raw")
    assert len(recs) == 7
    assert "市民部 市民課 市民生活部 市民窓口課" in recs[0].after
    assert "column_guess" in recs[0].flags
