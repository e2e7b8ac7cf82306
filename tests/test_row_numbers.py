"""A numbering column (番号 / No. / 項番, rows 1, 2, 3 …) before 変更日, and a page column after
the fields (issues 10 / 11, numcol19): in flattened text the numbers are set aside before the
rows are read (normalize/row_numbers.py), in a PDF's grid they are no unplaced text
(normalize/grid/side_numbers.py).  Samples: samples/office-numcol19, made by
``tools/make_outsider_tables.py --set office-numcol19``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.normalize.dates import parse_date
from piatable.normalize.layout_numbers import blank_layout_numbers
from piatable.normalize.row_numbers import strip_row_numbers

ROOT = Path(__file__).resolve().parent.parent
SET = ROOT / "samples" / "office-numcol19"
LABELS = "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明"


def test_a_row_number_before_a_date_is_set_aside_and_the_date_opens_the_line() -> None:
    text = "\n".join(
        [
            f"番号 {LABELS}",
            "1 R5.10.1 Ⅰ基本情報",
            "１．特定個人情報ファイルを取り扱う事務",
            "2 2019/4/1 事後",
            "①事務の名称",
            "３ 令和元年5月1日 事前",
        ]
    )
    out = strip_row_numbers(text)
    lines = out.text.split("\n")
    assert lines[0] == LABELS
    assert [parse_date(lines[k]) for k in (1, 3, 5)] == ["2023-10-01", "2019-04-01", "2019-05-01"]
    # Item text that opens with a number is kept as it is.
    assert lines[2] == "１．特定個人情報ファイルを取り扱う事務" and lines[4] == "①事務の名称"
    assert out.numbers == [1, 2, 3]
    assert any("番号" in n and "3 row numbers" in n for n in out.notes)


def test_without_a_label_three_numbered_dates_are_needed() -> None:
    two = "1 R5.10.1 Ⅰ基本情報\n2 R5.11.1 Ⅱ特定個人情報ファイルの概要\n"
    assert strip_row_numbers(two).text == two and not strip_row_numbers(two).notes
    three = two + "3 R6.1.4 Ⅲ特定個人情報の取扱いプロセスにおけるリスク対策\n"
    out = strip_row_numbers(three)
    assert out.text.split("\n")[2].startswith("R6.1.4") and out.numbers == [1, 2, 3]


def test_a_number_off_the_running_sequence_is_left_in_place() -> None:
    text = f"No. {LABELS}\n1 R5.10.1 Ⅰ基本情報\n5 人以上\n2 R5.11.1 Ⅱ概要\n"
    lines = strip_row_numbers(text).text.split("\n")
    assert lines[2] == "5 人以上" and lines[3] == "R5.11.1 Ⅱ概要"


def test_column_ordered_numbers_out_of_order_and_a_page_column() -> None:
    # Plain pdftotext prints the numbering column's boxes in any order; 頁 holds page numbers.
    text = "\n\n".join(["番号", "変更日", "項目", "頁", "2020年7月1日", "2", "2016/10/0\n1", "14", "1"])
    out = strip_row_numbers(text)
    assert sorted(out.numbers) == [1, 2]
    kept = [ln for ln in out.text.split("\n") if ln.strip()]
    # The ``1`` a wrapped date leaves on its own line is the date's.
    assert kept == ["変更日", "項目", "2020年7月1日", "2016/10/0", "1"]
    assert out.tail_values == 1


def test_a_label_opening_a_page_keeps_the_page_break() -> None:
    # Column-ordered text of a numbered table over two pages: pdftotext opens page 2 with the
    # numbering column's label right after the form feed (``\f項番``).  Setting the label aside
    # keeps the form feed, else two pages' cells would be handed to one page's rows.
    page1 = "\n\n".join(["項番", "1", "2", "変更日", "2020年7月1日", "2021年4月1日"])
    page2 = "\n\n".join(["\f項番", "3", "変更日", "2022年4月1日"])
    out = strip_row_numbers(page1 + "\n\n" + page2)
    assert sorted(out.numbers) == [1, 2, 3]
    assert out.text.count("\f") == 1
    pages = [[ln for ln in p.split("\n") if ln.strip()] for p in out.text.split("\f")]
    assert pages == [["変更日", "2020年7月1日", "2021年4月1日"], ["変更日", "2022年4月1日"]]


@pytest.mark.parametrize("tool", ["pdfminer", "pdftotext"])
def test_numbered_column_ordered_texts_keep_every_page_break(tool: str) -> None:
    # Every LibreOffice-made numbered table of the tuning sets, as pdfminer / plain pdftotext
    # print it: the text read keeps every form feed of the file.
    from piatable.extract.text import read_text

    for folder in sorted([*SET.glob(f"*-{tool}"), *(ROOT / "samples" / "office-shift20").glob(f"*-{tool}")]):
        path = folder / "input.txt"
        assert read_text(path).count("\f") == path.read_text("utf-8").count("\f"), folder.name


def test_text_without_a_numbering_column_is_unchanged() -> None:
    text = f"{LABELS}\n2019/4/1 Ⅰ基本情報\n1 人\n2020/4/1 事後\n"
    out = strip_row_numbers(text)
    assert out.text == text and not out.notes


def _expected(case: str) -> list[dict]:
    return json.loads((SET / case / "expected" / "records.json").read_text("utf-8"))


@pytest.mark.parametrize("case", ["nc19-calc-1", "nc19-writer-2", "nc19-calc-7"])
def test_pdf_numbering_column_is_no_unplaced_text(case: str) -> None:
    result = extract_document(SET / case / "input.pdf")
    truth = _expected(case)
    assert result.status == "success"
    assert not any("could not be placed" in n for n in result.notes)
    assert any("numbering or page column" in n for n in result.notes)
    assert [r.change_date for r in result.records] == [r["change_date"] for r in truth]


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_flattened_numbered_rows_open_with_their_dates(tool: str) -> None:
    case = f"nc19-calc-1-{tool}"
    result = extract_document(SET / case / "input.txt")
    truth = _expected(case)
    dates = [r.change_date for r in result.records]
    # Every row's date is read (before: 0 of 10 rows were found).
    assert all(r["change_date"] in dates for r in truth)
    assert any("numbering column (番号)" in n for n in result.notes)


def test_layout_numbering_column_is_blanked_in_place() -> None:
    text = "\n".join(
        [
            "番 変更日     項目         変更前の記載   変更後の記載   提出時期  説明      頁",
            "号",
            "１ 2019/   Ⅰ 関連情報     市民課         市民窓口課     事前      組織改正  12",
            "  04/01   ① 部署",
            "2  2020/4/1 Ⅱ 概要       ３人           ５人           事後      修正      15",
        ]
    )
    out = blank_layout_numbers(text)
    lines = out.text.split("\n")
    # Every other column keeps its display column: the numbers became spaces of their width.
    assert lines[2].index("2019/") == text.split("\n")[2].index("2019/") + 1
    assert lines[2].lstrip().startswith("2019/") and lines[4].lstrip().startswith("2020/4/1")
    assert not lines[1].strip() and "頁" not in lines[0] and not lines[0].lstrip().startswith("番")
    assert "12" not in lines[2] and "15" not in lines[4]
    assert out.numbers == [1, 2] and out.tail_values == 2


@pytest.mark.parametrize("case", ["nc19-calc-5", "nc19-calc-7"])
def test_layout_text_with_a_numbering_column_reads_its_rows(case: str) -> None:
    result = extract_document(SET / f"{case}-pdftotext-layout" / "input.txt")
    truth = _expected(case)
    # Before: one row was read for five / six (the numbers taken as 変更日).
    assert [r.change_date for r in result.records] == [r["change_date"] for r in truth]


def test_a_skipped_number_before_a_date_is_taken_and_said() -> None:
    text = f"番号 {LABELS}\n1 R5.10.1 Ⅰ基本情報\n2 R5.11.1 Ⅱ概要\n4 R6.1.4 Ⅲ対策\n"
    out = strip_row_numbers(text)
    assert out.numbers == [1, 2, 4]
    assert out.text.split("\n")[3].startswith("R6.1.4")
    assert any("skip 1 numbers" in n for n in out.notes)


def test_a_wrapped_label_with_the_first_number_between_its_pieces() -> None:
    # pdfminer of a narrow Writer column: 項 / 番, then row 1's number, then the other labels.
    text = "項\n番\n1\n\n変更\n日\n2019\n/4/1\n\nⅡ 特定個人情報\n\n2\n\n2019\n/5/1\n\n3\n\n2020\n/1/6\n"
    out = strip_row_numbers(text)
    kept = [ln for ln in out.text.split("\n") if ln.strip()]
    assert kept == ["変更", "日", "2019", "/4/1", "Ⅱ 特定個人情報", "2019", "/5/1", "2020", "/1/6"]
    assert out.labels == ["項番"] and out.numbers == [1, 2, 3]
