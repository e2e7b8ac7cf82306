"""Shift_JIS-2004 texts and undecodable bytes (set XXIX FAULTS B2), and viewers' copies whose
cells run together (pdf.js "select all + copy", FAULTS B1): branch decode68.

The encoded files are written here with Python's codecs from our own sample texts; the copies
are samples/office-pdfjs68's (pdf.js 4 itself, and its copy without whitespace-only items, of
LibreOffice Calc / Writer PDFs)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.extract.text_decoding import UNDECODED_MARK, decode_bytes, decode_text
from piatable.normalize.glued_copy import GLUED_COPY_MARK, part_glued_cells, unglue_label_line

from .conftest import SAMPLES

SET = SAMPLES / "office-pdfjs68"
# A Writer pdfium text of ours holding 「－」 cells (U+FF0D: 0x817C in CP932, 0x81AF in
# Shift_JIS-2004) and ～: one case of samples/office-pdfjs68 (its Edge copy, less the line-end spaces).
SOURCE = SET / "p68-writer-municipal-edge" / "input.txt"


def _six(result) -> list[tuple]:  # type: ignore[no-untyped-def]
    return [(r.change_date, r.item, r.before, r.after, r.timing, r.explanation) for r in result.records]


@pytest.fixture(scope="module")
def source_text() -> str:
    text = SOURCE.read_bytes().decode("utf-8").replace("\r\n", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")) + "\n－\n"


def test_shift_jis_2004_text_reads_as_its_utf8_twin(tmp_path, source_text):
    """A Shift_JIS-2004 file whose － CP932 cannot read is read whole, as its UTF-8 twin is."""
    data = source_text.replace("\n", "\r\n").encode("shift_jis_2004")
    with pytest.raises(UnicodeDecodeError):
        data.decode("cp932")  # the byte pair 0x81AF: no CP932 character
    assert decode_bytes(data, "x.txt") == source_text.replace("\n", "\r\n")
    sjis, utf8 = tmp_path / "sjis2004.txt", tmp_path / "utf8.txt"
    sjis.write_bytes(data)
    utf8.write_text(source_text, "utf-8")
    got, want = extract_document(sjis), extract_document(utf8)
    assert got.status == want.status and want.records
    assert _six(got) == _six(want)


def test_cp932_text_is_not_read_as_shift_jis_2004(source_text):
    """CP932's －/～ bytes mean −/〜 in Shift_JIS-2004: a text CP932 reads is read as CP932."""
    text = source_text + "期間：４月～６月\n"
    assert decode_bytes(text.encode("cp932"), "x.txt") == text


def test_an_undecodable_byte_reads_the_rest_and_flags_its_row(tmp_path, source_text):
    """One byte no encoding reads: the input is read (partial, noted), U+FFFD in its place, the
    row holding it flagged unmapped_glyphs; the other rows as the clean file reads them."""
    clean = source_text.encode("cp932")
    cell = next(ln for ln in source_text.split("\n") if "窓口" in ln and " " in ln)  # a before / after line
    broken_line = cell.encode("cp932")
    bad = broken_line.replace(b" ", b"\x81 ", 1)  # a lead byte with no trail byte: no encoding reads it
    data = clean.replace(broken_line, bad, 1)
    assert data != clean
    decoded = decode_text(data, "x.txt")
    assert decoded.replaced == 1 and decoded.count("\ufffd") == 1
    path = tmp_path / "broken.txt"
    path.write_bytes(data)
    result = extract_document(path)
    assert result.status == "partial"
    assert any(UNDECODED_MARK in n and n.startswith("1 characters") for n in result.notes)
    holding = [r for r in result.records if "\ufffd" in "".join((r.item, r.before, r.after, r.explanation))]
    assert len(holding) == 1 and "unmapped_glyphs" in holding[0].flags
    clean_path = tmp_path / "clean.txt"
    clean_path.write_bytes(clean)
    want = extract_document(clean_path)
    assert len(result.records) == len(want.records)
    others = [a for a, r in zip(_six(result), result.records, strict=True) if r is not holding[0]]
    assert all(a in _six(want) for a in others)


def test_utf8_file_with_one_bad_byte_is_read_as_utf8(source_text):
    data = source_text.encode("utf-8")
    data = data[:40] + b"\x80" + data[40:]  # a stray continuation byte between characters
    cut = data.find(b"\x80")
    if data[cut - 1] >= 0x80:  # inside a character: put it after a line end instead
        data = source_text.encode("utf-8").replace(b"\n", b"\n\x80", 1)
    decoded = decode_text(data, "x.txt")
    assert decoded.encoding == "utf-8" and decoded.replaced == 1
    assert decoded.replace("\ufffd", "") == source_text


def test_glued_label_rows_and_cells_are_parted():
    assert unglue_label_line("変更日項目変更内容提出時") == "変更日 項目 変更内容 提出時"
    assert unglue_label_line("変更前の記載変更後の記載") == "変更前の記載 変更後の記載"
    assert (
        unglue_label_line("変更日項目変更区分変更前の記載変更後の記載提出時期提出時期に係る説明")
        == "変更日 項目 変更区分 変更前の記載 変更後の記載 提出時期 提出時期に係る説明"
    )
    assert unglue_label_line("委託先が再委託を行う") is None
    assert unglue_label_line("提出時期に係る説明") is None  # one label: nothing glued
    assert part_glued_cells("事後組織改編による担当部署") == "事後 組織改編による担当部署"
    assert part_glued_cells("（記載なし）委託先が再委託を") == "（記載なし） 委託先が再委託を"
    assert part_glued_cells("削除事後リスク対策の追加") == "削除 事後 リスク対策の追加"
    assert part_glued_cells("[○]宛名システム等[　]宛名システム等") == "[○]宛名システム等 [　]宛名システム等"
    assert part_glued_cells("2018/4/1事後") == "2018/4/1 事後"
    # prose keeps its words: 事前 after a particle, a date's own 時点
    assert part_glued_cells("委託先に事前承認を得る") == "委託先に事前承認を得る"
    assert part_glued_cells("令和3年4月1日時点") == "令和3年4月1日時点"


def _expected(folder: Path) -> list[dict]:
    return json.loads((folder / "expected" / "records.json").read_text("utf-8"))


def _squashed(v: str | None) -> str:
    return "".join((v or "").split())


@pytest.mark.parametrize("case", ["p68-writer-juki", "p68-calc-juki", "p68-calc-zeimu"])
def test_glued_pdfjs_copy_reads_every_row(case):
    """pdf.js's copy with runs glued (no whitespace items; 0 rows before the glued labels, dates
    and timings were parted): every row read with its 提出時期, some rows whole, and every row
    that is not right flagged (a 変更前 glued into its 変更後 cannot be cut back); the note says so."""
    folder = SET / f"{case}-pdfjs-nospace"
    assert b"\r\n" in (folder / "input.txt").read_bytes()
    result = extract_document(folder / "input.txt")
    want = _expected(folder)
    assert len(result.records) == len(want)
    assert [r.timing for r in result.records] == [w["timing"] for w in want]
    assert any(GLUED_COPY_MARK in n for n in result.notes)
    keys = ("change_date", "item", "before", "after", "timing", "explanation")
    pairs = zip(result.records, want, strict=True)
    right = [all(_squashed(getattr(r, k)) == _squashed(w[k]) for k in keys) for r, w in pairs]
    assert sum(right) >= 2
    assert all(r.flags for r, ok in zip(result.records, right, strict=True) if not ok)


def test_pdfjs_copy_with_spaces_reads_as_pypdfium2():
    """pdf.js 4's own copy (a space between runs, CR LF, no page breaks): every row right."""
    folder = SET / "p68-calc-juki-pdfjs"
    result = extract_document(folder / "input.txt")
    want = _expected(folder)
    assert [(r.change_date, r.item, r.before, r.after) for r in result.records] == [
        (w["change_date"], w["item"], w["before"], w["after"]) for w in want
    ]
    assert not any(GLUED_COPY_MARK in n for n in result.notes)  # a spaced text is no glued copy
