"""Cover facts of whole assessments made by LibreOffice Writer (samples/office-cover2, made by
tools/make_cover2_samples.py): each extractor's text gives the facts the cover prints, a fact
that fails its grammar is left out or doubted with a note, and a scan's cover boxes the grid
finder leaves out are read (real tesseract)."""

from __future__ import annotations

import json
import sys

import pytest

from piatable.normalize.cover import check_cover, cover_facts_from_document_text
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SET = SAMPLES / "office-cover2"
FACTS = ("assessment_number", "assessment_name", "agency", "published", "form")


def _truth(name: str) -> dict:
    return json.loads((SET / name / "expected" / "documents.json").read_text("utf-8"))


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw"])
def test_number_glued_to_a_wrapped_name_is_split_by_its_grammar(tool):
    # The row 評価書番号 | 評価書名: the values come as ``59個人住民税…事務`` then the name's wrapped end.
    text = (SET / f"mixed-t4-{tool}" / "input.txt").read_text("utf-8")
    truth = _truth("mixed-t4")
    res = extract_document(SET / f"mixed-t4-{tool}" / "input.txt")
    assert res.documents["assessment_number"] == truth["assessment_number"]
    assert _squash(res.documents["assessment_name"]) == _squash(truth["assessment_name"])
    assert truth["assessment_number"] + "個人" in _squash(text)  # the text does glue them


@pytest.mark.parametrize("tool", ["pdftotext", "pdfminer"])
def test_labels_then_the_form_stamp_then_values(tool):
    res = extract_document(SET / f"beside-t2-{tool}" / "input.txt")
    truth = _truth("beside-t2")
    for key in FACTS:
        assert _squash(res.documents.get(key)) == _squash(truth[key]), key


def test_a_name_whose_pieces_come_out_of_order_is_noted():
    res = extract_document(SET / "mixed-t4-pdftotext" / "input.txt")
    if _squash(res.documents.get("assessment_name")) != _squash(_truth("mixed-t4")["assessment_name"]):
        assert any("評価書名" in n and "may be cut" in n for n in res.notes)


def test_facts_failing_their_grammar_are_left_out_with_a_note():
    facts, notes = check_cover(
        {"assessment_number": "12住民", "assessment_name": "3 住民基本台帳に関する事務", "agency": "〇〇市長"}
    )
    assert "assessment_number" not in facts and "assessment_name" not in facts
    assert facts["agency"] == "〇〇市長"
    assert any("評価書番号" in n for n in notes) and any("評価書名" in n for n in notes)
    facts, notes = check_cover(
        {"agency": "〇〇市", "published_raw": "平成2年1月1日", "published": "1990-01-01"}
    )
    assert "published" not in facts and any("公表日" in n for n in notes)
    assert facts["agency"] == "〇〇市" and any("評価実施機関名" in n for n in notes)
    facts, notes = check_cover({"assessment_number": "３32", "agency": "〇〇市長"})
    assert facts["assessment_number"] == "332"
    assert not any("評価書番号" in n or "評価実施機関名" in n for n in notes)
    # The two facts every cover prints but this one did not give are said to be missing.
    assert sorted(n.split()[1] for n in notes) == ["公表日", "評価書名"]


def test_an_agency_the_declaration_contradicts_is_doubted():
    text = (SET / "grid-t1-pdftotext-layout" / "input.txt").read_text("utf-8")
    truth = _truth("grid-t1")
    agency = truth["agency"]
    lines = text.split("\n")
    # The agency's own cell read with a character lost (as OCR does), the declaration intact.
    k = next(i for i, ln in enumerate(lines) if ln.strip() == agency)
    lines[k] = lines[k].replace(agency, agency[1:])
    facts, notes = check_cover(cover_facts_from_document_text("\n".join(lines)))
    assert facts["agency"] == agency[1:]
    assert any("評価実施機関名" in n and agency in n for n in notes)
    facts, notes = check_cover(cover_facts_from_document_text(text))
    assert facts["agency"] == agency and not any("評価実施機関名" in n for n in notes)


def test_a_scanned_cover_page_reads_its_agency_and_date_boxes(tmp_path):
    # Cover boxes of one column (評価実施機関名, 公表日) below the grid the cells come from.
    sys.path.insert(0, str(SAMPLES.parent / "tools"))
    import make_scans

    truth = _truth("grid-t1")
    pages = make_scans.rasterise(SET / "grid-t1" / "input.pdf", 300)[:1]
    scan = tmp_path / "scan.pdf"
    make_scans.save(pages, scan, 300, 50)
    res = extract_document(scan)
    assert res.documents.get("published") == truth["published"]
    got = res.documents.get("agency")
    assert got is not None
    assert got == truth["agency"] or any("評価実施機関名" in n for n in res.notes)


@pytest.mark.parametrize(
    ("agency", "declared", "doubted"),
    [
        ("川崎田市長", "川崎田市", False),  # the head's title: one agency
        ("東京都知事", "東京都", False),
        ("〇〇町", "〇〇町長", False),
        ("川崎田市長", "川崎市", True),  # another body
        ("〇〇市教育委員会", "〇〇市", True),
    ],
)
def test_the_heads_title_alone_does_not_contradict_the_declaration(agency, declared, doubted):
    text = "\n".join(
        [
            "評価書番号",
            "12",
            "評価書名",
            "住民基本台帳に関する事務",
            "評価実施機関名",
            agency,
            "公表日",
            "令和５年６月１日",
            "個人のプライバシー等の権利利益の保護の宣言",
            f"{declared}は、住民基本台帳に関する事務における特定個人情報ファイルの取扱いにあたり、",
        ]
    )
    facts, notes = check_cover(cover_facts_from_document_text(text))
    assert facts["agency"] == agency
    assert any("評価実施機関名" in n and "declaration" in n for n in notes) is doubted


@pytest.mark.parametrize("case", ["calc-t7", "calc-bottom-t8"])
@pytest.mark.parametrize("tool", ["", "-pypdfium2", "-pdftotext-raw"])
def test_a_calc_covers_date_beside_its_label_is_read_from_stream_order(case, tool):
    """A Calc cover (labels in column A, values beside them): stream order gives the label cells
    first and the 公表日's value after the declaration, lines away from its label.  It came out
    missing ('公表日 printed, no value read for it'); the cover's only free-standing date is it."""
    folder = SET / f"{case}{tool}"
    res = extract_document(folder / ("input.pdf" if not tool else "input.txt"))
    truth = _truth(case)
    for key in FACTS:
        assert _squash(res.documents.get(key)) == _squash(truth[key]), key
    assert not any("公表日" in n for n in res.notes)


def test_two_free_standing_dates_leave_the_published_date_unread_with_a_note():
    lines = [
        "評価書番号",
        "7",
        "評価書名",
        "介護保険に関する事務",
        "公表日",
        "個人のプライバシー等の権利利益の保護の宣言",
    ]
    facts = cover_facts_from_document_text("\n".join([*lines, "令和5年6月30日", "令和5年7月1日"]))
    assert "published" not in facts
    facts, notes = check_cover(facts)
    assert any("公表日" in n for n in notes)
    facts = cover_facts_from_document_text("\n".join([*lines, "令和5年6月30日"]))
    assert facts["published"] == "2023-06-30"


@pytest.mark.parametrize("value", ["2023年9月1日", "令和５年９月１日", "2024/04/15", "３", "12 3"])
def test_an_agency_that_is_a_date_or_a_number_is_left_out(value):
    # Set XXII t11: a Ghostscript-garbled text layer put the 公表日 in the agency's place; the
    # value names no agency and is left out with its note rather than written with a doubt.
    facts, notes = check_cover({"agency": value, "published_raw": "2023年9月1日", "published": "2023-09-01"})
    assert "agency" not in facts
    assert any("評価実施機関名" in n and "left out" in n for n in notes)
    assert not any("評価実施機関名 not found" in n for n in notes)


@pytest.mark.parametrize("value", ["〇〇市", "西野市教育委員会", "R市長", "第3地区広域連合"])
def test_an_agency_with_words_is_kept(value):
    facts, _ = check_cover({"agency": value})
    assert facts["agency"] == value
