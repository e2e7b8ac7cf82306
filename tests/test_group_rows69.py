"""Group rows inside the table (normalize/group_rows.py, branch fygroup69): a row merged across the
six columns naming the rows below it (``【令和５年度】``, ``＜第３回評価書の変更＞``) is no record, its
label no cell's text, and a note quotes it (samples/office-grouprows69,
tools/make_group_rows69_samples.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.normalize.group_rows import DOUBT_NOTE, strip_group_rows
from piatable.vocabulary import GROUP_LABEL_LINE

SET = Path(__file__).resolve().parent.parent / "samples" / "office-grouprows69"
CASES = json.loads((SET / "cases.json").read_text("utf-8"))
FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text or "")


@pytest.mark.parametrize(
    "line",
    [
        "【令和５年度】",
        "【令和６年度の変更】",
        "＜第３回評価書の変更＞",
        "（令和４年度分）",
        "■ 令和5年度",
        "〔R6年度〕",
    ],
)
def test_group_labels_read_as_labels(line):
    assert GROUP_LABEL_LINE.match(line)


@pytest.mark.parametrize(
    "line",
    ["＜既存住基システムにおける措置＞", "【変更前】", "（１．研修）", "（令和４年度予算）", "令和５年度"],
)
def test_cell_headings_are_no_group_labels(line):
    assert not GROUP_LABEL_LINE.match(line)


TEXT = """（別添２）変更箇所
変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明
【令和５年度】
2023/4/1
Ⅰ基本情報
７．評価実施機関における担当部署
市民課 市民窓口課 事後 組織改正による変更
【令和６年度の変更】
2024/4/1
Ⅱ特定個人情報ファイルの概要
・年１回点検する。
（令和５年度分）
・年２回点検する。 事前 同上
"""


def test_labels_between_rows_are_left_out_and_quoted():
    text, notes = strip_group_rows(TEXT)
    assert "【令和５年度】" not in text and "【令和６年度の変更】" not in text
    assert "「【令和５年度】」（2023/4/1の行の上）" in notes[0]
    assert "「【令和６年度の変更】」（2024/4/1の行の上）" in notes[0]
    # A label between two lines of a cell's text stays where it is, named in a note.
    assert "（令和５年度分）" in text
    assert DOUBT_NOTE.format(text="（令和５年度分）") in notes


def test_layout_text_labels_are_blanked():
    text = (
        "    変更日      項目           変更前の記載    変更後の記載   提出時期  提出時期に係る説明\n"
        "【令和５年度】\n"
        "  2023/4/1   Ⅰ基本情報      市民課          市民窓口課       事後    組織改正\n"
    )
    out, notes = strip_group_rows(text, blank=True)
    assert out.count("\n") == text.count("\n") and "【令和５年度】" not in out
    assert notes and "「【令和５年度】」" in notes[0]


def _labels(case: str) -> list[str]:
    return list(CASES[case]["group_rows"].values())


@pytest.mark.parametrize(
    "folder",
    ["gr69-zeimu-7-pdftotext-raw", "gr69-juki-5-pypdfium2", "gr69-kokuho-6-pdftotext-layout", "gr69-juki-5"],
)
def test_sample_rows_are_read_without_the_labels(folder):
    """The records are the truth's (six cells), no cell holds a label, and a note quotes each label."""
    case = re.sub(r"-(pdftotext|pypdfium2|pypdf|pymupdf|pdfminer).*$", "", folder)
    path = SET / folder / ("input.pdf" if folder == case else "input.txt")
    doc = extract_document(path)
    truth = json.loads((SET / folder / "expected" / "records.json").read_text("utf-8"))
    got = [[_squash(getattr(r, f)) for f in FIELDS] for r in doc.records]
    assert got == [[_squash(t[f]) for f in FIELDS] for t in truth]
    notes = _squash(" ".join(doc.notes))
    for label in _labels(case):
        assert _squash(label) in notes
        assert not any(_squash(label) in g for row in got for g in row)


def test_same_as_above_cells_are_kept_as_printed():
    doc = extract_document(SET / "gr69-juki-5-pdftotext-raw" / "input.txt")
    truth = json.loads((SET / "gr69-juki-5-pdftotext-raw" / "expected" / "records.json").read_text("utf-8"))
    same = [t["row_index"] for t in truth if t["explanation"] == "同上"]
    assert same and all(doc.records[k].explanation == "同上" for k in same)
