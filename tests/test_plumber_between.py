"""pdfplumber ``extract_text()`` text of centred cells and narrow date columns (branch plumber51):
a wrapped date's later lines (extract/plumber_dates.is_date_piece), a short cell's line printed
between a taller cell's lines (extract/plumber_between.py), a circled heading number printed
apart from its heading, a numbered or bulleted paragraph under a line cut mid-sentence
(extract/plumber_cells.py), and the recognition of a centred table's text, on the real texts of
samples/office-plumber51 (tools/make_plumber51_samples.py) and older samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable.extract import plumber_text
from piatable.extract.plumber_between import (
    DATE,
    EXPLANATION,
    ITEM,
    TIMING,
    between,
    headings_beside_cells,
)
from piatable.extract.plumber_cells import opens_later_number
from piatable.extract.plumber_dates import is_date_piece, unglue_dates
from piatable.extract.plumber_widths import certain_widths, forced_columns
from piatable.pipeline import extract_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
WRITER = SAMPLES / "office-plumber51" / "p51-writer-v1-pdfplumber"
CALC = SAMPLES / "office-plumber51" / "p51-calc-v1-pdfplumber"


def _pages(path: Path) -> list[list[list[str]]]:
    pages = path.read_text("utf-8").split("\f")
    return [unglue_dates([plumber_text._fragments(ln) for ln in page.split("\n")]) for page in pages]


def test_a_wrapped_dates_later_lines_go_to_the_date_column():
    """Writer's narrow 変更日 column wraps ``2019/`` over ``05/01``: the piece under the year goes to
    変更日 (on main it opened the item: ``Ⅰ基本情報`` / ``05/01`` …, every date ``2019/``)."""
    text = (WRITER / "input.txt").read_text("utf-8")
    assert "\n2019/ Ⅰ基本情報 市民課長 市民窓口課長 事 組織改正による部署名\n05/01 ７．" in text
    result = extract_document(WRITER / "input.txt")
    expected = json.loads((WRITER / "expected" / "records.json").read_text("utf-8"))
    assert [r.change_date_raw for r in result.records] == [e["change_date_raw"] for e in expected]
    first = result.records[0]
    assert first.item == "Ⅰ基本情報\n７．評価実施機関における担当部署\n②所属長の役職名"
    assert (first.before, first.after, first.timing) == ("市民課長", "市民窓口課長", "事前")
    assert not [f for f in first.flags if not f.startswith("truncated")]


@pytest.mark.parametrize("piece", ["年4月1", "年12月", "1日", "日", "05/01", "月1日", "10月1日"])
def test_date_pieces(piece: str):
    assert is_date_piece(piece)


@pytest.mark.parametrize("frag", ["年１回、担当部署において", "１．特定個人情", "05/01まで", "Ⅰ基本情報"])
def test_not_date_pieces(frag: str):
    assert not is_date_piece(frag)


def test_a_lone_timing_line_between_a_taller_cells_lines():
    """Calc cells centred vertically, 提出時期 merged over two rows: ``事後`` prints on a line of
    its own under the rows' wrapped explanation (``…重要`` / ``な変更には当たらない。`` / ``事後``);
    it is placed in 提出時期, and 事前 / 事後 opening a line with one more fragment is 提出時期
    and the explanation for the widths."""
    pages = _pages(CALC / "input.txt")
    widths = certain_widths(pages)
    placed = [p for page in plumber_text._place_pages(pages, widths) for p in page if p is not None]
    lone = [p for p in placed if set(p.cells.values()) == {"事後"}]
    assert lone and all(p.cells == {TIMING: "事後"} for p in lone)
    assert forced_columns(["事後", "組織改編及び窓口の移転に伴う変更"]) == (TIMING, EXPLANATION)


def test_between_needs_a_wrapping_text_column_above():
    """A date (or 提出時期 with its explanation) on a line of its own between a taller cell's
    lines breaks no wrap; not when nothing above wraps on, nor for an explanation alone."""
    above = {ITEM: "７．評価実施機関における担当部署", 2: "市民課長", 3: "市民窓口課長", TIMING: "事後"}
    assert between({DATE: "令和5年4月1日"}, above, [ITEM])
    assert between({TIMING: "事後", EXPLANATION: "組織改編及び窓口の移転に伴う変更"}, {ITEM: "x"}, [ITEM])
    assert not between({DATE: "令和5年4月1日"}, above, [])
    assert not between({EXPLANATION: "組織改編に伴う変更"}, {ITEM: "x"}, [ITEM])
    assert not between({TIMING: "事後"}, above, [ITEM])  # 提出時期 printed on the line above


@pytest.mark.parametrize(
    "name",
    [
        "office-attach14/at14-calc-7-pdftotext-raw",
        "office-boxes44/b44-calc-v4-pdftotext-raw",
        "office-itemkey17/ik17-calc-3-pypdfium2",
    ],
)
def test_stream_texts_with_side_by_side_lines_stay_stream_texts(name: str):
    """-raw / pypdfium2 texts with as many side-by-side lines as a centred table's pdfplumber text
    print a cell's lines together: no item heading line beside the row's cells and 事前 / 事後,
    so the centred-cells recognition does not take them."""
    text = (SAMPLES / name / "input.txt").read_text("utf-8")
    lines = [plumber_text._fragments(ln) for ln in text.replace("\f", "\n").split("\n") if ln.strip()]
    assert headings_beside_cells(lines, plumber_text._is_heading) <= 1
    assert not plumber_text.is_plumber_text(text)


def test_heading_number_printed_apart_stays_with_its_heading():
    """``①　自己点検`` / ``Ⅲ　リスク対策`` (a full-width space typed after the number) print
    ``① 自己点検`` / ``Ⅲ リスク対策``: one fragment, so the heading is not cut between 項目 and
    変更前 (set XII's c2, w2); such a section heading opening a forced line is no width of 項目."""
    assert plumber_text._fragments("① 自己点検 する。") == ["① 自己点検", "する。"]
    line = "R5.4.1 Ⅲ リスク対策 ・届出の窓口において、 ・届出の窓口において、個人番号 事前 電子申請の受付開始"
    frags = plumber_text._fragments(line)
    assert frags[:2] == ["R5.4.1", "Ⅲ リスク対策"]
    widths = certain_widths([[frags]])
    assert ITEM not in widths and widths[2] == 22


def test_a_later_paragraph_does_not_go_on_a_sentence_cut_mid_way():
    assert opens_later_number("②サーバ室は施錠している。")
    assert opens_later_number("・サーバ室は、施錠管理されている。")
    assert not opens_later_number("①サーバ室への入退室管理を行っている。")
    assert not opens_later_number("管理が行われている。")


def test_a_note_under_the_timing_stays_in_the_timing_column():
    """Writer's 提出時期 cell ``事後`` / ``（重要な`` / ``変更）`` (set XII's w5, a private text; these
    are its lines): the note's pieces go to 提出時期 under 事後, not to 変更後 and 説明, so the row
    is read with timing_invalid (warned) as its PDF is, its after and explanation whole."""
    text = "\n".join(
        [
            "（別添3）変更箇所",
            "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明",
            "2022年1月 Ⅱ特定個人情報ファイル ①住民異動届出により住民票を作 ①住民異動届出により住民票を作"
            " 事後 コンビニ交付サー",
            "4日 の概要 成・更新する。 成・更新する。 （重要な ビスの開始に伴う",
            "（１．住民基本台帳ファ ②住民票の写し等を交付する。 ②住民票の写し等を交付する（コ 変更） 変更",
            "イル） ンビニエンスストアでの交付を含",
            "3.特定個人情報の入手・ む。）。",
            "使用",
            "⑧使用方法",
        ]
    )
    pages = [[plumber_text._fragments(ln) for ln in text.split("\n")]]
    widths = certain_widths(pages)
    placed = [p for p in plumber_text._place_pages(pages, widths)[0] if p is not None and not p.header]
    timing = [p.cells.get(TIMING) for p in placed]
    assert "（重要な" in timing and "変更）" in timing
    assert any(p.cells.get(EXPLANATION) == "変更" for p in placed)
