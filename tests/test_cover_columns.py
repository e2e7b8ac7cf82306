"""Cover facts of assessments printed as municipal ones are (samples/office-cover20, made by
tools/make_cover20_samples.py): the form's cover as one table, label | value rows an extractor
reads column by column (all labels, then all values, the declaration's and 特記事項's over
several lines), a row label or a 公表日 wrapped in its cell, a labels row glued to its values,
平成 / 令和元年 / western / full-width / spaced dates, a 項目一覧 page after the cover, 40–80 pages
with the table at the end."""

from __future__ import annotations

import json

import pytest

from piatable.normalize.cover import check_cover, cover_facts_from_document_text, cover_facts_from_text
from piatable.normalize.cover_columns import column_values, date_at, label_run, split_label_row

from .conftest import SAMPLES

SET = SAMPLES / "office-cover20"
FACTS = ("assessment_number", "assessment_name", "agency", "published", "form")
TEXTS = sorted(p for p in SET.glob("*-*/input.txt"))


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.parent.name)
def test_every_extractors_text_gives_the_cover_facts(path):
    truth = json.loads((path.parent / "expected" / "documents.json").read_text("utf-8"))
    facts, notes = check_cover(cover_facts_from_document_text(path.read_text("utf-8")))
    for key in FACTS:
        assert _squash(facts.get(key)) == _squash(truth[key]), (key, notes)
    assert not notes


def test_a_date_wrapped_in_its_cell_is_read_over_its_lines():
    assert date_at(["平成２９年１０月", "８日"], 0) == ("平成２９年１０月８日", 2)
    assert date_at(["北浜町長", "令和5年4月1日"], 0) is None


def test_a_row_label_wrapped_over_two_lines_counts_once():
    lines = ["評価書番号", "個人のプライバシー等の権利利益の保護の宣", "言", "公表日", "12"]
    assert label_run(lines, 0, {"評価書番号": 1, "公表日": 1}) == (
        ["評価書番号", "個人のプライバシー等の権利利益の保護の宣言", "公表日"],
        4,
    )


def test_a_value_that_is_not_what_its_label_asks_for_takes_nothing():
    # 評価実施機関名 then 公表日, but no date follows: the run is not this table's values.
    lines = ["特記事項", "評価実施機関名", "公表日", "なし", "〇〇市長", "項目一覧"]
    got = column_values(lines, 3, ["特記事項", "評価実施機関名", "公表日"], None, None, lambda s: False)
    assert got is None


def test_a_labels_row_glued_to_its_values_is_split():
    assert split_label_row(["評価書番号 評価書名12 国民健康保険に関する事務"]) == [
        "評価書番号 評価書名",
        "12 国民健康保険に関する事務",
    ]
    assert split_label_row(["評価書番号 12"]) == ["評価書番号 12"]


def test_pages_before_the_table_are_one_note():
    """A whole assessment's ``-layout`` text: the cover and body pages before the table are
    named in one note (``pages 1-4``), not one note a page; the table's rows and the cover's
    facts are read."""
    from piatable.pipeline import extract_document

    case = SAMPLES / "office-cover20" / "side-t3-pdftotext-layout"
    result = extract_document(case / "input.txt")
    cover = json.loads((case / "expected" / "documents.json").read_text("utf-8"))
    assert len(result.records) == 2
    assert result.documents["published"] == cover["published"]
    assert [n for n in result.notes if "no amendment table" in n] == [
        "pages 1-4: no amendment table on them (no dated row printed there; nothing lost)"
    ]


def test_a_form_stamp_broken_over_lines_is_no_value_and_a_shifted_run_reads_no_date():
    """Plain ``pdftotext`` of a Writer cover whose labels are one column and values the next: the
    form stamp ``［令和６年１０月　様式４］`` comes out broken, its opening between the labels and
    the values and its end after them.  The opening is no value (``cover._NOT_A_VALUE``); a run of
    labels whose values would start a line early reads no date for 公表日 and is not taken
    (``cover._values_fit``), so no stamp text stands in for the agency."""
    text = "\n".join(
        [
            "特定個人情報保護評価書（全項目評価書）",
            "評価書番号",
            "評価書名",
            "評価実施機関名",
            "公表日",
            "［令和 5 年 4 月",
            "",
            "３",
            "介護保険に関する事務",
            "〇〇町長",
            "令和 5 年 6 月 1 日",
            "様式４］",
        ]
    )
    facts = cover_facts_from_text(text)
    assert facts["assessment_number"] == "３"
    assert facts["agency"] == "〇〇町長"
    assert facts["published"] == "2023-06-01"
    # Without the numbered row the agency's run is [評価実施機関名, 公表日] over the stamp and a
    # number: not taken, the agency doubted rather than read from the stamp.
    shifted = text.replace("評価書番号\n評価書名\n", "").replace("３\n介護保険に関する事務\n", "")
    shifted = shifted.replace("［令和 5 年 4 月", "［令和 5 年 4 月 様").replace("〇〇町長\n", "")
    got = cover_facts_from_text(shifted)
    assert not got.get("agency", "").startswith("［")
