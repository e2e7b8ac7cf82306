"""Column-ordered text (pdfminer, plain pdftotext): look-alike before/after cells of neighbouring
rows whose order does not tell which before goes with which after are warned (issues 10, 12)."""

from pathlib import Path

from piatable import extract_document
from piatable.models import CellLine
from piatable.normalize.body_pairing import crossable_rows

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CROSSED = "could be crossed"


def _box(text: str, line_no: int) -> list[CellLine]:
    return [CellLine(text, 1, line_no)]


def _four() -> list[list[CellLine]]:
    # Two rows of department names, each cell one box: 市民課 → 市民窓口課, 市民課長 → 市民窓口課長.
    return [_box(t, k) for k, t in enumerate(("市民課", "市民課長", "市民窓口課", "市民窓口課長"))]


def test_four_look_alike_boxes_read_either_way_put_both_rows_in_doubt():
    b = _four()
    # Read (市民課, 市民課長) (市民窓口課, 市民窓口課長): crossed, (市民課, 市民窓口課) (市民課長,
    # 市民窓口課長) scores almost as well, and nothing in the order parts them.
    assert crossable_rows([(b[0], b[1]), (b[2], b[3])], b) == {0, 1}
    # The same in the other reading.
    assert crossable_rows([(b[0], b[2]), (b[1], b[3])], b) == {0, 1}


def test_rows_the_extractor_parted_with_another_columns_box_are_not_in_doubt():
    b = _four()
    # Body boxes 0 and 1 emitted, then a timing and an explanation box, then boxes 2 and 3.
    assert crossable_rows([(b[0], b[1]), (b[2], b[3])], b, None, [0, 1, 4, 5]) == set()
    # Emitted side by side, they are in doubt.
    assert crossable_rows([(b[0], b[1]), (b[2], b[3])], b, None, [0, 1, 2, 3]) == {0, 1}


def test_unlike_neighbours_and_cells_cut_from_a_longer_box_are_not_in_doubt():
    b = [_box(t, k) for k, t in enumerate(("市民課", "市民窓口課", "年１回実施する。", "年２回実施する。"))]
    assert crossable_rows([(b[0], b[1]), (b[2], b[3])], b) == set()
    long = [CellLine("市民課", 1, 0), CellLine("市民課長", 1, 1)]
    bodies = [long, _box("市民窓口課", 2), _box("市民窓口課長", 3)]
    assert crossable_rows([(long[:1], bodies[1]), (long[1:], bodies[2])], bodies) == set()


def test_a_pdfminer_table_whose_befores_come_before_their_afters_warns_the_two_rows():
    # pdfminer emitted 市民課, 市民課長, 市民窓口課, 事前, …, 市民窓口課長: the reader pairs the
    # look-alike neighbours crossed; the two rows must say so.
    res = extract_document(SAMPLES / "colorder" / "co-calc-5-pdfminer" / "input.txt")
    crossed = [k for k, r in enumerate(res.records) if any(CROSSED in e for e in r.evidence)]
    assert crossed == [0, 1]
    assert all("column_guess" in res.records[k].flags for k in crossed)
    # The same rows emitted in row order (each row's timing between them) are not in doubt.
    res = extract_document(SAMPLES / "mixed" / "mx-calc-5-pdfminer" / "input.txt")
    assert not any(CROSSED in e for r in res.records for e in r.evidence)


def test_a_bare_addition_word_wrapped_from_a_particle_ends_a_phrase_not_an_after_cell():
    from piatable.normalize.boxes import lines_to_boxes
    from tests.test_columnar import box_lines

    wrapped = ["組織改正による部署名", "の変更及び使用部署の", "追加", "重大な変更に該当しな", "い"]
    closing = ["番号法第９条第２項に基づく条例", "第４条", "上記を新規追加", "事前"]
    boxes = lines_to_boxes(*box_lines([["変更日"], wrapped, closing]))
    texts = [[cl.text for cl in b.lines] for b in boxes]
    # The explanation and its second paragraph stay one box; 上記を新規追加 still closes its cell.
    assert wrapped in texts
    assert ["番号法第９条第２項に基づく条例", "第４条", "上記を新規追加"] in texts


def test_crossed_look_alike_rows_are_uncrossed_where_both_other_pairs_end_alike():
    from piatable.normalize.body_pairing import uncross_by_endings

    b = _four()
    # Read (市民課, 市民課長) (市民窓口課, 市民窓口課長): each row's cells end unlike (課 / 長); the
    # other reading's both end alike (課 / 課, 長 / 長): a row's before and after hold one kind of value.
    cells, changed = uncross_by_endings([(b[0], b[1]), (b[2], b[3])], b)
    assert cells == [(b[0], b[2]), (b[1], b[3])] and changed == {0, 1}
    # Read right already, nothing moves; the two rows stay in doubt (crossable_rows).
    cells, changed = uncross_by_endings([(b[0], b[2]), (b[1], b[3])], b)
    assert changed == set() and crossable_rows(cells, b) == {0, 1}
    # Rows the extractor parted with another column's box are not uncrossed.
    assert uncross_by_endings([(b[0], b[1]), (b[2], b[3])], b, [0, 1, 4, 5])[1] == set()


def test_endings_that_tell_nothing_leave_the_reading_chosen():
    from piatable.normalize.body_pairing import uncross_by_endings

    # Every cell ends alike (…未満): no reading is told from the other.
    texts = ("10万人以上30万人未満", "30万人以上100万人未満", "10万人以上30万人未満", "30万人以上100万人未満")
    b = [_box(t, k) for k, t in enumerate(texts)]
    assert uncross_by_endings([(b[0], b[1]), (b[2], b[3])], b)[1] == set()
    # Only one of the other reading's rows ends alike: not enough.
    b = [_box(t, k) for k, t in enumerate(("市民課", "市民課長", "市民窓口課", "市民窓口係"))]
    assert uncross_by_endings([(b[0], b[1]), (b[2], b[3])], b)[1] == set()


def test_a_run_of_four_look_alike_rows_emitted_column_by_column_is_read_again_together():
    from piatable.normalize.body_pairing import uncross_by_endings

    # Two department / head-title pairs, the four befores emitted before the four afters.
    texts = (
        "市民課",
        "市民課長",
        "保険年金課",
        "保険年金課長",
        "市民窓口課",
        "市民窓口課長",
        "国保年金課",
        "国保年金課長",
    )
    b = [_box(t, k) for k, t in enumerate(texts)]
    # The pairing read the look-alike boxes of one column as rows (one row ending alike by chance).
    chosen = [(b[0], b[1]), (b[2], b[4]), (b[3], b[5]), (b[6], b[7])]
    cells, changed = uncross_by_endings(chosen, b)
    assert cells == [(b[0], b[4]), (b[1], b[5]), (b[2], b[6]), (b[3], b[7])] and changed == {0, 1, 2, 3}


def test_a_calc_table_in_pdfminer_text_reads_its_department_rows_and_top_aligned_dates_right():
    # pdfminer emitted 市民課, 市民課長, 市民窓口課, 市民窓口課長, and printed ``2020年4月1日 Ⅱ…``
    # as one line in the middle of the item column's box.
    res = extract_document(SAMPLES / "office" / "calc-municipal-pdfminer" / "input.txt")
    got = [(r.change_date, r.before, r.after) for r in res.records[:3]]
    assert got == [
        ("2019-05-01", "市民課", "市民窓口課"),
        ("2019-05-01", "市民課長", "市民窓口課長"),
        ("2020-04-01", "10万人以上100万人未満", "10万人以上100万人未満"),
    ]
    # The two department rows stay in doubt: the text alone does not tell the reading.
    assert all(any(CROSSED in e for e in res.records[k].evidence) for k in (0, 1))
