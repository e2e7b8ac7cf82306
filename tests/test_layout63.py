"""Layout texts: closing punctuation a layout extractor printed one column right, put back
(normalize/grid/displaced_closers.py), and header rows worded otherwise read as headers
(vocabulary.LABEL_VARIANTS), on real Chromium PDFs' texts (samples/office-layout63,
tools/make_layout63_samples.py) and on small texts of the shapes seen."""

from __future__ import annotations

import re
import unicodedata

import pytest

from piatable.normalize.grid.displaced_closers import unpaired
from piatable.normalize.printed_lines import found_in
from piatable.pipeline import extract_document
from piatable.vocabulary import is_header_line

from .conftest import SAMPLES

SET = SAMPLES / "office-layout63"
# Where each column starts in the small layout texts below (display columns: full width 2).
STARTS = (0, 18, 52, 90, 128, 136)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WFA" else 1 for c in text)


def _layout(lines: list[tuple[str, ...]]) -> str:
    """A layout text: each line's six cells' pieces ("" none) printed from their column's start."""
    out = []
    for cells in lines:
        line = ""
        for start, text in zip(STARTS, cells, strict=False):
            if text:
                line += " " * max(start - _width(line), 1 if line else 0) + text
        out.append(line)
    return "\n".join(out) + "\n"


HEAD = "（別添２）変更箇所\n\n" + _layout(
    [("変更日", "項目", "変更前の記載", "変更後の記載", "提出時期", "提出時期に係る説明")]
)


def _truth(case: str) -> list[dict]:
    import json

    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


def test_unpaired_counts_brackets_that_pair_with_none():
    assert unpaired("提供する（以降、新たに…提供する。）。") == 0
    assert unpaired("提供する（以降、新たに…提供する。") == 1
    assert unpaired("対象人数の増加（重要な変更））。") == 1
    assert unpaired("「以降」）") == 1
    assert unpaired("＜選択肢＞1)行っている 2)行っていない") == 0


def test_a_piece_opening_with_closers_is_found_without_them():
    assert found_in("）。知対象者が生じた都度提供する。", "…の通知対象者が生じた都度提供する。）。")
    assert not found_in("）。まったく別の文章である。", "…の通知対象者が生じた都度提供する。）。")


# Set XXIV t03's shape: the 変更前's ``）。`` opens the 変更後's line, the 変更後's lands in the 説明.
MOVED = HEAD + _layout(
    [
        (
            "令和4年11月17日",
            "Ⅱ特定個人情報ファイルの概要",
            "使用開始日から通知カード送付までの",
            "使用開始日から個人番号通知書送付ま",
            "事前",
            "対象人数の増加（重要な変更）",
        ),
        (
            "",
            "４．特定個人情報ファイルの取扱い",
            "一定の期間に、番号法施行日時点にお",
            "での一定の期間に、番号法施行日時点",
        ),
        ("", "の委託", "ける住民の送付先情報をまとめて提供", "における住民の送付先情報をまとめて"),
        ("", "委託事項２", "する（以降、新たに個人番号の通知対", "提供する（以降、新たに個人番号の通"),
        (
            "",
            "③委託先における取扱者数",
            "象者が生じた都度提供する。",
            "）。知対象者が生じた都度提供する。",
            "",
            "）。",
        ),
        (
            "令和4年11月17日",
            "Ⅲ特定個人情報ファイルの取扱い",
            "庁舎内のサーバー室に設置したサーバ",
            "ガバメントクラウド上のサーバー内に",
            "事前",
            "クラウドへの移行に伴う変更",
        ),
        ("", "７．特定個人情報の保管・消去", "ーに保管する。", "保管する。"),
    ]
)


def test_closers_moved_right_are_put_back_where_their_brackets_open(tmp_path):
    path = tmp_path / "moved.txt"
    path.write_text(MOVED, "utf-8")
    result = extract_document(path)
    first = result.records[0]
    assert first.before.endswith("都度提供する。）。"), first.before
    assert first.after.endswith("知対象者が生じた都度提供する。）。"), first.after
    assert first.explanation == "対象人数の増加（重要な変更）", first.explanation
    assert "column_guess" not in first.flags
    assert not any("in no record" in n for n in result.notes), result.notes


def test_closers_the_brackets_cannot_place_warn_the_cell(tmp_path):
    # A ``）`` opening the 変更後's line, its cell and the 変更前 paired either way: no move, a warning.
    text = MOVED.replace("する（以降、新たに個人番号の通知対", "する（以降）、新たに個人番号の通知対")
    text = text.replace("提供する（以降、新たに個人番号の通\n", "提供する（以降、新たに個人番号の通（\n")
    path = tmp_path / "unsure.txt"
    path.write_text(text, "utf-8")
    first = extract_document(path).records[0]
    assert "column_guess" in first.flags, (first.flags, first.before, first.after)


def test_the_closers_samples_keep_each_cells_closing_run():
    # Every run pypdf moved (7 on this page) is back at the end of its cell, or the row is
    # warned: the kind on real Chromium output (a row's other faults aside).
    case = "l63-a-closers-pypdf-layout"
    result = extract_document(SET / case / "input.txt")
    truth = _truth(case)
    assert len(result.records) == len(truth)
    for r, t in zip(result.records, truth, strict=True):
        for f in ("before", "after"):
            run = re.search(r"[）」』][。）」』]*$", t[f])
            got = "".join(getattr(r, f).split())
            if run and "column_guess" not in r.flags:
                assert got.endswith(run.group(0)), (f, got[-20:], t[f][-20:])


@pytest.mark.parametrize(
    "line",
    [
        "変更年月日 項目 変更前 変更後 提出時期 説明",
        "変更日 変更箇所（項目） 変更前の記載 変更後の記載 提出時期 提出時期の説明",
    ],
)
def test_a_header_worded_otherwise_is_a_header(line):
    assert is_header_line(line)


def test_body_text_holding_a_label_word_is_no_header():
    assert not is_header_line("変更前 の 記載 を 修正")
    assert not is_header_line("説明 変更後の記載内容を 追加")


def test_a_later_page_header_worded_otherwise_leaks_no_label():
    case = "l63-a-relabel-pypdf-layout"
    result = extract_document(SET / case / "input.txt")
    labels = ("変更年月日", "変更箇所（項目）", "提出時期の説明")
    for r in result.records:
        for value in (r.item, r.before, r.after, r.explanation):
            assert not any(lab in value for lab in labels), value
        assert not r.before.endswith("変更前") and not r.after.endswith("変更後"), (r.before, r.after)
    assert len(result.records) == len(_truth(case))


def test_marks_a_fallback_font_printed_last_go_back_in_their_line():
    # Writer from an RTF naming IPAex Mincho prints ○ after the line's other text; pypdf's layout
    # mode reads ``株式会社  システム○○`` and ``○［ ］紙`` (set XXIV t01/t11's kind).
    case = "l63-a-marks-pypdf-layout"
    text = (SET / case / "input.txt").read_text("utf-8")
    assert "○［ ］" in text and "システム○○" in text  # the kind is in the sample
    result = extract_document(SET / case / "input.txt")
    truth = _truth(case)
    assert len(result.records) == len(truth)
    for r, t in zip(result.records, truth, strict=True):
        for f in ("before", "after"):
            if "○" in t[f]:
                assert "".join(getattr(r, f).split()) == "".join(t[f].split()), (getattr(r, f), t[f])


def test_marks_with_no_one_place_for_them_are_left_alone(tmp_path):
    # A placeholder name opening a line (``○○市本町…``) and marks after a piece that has no blank
    # in front: nothing to put back.
    lines = [
        (
            "令和4年11月17日",
            "Ⅴ開示請求、問合せ",
            "〒１２３－４５６７",
            "〒１２３－４５６７",
            "事後",
            "住所変更",
        ),
        ("", "１．特定個人情報の開示・訂正・利", "○○市本町一丁目１番１号", "○○市中町二丁目２番２号"),
        ("", "用停止請求"),
    ]
    path = tmp_path / "marks.txt"
    path.write_text(MOVED + _layout(lines), "utf-8")
    last = extract_document(path).records[-1]
    assert last.before.endswith("○○市本町一丁目１番１号"), last.before
    assert last.after.endswith("○○市中町二丁目２番２号"), last.after
