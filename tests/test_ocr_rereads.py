"""Lines tesseract lost read again alone (extract/ocr/line_rereads.py), and stacks of brackets
that are not rulings (rulings.text_strokes)."""

from __future__ import annotations

import numpy as np
from PIL import Image

from piatable.extract.ocr import strips
from piatable.extract.ocr.engine import TsvWord
from piatable.extract.ocr.ink import binarize, paper_tone
from piatable.extract.ocr.line_rereads import reread_lost_lines
from piatable.extract.ocr.rulings import find_rulings
from piatable.settings import Settings

from .conftest import ROOT
from .truth_files import rows_of, truth_files

GLYPH = 21.0


def _truth_lines() -> set[str]:
    """Every line of the text cells of the samples' expected records."""
    return {
        line
        for text in {t for _path, t in truth_files()}
        for r in rows_of(text)
        for f in ("item", "before", "after", "explanation")
        for line in str(r.get(f) or "").splitlines()
    }


def test_a_merged_date_cell_tesseract_cut_short_is_read_line_by_line():
    """A LibreOffice Calc date cell merged over two rows, scanned at 200 dpi: ``2023年3月31``
    over a centred ``日``, read together, came back ``02``; each line alone reads right."""
    gray = np.asarray(Image.open(ROOT / "tests" / "data" / "scan_merged_date_cell.png"))
    cell = strips._Cell(0, 0, gray.shape[1], gray.shape[0])
    s = Settings().ocr

    def read(rereads: bool) -> str:
        s.reread_lines = rereads
        words = strips.ocr_cells(gray, binarize(gray), [cell], GLYPH, paper_tone(gray), s)
        return "".join(w.text for w in sorted(words, key=lambda w: (w.top // 20, w.left)))

    assert read(True) == "2023年3月31日"
    assert len(read(False)) < 5  # tesseract's own read of the two lines together


def _page_with_two_lines() -> tuple[np.ndarray, list]:
    """A piece holding two lines of ink (rows 10-30 and 40-60), 200 px wide each."""
    ink = np.zeros((80, 240), np.uint8)
    for top in (10, 40):
        for x in range(20, 220, 25):
            ink[top : top + 20, x : x + 18] = 255
    box = strips._Cell(10, 0, 230, 80)
    return ink, [(0, box, np.zeros((80, 220), np.uint8))]


def _chars(text: str, top: int, x0: int, conf: float = 95.0, line: int = 1) -> list[TsvWord]:
    return [TsvWord(ch, x0 + 25 * k, top, 18, 20, conf, (1, 1, line), 1) for k, ch in enumerate(text)]


def test_a_line_read_again_is_kept_only_when_it_reads_what_was_lost():
    ink, pieces = _page_with_two_lines()
    s = Settings().ocr
    first = _chars("一二三四五六七八", 10, 20) + _chars("あい", 40, 20, line=2)  # line 2 cut short
    asked: list[int] = []

    def again(text: str, conf: float = 95.0):  # type: ignore[no-untyped-def]
        def read(lines):  # type: ignore[no-untyped-def]
            asked.append(len(lines))
            return _chars(text, 40, 20, conf, line=7)

        return read

    out = reread_lost_lines(first, pieces, ink, GLYPH, s, again("あいうえおかきく"))
    assert asked == [1]  # only the line that left ink unread
    assert "".join(w.text for w in out if w.top == 40) == "あいうえおかきく"
    # A second read that reads no more, or reads it unsure, is not taken.
    for read in (again("あい"), again("あいうえおかきく", conf=40.0)):
        out = reread_lost_lines(first, pieces, ink, GLYPH, s, read)
        assert "".join(w.text for w in out if w.top == 40) == "あい"
    # Lines read whole are not read again.
    whole = first[:8] + _chars("あいうえおかきく", 40, 20, line=2)
    assert reread_lost_lines(whole, pieces, ink, GLYPH, s, again("x")) == whole
    assert asked == [1, 1, 1]


def test_a_stack_of_brackets_is_not_a_column_border():
    """``[○]紙`` over ``[○]専用線`` … printed tight: the brackets chain into a vertical stroke as
    long as the cell; text crosses its line in the cells above, so it is no border, and its ink
    is not erased."""
    g = 20
    ink = np.zeros((40 * g, 40 * g), np.uint8)
    for x in (g, 20 * g, 39 * g):  # three columns' borders, the table's height
        ink[g : 39 * g, x : x + 2] = 255
    for y in (g, 10 * g, 20 * g, 30 * g, 39 * g):
        ink[y : y + 2, g : 39 * g + 2] = 255
    ink[30 * g + 4 : 39 * g - 4, 24 * g : 24 * g + 2] = 255  # the brackets' stroke (bottom row)
    for x in range(22 * g, 30 * g, g):  # a line of text crossing its line above
        ink[12 * g : 13 * g, x : x + 16] = 255
    found = find_rulings(ink, g, 2.0, 3.0, 5.0, 0.5)
    assert sorted(v[0] for v in found.vertical) == [g, 20 * g, 39 * g]
    assert found.mask[35 * g, 24 * g] == 0
    # Without the text above it the stroke stays a ruling (a cell's own border).
    ink[12 * g : 13 * g] = 0
    kept = find_rulings(ink, g, 2.0, 3.0, 5.0, 0.5)
    assert len(kept.vertical) == 4


def test_a_dates_digits_in_running_text_take_one_width():
    """A date typed in one width: its runs of two or more digits (measured by their own pitch)
    decide for its lone digits; a date without such runs takes a strict majority, else the
    text's other dates; a date read in one width, or that cannot tell, is left alone."""
    from piatable.extract.ocr.structure_fixes import even_running_dates

    assert even_running_dates("平成31年４月１日時点") == "平成31年4月1日時点"
    assert even_running_dates("令和3年4月１日時点") == "令和3年4月1日時点"
    two = "令和元年6月１日から令和元年6月30日まで"
    assert even_running_dates(two) == "令和元年6月1日から令和元年6月30日まで"
    assert even_running_dates("平成２８年８月25日") == "平成２８年８月25日"  # its runs disagree
    assert even_running_dates("令和３年４月１日") == "令和３年４月１日"
    assert even_running_dates("番号法第１９条第7号") == "番号法第１９条第7号"  # not a date


def test_no_truth_cell_of_the_samples_is_changed_by_the_date_widths():
    from piatable.extract.ocr.structure_fixes import even_running_dates

    lines = _truth_lines()
    assert len(lines) > 500
    assert [line for line in lines if even_running_dates(line) != line] == []


def test_placeholders_take_the_forms_length_when_the_document_has_few():
    """A document whose placeholders mostly misread (○市, ○の情報, →○→) has too few ○○ to vote:
    the forms' own ○○ then, where a ○○ stands at all; check marks and runs before no word stay."""
    from piatable.extract.ocr.structure_fixes import even_placeholders
    from piatable.models import CellLine, RawRow

    texts = ["○市総務部総務課", "○○市本町", "○の情報システム", "株式会社→○→システム", "○の○情報"]
    texts += ["[○]紙", "[ ○ ] 専用線", "○○の場合"]
    rows = [RawRow({"after": [CellLine(t, 1, 0)]}) for t in texts]
    even_placeholders(rows)
    assert [r.cells["after"][0].text for r in rows] == [
        "○○市総務部総務課",
        "○○市本町",
        "○○情報システム",
        "株式会社○○システム",
        "○○情報",
        "[○]紙",
        "[ ○ ] 専用線",
        "○○の場合",
    ]
    # No ○○ anywhere: nothing to go by.
    alone = [RawRow({"after": [CellLine("○市総務部", 1, 0)]})]
    assert even_placeholders(alone) == 0


def test_lines_touching_through_a_bracket_are_cut_at_their_least_inked_row():
    from piatable.extract.ocr.line_rereads import ink_lines

    sub = np.zeros((60, 100), bool)
    sub[5:25, :] = True  # a line
    sub[25:29, 2:4] = True  # a bracket's tail reaching the next line
    sub[29:49, :40] = True  # the next line (務 and a few more)
    assert ink_lines(sub, 8.0, 32.0) == [(5, 25), (25, 49)]
    # Lines with white between them are lines already; a speck joins its neighbour.
    sub[25:29] = False
    sub[52:54, 10:12] = True
    assert ink_lines(sub, 8.0, 32.0) == [(5, 25), (29, 54)]


def test_telephone_hyphens_read_as_look_alikes():
    from piatable.extract.ocr.structure_fixes import fix_number_dashes

    assert fix_number_dashes("電話０１２３ー４５一６７８９") == "電話０１２３－４５－６７８９"
    assert fix_number_dashes("〒123ー4567") == "〒123-4567"
    assert fix_number_dashes("2021ー12ー31") == "2021ー12ー31"  # a date typed with ー stays
    assert fix_number_dashes("０１２3ー４５－６７８９") == "０１２3ー４５－６７８９"  # widths disagree
    # A hyphen read twice (set XVI's ０１２－３４５－－６７００): no number prints two in a row.
    assert fix_number_dashes("電話０１２－３４５－－６７００") == "電話０１２－３４５－６７００"
    assert fix_number_dashes("0123-45ー-6789") == "0123-45-6789"


def test_no_truth_cell_of_the_samples_is_changed_by_the_number_dashes():
    from piatable.extract.ocr.structure_fixes import fix_number_dashes

    # office-spaced49 / heldout-spaced49 (text samples, never scanned) type full-width digits
    # with ASCII hyphens (〒１２３-４５６７, ０１２３-４５-６７００); a scan cannot tell - from －
    # there, and the rule writes the digits' width.  Every other truth cell is left as printed.
    mixed = ("office-spaced49", "heldout-spaced49")
    texts = {
        str(r.get(f) or "").replace("\n", "")
        for text in {t for path, t in truth_files() if path.parent.parent.parent.name not in mixed}
        for r in rows_of(text)
        for f in ("item", "before", "after", "explanation")
    }
    assert [t for t in texts if fix_number_dashes(t) != t] == []


def test_no_truth_cell_of_the_samples_is_changed_by_the_placeholders():
    from piatable.extract.ocr.structure_fixes import even_placeholders
    from piatable.models import CellLine, RawRow

    # Each distinct truth file read once, its count given for every copy (tests/truth_files.py).
    counts: dict[str, int] = {}
    changed = 0
    for _path, text in truth_files():
        if text not in counts:
            rows = [
                RawRow(
                    {
                        f: [CellLine(t, 1, 0) for t in str(r.get(f) or "").splitlines()]
                        for f in ("before", "after")
                    }
                )
                for r in rows_of(text)
            ]
            counts[text] = even_placeholders(rows)
        changed += counts[text]
    assert changed == 0


def test_ticked_answer_boxes_misread_at_a_lines_start():
    from piatable.extract.ocr.structure_fixes import restore_ticked_box

    for read in ("IOI紙", "○|紙", "○]紙", "[○紙", "○1]紙"):
        assert restore_ticked_box(read) == "[○]紙", read
    assert restore_ticked_box("IO]庁内連携システム") == "[○]庁内連携システム"
    # A box as printed (spaces kept), a number, place-name circles and Latin words stay.
    for line in ("[ ○ ]　本人から", "[○]紙", "101号室", "○○市本町", "IoT機器"):
        assert restore_ticked_box(line) == line


def test_no_truth_cell_of_the_samples_is_changed_by_the_ticked_boxes():
    from piatable.extract.ocr.structure_fixes import restore_ticked_box

    lines = _truth_lines()
    assert [line for line in lines if restore_ticked_box(line) != line] == []


def test_a_circled_number_misread_before_a_heading_wrapped_over_two_lines():
    from piatable.extract.ocr.corrections import _fix_wrapped_heading

    assert _fix_wrapped_heading("⑧＠提供先における用", "途") == "②提供先における用"
    assert _fix_wrapped_heading("⑦入手方法", "") == "⑦入手方法"  # as printed
    assert _fix_wrapped_heading("②提供先における用", "途") == "②提供先における用"


def test_check_boxes_hold_one_mark_or_none():
    from piatable.extract.ocr.structure_fixes import fix_check_boxes

    for read in ("[O]紙", "[0]紙", "[Ｏ]紙", "[〇]紙", "[o]紙", "[○○]紙", "[OO]紙", "[○O]紙", "[O○]紙"):
        assert fix_check_boxes(read) == "[○]紙", read
    # Every box of a list on one line, and a box read empty without its space.
    assert fix_check_boxes("[O]個人番号 [○○]その他識別情報") == "[○]個人番号 [○]その他識別情報"
    assert fix_check_boxes("[]連絡先（電話番号等）") == "[ ]連絡先（電話番号等）"
    # Its ] read as a letter or a bar after the mark (tesseract at 200 dpi, IPAex Gothic: [Oj紙).
    assert fix_check_boxes("[○]個人番号 [Oj その他") == "[○]個人番号 [○] その他"
    assert fix_check_boxes("[O|紙") == "[○]紙"
    # Brackets and inner spaces as read; three marks are no box's; a choice, an index, a lone box stay.
    assert fix_check_boxes("［ＯＯ］紙") == "［○］紙"
    kept = ("[ ○ ]　本人から　[ ]　行政機関", "[○○○]紙", "[ 10人未満 ]", "a[0]の値", "[O]", "[ ]連絡先")
    for line in (*kept, "[|連絡先", "[Il連携"):
        assert fix_check_boxes(line) == line


def test_a_mark_read_twice_is_not_doubled_as_a_placeholder():
    from piatable.extract.ocr.corrections import fix_rows
    from piatable.models import CellLine, RawRow

    row = RawRow(cells={"after": [CellLine("[○O]紙"), CellLine("[○]個人番号 [OO]その他識別情報")]})
    fix_rows([row])
    assert [cl.text for cl in row.cells["after"]] == ["[○]紙", "[○]個人番号 [○]その他識別情報"]
    assert "ocr_corrected" in row.flags
    # A placeholder beside a ○ outside a box is still mended.
    from piatable.extract.ocr.structure_fixes import fix_placeholder_run

    assert fix_placeholder_run("○O市本町 [○O]") == "○○市本町 [○O]"


def test_no_truth_cell_of_the_samples_is_changed_by_the_check_boxes():
    from piatable.extract.ocr.structure_fixes import fix_check_boxes, fix_placeholder_run

    lines = _truth_lines()
    assert [line for line in lines if fix_check_boxes(line) != line] == []
    # Tables printing the placeholder with the kanji zero (〇〇市: samples/office-ocr48) get the
    # forms' ○○, a guess a scan cannot avoid and flagged (extract/ocr/placeholder_forms.py): the
    # two circles are compared as one.
    same = str.maketrans("〇", "○")
    assert [line for line in lines if fix_placeholder_run(line).translate(same) != line.translate(same)] == []
