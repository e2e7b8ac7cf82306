"""Where a flattened Calc table starts (normalize/region.py): a page's one-line cells before its
first date, and a label row glued to the previous page's last line, do not push the start to a
later page (rows lost)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.region import split_glued_headers

ROOT = Path(__file__).resolve().parent.parent
LABELS = "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明"


@pytest.mark.parametrize(
    "case",
    [
        # Label rows glued to the previous page's last line (pypdfium2), one-line cells first.
        "samples/office-passone/calc-w9-pypdfium2",
        "samples/office-passone/calc-w9-pdftotext-raw",
        # One-line before / after cells and timings before the first page's first date.
        "samples/office-passone/calc-w5-pypdfium2",
        "samples/office-passone/calc-w5-pdftotext-raw",
        # An untitled table whose pass 1 holds more pieces than an item's lines (14 pieces on 6
        # printed lines, each with its timing) before the first date.
        "samples/outsider2/out2-calc-3-pypdfium2",
        "samples/outsider2/out2-calc-3-pdftotext-raw",
        # Dates wrapped in a narrow column (``2016年10月`` / ``1日``): no whole date line on page 1.
        "samples/outsider3/out3-calc-3-pypdfium2",
        "samples/outsider3/out3-calc-3-pdftotext-raw",
        # Two-line column labels (``変更前の`` / ``記載``): the page opens with ``変更日 項目`` and
        # the one-line cells, then the title, then the labels' lines (branch stream48).
        "samples/office-stream48/s48-calc-pypdfium2",
        "samples/office-stream48/s48-calc-pdftotext-raw",
    ],
)
def test_every_row_of_the_first_pages_is_read(case: str) -> None:
    expected = json.loads((ROOT / case / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(ROOT / case / "input.txt")
    assert len(res.records) == len(expected)
    got = {r.change_date for r in res.records}
    assert {e["change_date"] for e in expected} <= got
    # Every row's text is read (in some cell), or the row says it is unsure (a warning flag).
    flat = "".join("".join(str(getattr(r, f)).split()) for r in res.records for f in ("before", "after"))
    for exp, rec in zip(expected, res.records, strict=True):
        after = "".join(exp["after"].split())[:12]
        warned = rec.confidence < 0.5 or any(not f.startswith("truncated:") for f in rec.flags)
        assert after in flat or warned


def test_glued_label_row_is_cut_off() -> None:
    lines = [
        CellLine("に報告する。" + LABELS, 1, 29),
        CellLine("事後", 1, 30),
        CellLine("変更日の見直し", 1, 31),
    ]
    out = split_glued_headers(lines)
    assert [cl.text for cl in out] == ["に報告する。", LABELS, "事後", "変更日の見直し"]
    assert out[1].line_no == 29


def _lines(texts: list[tuple[str, int]]) -> list[CellLine]:
    return [CellLine(t, 1, n) for t, n in texts]


def test_a_wrapped_first_date_starts_the_table_at_its_labels() -> None:
    """Calc's pass 1 (one-line cells with their timings), then rows whose dates wrap (joined
    again by ``split_compound_lines``, as the reader does): the table starts at the label row."""
    from piatable.normalize.compound import split_compound_lines
    from piatable.normalize.region import find_table_start

    raw = _lines(
        [
            (LABELS, 1),
            ("新規追加 事前", 2),
            ("事前", 3),
            ("2016年10月", 4),
            ("1日", 5),
            ("Ⅰ基本情報", 6),
            ("２．特定個人情報ファイル", 7),
            ("2017年4月1", 8),
            ("日", 9),
            ("Ⅱ特定個人情報ファイルの", 10),
            ("概要", 11),
        ]
    )
    assert find_table_start(split_compound_lines(raw)) == 0


def test_a_long_pass_one_of_timed_lines_is_the_table() -> None:
    """Fourteen pieces on seven printed lines, each printed line with its timing, before the first
    date: Calc's pass 1 of an untitled table, not text before the table."""
    from piatable.normalize.region import _pass_one_lines

    rows = [("財務部市民税課", "財政部市民税課", "事後", "組織改正による部署名の変更")] * 3
    rows += [("課税資料のパンチ入力業務", "事前", "委託内容の拡大に伴う修正")] * 3 + [("事前",)]
    pass_one = [CellLine(t, 1, n) for n, row in enumerate(rows, 2) for t in row]
    assert len(pass_one) > 12 and _pass_one_lines(pass_one)
    # A contents page's lines hold no timing.
    contents = [
        CellLine(t, 1, n) for n, t in enumerate(["１．基本情報", "２．しきい値判断", "３．変更箇所"] * 3, 2)
    ]
    assert not _pass_one_lines(contents)


def test_a_date_cut_by_a_page_break_is_put_back_together() -> None:
    """Writer breaks a row across pages: the cells' first lines side by side at the foot of page 1
    (the date's head among them), the repeated column labels, then the date's rest."""
    from piatable.normalize.region import dates_over_page_breaks

    lines = [
        CellLine("による修正", 1, 126),
        CellLine("令和３年９月 Ⅰ 基本情報 行政手続における特定の個人を識別す", 1, 127),
        CellLine(LABELS, 2, 1),
        CellLine("１日", 2, 2),
        CellLine("６．情報提供ネットワークシ", 2, 3),
    ]
    out = [cl.text for cl in dates_over_page_breaks(lines)]
    assert out == [
        "による修正",
        LABELS,
        "令和３年９月１日 Ⅰ 基本情報 行政手続における特定の個人を識別す",
        "６．情報提供ネットワークシ",
    ]
    # The date's rest opening a line of other cells, or wrapped one piece per line.
    two = [CellLine("2021年4 Ⅳその他のリスク", 1, 40), CellLine(LABELS, 2, 1), CellLine("月1日 対策", 2, 2)]
    assert [cl.text for cl in dates_over_page_breaks(two)] == [LABELS, "2021年4月1日 Ⅳその他のリスク", "対策"]
    three = [
        CellLine("平成２ Ⅰ 基本情報", 1, 40),
        CellLine(LABELS, 2, 1),
        CellLine("８年１", 2, 2),
        CellLine("０月１", 2, 3),
        CellLine("日", 2, 4),
        CellLine("２．特定個人情報", 2, 5),
    ]
    assert [cl.text for cl in dates_over_page_breaks(three)][1:] == [
        "平成２８年１０月１日 Ⅰ 基本情報",
        "２．特定個人情報",
    ]
    # No page break between them, or text that is no furniture: left as it is.
    same_page = [CellLine("令和３年９月 Ⅰ 基本情報", 1, 1), CellLine(LABELS, 1, 2), CellLine("１日", 1, 3)]
    assert dates_over_page_breaks(same_page) == same_page
    no_furniture = [CellLine("令和３年９月 Ⅰ 基本情報", 1, 1), CellLine("１日", 2, 1)]
    assert dates_over_page_breaks(no_furniture) == no_furniture


@pytest.mark.parametrize(
    "case",
    [
        "samples/office/writer-juki-pdftotext-raw",
        "samples/office-writerraw/writer-raw1-seed-pdftotext-raw",
        "samples/office3/writer-v3-pdftotext-raw",
        "samples/outsider3/out3-writer-4-pypdfium2",
    ],
)
def test_a_writer_row_broken_across_pages_is_a_row(case: str) -> None:
    expected = json.loads((ROOT / case / "expected" / "records.json").read_text("utf-8"))
    res = extract_document(ROOT / case / "input.txt")
    assert [r.change_date for r in res.records] == [e["change_date"] for e in expected]


def test_a_contents_page_title_does_not_take_the_real_titles_labels(tmp_path: Path) -> None:
    """A cover whose blank lines make the text read as boxes, a contents page naming
    （別添３）変更箇所, body pages, then the table under its own title: the region starts at the
    real title, so no body line is counted as the table's (key20's held-out covers)."""
    page = ["Ⅰ 基本情報", "１．特定個人情報ファイルを取り扱う事務", "本ページは評価書の本文である。"]
    body = "\n".join(page * 6)
    text = "\n".join(
        [
            "特定個人情報保護評価書（重点項目評価書）",
            "",
            "",
            "評価書番号",
            "",
            "",
            "５",
            "",
            "",
            "項目一覧",
            "Ⅰ 基本情報",
            "Ⅵ 評価実施手続",
            "（別添３）変更箇所",
            body,
            "\f（別添３）変更箇所",
            "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明",
            "2018/10/01 Ⅰ基本情報 福祉課 福祉保健課 事後 組織改正",
            "2019/04/01 Ⅱ特定個人情報ファイルの概要 紙 電子 事前 様式の変更",
        ]
    )
    path = tmp_path / "contents.txt"
    path.write_text(text, "utf-8")
    res = extract_document(path)
    assert [r.change_date for r in res.records] == ["2018-10-01", "2019-04-01"]
    assert not any("could not be placed" in n or "in no record" in n for n in res.notes)
