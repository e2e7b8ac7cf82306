"""Text-layer PDFs with underlined changed words (issue 11): Writer's space glyphs drawn without
an advance where an underlined run starts (samples/office-underpdf17,
tools/make_underpdf_samples.py)."""

from __future__ import annotations

import json

import pytest

from piatable.extract.pdf import _drop_zero_advance_spaces
from piatable.models import Word
from piatable.pipeline import extract_document

from .conftest import SAMPLES


def _char(text: str, x0: float, x1: float, top: float = 100.0) -> Word:
    return Word(text, 1, x0, x1, top, top + 10, "pdf")


def test_a_space_the_next_character_overlaps_is_no_space():
    # 和 | space drawn at 553.5 | 5 drawn at 553.6: the space has no advance (Writer, underlined run).
    words = [_char("和", 541.6, 551.6), _char(" ", 553.5, 556.4), _char("5", 553.6, 559.8)]
    assert [w.text for w in _drop_zero_advance_spaces(words)] == ["和", "5"]


def test_a_space_with_its_advance_is_kept():
    words = [_char("話", 100.0, 110.0), _char(" ", 110.0, 112.9), _char("0", 112.9, 118.0)]
    assert [w.text for w in _drop_zero_advance_spaces(words)] == ["話", " ", "0"]


def test_a_space_before_the_next_line_is_kept():
    words = [_char("A", 100.0, 105.0), _char(" ", 105.0, 107.9), _char("B", 105.0, 110.0, top=120.0)]
    assert [w.text for w in _drop_zero_advance_spaces(words)] == ["A", " ", "B"]


def _paragraphs(value: object) -> str:
    return "\n".join(ln.strip() for ln in str(value or "").split("\n")).strip("\n")


@pytest.mark.parametrize("case", ["writer-up-municipal-2", "writer-up-zeimu-4"])
def test_underlined_after_cells_keep_their_paragraphs(case):
    """The 変更後 cells of these Writer tables (underlined runs that start after ③, inside
    ○○市役所, and between 令和 and 5年) are read with their paragraph breaks and no space
    that the page does not show; but a cell whose full-width space fell at a wrap (Writer
    prints none there, and the line is full either way)."""
    folder = SAMPLES / "office-underpdf17" / case
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    got = [r.to_dict() for r in extract_document(folder / "input.pdf").records]
    assert len(got) == len(expected)
    wrong = [
        (g["after"], e["after"])
        for g, e in zip(got, expected, strict=True)
        if _paragraphs(g["after"]) != _paragraphs(e["after"])
    ]
    assert [(g, e) for g, e in wrong if "\u3000" not in e] == []
