"""Branch glue73: unwarned wrong rows of flattened texts (set XXXIV items 9, 5, 11, 12).

* ruby over a word of kanji and okurigana (``ろうえい`` over ``漏えい``) left out of a text's cells
  (normalize/ruby_lines.py), a kana line that is the cell's own (``なし``) kept;
* a 説明 merged over a date group and centred, cut between two rows of a ``-layout`` text, read as
  one value (normalize/grid/cut_merged_values.py);
* a before paragraph holding both cells' values (normalize/twin_openings.py) and notes beside a
  page's last row (normalize/foot_notes.py) warned.

Samples: ``tools/make_okurigana73_samples.py`` (office-glue73) and
``tools/make_mergedexpl73_samples.py`` (office-mergedexpl73); their held-out sets are measured
only (tools/eval_office.py), never asserted on.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.foot_notes import foot_note_doubts
from piatable.normalize.ruby_lines import strip_ruby_lines
from piatable.normalize.twin_openings import twin_opening_doubts

from .conftest import SAMPLES


def test_reading_of_an_okurigana_word_is_left_out_and_own_kana_kept():
    text = "介護保険事務処理システムの\n特定個人情報の\nろうえい\n漏えいその他の\n事態を発生させる\nなし\n"
    out, notes = strip_ruby_lines(text)
    assert "ろうえい" not in out.split("\n")
    assert "なし" in out.split("\n")
    assert any("ろうえい" in n for n in notes)


def test_kana_of_kodomo_is_no_reading():
    """子ども reads こども with one kana for its kanji: too like the cell's own kana."""
    out, _ = strip_ruby_lines("子ども医療費助成事務\nこども\n住民票情報の連携\n")
    assert "こども" in out.split("\n")


@pytest.mark.parametrize("case", ["me73-calc-0-pypdf-layout", "me73-writer-3-pdftotext-layout"])
def test_centred_merged_explanation_goes_whole_to_its_rows(case):
    """Both cases read every explanation whole (main bb7a17b0: 5 of 10 and 0 of 7)."""
    folder = SAMPLES / "office-mergedexpl73" / case
    want = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    doc = extract_document(folder / "input.txt")
    assert len(doc.records) == len(want)
    for got, row in zip(doc.records, want, strict=True):
        assert "".join(got.explanation.split()) == "".join(row["explanation"].split())


def _record(before: str, after: str) -> SimpleNamespace:
    return SimpleNamespace(before=before, after=after)  # what the check reads of a Record


def test_before_holding_both_values_on_one_line_is_warned():
    both = "霧島台町役所 総務課 情報公開係 霧島台町役所 総務部 行政管理課\n〒８１２－３４５６"
    rec = _record(both, "霧島台町中央一\n丁目１番地")
    assert {d.field for d in twin_opening_doubts(rec)} == {"before", "after"}
    apart = _record("霧島台町役所 総務課 情報公開係", "霧島台町役所 総務部 行政管理課")
    assert not twin_opening_doubts(apart)


def _row(lines: list[str], page: int) -> RawRow:
    row = RawRow(widths={"explanation": 30.0}, page_start=page, page_end=page)
    row.cells["explanation"] = [CellLine(text=t, page=page) for t in lines]
    return row


def test_short_lines_after_a_page_last_rows_explanation_are_warned():
    rows = [
        _row(["児童手当法の一部改正（令和６年", "１０月施行）に伴う修正"], 1),
        _row(["記載の誤りの訂正", "総務課と調整", "差替え予定"], 1),
    ]
    doubts = foot_note_doubts(rows)
    assert not doubts[0]
    assert [d.kind for d in doubts[1]] == ["column_guess"]
    kept = foot_note_doubts([_row(["記載の誤りの訂正", "重大な変更に該当しない"], 1)])
    assert kept == [[]]
