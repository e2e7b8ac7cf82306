"""A count answer's digits in the width the document prints them (extract/ocr/choice_widths.py)."""

from __future__ import annotations

from pathlib import Path

from piatable.extract.ocr.choice_widths import CHOICE, choice_votes, even_choice, even_choices
from piatable.models import CellLine, RawRow

from .truth_files import rows_of, set_starts, truth_copies

ROOT = Path(__file__).resolve().parent.parent


def test_an_answer_read_in_two_widths_takes_its_longer_numbers_width_or_half() -> None:
    assert even_choice("[５０人以上100人未満]") == "[50人以上100人未満]"
    assert even_choice("[ １，０００人以上１万人未満 ]") == "[ １，０００人以上１万人未満 ]"
    assert even_choice("[ １０万人以上30万人未満 ]") == "[ 10万人以上30万人未満 ]"


def test_an_answer_read_in_one_width_keeps_it_without_evidence() -> None:
    # A document typed in full width (samples/office-width23): the forms' half width alone is no
    # evidence against what was read.
    assert even_choice("[ ３０万人以上 ]") == "[ ３０万人以上 ]"
    assert even_choice("[ 30万人以上 ]") == "[ 30万人以上 ]"


def test_the_documents_other_answers_decide() -> None:
    assert even_choice("[ ３０万人以上 ]", [3, 0]) == "[ 30万人以上 ]"
    assert even_choice("[５０人以上100人未満]", [0, 2]) == "[５０人以上１００人未満]"
    # Too few, or not agreeing: the answer's own.
    assert even_choice("[ ３０万人以上 ]", [1, 0]) == "[ ３０万人以上 ]"
    assert even_choice("[ ３０万人以上 ]", [3, 2]) == "[ ３０万人以上 ]"


def test_other_text_kept() -> None:
    for text in ("５０人以上を対象とする", "[ 十分である ]", "[○]３名", "（５０人以上１００人未満）"):
        assert even_choice(text) == text


def test_rows_flagged_and_the_document_counted_without_the_cell_itself() -> None:
    rows = [
        RawRow(cells={"before": [CellLine("[５０人以上100人未満]")], "after": [CellLine("[ 100人以上 ]")]}),
        RawRow(cells={"after": [CellLine("[ 1,000人以上 ]")]}),
        RawRow(cells={"after": [CellLine("[ ３０万人以上 ]")]}),
    ]
    assert even_choices(rows) == 2
    assert rows[0].cells["before"][0].text == "[50人以上100人未満]"
    assert rows[2].cells["after"][0].text == "[ 30万人以上 ]"
    assert "ocr_corrected" in rows[0].flags and "ocr_corrected" not in rows[1].flags


def test_no_truth_answer_is_changed_by_its_documents_other_answers() -> None:
    # The rule's premise on the tuning samples' truth: a document prints its answers in one width.
    # Each distinct truth file checked once, its answers counted for every copy (tests/truth_files.py).
    seen = 0
    for truth, copies in truth_copies(lambda path: set_starts(path, "office")).items():
        records = rows_of(truth)
        texts = [rec.get(f) or "" for rec in records for f in ("before", "after")]
        total = [sum(choice_votes(t)[i] for t in texts) for i in (0, 1)]
        for text in texts:
            own = choice_votes(text)
            for m in CHOICE.finditer(text):
                seen += copies
                assert even_choice(m.group(0), [total[0] - own[0], total[1] - own[1]]) == m.group(0)
    assert seen > 100
