"""Latin words in the width the document prints them (extract/ocr/word_widths.py)."""

from __future__ import annotations

from pathlib import Path

from piatable.extract.ocr.number_widths import other_cells_votes
from piatable.extract.ocr.word_widths import document_widths, even_word_widths, even_words
from piatable.models import CellLine, RawRow

from .truth_files import rows_of, set_starts, truth_copies

ROOT = Path(__file__).resolve().parent.parent


def test_a_word_takes_the_width_of_its_other_occurrences() -> None:
    assert even_words("ｅＬＴＡＸを経由して", {"eltax": [2, 0]}) == "eLTAXを経由して"
    assert even_words("ISMAPに登録された", {"ismap": [0, 3]}) == "ＩＳＭＡＰに登録された"
    assert even_words("LGWAN-ASPのサービス", {"lgwan-asp": [0, 2]}) == "ＬＧＷＡＮ－ＡＳＰのサービス"


def test_without_clear_evidence_a_word_stays_as_read() -> None:
    assert even_words("ｅＬＴＡＸを経由して", {"eltax": [1, 0]}) == "ｅＬＴＡＸを経由して"  # too few
    assert even_words("ｅＬＴＡＸを経由して", {"eltax": [4, 2]}) == "ｅＬＴＡＸを経由して"  # no agreement
    assert even_words("ｅＬＴＡＸを経由して", {"lgwan": [5, 0]}) == "ｅＬＴＡＸを経由して"  # another word
    # Two letters: documents print ID and ＩＤ side by side.
    assert even_words("ＩＤの管理", {"id": [5, 0]}) == "ＩＤの管理"
    # Read in two widths: left to the suspects.
    assert even_words("ｅLTAXを", {"eltax": [3, 0]}) == "ｅLTAXを"


def test_rows_are_evened_against_the_other_lines_only() -> None:
    rows = [
        RawRow(cells={"after": [CellLine("ｅＬＴＡＸを経由して")]}),
        RawRow(cells={"after": [CellLine("・eLTAXの利用拡大")], "explanation": [CellLine("eLTAX対応")]}),
    ]
    assert even_word_widths(rows) == 1
    assert rows[0].cells["after"][0].text == "eLTAXを経由して"
    assert "ocr_corrected" in rows[0].flags and "ocr_corrected" not in rows[1].flags


def test_no_truth_word_of_the_held_out_samples_is_changed() -> None:
    # The premise (one width per word and document) on truth not tuned on: none changes.
    # Each distinct truth file checked once, its words counted for every copy (tests/truth_files.py).
    seen = 0
    for truth, copies in truth_copies(lambda path: set_starts(path, "heldout")).items():
        records = rows_of(truth)
        texts = [rec.get(f) or "" for rec in records for f in ("item", "before", "after", "explanation")]
        total = document_widths(texts)
        for text in texts:
            own = document_widths([text])
            others = other_cells_votes(total, own)
            seen += copies * sum(own.get(k, [0, 0])[0] + own.get(k, [0, 0])[1] for k in own)
            assert even_words(text, others) == text
    assert seen > 100
