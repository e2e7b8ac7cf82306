"""Section numerals typed in ASCII letters (``normalize.ascii_numerals``): a flattened text whose
sections read ``II特定個人情報ファイルの概要`` gives the rows of the same text printed with Ⅱ
(session 42's new user: a table of 9 rows read as 1 from its pypdfium2 and -raw texts)."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest
import regex

from piatable.normalize.ascii_numerals import read_section_numerals, section_numerals
from piatable.pipeline import extract_document

from .conftest import SAMPLES
from .test_flags import BASE, record_of

ASCII = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "Ⅴ": "V", "Ⅵ": "VI"}
SIX = ("change_date_raw", "item", "before", "after", "timing", "explanation")
CASES = sorted(
    p / "input.txt"
    for p in (SAMPLES / "office-raw40").iterdir()
    if p.name.endswith(("-pdftotext-raw", "-pypdfium2")) and "calc-juki" in p.name
)


def _typed_in_ascii(text: str) -> str:
    return regex.sub(r"(?m)^[ⅠⅡⅢⅣⅤⅥ]", lambda m: ASCII[m.group(0)], text)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.parent.name)
def test_a_text_typing_its_sections_in_ascii_reads_as_the_same_text_with_numerals(path: Path, tmp_path: Path):
    text = path.read_text("utf-8")
    typed = tmp_path / "input.txt"
    typed.write_text(_typed_in_ascii(text), "utf-8")
    assert typed.read_text("utf-8") != text
    # The same rows, their 項目 cells with the letters as typed (as the PDF's reader keeps them).
    want = [
        [_typed_in_ascii(r.item) if f == "item" else r.to_dict()[f] for f in SIX]
        for r in extract_document(path).records
    ]
    result = extract_document(typed)
    assert [[r.to_dict()[f] for f in SIX] for r in result.records] == want
    assert all(not regex.match("[ⅠⅡⅢⅣⅤⅥ]", r.item) for r in result.records)
    assert any("typed in ASCII letters" in n for n in result.notes)


def test_only_letters_before_a_section_heading_are_read():
    text = "I基本情報\nII 特定個人情報ファイルの概要\nIT推進課\nVI評価実施手続\nIV．その他のリスク対策\nV字"
    assert section_numerals(text) == (
        "Ⅰ基本情報\nⅡ 特定個人情報ファイルの概要\nIT推進課\nⅥ評価実施手続\nⅣ．その他のリスク対策\nV字",
        4,
    )
    # A heading wrapped right after its opening still counts; a word that merely opens alike not.
    assert section_numerals("III特定個人情報ファイルの取扱いプロセ\nスにおけるリスク対策")[1] == 1
    assert section_numerals("II特定の事務")[1] == 0


@pytest.mark.parametrize(
    "item",
    [
        # One paragraph (a reader that glued the cell's lines): the numeral is the paragraph's
        # only numbering the lexicon's scoring sees.
        "III特定個人情報ファイルの取扱いプロセスにおけるリスク対策 ３．特定個人情報の使用"
        " リスク２：権限のない者によって不正に使用されるリスク",
        "II特定個人情報ファイルの概要３．特定個人情報の入手・使用②入手方法",
    ],
)
def test_an_item_typed_with_ascii_numerals_is_no_unknown_item(item: str):
    """A 項目 cell whose section numeral is typed in letters (a PDF's reader keeps them) scores
    as the same cell with the numeral (``items.heading_score``): no ``item_unknown``, the same
    confidence, the same key."""
    widths = {"item": 200, "before": 40, "after": 40, "explanation": 24}
    typed = record_of({**BASE, "item": item}, widths=widths)
    numeral = record_of({**BASE, "item": section_numerals(item)[0]}, widths=widths)
    assert "item_unknown" not in typed.flags
    assert (typed.flags, typed.confidence, typed.item_key) == (
        numeral.flags,
        numeral.confidence,
        numeral.item_key,
    )


MIXED = sorted(
    p / "input.txt"
    for s in ("office-itemkey54", "heldout-itemkey54")
    for p in (SAMPLES / s).iterdir()
    if p.is_dir() and (p / "input.txt").exists() and not p.name.endswith("-layout")
)


def _squash(text: str) -> str:
    return regex.sub(r"\s+", "", text)


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", _squash(text))


def test_a_text_typing_some_sections_in_ascii_keeps_each_cell_as_printed():
    """Tables that type ``II 特定…`` in one row and print ``Ⅱ　特定…`` in another (branch
    itemkey54's samples, every extractor's text but -layout): a 項目 cell read whole keeps its own
    printing, II or Ⅱ (before, every Ⅱ of a text that typed one II came out as II: 24 texts)."""
    wrong, whole, rows = [], 0, 0
    for path in MIXED:
        truth = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
        printed = {_nfkc(t["item"]): _squash(t["item"]) for t in truth}
        for rec in extract_document(path).records:
            want = printed.get(_nfkc(rec.item))
            whole += want is not None
            if want is not None and _squash(rec.item) != want:
                wrong.append((path.parent.name, rec.item, want))
        rows += len(truth)
    assert whole >= rows // 2, (whole, rows)  # the 項目 cells read whole, the numeral aside
    assert wrong == []


@pytest.mark.parametrize(
    "split, numeral",
    [("ⅠⅠ", "Ⅱ"), ("Ⅰ Ⅰ", "Ⅱ"), ("ⅠⅠⅠ", "Ⅲ"), ("ⅠⅤ", "Ⅳ"), ("ⅤⅠ", "Ⅵ")],
)
def test_a_numeral_split_by_an_extractor_reads_as_the_numeral(split: str, numeral: str):
    heading = {
        "Ⅱ": "特定個人情報ファイルの概要",
        "Ⅲ": "特定個人情報ファイルの取扱いプロセスにおけるリスク対策",
    }
    heading |= {"Ⅳ": "その他のリスク対策", "Ⅵ": "評価実施手続"}
    assert section_numerals(f"{split}{heading[numeral]}\n") == (f"{numeral}{heading[numeral]}\n", 1)
    # Not before another heading, not in a word.
    assert section_numerals(f"{split}の事務\n")[1] == 0


@pytest.mark.parametrize("path", CASES[:2], ids=lambda p: p.parent.name)
def test_a_text_whose_numerals_an_extractor_split_reads_as_printed(path: Path, tmp_path: Path):
    """``ⅠⅠ特定…`` (Ⅱ split into two Ⅰ) gives the rows and the cells of the text printing Ⅱ: the
    form prints the numeral, no one types ⅠⅠ; a note says the numerals were read."""
    text = path.read_text("utf-8")
    split = tmp_path / "input.txt"
    split.write_text(regex.sub(r"(?m)^Ⅱ", "ⅠⅠ", text), "utf-8")
    assert split.read_text("utf-8") != text
    want = [[r.to_dict()[f] for f in SIX] for r in extract_document(path).records]
    result = extract_document(split)
    assert [[r.to_dict()[f] for f in SIX] for r in result.records] == want
    assert any("were read as Ⅰ…Ⅵ" in n for n in result.notes)


def test_full_width_letters_read_as_numerals_and_come_back_as_typed():
    text, printings, count = read_section_numerals(
        "ＩＩ　特定個人情報ファイルの概要\nⅡ特定個人情報ファイルの概要\n"
    )
    assert (text, count) == ("Ⅱ　特定個人情報ファイルの概要\nⅡ特定個人情報ファイルの概要\n", 1)
    assert [p.typed for p in printings] == ["ＩＩ", ""]
