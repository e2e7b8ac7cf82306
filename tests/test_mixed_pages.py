"""Two tables' texts from different extractors joined in one text (break22): a ``pdftotext
-layout`` text, then a pypdfium2 or ``-raw`` text after a form feed.  The text is read as
``-layout`` throughout, so the second table's rows are wrong; the document must say so (partial,
a note naming the pages), while a ``-layout`` text alone stays quiet."""

from __future__ import annotations

import pytest

from piatable.extract.mixed_pages import pages_of_other_kind
from piatable.pipeline import extract_document

from .conftest import SAMPLES

LAYOUT = SAMPLES / "office-flow22" / "f22-calc-juki-pdftotext-layout" / "input.txt"


@pytest.mark.parametrize("other", ["f22-calc-kokuho-pypdfium2", "f22-writer-kokuho-pdftotext-raw"])
def test_another_extractors_pages_in_a_layout_text_are_named_and_partial(tmp_path, other):
    first = LAYOUT.read_text("utf-8").rstrip("\f")
    second = (SAMPLES / "office-flow22" / other / "input.txt").read_text("utf-8").rstrip("\f")
    joined = tmp_path / "joined.txt"
    joined.write_text(first + "\f" + second, "utf-8")
    pages = first.count("\f") + 1
    others = list(range(pages + 1, pages + second.count("\f") + 2))
    assert pages_of_other_kind(joined.read_text("utf-8"), layout=True) == others
    result = extract_document(joined)
    assert result.status == "partial"
    run = f"page {others[0]}" if len(others) == 1 else f"pages {others[0]}-{others[-1]}"
    assert any(n.startswith(f"{run}: one printed line per line") for n in result.notes), result.notes
    alone = extract_document(LAYOUT)
    assert alone.status == "success"
    assert not any("one printed line per line" in n for n in alone.notes)


def test_layout_pages_in_a_text_read_line_by_line_are_named_and_partial(tmp_path):
    """The other way round: a short ``-layout`` text before a longer pypdfium2 text is read line
    by line as a whole, and its ``-layout`` pages are the ones named."""
    first = LAYOUT.read_text("utf-8").rstrip("\f")
    others = [
        (SAMPLES / "office-flow22" / f"f22-{c}-pypdfium2" / "input.txt").read_text("utf-8").rstrip("\f")
        for c in ("calc-kokuho", "writer-kokuho", "calc-juki")
    ]
    joined = tmp_path / "joined.txt"
    joined.write_text("\f".join([first, *others]), "utf-8")
    pages = first.count("\f") + 1
    assert pages_of_other_kind(joined.read_text("utf-8"), layout=False) == list(range(1, pages + 1))
    result = extract_document(joined)
    assert result.status == "partial"
    run = "page 1" if pages == 1 else f"pages 1-{pages}"
    assert any(n.startswith(f"{run}: cells side by side (pdftotext -layout)") for n in result.notes), (
        result.notes
    )
