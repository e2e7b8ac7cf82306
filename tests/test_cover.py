"""Cover facts: labelled values, the form, and no heading standing in for the 公表日."""

from __future__ import annotations

import json

from piatable.cli import main
from piatable.normalize.cover import cover_facts_from_document_text, cover_facts_from_text, form_of

COVER = """特定個人情報保護評価書（重点項目評価書）
評価書番号 評価書名
12 国民健康保険に関する事務 重点項目評価書
評価実施機関名
○○市長
公表日
令和５年３月３１日
[令和4年4月 様式3]"""


def test_labelled_facts_and_form():
    facts = cover_facts_from_text(COVER)
    assert facts["assessment_number"] == "12"
    assert facts["agency"] == "○○市長"
    assert (facts["published_raw"], facts["published"]) == ("令和５年３月３１日", "2023-03-31")
    assert facts["form"] == "重点項目評価書"


def test_a_date_printed_with_writers_gaps_is_given_without_them():
    facts = cover_facts_from_text(COVER.replace("令和５年３月３１日", "令和 5 年 3 月 31 日"))
    assert (facts["published_raw"], facts["published"]) == ("令和5年3月31日", "2023-03-31")


def test_an_empty_published_cell_gives_no_date():
    text = COVER.replace("令和５年３月３１日\n", "") + "\f項目一覧\nⅠ 基本情報"
    facts = cover_facts_from_document_text(text)
    assert "published" not in facts and "published_raw" not in facts
    assert facts["agency"] == "○○市長"


def test_an_empty_agency_cell_does_not_take_the_next_label():
    facts = cover_facts_from_text(
        "評価実施機関名\n個人情報保護委員会 承認日 【行政機関等のみ】\n公表日 2023/3/1"
    )
    assert "agency" not in facts and facts["published"] == "2023-03-01"


def test_form_of():
    assert form_of("特定個人情報保護評価書（全項目評価書）") == "全項目評価書"
    assert form_of("基 礎 項 目 評 価 書") == "基礎項目評価書"
    assert form_of("変更箇所") is None


def test_documents_of_a_text_input_join_by_source(tmp_path):
    from .conftest import SAMPLES

    src = tmp_path / "whole.txt"
    src.write_text(COVER + "\f" + (SAMPLES / "seed" / "input.txt").read_text("utf-8"), "utf-8")
    out, docs = tmp_path / "r.json", tmp_path / "docs.json"
    assert main(["extract", str(src), "-o", str(out), "--documents", str(docs)]) == 0
    records = json.loads(out.read_text("utf-8"))
    (doc,) = json.loads(docs.read_text("utf-8"))
    assert records and {r["source"] for r in records} == {doc["source"]}
    assert doc["published"] == "2023-03-31" and doc["form"] == "重点項目評価書"
    assert doc["rows"] == len(records) and doc["kind"] == "text"


def test_rows_of_a_text_holding_a_whole_assessment_are_keyed_by_the_form_its_cover_names(tmp_path):
    """A text holding the cover: its ``form`` (重点項目評価書) keys the rows' 項目 cells read
    without their section (no row of the table prints Ⅱ here): ``Ⅱ特定個人情報ファイルの概要/…``.
    The same table without its cover keys them alike since branch itemkey55: its own sections
    (Ⅰ基本情報, Ⅲリスク対策) are 重点's alone now that the lexicon heads 重点's Ⅲ–Ⅴ (before, they
    named no form and the key stayed without its section); without them it names none."""
    from piatable.pipeline import extract_document

    from .conftest import SAMPLES

    table = (
        (SAMPLES / "seed" / "input.txt").read_text("utf-8").replace("Ⅱ特定個人情報ファイルの\n\n概要\n\n", "")
    )
    whole, bare = tmp_path / "whole.txt", tmp_path / "bare.txt"
    whole.write_text(COVER + "\f" + table, "utf-8")
    bare.write_text(table, "utf-8")
    res = extract_document(whole)
    assert res.documents["form"] == "重点項目評価書"
    key = "Ⅱ特定個人情報ファイルの概要/特定個人情報の入手・使用/入手方法"
    assert res.records[0].item_key == key and res.records[0].item_section == "Ⅱ"
    assert "item_key_fuzzy" in res.records[0].flags
    assert extract_document(bare).records[0].item_key == key
    sectionless = tmp_path / "sectionless.txt"
    unheaded = table.replace("Ⅲリスク対策", "リスク対策").replace("Ⅰ基本情報", "基本情報")
    sectionless.write_text(unheaded, "utf-8")
    assert extract_document(sectionless).records[0].item_key == "特定個人情報の入手・使用/入手方法"


def _pdf_with_cover(tmp_path):
    """An assessment drawn by tools/make_pdfs (a cover, a contents page, a table) and the facts
    its cover prints."""
    import sys

    from .conftest import ROOT, SAMPLES

    sys.path.insert(0, str(ROOT / "tools"))
    import make_pdfs

    truth = json.loads((SAMPLES / "tables" / "zenkoumoku_juki.json").read_text("utf-8"))[:2]
    style = make_pdfs.Style(
        "excel", make_pdfs.LAND, make_pdfs.EXCEL_WIDTHS, size=9, max_lines=28, title="（別添3）変更箇所"
    )
    pdf = tmp_path / "long.pdf"
    make_pdfs.render_pdf(pdf, truth, style, cover=make_pdfs.LONG_FACTS)
    return pdf, make_pdfs.LONG_FACTS


def test_cover_of_a_scanned_assessment_is_read_by_ocr(tmp_path):
    """An image-only PDF (cover, contents, table): the cover page is OCR'd for its facts; a
    ruled label row (評価書番号 | 評価書名) read with its borders still pairs labels and values."""

    import pypdfium2 as pdfium

    from piatable.extract.ocr.reader import ocr_cover_facts

    pdf, facts_printed = _pdf_with_cover(tmp_path)
    doc = pdfium.PdfDocument(str(pdf))
    images = [doc[i].render(scale=200 / 72).to_pil().convert("L") for i in range(len(doc))]
    n = len(doc)
    doc.close()
    scan = tmp_path / "scan.pdf"
    images[0].save(scan, save_all=True, append_images=images[1:], resolution=200)
    facts = ocr_cover_facts(scan, list(range(1, n + 1)), [n])
    assert facts["agency"] == facts_printed["agency"]
    assert facts["published"] == "2023-03-31" and facts["assessment_number"] == "123"
    assert facts["form"] == "全項目評価書"
    # A one-page scan is its table: no cover is looked for.
    assert ocr_cover_facts(scan, [1], []) == {}


def test_cover_facts_from_every_extractors_text(tmp_path):
    """A rendered cover read through each extractor's text: pdfminer and plain pdftotext give
    the labels row (評価書番号 / 評価書名) one label per line, then the values one per line."""
    import subprocess

    import pypdfium2 as pdfium
    from pdfminer.high_level import extract_text

    pdf, facts_printed = _pdf_with_cover(tmp_path)
    doc = pdfium.PdfDocument(str(pdf))
    texts = {"pypdfium2": "\f".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))}
    doc.close()
    texts["pdfminer"] = extract_text(str(pdf))
    for flags in ([], ["-raw"], ["-layout"]):
        run = subprocess.run(["pdftotext", *flags, str(pdf), "-"], capture_output=True, text=True, check=True)
        texts["pdftotext" + "".join(flags)] = run.stdout
    want = facts_printed
    for name, text in texts.items():
        facts = cover_facts_from_document_text(text)
        got = (
            facts.get("assessment_number"),
            facts.get("assessment_name"),
            facts.get("agency"),
            facts.get("published"),
        )
        assert got == (want["number"], want["name"], want["agency"], "2023-03-31"), name


def test_labels_one_per_line_then_values():
    text = (
        "評価書番号\n評価書名\n12\n○○市 住民基本台帳に関する事務 全項目評価書\n"
        "評価実施機関名\n○○市長\n公表日\n令和5年4月1日"
    )
    facts = cover_facts_from_text(text)
    assert facts["assessment_number"] == "12"
    assert facts["assessment_name"] == "○○市 住民基本台帳に関する事務 全項目評価書"
    # A labels run followed by another label (an empty value) pairs nothing by position.
    facts = cover_facts_from_text("評価書番号\n評価書名\n評価実施機関名\n○○市長")
    assert "assessment_number" not in facts and "assessment_name" not in facts


def test_a_fact_the_cover_does_not_print_is_null_not_empty(tmp_path):
    """A document without a cover (the seed's table alone) has no facts: null in JSON, so that
    a researcher's missing value is not an empty string."""
    from .conftest import SAMPLES

    out, docs = tmp_path / "r.json", tmp_path / "docs.json"
    seed = SAMPLES / "seed" / "input.txt"
    assert main(["extract", str(seed), "-o", str(out), "--documents", str(docs)]) == 0
    (doc,) = json.loads(docs.read_text("utf-8"))
    assert doc["rows"] == 12
    assert all(doc[k] is None for k in ("assessment_number", "agency", "published", "published_raw", "form"))


def test_documents_csv_gives_the_reason_and_the_notes(tmp_path):
    """A text without a table: success, 0 rows, and the note saying so in the CSV's notes cell."""
    import csv

    src = tmp_path / "letter.txt"
    src.write_text("お知らせ\n本文のみで表はありません。\n", "utf-8")
    docs = tmp_path / "docs.csv"
    assert main(["extract", str(src), "-o", str(tmp_path / "r.json"), "--documents", str(docs)]) == 0
    with docs.open(encoding="utf-8-sig", newline="") as fh:
        (doc,) = list(csv.DictReader(fh))
    assert (doc["status"], doc["rows"], doc["error"]) == ("success", "0", "")
    assert "no amendment table" in doc["notes"]


def test_cover_labels_printed_before_the_declaration_are_not_its_subject():
    """A Calc cover in stream order prints its labelled cells between the 宣言 heading and the
    declaration: the declaration still names 北浜町長 (a new user's cover was doubted)."""
    text = (
        "特定個人情報保護評価書（全項目評価書）\n評価書番号 評価書名\n"
        "27 個人住民税の賦課に関する事務 全項目評価書\n"
        "個人のプライバシー等の権利利益の保護の宣言\n評価実施機関名 北浜町長\n公表日 令和6年2月1日\n"
        "北浜町長は、個人住民税の賦課に関する事務における特定個人情報ファイルの取扱いにあたり、"
    )
    facts = cover_facts_from_text(text)
    assert facts["agency"] == "北浜町長"
    assert not any(k.startswith("doubt:") for k in facts), facts
    wrong = cover_facts_from_text(text.replace("評価実施機関名 北浜町長", "評価実施機関名 南浜町長"))
    assert "北浜町長" in wrong["doubt:agency"]


def test_a_name_opening_with_the_agencys_body_agrees_with_the_declaration():
    """評価書名 printed after the body's name (``潮見台町 予防接種に関する事務 全項目評価書``)
    names the affair the declaration names: no doubt (a new user's cover drew one); another
    body's name before it, or another affair, still does."""
    text = (
        "特定個人情報保護評価書（全項目評価書）\n評価書番号 評価書名\n"
        "5 北浜町 予防接種に関する事務 全項目評価書\n"
        "個人のプライバシー等の権利利益の保護の宣言\n"
        "北浜町長は、予防接種に関する事務における特定個人情報ファイルの取扱いにあたり、\n"
        "評価実施機関名 北浜町長\n公表日 令和6年2月1日\n"
    )
    facts = cover_facts_from_text(text)
    assert facts["assessment_name"].endswith("予防接種に関する事務 全項目評価書")
    assert "doubt:assessment_name" not in facts, facts
    other = cover_facts_from_text(text.replace("5 北浜町 予防接種", "5 南浜町 予防接種"))
    assert "予防接種に関する事務" in other["doubt:assessment_name"]
    affair = cover_facts_from_text(text.replace("5 北浜町 予防接種", "5 北浜町 国民健康保険"))
    assert "doubt:assessment_name" in affair
