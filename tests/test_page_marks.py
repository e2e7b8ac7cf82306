"""Printed page breaks of ``pdftotext -layout`` text that lost its form feeds
(normalize/page_marks.py; issue 14, item 5): a repeated column-label row or a page-number line
opens a page.  Real committed texts (samples/extractors: Excel- and Word-made PDFs'
``pdftotext -layout``), their form feeds taken out, read as the same rows on the same pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from piatable import extract_document
from piatable.extract.text import read_text_with_notes
from piatable.normalize.page_marks import mark_page_breaks

ROOT = Path(__file__).resolve().parent.parent
CASES = [
    ROOT / "samples" / "extractors" / name / "input.txt"
    for name in (
        "excel-seed-pdftotext-layout",
        "excel-large-bottom-pdftotext-layout",
        "word-seed-pdftotext-layout",
    )
]
SIX = ("change_date_raw", "item", "before", "after", "timing", "explanation")


def _rows(path: Path) -> list[tuple]:
    out = []
    for r in extract_document(path).records:
        d = r.to_dict()
        out.append((*("".join((d[f] or "").split()) for f in SIX), d["page_start"], d["page_end"]))
    return out


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.parent.name)
def test_text_without_form_feeds_reads_the_same_rows_and_pages(path: Path, tmp_path: Path):
    text = path.read_text("utf-8")
    assert text.count("\f") >= 2
    with_feeds = _rows(path)
    first = min(r[-2] for r in with_feeds)
    plain = tmp_path / "copied.txt"
    plain.write_text(text.replace("\f", ""), "utf-8")
    result = extract_document(plain)
    got = _rows(plain)
    # The same cells; pages counted from the text's first page (the table's page 1 here).
    assert [r[:-2] for r in got] == [r[:-2] for r in with_feeds]
    assert [(r[-2], r[-1]) for r in got] == [(r[-2] - first + 1, r[-1] - first + 1) for r in with_feeds]
    # The breaks are read from the page-number lines (``joined_pages``) or the repeated label rows.
    assert any(
        "printed page breaks read from repeated column-label rows" in n
        or "page breaks read from page furniture" in n
        for n in result.notes
    )


def test_page_number_lines_and_labels_open_pages_a_bare_number_does_not():
    labels = "変更日      項目      変更前の記載      変更後の記載      提出時期      提出時期に係る説明"
    text = "\n".join(
        [
            "（別添３）変更箇所",
            labels,
            "令和5年4月1日  Ⅰ基本情報  市民課  市民窓口課  事後  組織改編",
            "",
            "                 - 1 -",
            "",
            "令和5年4月1日  Ⅱ特定個人情報ファイルの概要  ３  ４  事後  修正",
            "                 12",
            "（別添３）変更箇所",
            labels,
            "令和5年5月1日  Ⅲリスク対策  旧  新  事前  見直し",
        ]
    )
    marked, n = mark_page_breaks(text)
    pages = marked.split("\f")
    assert n == 2 and len(pages) == 3
    assert pages[1].startswith("令和5年4月1日  Ⅱ")  # after the page number, its blank line skipped
    assert "12" in pages[1] and pages[2].startswith("（別添３）変更箇所")  # the bare 12 is kept as text
    assert mark_page_breaks("a\f" + text) == ("a\f" + text, 0)  # text with form feeds is left alone


def test_row_ordered_text_without_form_feeds_says_its_pages_count_from_the_table(tmp_path: Path):
    """``pdftotext -raw`` text of a multi-page table with its form feeds taken out: the rows are
    paged at the repeated labels from the table's first page, and the document's page count and
    notes say so (``pipeline.PAGES_FROM_TABLE_NOTE``), not ``pages: 1`` beside rows on page 3."""
    from piatable.documents import document_row

    src = ROOT / "samples" / "extractors" / "excel-seed-pdftotext-raw" / "input.txt"
    text = src.read_text("utf-8")
    assert text.count("\f") >= 2
    plain = tmp_path / "copied.txt"
    plain.write_text(text.replace("\f", ""), "utf-8")
    res = extract_document(plain)
    row = document_row(res)
    last = max(r.page_end for r in res.records)
    assert last >= 2 and row["pages"] == last == row["table_page_end"]
    assert any("the text holds no form feeds" in n for n in res.notes)


def test_a_foot_printing_two_page_numbers_opens_one_page(tmp_path: Path):
    """A page whose foot prints two page-number lines (the sheet's own ``1/3`` and a second
    footer ``- 1 -`` a viewer or a merge added) opens one page after the last of them, not one
    after each (branch itemkey54: ``tools/eval_item_keys.py --pages`` read p51-calc-1's pages 2
    and 3 as 3 and 5).  Real text: ``pdftotext -layout`` of a Calc table of 3 pages with a
    running head and page numbers, its form feeds replaced by a second footer."""
    src = ROOT / "samples" / "office-pages51" / "p51-calc-1-pdftotext-layout" / "input.txt"
    text = src.read_text("utf-8")
    pages = text.split("\f")
    assert len(pages) >= 3 and "1/3" in pages[0]
    with_feeds = _rows(src)
    doubled = tmp_path / "copied.txt"
    doubled.write_text(
        "".join(p + (f"\n- {k + 1} -\n" if k + 1 < len(pages) else "") for k, p in enumerate(pages)), "utf-8"
    )
    got = _rows(doubled)
    assert [r[:-2] for r in got] == [r[:-2] for r in with_feeds]
    assert [r[-2:] for r in got] == [r[-2:] for r in with_feeds]


# Label rows wrapped over two lines (変更 / 日 in a narrow 変更日 column; 提出 / 時期): neither line
# is a label row by itself.  Writer's and Chromium's tables, pages joined by line ends (+nl).
WRAPPED_LABEL_TEXTS = {
    "heldout-twodates59/htd59-writer-narrow-slash-pdftotext-layout": 1,
    "office-merged56/m56-ch-1-pypdf-layout": 2,
}


@pytest.mark.parametrize("name", sorted(WRAPPED_LABEL_TEXTS))
def test_a_label_row_wrapped_over_two_lines_opens_a_page(name: str):
    """The +nl text, as the reader prepares it, gets a form feed where each repeated wrapped
    label row opens its page, as many as the form-feed text has, and reads its rows."""
    paged = ROOT / "samples" / name / "input.txt"
    joined = ROOT / "samples" / f"{name}+nl" / "input.txt"
    assert "\f" not in joined.read_text("utf-8")
    text, notes = read_text_with_notes(joined)
    pages = text.split("\f")
    assert len(pages) - 1 == WRAPPED_LABEL_TEXTS[name] == paged.read_text("utf-8").strip("\f").count("\f")
    assert all(
        page.lstrip("\n").split()[:2] == ["変更", "項目"] or page.split()[0] == "変更日" for page in pages[1:]
    )
    assert any("printed page breaks read from repeated column-label rows" in n for n in notes)
    assert [r[:6] for r in _rows(joined)] == [r[:6] for r in _rows(paged)]
