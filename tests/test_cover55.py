"""Cover facts of real-size assessments (40–80 pages, samples/office-cover55 and the held-out
heldout-cover55, made by tools/make_cover55_samples.py with Writer): facts on one line after their
label and a colon (``公表日：令和６年４月１日``), a 公表日 row left blank before the 項目一覧 page, a
date printed with 公表 after it.  Every extractor's text and the PDF give the printed facts, and
none where the cover prints none (no heading stands in for a blank 公表日)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.normalize.cover import check_cover, cover_facts_from_document_text, cover_facts_from_text
from piatable.pipeline import extract_document

from .conftest import SAMPLES

FACTS = ("assessment_number", "assessment_name", "agency", "published", "form")
SETS = (SAMPLES / "office-cover55", SAMPLES / "heldout-cover55")
TEXTS = sorted(p for s in SETS for p in s.glob("*-*/input.txt"))
PDFS = sorted(p for s in SETS for p in s.glob("*/input.pdf"))


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _truth(path: Path) -> dict:
    return json.loads((path.parent / "expected" / "documents.json").read_text("utf-8"))


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_every_extractors_text_gives_the_cover_facts(path: Path):
    truth = _truth(path)
    facts, notes = check_cover(cover_facts_from_document_text(path.read_text("utf-8")))
    for key in FACTS:
        assert _squash(facts.get(key)) == _squash(truth[key]), (key, facts.get(key), notes)
    # A blank 公表日 is said, nothing else.
    assert notes == ([] if truth["published"] else ["cover: 公表日 printed, no value read for it"])


@pytest.mark.parametrize("path", PDFS, ids=lambda p: f"{p.parent.parent.name}/{p.parent.name}")
def test_the_pdf_gives_the_cover_facts_as_its_documents_record(path: Path):
    truth = _truth(path)
    docs = extract_document(path).documents
    for key in FACTS:
        assert _squash(docs.get(key)) == _squash(truth[key]), (key, docs.get(key))


def test_a_value_after_its_label_and_a_colon_is_the_value():
    text = "評価書番号：12\n評価書名：住民基本台帳に関する事務\n評価実施機関名：北浜県知事\n"
    text += "公表日: 令和6年4月1日\n"
    facts = cover_facts_from_text(text)  # (a half-width colon and a space as well)
    assert (facts["assessment_number"], facts["agency"], facts["published"]) == (
        "12",
        "北浜県知事",
        "2024-04-01",
    )
    assert facts["assessment_name"] == "住民基本台帳に関する事務"
