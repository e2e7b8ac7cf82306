"""Digit widths by the document's evidence: a run of digits by its own pitch, and a document's
change dates in the one width most of them were read in."""

from __future__ import annotations

from piatable.extract.ocr.engine import TsvWord
from piatable.extract.ocr.structure_fixes import even_date_widths
from piatable.extract.ocr.widths import normalize_widths
from piatable.models import CellLine, RawRow
from piatable.settings import Settings

EM = 30


def _char(text: str, centre: float, width: float, line: int) -> TsvWord:
    return TsvWord(text, int(centre - width / 2), 0, int(width), EM, 95.0, (1, 1, line), 0, True)


def _date_line(digit_pitch: float, gap: float, line: int) -> list[TsvWord]:
    """平成31年: kanji one em apart, then two digits ``digit_pitch`` apart with ``gap`` (ems) of
    white added on each side of the run (LibreOffice's space between Japanese and Latin text)."""
    x = EM / 2
    out = [_char("平", x, EM * 0.9, line)]
    x += EM
    out.append(_char("成", x, EM * 0.9, line))
    x += EM / 2 + gap * EM + digit_pitch * EM / 2
    out.append(_char("3", x, EM * 0.4, line))
    x += digit_pitch * EM
    out.append(_char("1", x, EM * 0.25, line))
    x += digit_pitch * EM / 2 + gap * EM + EM / 2
    out.append(_char("年", x, EM * 0.9, line))
    return out


def test_a_digit_run_by_its_own_pitch():
    # Half-width digits with white round the run: the neighbours stand as far as full-width
    # digits would, the digits' own pitch says half.
    half = _date_line(0.5, 0.35, 1)
    full = _date_line(1.0, 0.0, 2)
    texts = [w.text for w in normalize_widths(half + full, Settings().ocr)]
    assert texts == ["平", "成", "3", "1", "年", "平", "成", "３", "１", "年"]


def _rows(*dates: list[str]) -> list[RawRow]:
    return [RawRow({"change_date": [CellLine(t, 1, k) for k, t in enumerate(lines)]}) for lines in dates]


def test_a_documents_dates_in_one_width():
    rows = _rows(["平成３１年４月", "１日"], ["平成31年４月", "１日"], ["令和２年１０月１日"], ["変更日"])
    assert even_date_widths(rows) == 1
    assert [cl.text for cl in rows[1].cells["change_date"]] == ["平成３１年４月", "１日"]
    assert "ocr_corrected" in rows[1].flags
    assert not rows[0].flags


def test_dates_without_a_clear_majority_are_evened_per_cell():
    rows = _rows(["平成31年4月", "１日"], ["令和２年１０月１日"])
    even_date_widths(rows)
    assert [cl.text for cl in rows[0].cells["change_date"]] == ["平成31年4月", "1日"]
    assert [cl.text for cl in rows[1].cells["change_date"]] == ["令和２年１０月１日"]


def test_dates_without_a_digit_majority_follow_most_distinct_cells():
    # 4 distinct cells read full width, 2 half (one merged over two rows): 16 full digits against
    # 12 half are no 2/3 majority, but a cell's digits are one measure: most cells say full width.
    cells = [["平成２８年１０月１日"], ["平成29年4月1日"], ["平成30年7月1日"], ["平成30年7月1日"]]
    cells += [["令和元年１０月１日"], ["令和３年１月４日"], ["平成３０年１２月３日"]]
    rows = _rows(*cells)
    even_date_widths(rows)
    got = ["".join(cl.text for cl in r.cells["change_date"]) for r in rows]
    assert got[1:4] == ["平成２９年４月１日", "平成３０年７月１日", "平成３０年７月１日"]
    # Two against two: no majority, each cell keeps its own widths.
    rows = _rows(["平成２８年１０月１日"], ["平成29年4月1日"], ["令和元年１０月１日"], ["平成30年7月1日"])
    even_date_widths(rows)
    assert "".join(cl.text for cl in rows[1].cells["change_date"]) == "平成29年4月1日"


def test_dates_of_other_forms_do_not_vote():
    # A table that writes each date its own way (2016−10−1, ２０１７－４－１, 2017／4／1): no
    # form has the votes, each cell keeps its own widths.
    rows = _rows(["2016−10−1"], ["2016ー10ー1"], ["２０１７－４－１"], ["2017／4／1"], ["2018.7.1"])
    assert even_date_widths(rows) == 0


def test_placeholders_in_the_documents_length():
    from piatable.extract.ocr.structure_fixes import even_placeholders

    texts = ["○○市総務部", "○○市本町", "○○情報システム", "○○システムサービス", "○○市"]
    texts += ["○の情報システム株式会社", "株式会社O→○システムサービス", "[○]紙", "○市総務部", "電話のの番号"]
    rows = [RawRow({"after": [CellLine(t, 1, 0)]}) for t in texts]
    assert even_placeholders(rows) == 3
    assert [r.cells["after"][0].text for r in rows[5:]] == [
        "○○情報システム株式会社",
        "株式会社○○システムサービス",
        "[○]紙",  # the check mark is no placeholder
        "○○市総務部",
        "電話のの番号",
    ]


def test_answer_brackets_restored():
    from piatable.extract.ocr.structure_fixes import restore_choice_brackets

    assert restore_choice_brackets(["「十分に行っている１"]) == ["[十分に行っている]"]
    assert restore_choice_brackets(["[10人未満"]) == ["[10人未満]"]
    for kept in (["「住民票」の写し"], ["[○]紙"], ["[ 十分である ]"], ["「十分", "である１"]):
        assert restore_choice_brackets(kept) == kept
    # Wrapped over a narrow cell's lines (writer-sm-kokuho scanned): its last line closes it.
    wrapped = ["[特に力", "を入れて", "行ってい", "る１"]
    assert restore_choice_brackets(wrapped) == ["[特に力", "を入れて", "行ってい", "る]"]
    assert restore_choice_brackets(["[特に力", "を入れて"]) == ["[特に力", "を入れて"]


def test_answer_brackets_restored_before_a_note():
    from piatable.extract.ocr.structure_fixes import restore_choice_brackets

    # The answer's first line with a note after it: both brackets read, the closing one misread.
    assert restore_choice_brackets(["「十分である１", "上記を新規追加"]) == ["[十分である]", "上記を新規追加"]
    # Its closing bracket lost: the line may wrap on to the next, kept.
    kept_cells = (
        ["[十分である", "上記を新規追加"],
        ["「住民票」の写し１", "上記を新規追加"],
        ["[○]紙", "[○]その他"],
    )
    for kept in kept_cells:
        assert restore_choice_brackets(kept) == kept


def test_a_tied_date_follows_its_longer_numbers_and_a_lone_digit_date_the_documents():
    # No document majority (6 half digits, 5 full): 平成31年４月１日 ties 2 to 2, its 31 (measured
    # over two digits) decides; 令和３年４月１日 has lone digits only: the document's longer runs
    # of the form (31, 10: half) decide (office-width23 scans).
    rows = _rows(["平成31年４月１日"], ["令和３年４月１日"], ["令和2年10月1日"])
    assert even_date_widths(rows) == 2
    got = ["".join(cl.text for cl in r.cells["change_date"]) for r in rows]
    assert got == ["平成31年4月1日", "令和3年4月1日", "令和2年10月1日"]


def test_a_date_whose_own_runs_lose_to_the_document_is_in_doubt():
    # Set XII's c3 prints ２０２３年４月１日 and 令和元年10月1日 in one table: the document's
    # width wins (no sample's date column mixes widths), but the cell's own run (10, measured
    # by its pitch) said otherwise: the row is flagged.
    rows = [
        RawRow({"change_date": [CellLine(text, 1, 0)]})
        for text in ("２０２３年４月１日", "２０２３年５月１日", "令和元年10月1日", "令和元年５月１日")
    ]
    assert even_date_widths(rows) == 1
    assert rows[2].cells["change_date"][0].text == "令和元年１０月１日"
    assert [(d.kind, d.field) for d in rows[2].doubts] == [("ocr_suspect", "change_date")]
    assert [r.doubts for r in (rows[0], rows[1], rows[3])] == [[], [], []]


def test_numberings_all_read_half_width_and_written_full_are_in_doubt():
    # Set XII's c6 types 6.情報提供… and 2.基本情報 beside the form's （１．…ファイル）: all read
    # half width, written ６． by the forms' numbering: flagged.  A document that read some
    # full width (the form's style) is not.
    from piatable.extract.ocr.numbering_doubts import flag_rewritten_numberings

    read = [
        ["Ⅰ基本情報", "6.情報提供"],
        ["（１．住民基本台帳ファイル）", "2.基本情報"],
        ["3.特定個人情報の入手"],
    ]
    written = [
        ["Ⅰ基本情報", "６．情報提供"],
        ["（１．住民基本台帳ファイル）", "２．基本情報"],
        ["3.特定個人情報の入手"],
    ]

    def rows():
        return [RawRow({"item": [CellLine(t, 1, k) for k, t in enumerate(lines)]}) for lines in written]

    got = rows()
    assert flag_rewritten_numberings(got, [{"item": lines} for lines in read]) == 2
    assert [[(d.kind, d.field) for d in r.doubts] for r in got] == [[("ocr_suspect", "item")]] * 2 + [[]]
    mixed = [["Ⅰ基本情報", "６．情報提供"], *read[1:]]
    got = rows()
    assert flag_rewritten_numberings(got, [{"item": lines} for lines in mixed]) == 0
    assert all(not r.doubts for r in got)
