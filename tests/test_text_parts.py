"""A long flattened text is read part by part (extract/text.py): same words, same records."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import piatable
from piatable.extract import text as text_reader
from piatable.extract.text import _stream_parts, read_text, stream_part_bounds, text_to_pages

from .conftest import SAMPLES


def _words(pages):
    return [(w.page, w.line, w.top, w.text) for p in pages for w in p.words]


def _long_seed(copies: int) -> str:
    seed = (SAMPLES / "seed" / "input.txt").read_text("utf-8")
    return "".join(seed + "\n\f" for _ in range(copies))


def test_parts_hold_the_words_of_the_whole_text() -> None:
    text = _long_seed(4) + (SAMPLES / "office" / "calc-seed-pypdfium2" / "input.txt").read_text("utf-8")
    bounds = stream_part_bounds(text, part_chars=5000)
    assert len(bounds) >= 4
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(bounds))
    parts = [w for build in _stream_parts(text, bounds) for w in _words(build())]
    assert parts == _words(text_to_pages(text, layout=False))


def test_a_part_starts_only_at_a_page_that_opens_with_a_date() -> None:
    # Page 2 opens with the rest of a row of page 1 (no date): no cut before it.
    page1 = "2023/2/6\nⅡ概要\n" + "あ" * 50 + "\n事後\n説明"
    text = page1 + "\f続きの行\n" + "い" * 50 + "\f2023/3/1\nⅢ対策\n事前\n説明\n"
    bounds = stream_part_bounds(text, part_chars=10)
    assert [text[a:b].split("\f")[0][:4] for a, b, _ in bounds] == ["2023", "2023"]
    assert bounds[1][2] == 2  # two pages before the second part
    assert stream_part_bounds(text) == [(0, len(text), 0)]  # short: one part


def test_records_read_in_parts_equal_records_read_whole(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "long.txt"
    path.write_text(_long_seed(4), "utf-8")
    whole = piatable.extract_document(path)
    original = text_reader.stream_part_bounds
    monkeypatch.setattr(text_reader, "stream_part_bounds", lambda text: original(text, part_chars=5000))
    assert len(text_reader.stream_part_bounds(read_text(path))) >= 3
    parts = piatable.extract_document(path)
    assert whole.pages == parts.pages and whole.status == parts.status and whole.notes == parts.notes
    assert [r.to_dict() for r in parts.records] == [r.to_dict() for r in whole.records]
    assert [r.row_index for r in parts.records] == list(range(len(whole.records)))
    # The copies repeat the seed's rows: every row after the first copy is a duplicate, also
    # across parts.
    assert sum("duplicate_row" in r.flags for r in parts.records) == 3 * len(parts.records) // 4
