"""The explanation column's stock sentences written as printed where OCR misread a character or
two of them (extract/ocr/phrases.py)."""

from __future__ import annotations

import pytest

from piatable.extract.ocr.phrases import printed_phrases, snap_closing_note, snap_phrases
from piatable.extract.ocr.polarity import flips_polarity

from .truth_files import case_depth, distinct_rows, rows_of, truth_files


@pytest.mark.parametrize(
    ("lines", "fixed"),
    [
        # Misreads measured on LibreOffice Writer and Calc scans.
        (
            ["組織改正による部署名の変更", "革大な変更に恋当しない"],
            ["組織改正による部署名の変更", "重大な変更に該当しない"],
        ),
        (["重大な変更に設当しない。"], ["重大な変更に該当しない。"]),
        # 重要 with the affirmative predicate is a sentence of its own, its misread snaps to it.
        (["重要な変更に該当すゐ"], ["重要な変更に該当する"]),
        # Wrapped before its last character: matched on both lines, each keeps its length.
        (["重大な変更に設当しな", "い"], ["重大な変更に該当しな", "い"]),
        # A misread of the sentence whose 当たる is printed in kanji or in kana (two spellings,
        # one sentence): the kanji spelling, listed first.
        (["重要な変更に当たらなぃ"], ["重要な変更に当たらない"]),
    ],
)
def test_stock_sentences_misread_are_written_as_printed(lines, fixed):
    assert snap_phrases(lines) == fixed


def test_a_misread_without_a_negation_still_snaps():
    # 該当しる holds no negation: one substitution from 該当する, two from 該当しない.
    assert snap_phrases(["重要な変更に該当しる"]) == ["重要な変更に該当する"]


@pytest.mark.parametrize(
    "lines",
    [
        ["重大な変更に該当しない"],
        # Right when read with the next line: not a misread of 重大な変更に該当する.
        ["重大な変更に該当しな", "い"],
        # Every significance word with every predicate is a stock sentence: none is another's
        # misread (重要な変更に該当する was written 重大な変更に該当する).
        ["重要な変更に該当する"],
        ["重大な変更には当たらない"],
        ["重要な変更には該当しない"],
        # As near 重大 as 重要: nothing decides.
        ["重Xな変更に該当しない"],
        # A sentence of the municipality's own.
        ["システム更改に伴う修正"],
        # 当たる spelled in kana, listed or not: the same words as the stock sentence, no misread
        # (newuser22's scans had these written in kanji).
        ["重要な変更にあたらない"],
        ["重要な変更にはあたらない。"],
        ["重大な変更にあたる"],
        ["重要な変更に該当致しません"],
        # Wrapped over three lines (set XVIII's faded and grey scans): as printed, not
        # 重要な変更 / に該当する / い, the opposite sentence with its tail left behind.
        ["重要な変更", "に該当しな", "い"],
        ["記載の明確化であり、重要な変更", "に該当しな", "い"],
        # A misread two characters from the opposite sentence: never a negation guessed away or
        # into the line, and a snap that would leave a wrapped end behind is not taken.
        ["重要な変更に該当しをい"],
        ["重要な変更に該当ずる"],
        ["重大な変更に設当しな", "い", "い"],
    ],
)
def test_other_lines_stay_as_read(lines):
    assert snap_phrases(lines) == lines


@pytest.mark.parametrize(
    ("line", "document", "fixed"),
    [
        # The misread character is the one the two spellings differ in: the document's spelling.
        ("重要な変更にめたらない", ["重要な変更にあたらない"] * 2, "重要な変更にあたらない"),
        ("重要な変更にめたらない", ["重要な変更に当たらない"], "重要な変更に当たらない"),
        ("重要な変更に半たらない", ["重要な変更にあたらない"], "重要な変更にあたらない"),
        # No document evidence: the spelling whose character there is of the script read.
        ("重要な変更にめたらない", [], "重要な変更にあたらない"),
        ("重要な変更に半たらない", [], "重要な変更に当たらない"),
    ],
)
def test_a_misread_spelling_follows_the_document(line, document, fixed):
    assert snap_phrases([line], printed_phrases(document)) == [fixed]


def test_no_truth_explanation_of_the_samples_is_changed():
    cells = {str(r.get("explanation") or "") for r in distinct_rows()}
    assert len(cells) > 100
    assert [c for c in cells if snap_phrases(c.splitlines()) != c.splitlines()] == []


@pytest.mark.parametrize(
    ("lines", "fixed"),
    [
        # The after cell's closing words misread at their end (a scan of office calc-lists).
        (["[ 十分である ]", "上記を新規師"], ["[ 十分である ]", "上記を新規追加"]),
        (["・上記を新規追カロ"], ["・上記を新規追加"]),
        (["本文", "上記を削余"], ["本文", "上記を削除"]),
        # Closing words as printed, other last lines, and lines near two words alike stay.
        (["本文", "上記を新規追加"], ["本文", "上記を新規追加"]),
        (["本文", "上記を修正"], ["本文", "上記を修正"]),
        (["上記を新規追加", "本文"], ["上記を新規追加", "本文"]),
        (["１件"], ["１件"]),
        (["削余"], ["削余"]),
        ([], []),
    ],
)
def test_closing_words_misread_are_written_as_printed(lines: list[str], fixed: list[str]) -> None:
    assert snap_closing_note(lines) == fixed


def test_no_truth_after_cell_of_the_samples_changes() -> None:
    # Each distinct truth file checked once (tests/truth_files.py); the first copy's path named.
    seen: set[str] = set()
    for path, text in truth_files():
        if "heldout" in str(path) or not case_depth(path) or text in seen:
            continue
        seen.add(text)
        for row in rows_of(text):
            lines = str(row.get("after") or "").split("\n")
            assert snap_closing_note(lines) == lines, (path, row["row_index"])


@pytest.mark.parametrize(
    ("read", "corrected", "flips"),
    [
        ("に該当しな", "に該当する", True),
        ("重要な変更に該当する", "重要な変更に該当しない", True),
        ("記載せず", "記載する", True),
        ("重大な変更に設当しない", "重大な変更に該当しない", False),
        ("窓日", "窓口", False),
    ],
)
def test_a_correction_that_adds_or_removes_a_negation_is_told(read, corrected, flips):
    assert flips_polarity(read, corrected) is flips


def test_a_correction_that_flips_a_line_is_put_back():
    """Whatever rule rewrote it: the line keeps its reading, other corrections stay."""
    from piatable.extract.ocr.polarity import keep_polarity
    from piatable.models import CellLine, RawRow

    row = RawRow()
    row.cells["explanation"] = [CellLine("記載の明確化"), CellLine("重要な変更に該当する"), CellLine("い")]
    row.cells["item"] = [CellLine("Ⅰ基本情報")]
    was = [{"explanation": ["記載の明碓化", "重要な変更に該当しな", "い"], "item": ["I基本情報"]}]
    assert keep_polarity([row], was) == 1
    assert [cl.text for cl in row.cells["explanation"]] == ["記載の明確化", "重要な変更に該当しな", "い"]
    assert row.cells["item"][0].text == "Ⅰ基本情報"
