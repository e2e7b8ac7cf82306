"""項目 cells of column-by-column text (pdfminer, plain pdftotext): the extractor's space after a
narrow section numeral or circled number goes, a form heading the rejoin left wrapped is made
whole by the lexicon (normalize/items.py ``without_marker_gap``, ``joined_wrapped_headings``;
session 54, branch plain54).  Real committed texts of LibreOffice PDFs (tools/make_plain54_samples.py),
the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.normalize.items import joined_wrapped_headings, without_marker_gap

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def _case(name: str) -> tuple[str, list[dict], list[dict]]:
    folder = SAMPLES / name
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = [r.to_dict() for r in extract_document(folder / "input.txt").records]
    return (folder / "input.txt").read_text("utf-8"), got, expected


@pytest.mark.parametrize("family", ["pdfminer", "pdfminer-noflow", "pdfminer-flowneg", "pdftotext"])
def test_the_space_an_extractor_prints_after_a_numeral_is_no_item_text(family):
    # Writer's PDF draws Ⅱ and ② with narrow ink in a full-width advance; every extractor
    # prints a space there (``Ⅱ しきい値判断項``), the printed heading has none.
    text, got, expected = _case(f"office-plain54/p54-writer-v3-{family}")
    assert "Ⅱ しきい値判断項" in text
    assert "② 法令上の根拠" in text
    assert [r["item"] for r in got] == [r["item"] for r in expected]
    assert got[0]["item"] == "Ⅱしきい値判断項目\n１．対象人数\nいつ時点の計数か"


def test_a_heading_wrapped_in_a_narrow_item_column_is_made_whole():
    # Plain pdftotext of a Calc table: ``１．特定個人情報ファ`` / ``イルを取り扱う事務``.
    text, got, expected = _case("office-plain54/p54-calc-v1-pdftotext")
    assert "１．特定個人情報ファ\n" in text
    for k in (1, 3):
        assert got[k]["item"] == expected[k]["item"]
    assert got[1]["item"].split("\n")[1] == "１．特定個人情報ファイルを取り扱う事務"


def test_headings_printed_one_under_the_other_stay_apart():
    stacked = ["Ⅱしきい値判断項目", "１．対象人数", "いつ時点の計数か"]
    assert joined_wrapped_headings(stacked) == stacked
    wrapped = ["Ⅱ特定個人情報", "ファイルの概要", "５．特定個人情", "報の提供・移転"]
    wrapped += ["（委託に伴うも", "のを除く。）", "提供先３"]
    assert joined_wrapped_headings(wrapped) == [
        "Ⅱ特定個人情報ファイルの概要",
        "５．特定個人情報の提供・移転（委託に伴うものを除く。）",
        "提供先３",
    ]


def test_a_typed_space_after_a_numeral_stays():
    assert without_marker_gap("Ⅱ　特定個人情報ファイルの概要") == "Ⅱ　特定個人情報ファイルの概要"
    assert without_marker_gap("①入手元 ※") == "①入手元 ※"
    assert without_marker_gap("① ID") == "① ID"
    assert without_marker_gap("② 法令上の根拠") == "②法令上の根拠"


@pytest.mark.xfail(
    strict=True,
    reason="plain54: a before cell's soft wraps in pdfminer's text of a Calc table are kept as "
    "paragraph breaks (the wrap width of the before column is not estimated from its boxes)",
)
def test_soft_wraps_of_a_before_box_are_rejoined():
    _, got, expected = _case("office-plain54/p54-calc-v2-pdfminer")
    assert got[4]["before"] == expected[4]["before"]
