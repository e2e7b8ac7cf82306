"""Calc's two-pass text with a numbering column first, a remarks column last and group rows
(branch calcorder70, set XXXI t07 / t01): the remark's one-line cells set aside from pass 1
(normalize/pass_one_remarks.py), a group label in pass 1 left out (normalize/group_rows.py), an
ASCII date parted from the Japanese cell beside it (normalize/pass_one_pieces.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.group_rows import strip_group_rows
from piatable.normalize.pass_one_pieces import dated_value_apart
from piatable.normalize.pass_one_remarks import set_pass_one_remarks_apart
from piatable.vocabulary import GROUP_LABEL_LINE

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")

# Set XXXI t07's shape (pdftotext -raw), its numbers already set aside (row_numbers).
PASS_ONE = """（別添２）変更箇所
変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明
R8.4.18 事後 ガバメントクラウド移行に伴う追加 第３版で反映
R8.4.18 事後 委託業務の追加に伴う修正
R8.4.18 ＩＤとパスワードによる認証 ＩＤ及び生体認証による二要素認証 事後
R8.4.18 事後 第３版で反映
R8.3.31 事前 同上
Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策
７．特定個人情報の保管・消去
事後 第３版で反映
"""


def test_remarks_set_apart_from_pass_one():
    text, notes = set_pass_one_remarks_apart(PASS_ONE, "備考")
    lines = text.split("\n")
    assert lines[2] == "R8.4.18 事後 ガバメントクラウド移行に伴う追加"
    assert lines[5] == "R8.4.18 事後"  # the same value alone after a timing: the remark's too
    assert lines[3] == "R8.4.18 事後 委託業務の追加に伴う修正"  # an explanation alone: kept
    assert lines[6] == "R8.3.31 事前 同上"
    assert lines[-2] == "事後 第３版で反映"  # among the wrapped cells (pass 2): no pass 1 there
    assert len(notes) == 1 and "「第３版で反映」×2" in notes[0] and "(備考)" in notes[0]


def test_no_remarks_without_the_label_or_the_place():
    assert set_pass_one_remarks_apart(PASS_ONE, "") == (PASS_ONE, [])
    alone = PASS_ONE.replace(" 第３版で反映\n", "\n", 1)  # the value never after an explanation
    assert set_pass_one_remarks_apart(alone, "備考") == (alone, [])


def test_verdict_after_explanation_is_no_remark():
    text = PASS_ONE.replace("第３版で反映", "重要な変更にあたらない")
    assert set_pass_one_remarks_apart(text, "備考")[1] == []


def test_remarks_of_one_piece_a_line():
    # PyMuPDF prints each piece on a line of its own: the pieces after a timing run to the next date.
    text = "\n".join(
        [
            "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明",
            "R8.4.18",
            "事後",
            "ガバメントクラウド移行に伴う追加",
            "庁内決裁済",
            "R8.4.18",
            "事後",
            "庁内決裁済",
            "R8.3.31",
            "事前",
            "Ⅰ基本情報",
        ]
    )
    out, notes = set_pass_one_remarks_apart(text, "備考欄")
    assert "庁内決裁済" not in out and out.count("事後") == 2
    assert notes and "「庁内決裁済」×2" in notes[0]


def test_ascii_date_parted_from_japanese_cell():
    cl = CellLine("R8.4.18 ＩＤとパスワードによる認証を行っている。", 1, 3)
    assert [p.text for p in dated_value_apart(cl)] == ["R8.4.18", "ＩＤとパスワードによる認証を行っている。"]
    assert [p.text for p in dated_value_apart(CellLine("2023/4/1", 1, 3))] == ["2023/4/1"]


GROUPED = """（別添２）変更箇所
変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明
【令和５年度】
株式会社北日本システムサービス 株式会社東都情報テクノロジー 事後 委託先の変更に伴う修正
事前 同上
【令和４年度】
住民記録システム 住民記録システム（標準準拠システム） 事後
令和５年４月１
６日
Ⅱ特定個人情報ファイルの概要
"""


def test_group_label_in_pass_one_left_out():
    text, notes = strip_group_rows(GROUPED)
    assert "【令和４年度】" not in text and "【令和５年度】" not in text
    assert notes and "「【令和４年度】」" in notes[0]


def test_group_label_one_piece_a_line():
    text = GROUPED.replace(" ", "\n")  # PyMuPDF: 同上 / 【令和４年度】 / 住民記録システム
    out, notes = strip_group_rows(text)
    assert "【令和４年度】" not in out and notes


@pytest.mark.parametrize("line", ["＜令和6年4月改訂＞", "【令和６年１０月改訂分】", "【2024年4月変更】"])
def test_revision_month_labels(line):
    assert GROUP_LABEL_LINE.match(line)


@pytest.mark.parametrize("line", ["【令和6年4月】", "（令和6年4月1日）", "（令和６年４月１日施行）"])
def test_dates_alone_are_no_group_labels(line):
    assert not GROUP_LABEL_LINE.match(line)


def _squash(text: str | None) -> str:
    return re.sub(r"\s+", "", text or "")


def _text_cases(name: str, tools: tuple[str, ...]) -> list[tuple[str, str]]:
    cases = json.loads((SAMPLES / name / "cases.json").read_text("utf-8"))
    return [(case, tool) for case in cases for tool in tools if (SAMPLES / name / f"{case}-{tool}").is_dir()]


@pytest.mark.parametrize(
    ("case", "tool"),
    _text_cases("office-calcorder70", ("pypdfium2", "pdftotext-raw")),
    ids=lambda v: v,
)
def test_office_calcorder70_row_ordered(case, tool):
    """The remarks column's values and the group labels are in no cell of any row read, unless
    the row is warned (Calc / Writer with No. first and 備考 last, group rows)."""
    root = SAMPLES / "office-calcorder70"
    look = json.loads((root / "cases.json").read_text("utf-8"))[case]
    truth = json.loads((root / case / "expected" / "records.json").read_text("utf-8"))
    doc = extract_document(root / f"{case}-{tool}" / "input.txt")
    truth_text = "".join(_squash(t[f]) for t in truth for f in FIELDS)
    remarks = {_squash(v) for v in look.get("extras", {}).get("remark", {}).get("values", ()) if v}
    labels = {_squash(v) for v in look.get("groups", {}).values()}
    for r in doc.records:
        cells = [_squash(getattr(r, f)) for f in FIELDS]
        held = [v for v in remarks | labels if v not in truth_text and any(v in c for c in cells)]
        assert not held or "column_guess" in r.flags or r.confidence < 0.5, (held, r.flags)
