"""Web viewers' copies read as the text they were copied from, and texts of pages turned with
/Rotate never a silent success (set XXV FAULTS §5 and §10; branch webcopy64).

samples/office-webcopy64 (tools/make_webcopy64_samples.py): Calc, Writer and Chromium tables with
web copies of several extractors' texts (NBSP for spaces and CR LF, a BOM, typographic spaces,
zero-width spaces, U+3000), and Writer / Calc tables whose pages carry /Rotate 90 or 270 with the
texts pdfplumber, pdfminer, pypdf and PyMuPDF give of them.  samples/heldout-webcopy64 is measured
only (tools/eval_office.py), never read here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.extract.poppler_sjis import is_poppler_sjis
from piatable.extract.text import SPACES_NOTE, read_text_with_notes
from piatable.normalize.shown_table import BACKWARDS_NOTE, shown_not_read_note, shown_table
from piatable.normalize.unicode import plain_spaces

SET = Path(__file__).resolve().parent.parent / "samples" / "office-webcopy64"
WEB = sorted(p for p in SET.iterdir() if "+web" in p.name)
TURNED = sorted(p for p in SET.iterdir() if "-rot" in p.name and (p / "input.txt").exists())
SIX = ("change_date", "item", "before", "after", "timing", "explanation")


def test_nbsp_and_typographic_spaces_are_spaces():
    assert plain_spaces("記載なし\xa0番号法\u2002第９条\u202f事前") == ("記載なし 番号法 第９条 事前", 3)
    # An em space is a full-width space (pypdf's for the U+3000 a cell prints: set XXV's t03): kept.
    assert plain_spaces("住民基本台帳に関する事務\u2003全項目評価書 事後") == (
        "住民基本台帳に関する事務\u2003全項目評価書 事後",
        0,
    )
    # A text that writes U+0020 too: its NBSP are spaces all the same.
    assert plain_spaces("a b\xa0c") == ("a b c", 1)


def test_zero_width_spaces_are_spaces_only_where_the_text_writes_no_other():
    # A copy writing U+200B for its spaces (a few em spaces of the document's own beside them).
    text = "2020/7/1\u200b事前\n変更日\u200b項目\u200b変更前\u2009の記載"
    assert plain_spaces(text) == ("2020/7/1 事前\n変更日 項目 変更前 の記載", 4)
    # NBSP spaces with a viewer's break hints after 、: the hints are no spaces (clean_text drops them).
    assert plain_spaces("変更、\u200bなし\xa0事前\xa0修正") == ("変更、\u200bなし 事前 修正", 2)
    assert plain_spaces("a b\u200bc") == ("a b\u200bc", 0)


def test_ideographic_spaces_are_spaces_only_where_they_stand_as_separators():
    copied = "変更日\u3000項目\n2020/7/1\u3000事前\n番号法第１９条\u3000別表"
    assert plain_spaces(copied) == ("変更日 項目\n2020/7/1 事前\n番号法第１９条 別表", 3)
    # The document's own (a choice box, a cell's full-width space) in a text without spaces: kept.
    own = "[\u3000事前\u3000]\n番号法第１９条\u3000別表\n2020/7/1"
    assert plain_spaces(own) == (own, 0)
    # poppler's Shift-JIS text (no ASCII at all) is left for extract.poppler_sjis.
    sjis = "変更日\u3000項目\n２０２０／７／１\u3000事前\n２０２１／４／１\u3000事後"
    assert plain_spaces(sjis) == (sjis, 0) and is_poppler_sjis(sjis)


def test_a_text_of_nbsp_spaces_is_no_shift_jis_text_after_them():
    # Set XXIV's web text (PyMuPDF lines with NBSP for spaces, no ASCII): read as spaces, it holds
    # ASCII and is no poppler Shift-JIS text (rightwarn63's rule kept).
    text = "（別添２）変更箇所\n令和５年４月１日\xa0事前\xa0ＬＧＷＡＮ\u3000接続"
    spaced, _ = plain_spaces(text)
    assert not is_poppler_sjis(spaced) and not is_poppler_sjis(text)


@pytest.mark.parametrize("folder", WEB, ids=lambda p: p.name)
def test_a_web_copy_keeps_no_unicode_space_and_says_so(folder):
    raw = (folder / "input.txt").read_text("utf-8")
    text, notes = read_text_with_notes(folder / "input.txt")
    spaces = "\xa0\u2002\u2007\u2009\u202f\u205f\u200b"
    assert not any(ch in text for ch in spaces + "\ufeff\r")
    # (PyMuPDF's text of a Chromium page may hold no space at all: nothing to say then.)
    if "-ideo" not in folder.name and any(ch in raw for ch in spaces):
        assert any(n.endswith(SPACES_NOTE.split("}", 1)[1]) for n in notes)


@pytest.mark.parametrize("folder", [p for p in WEB if p.name.endswith("pypdfium2+web")], ids=lambda p: p.name)
def test_a_pypdfium2_web_copy_reads_every_row_of_its_table(folder):
    result = extract_document(folder / "input.txt")
    truth = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    assert len(result.records) == len(truth)
    for rec, want in zip(result.records, truth, strict=True):
        assert all("\xa0" not in (getattr(rec, k) or "") for k in ("item", "before", "after", "explanation"))
        assert rec.change_date == want["change_date"] and rec.timing == want["timing"]


def test_a_table_read_backwards_is_shown():
    # pdfplumber's text of a page turned with /Rotate 270: each line's characters last to first.
    text = "所箇更変）２添別（\n明説る係に期時出提\n期時出提\n載記の後更変\n載記の前更変\n目項\n日更変\n後事"
    shown = shown_table(text)
    assert shown.backwards and shown.shows_table()
    note = shown_not_read_note(text)
    assert note is not None and note.endswith(BACKWARDS_NOTE)
    # Upright text is never taken backwards.
    assert not shown_table(text[::-1]).backwards


@pytest.mark.parametrize("folder", TURNED, ids=lambda p: p.name)
def test_a_turned_page_text_is_no_silent_success(folder):
    result = extract_document(folder / "input.txt")
    truth = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    if len(result.records) < len(truth):
        assert result.status == "partial", folder.name
    if "-pdfplumber" in folder.name or "-pdfminer" in folder.name:
        # These lay the turned page out of order: every row read from it is warned.
        want = {tuple(t[k] for k in SIX) for t in truth}
        for r in result.records:
            if tuple(getattr(r, k) for k in SIX) not in want:
                assert r.flags or r.confidence < 0.5, (folder.name, r.item)
