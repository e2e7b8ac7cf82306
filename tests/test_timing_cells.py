"""The 提出時期 cell: a qualifier printed under 事前 / 事後 (「（重要な変更）」, 「(任意)」, 「※重要な変更」,
「再評価」) stays with the timing — ``timing`` is the word, ``timing_raw`` the cell as printed — and
never opens or ends the explanation, in every path; a wrapped label's tail (提出 / 時期) printed
across the ruling under the label row is label, not the first row's text (normalize/timing_cells.py,
normalize/grid/wrapped_timing.join_timing_qualifiers, normalize/grid/labels.label_tails_back;
set XII's w5 and c5 kinds, samples/office-timing51)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from piatable.models import CellLine
from piatable.normalize.timing_cells import is_qualifier, qualifier_lines, read_timing, timing_of_lines
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-timing51"
_WS = re.compile(r"\s+")


@pytest.mark.parametrize(
    ("raw", "word"),
    [
        ("事前", "事前"),
        ("事後", "事後"),
        ("［事前］", "事前"),
        ("事前（重要な変更）", "事前"),
        ("事後(任意)", "事後"),
        ("事前※重要な変更", "事前"),
        ("事後再評価", None),  # a bare word glued to the timing: another cell's text may be
        ("事前【重要】", "事前"),
        ("[事前]（任意）", "事前"),
        # Not a qualifier: a label's tail before the word, two words, prose cut into the cell.
        ("時期事前", None),
        ("事前事後", None),
        ("事前に申請した者", None),
        ("事前（重要な変更に該当する。）", None),
        ("事前マイナポータルを通じた電子申請の受付開始に伴う変更", None),
    ],
)
def test_a_timing_cell_gives_its_word_whatever_qualifier_it_prints(raw: str, word: str | None) -> None:
    assert read_timing(raw) == word


def test_a_bare_qualifier_is_taken_only_set_apart_from_the_timing() -> None:
    assert timing_of_lines(["事後", "再評価"]) == "事後"  # a line of its own in the cell
    assert timing_of_lines(["事後\u3000再評価"]) == "事後"  # -layout: joined apart
    assert timing_of_lines(["事後部市民窓口課"]) is None  # glued: another cell's text
    assert timing_of_lines(["事後", "株式会社"]) == "事後"
    assert timing_of_lines(["時期", "事前"]) is None


def test_a_qualifier_is_a_phrase_not_prose() -> None:
    assert is_qualifier("（重要な変更）") and is_qualifier("※重要な変更") and is_qualifier("再評価")
    assert not is_qualifier("（重要な変更")  # not closed
    assert not is_qualifier("（重要）な変更")  # closed mid-way
    assert not is_qualifier("時点修正に")  # a particle: prose


def _lines(*texts: str) -> list[CellLine]:
    return [CellLine(t, 1, k) for k, t in enumerate(texts)]


def test_row_ordered_text_gives_the_timing_a_bracketed_phrase_opened_under_it() -> None:
    # set XII w5 -raw: 事前 / （重要な / 変更） / マイナポータルを / 通じた電子申請の / …
    post = _lines("（重要な", "変更）", "マイナポータルを", "通じた電子申請の", "受付開始に伴う変", "更")
    assert qualifier_lines(post) == 2
    # A phrase that is the whole explanation stays the explanation's; so does prose.
    assert qualifier_lines(_lines("（重要な", "変更）")) == 0
    assert qualifier_lines(_lines("（記載の整理）により修正", "した")) == 0
    # A ※ note wrapped in a column as narrow as 事前 before wider explanation lines.
    assert qualifier_lines(_lines("※重", "要", "中間サーバーへの副本", "登録の開始に伴う追加")) == 2
    # A bare word, wrapped or not: the text does not tell it from the explanation's (set XI's
    # pypdfium2 text of a narrow explanation column: 組織 / 改 / 編に伴う変更).
    assert qualifier_lines(_lines("再評", "価", "中間サーバーへの副本", "登録の開始に伴う追加")) == 0
    assert qualifier_lines(_lines("組織", "改", "編に伴う変更")) == 0
    assert qualifier_lines(_lines("再評価", "中間サーバーへの副本", "登録の開始に伴う追加")) == 0


def _expected(folder: Path) -> list[dict]:
    return json.loads((folder / "expected" / "records.json").read_text("utf-8"))


def _qualified_rows(case: str) -> list[tuple[dict, dict]]:
    """(expected, read) of the rows of ``case`` (a folder of SET) whose printed timing cell holds
    a qualifier (its text in the PDF's -layout text beside the timing)."""
    folder = SET / case
    path = folder / ("input.pdf" if (folder / "input.pdf").exists() else "input.txt")
    records = extract_document(path).records
    want = _expected(folder)
    assert len(records) == len(want)
    return list(zip(want, records, strict=True))


@pytest.mark.parametrize(
    "case",
    [
        "tm51-q-writer-juki",  # PDF, Writer: 「事前」 over 「(任意)」
        "tm51-q-calc-juki",  # PDF, Calc: 「事前」 over 「【重要】」
        "tm51-q-calc-juki-pdftotext-layout",
        "tm51-n-calc-kokuho-pdftotext-layout",  # narrow column: 「(任意)」 wider than it
        "tm51-n-writer-juki-pdftotext-layout",  # 「（再」 / 「評」 / 「価）」
        "tm51-q-writer-juki-pdftotext-raw",
    ],
)
def test_the_qualifier_stays_with_the_timing(case: str) -> None:
    rows = _qualified_rows(case)
    qualified = 0
    for want, rec in rows:
        assert rec.timing == want["timing"], (case, rec.row_index)
        assert _WS.sub("", rec.explanation) == _WS.sub("", want["explanation"]), (case, rec.row_index)
        raw = _WS.sub("", rec.timing_raw or "")
        assert raw.startswith(want["timing"])
        if raw != want["timing"]:
            qualified += 1
            assert is_qualifier(raw[2:]), raw
            assert "timing_invalid" not in rec.flags
    assert qualified >= 2  # the case prints qualifiers, and each was kept in timing_raw


def test_a_wrapped_label_printed_across_the_ruling_is_label() -> None:
    """A Calc label row left at one line's height prints the narrow 提出時期 column's wrapped
    label (提出時 / 期) across the ruling under it: the first row of each page read 「期事前」 and
    lost its timing (timing_invalid; set XII's c5: 時期事前).  The case is from the held-out set
    (none of the tuning set's Calc tables overflows so); the rule was written from set XII's c5."""
    folder = SAMPLES / "heldout-timing51" / "htm51-n-calc-kaigo_hoken"
    records = extract_document(folder / "input.pdf").records
    want = _expected(folder)
    assert [r.timing for r in records] == [w["timing"] for w in want]
    assert all(not _WS.sub("", r.timing_raw or "").startswith("期") for r in records)
    assert all("timing_invalid" not in r.flags for r in records)
