"""Evidence added for issue 12's honesty: cells that open with a word that leans on the one
before it, and the readers' near guesses that only cost confidence (tools/bench_calibration.py
measures each on every sample kind)."""

from __future__ import annotations

from piatable.models import Doubt
from piatable.normalize.confidence import score_record
from piatable.normalize.evidence import starts_mid_phrase
from piatable.settings import Settings
from tests.test_evidence import raw_row
from tests.text_checks import TEXT_WIDTHS, text_record


def test_a_cell_opening_with_a_word_that_leans_on_the_one_before():
    for cut in ("され、個人番号通知書となったことによる修正", "いる。", "ための番号の", "で生成して送付"):
        assert starts_mid_phrase(cut), cut
    for whole in ("こども未来課", "なし", "および別表", "なお、本変更は", "ない", "まちづくり推進課"):
        assert starts_mid_phrase(whole) == "", whole
    rec = text_record({"explanation": ["らない。"]})
    assert "row_split_guess" in rec.flags
    assert any(e.startswith("explanation: row_split_guess") for e in rec.evidence)


def test_a_text_cell_opening_with_a_kanji_suffix_or_a_quantitys_tail():
    """``…利用`` | ``等に関する…``, ``…100人`` | ``未満100人以上…``: in text read without positions a
    cell opening so holds the end of the cell before; kanji openings count only there."""
    for cut in (
        "等に関する法律に規定する個人番号",
        "未満100人以上500人未満",
        "以上100人未満",
        "録の開始に伴う修正",
    ):
        assert starts_mid_phrase(cut, kanji=True), cut
        assert starts_mid_phrase(cut) == "", cut
    for whole in (
        "行政手続における特定の個人",
        "100人以上500人未満",
        "組織改正による部署名の変更",
        "市民課",
        "以上",
    ):
        assert starts_mid_phrase(whole, kanji=True) == "", whole
    rec = text_record({"before": ["50人以上100人"], "after": ["未満100人以上500人未満"]})
    assert "row_split_guess" in rec.flags
    assert any(e.startswith("after: row_split_guess") for e in rec.evidence)


def test_a_readers_near_guess_costs_confidence_and_raises_no_flag():
    q = Settings().quality
    row = raw_row({})
    row.widths = dict(TEXT_WIDTHS)
    base = score_record(text_record({}), row, q, [])
    guess = score_record(text_record({}), row, q, [Doubt("cut_guess", None, "widths alone")])
    assert guess.flags == [] and guess.confidence < base.confidence
    assert guess.evidence == ["row: cut_guess: widths alone"]


def test_a_word_torn_between_cells_printed_out_of_order_is_a_column_guess():
    """Calc text gives a row's one-line cells (pass 1) before its wrapped lines, so the lines of
    two neighbouring cells are not printed one after the other; the record's cells still show
    the tear (…データセ | ンター…): a cell never ends inside a word the next one finishes."""
    rec = text_record(
        {
            "after": ["・サーバーは、外部のデータセ"],
            "explanation": ["ンターへの移設に伴う修正"],
        }
    )
    assert "column_guess" in rec.flags
    assert any("a word runs on from the after cell into the explanation cell" in e for e in rec.evidence)
    # Two whole cells side by side stay quiet.
    whole = {"after": ["市民生活部市民課"], "explanation": ["組織改正による部署名の変更"]}
    assert text_record(whole).flags == []


def test_the_tables_column_labels_read_into_a_cell_are_a_column_guess():
    """A page's header printed again and read into the last row's explanation (-raw text of a
    Calc table): no cell holds the column labels."""
    header = "変更後の記載 提出時期 提出時期に係る説明"
    rec = text_record({"explanation": ["組織改正による部署名の変更", header]})
    assert "column_guess" in rec.flags
    assert any("column labels" in e for e in rec.evidence)
    # A timing named in an explanation is no header.
    assert text_record({"explanation": ["提出時期の誤りの修正"]}).flags == []
