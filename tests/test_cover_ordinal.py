"""A cover whose 評価書番号 is printed as an ordinal ``第１２３号`` (issue 14).

The texts in tests/data/cover_ordinal are the covers of set XX's t01 (python-docx → LibreOffice
Writer, ``pdftotext``) and t04 (HTML → Chromium, pdfminer with boxes_flow None and
``pdftotext -htmlmeta``): four labels one per line, then their four values in the same order.
The run of values was refused while 評価書番号 had to be digits alone, so 評価実施機関名 was lost
(set XX: agency 19 of 28 covers)."""

from __future__ import annotations

from pathlib import Path

import pytest

from piatable.normalize.cover import check_cover, cover_facts_from_text

DATA = Path(__file__).parent / "data" / "cover_ordinal"
TRUTH = {
    "t01-plain": ("123", "北浜市長", "2023-03-15"),
    "t04-pdfminer-nobf": ("789", "東山市長", "2021-12-10"),
    "t04-htmlmeta": ("789", "東山市長", "2021-12-10"),
}


@pytest.mark.parametrize("name", sorted(TRUTH))
def test_a_column_ordered_cover_with_an_ordinal_number_gives_every_fact(name: str):
    facts, notes = check_cover(cover_facts_from_text((DATA / f"{name}.txt").read_text("utf-8")))
    number, agency, published = TRUTH[name]
    assert (facts.get("assessment_number"), facts.get("agency"), facts.get("published")) == (
        number,
        agency,
        published,
    )
    assert not any("評価書番号" in n or "評価実施機関名" in n for n in notes), notes


def test_an_ordinal_number_beside_its_label_is_written_as_its_digits():
    text = "評価書番号 第１２３号\n評価書名 住民基本台帳に関する事務 全項目評価書\n評価実施機関名 北浜市長\n"
    facts, _notes = check_cover(cover_facts_from_text(text))
    assert facts["assessment_number"] == "123"
    assert facts["agency"] == "北浜市長"


def test_a_number_with_other_words_is_still_no_number():
    facts, notes = check_cover(cover_facts_from_text("評価書番号 第１２３号の２\n評価実施機関名 北浜市長\n"))
    assert "assessment_number" not in facts
    assert any("評価書番号" in n for n in notes)
