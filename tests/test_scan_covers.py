"""Scanned assessments whose first page prints the cover (samples/scan8, made by
tools/make_scan_covers.py from LibreOffice tables): the cover facts are read by OCR (real
tesseract), never made a row of the table, and the cover text used for no fact is noted."""

from __future__ import annotations

import json

import pytest

from piatable.pipeline import extract_document

from .conftest import SAMPLES


def _case(name: str):
    folder = SAMPLES / "scan8" / name
    facts = json.loads((folder / "expected" / "documents.json").read_text("utf-8"))
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    return sorted(folder.glob("input.*"))[0], facts, expected


@pytest.mark.parametrize("name", ["writer-above-t2", "calc-above-t1"])
def test_a_cover_above_the_table_gives_facts_and_no_row(name):
    path, facts, expected = _case(name)
    res = extract_document(path, "scan")
    assert len(res.records) == len(expected)
    assert res.documents.get("agency") == facts["agency"]
    assert res.documents.get("published") == facts["published"]
    assert res.documents.get("form") == facts["form"]
    # The first row is the table's first row, not the cover's cells glued to a date.
    assert res.records[0].change_date == expected[0]["change_date"]
    for r in res.records:
        text = "".join([r.change_date_raw, r.item, r.before, r.after, r.explanation])
        assert "評価実施機関" not in text and "評価書番号" not in text
    assert any("cover above the table read for its facts" in n for n in res.notes)


def test_a_cover_page_of_a_scanned_pdf_gives_facts():
    path, facts, expected = _case("writer-page-t6")
    res = extract_document(path, "scan")
    assert len(res.records) == len(expected)
    for key in ("assessment_name", "agency", "published", "form"):
        assert (res.documents.get(key) or "").replace(" ", "") == facts[key].replace(" ", ""), key
    assert any("cover page read for its facts" in n for n in res.notes)


def test_cover_text_used_for_no_fact_is_noted():
    from piatable.extract.ocr.cover_zone import split_cover
    from piatable.models import PageWords, Word

    def line(text: str, top: float, x: float = 10.0) -> list[Word]:
        return [Word(c, 1, x + 10 * k, x + 10 * k + 9, top, top + 9, "ocr", 90.0) for k, c in enumerate(text)]

    words = (
        line("評価書名", 10)
        + line("サンプル事務全項目評価書", 10, 100)
        + line("公表日", 25)
        + line("令和5年3月31日", 25, 100)
        + line("個人のプライバシー等の権利利益の保護の宣言", 40)
        + line("変更日項目変更前の記載変更後の記載提出時期", 60)
        + line("令和6年1月1日", 75)
    )
    pw = PageWords(1, 600, 400, "pt", "ocr", words)
    facts, notes, kept = split_cover([pw])
    assert facts["assessment_name"] == "サンプル事務全項目評価書"
    assert facts["published"] == "2023-03-31"
    assert any("個人のプライバシー等の権利利益の保護の宣言" in n for n in notes)
    # The cover's words are off the page; the table's header and rows stay.
    assert kept and "".join(w.text for w in kept[0].words).startswith("変更日")


def test_a_table_page_whose_header_misread_is_not_a_cover():
    # The table's first row amends the cover (項目 表紙 / 評価書名, before and after naming the
    # 全項目評価書) and its title and column labels were misread: the 提出時期 cells say it is
    # a table page, so none of its words are taken for a cover (its rows would go with them).
    from piatable.extract.ocr.cover_zone import split_cover
    from piatable.models import PageWords, Word

    def cells(top: float, *texts: str) -> list[Word]:
        out, x = [], 10.0
        for text in texts:
            out += [
                Word(c, 1, x + 10 * k, x + 10 * k + 9, top, top + 9, "ocr", 90.0) for k, c in enumerate(text)
            ]
            x += 10 * len(text) + 40
        return out

    words = (
        cells(10, "変吏日", "頃目", "変吏前の記戦", "変吏後の記戦", "提出時朗")
        + cells(
            30,
            "令和6年4月1日",
            "表紙評価書名",
            "住民基本台帳事務全項目評価書",
            "住民記録事務全項目評価書",
            "事後",
        )
        + cells(50, "令和6年4月1日", "公表日", "令和5年3月31日", "令和6年3月29日", "事後")
        + cells(70, "令和7年1月6日", "Ⅱファイルの概要", "本人", "本人又は代理人", "事前")
    )
    pw = PageWords(1, 600, 400, "pt", "ocr", words)
    facts, notes, kept = split_cover([pw])
    assert facts == {} and notes == []
    assert len(kept) == 1 and len(kept[0].words) == len(words)
    # Without its 提出時期 cells and with one date only, the same page is read as a cover (the
    # rule's other side; two dates or more in the date column keep a page a table's, branch scanloss66).
    bare = [w for w in words if w.text not in "事前後" and not (w.top in (30.0, 70.0) and w.x0 < 95)]
    facts, notes, kept = split_cover([PageWords(1, 600, 400, "pt", "ocr", bare)])
    assert facts and any("cover page read for its facts" in n for n in notes)


def test_a_ruling_read_as_a_1_before_a_value_is_taken_off(monkeypatch):
    # writer-page-t4's value cells open on one ruling; on the page as pdfium renders it (the
    # scan resampled, shifted by up to a pixel) tesseract glued it to the number (135 for 35)
    # and to the date (12024/11/14): the column of ruling glyphs read in the other lines tells
    # it apart from a real 1.  Read from the JPEG's own pixels (the default), tesseract does
    # not glue them here: the facts are right either way.
    from piatable.extract.ocr import render

    path, facts, _ = _case("writer-page-t4")
    res = extract_document(path, "scan")
    assert res.documents.get("assessment_number") == facts["assessment_number"]
    assert res.documents.get("published") == facts["published"]
    monkeypatch.setattr(render, "scanned_page_gray", lambda doc, index: None)
    res = extract_document(path, "scan")
    assert res.documents.get("assessment_number") == facts["assessment_number"]
    assert res.documents.get("published") == facts["published"]
    assert any("read as the ruling" in n for n in res.notes)


def test_a_1_off_the_rulings_column_is_kept():
    from piatable.extract.ocr.cover_zone import ruling_ones
    from piatable.models import Word

    def word(text: str, x0: float, top: float) -> Word:
        return Word(text, 1, x0, x0 + 5 * len(text), top, top + 9, "ocr", 95.0)

    zone = [
        [word("評価書番号", 10, 10), word("135", 100, 10)],  # on the ruling: the ruling's 1
        [word("評価書名", 10, 25), word("｜", 100, 25), word("12事務", 108, 25)],  # a padding away
        [word("公表日", 10, 40), word("｜", 100.5, 40), word("令和5年", 108, 40)],
    ]
    lines, notes = ruling_ones(zone)
    assert [w.text for w in lines[0]] == ["評価書番号", "35"]
    assert [w.text for w in lines[1]] == ["評価書名", "｜", "12事務"]
    assert len(notes) == 1 and "'135'" in notes[0]
    # A glyph off the rulings' column right before digits may be the number's 1: asked about.
    zone[0] = [word("評価書番号", 10, 10), word("｜", 100, 10), word("｜", 106, 10), word("2", 108, 10)]
    _, notes = ruling_ones(zone)
    assert len(notes) == 1 and "評価書番号" in notes[0] and "a 1 read as a ruling" in notes[0]


def test_a_number_beside_the_cells_ruling_is_doubted_by_name():
    """評価書番号 read ``2`` where the cell prints ``12``: the 1 taken for the ruling (stripped, or
    read as a glyph on the rulings' column, which ``ruling_ones`` leaves unsaid) is doubted in a
    note naming the fact; a number a padding away from its ruling is not."""
    from piatable.extract.ocr.cover_zone import ruled_number_doubts, ruling_ones
    from piatable.models import Word

    def word(text: str, x0: float, top: float) -> Word:
        return Word(text, 1, x0, x0 + 5 * len(text), top, top + 9, "ocr", 95.0)

    rest = [
        [word("評価書名", 10, 25), word("｜", 100, 25), word("事務", 112, 25)],
        [word("公表日", 10, 40), word("｜", 100.5, 40), word("令和5年", 112, 40)],
    ]
    stripped = [[word("評価書番号", 10, 10), word("12", 100, 10)], *rest]
    on_column = [[word("評価書番号", 10, 10), word("｜", 100.2, 10), word("2", 106, 10)], *rest]
    padded = [[word("評価書番号", 10, 10), word("｜", 100.2, 10), word("12", 112, 10)], *rest]
    for zone, number in ((stripped, "2"), (on_column, "2")):
        ruled, _ = ruling_ones(zone)
        why = ruled_number_doubts(number, zone, ruled)
        assert len(why) == 1 and why[0].startswith("評価書番号 read as '2'")
    ruled, _ = ruling_ones(padded)
    assert ruled_number_doubts("12", padded, ruled) == []
    assert ruled_number_doubts(None, padded, ruled) == []
