"""A second read of the lines tesseract was unsure of, at another scale (extract/ocr/second_reads.py):
look-alikes, the doubt and when it stands, the one tesseract call, the grammar's certainty."""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from piatable.extract.ocr import strips
from piatable.extract.ocr.engine import TsvWord
from piatable.extract.ocr.ink import binarize, paper_tone
from piatable.extract.ocr.lookalikes import lookalike_key
from piatable.extract.ocr.second_reads import SecondRead, second_read_unsure, still_in_doubt, unsure_lines
from piatable.models import CellLine, Doubt, RawRow
from piatable.settings import Settings


def test_look_alikes_share_a_key_and_other_characters_do_not():
    assert lookalike_key("サーバ 室") == lookalike_key("サ一バ室")  # ー / 一, a space
    assert lookalike_key("ロ座") == lookalike_key("口座")
    assert lookalike_key("ＬＧＷＡＮ、１") == lookalike_key("LGWAN，1")  # widths, 、/，
    assert lookalike_key("人力") == lookalike_key("入カ")
    assert lookalike_key("①部署") != lookalike_key("①部暑")
    assert lookalike_key("2023/4/1") != lookalike_key("2023/4/7")


def test_the_doubt_quotes_both_reads_and_stands_while_the_first_read_does():
    r = SecondRead(0, 0, 10, 10, "①部暑", "①部署", 81.2)
    assert r.disagrees
    assert "'①部暑'" in r.why and "'①部署'" in r.why and "81" in r.why
    assert still_in_doubt(r.why, "①部暑")  # the cell still reads as first read
    assert not still_in_doubt(r.why, "①部署")  # corrected to the second read: they agree
    # The corrections rewrote the stretch where the reads differ (a form heading): it is theirs.
    r = SecondRead(0, 0, 10, 10, "出特定個人情報ファイルの取扱い", "川特定個人情報ファイルの取扱い", 79.5)
    assert not still_in_doubt(r.why, "Ⅲ特定個人情報ファイルの取扱い")
    assert not SecondRead(0, 0, 1, 1, "サーバ室", "サ一バ室", 80).disagrees


def test_settled_after_the_corrections():
    from piatable.extract.ocr.second_reads import settle_second_reads

    why = SecondRead(0, 0, 1, 1, "①部暑", "①部署", 81.2).why
    kept, gone = RawRow(), RawRow()
    kept.cells["item"] = [CellLine("①部暑", conf=81.2)]
    gone.cells["item"] = [CellLine("①部署", conf=81.2)]
    for row in (kept, gone):
        row.doubts.append(Doubt("ocr_suspect", "item", why))
        row.doubts.append(Doubt("ocr_suspect", "item", "another doubt"))
    assert settle_second_reads([kept, gone]) == 1
    assert [d.why for d in kept.doubts] == [why, "another doubt"]
    assert [d.why for d in gone.doubts] == ["another doubt"]


def test_only_lines_under_the_threshold_are_read_again():
    words = [
        TsvWord("事", 0, 0, 10, 10, 96.0, (1, 1, 1)),
        TsvWord("前", 10, 0, 10, 10, 91.0, (1, 1, 1)),
        TsvWord("令", 0, 20, 10, 10, 97.0, (2, 1, 2)),
        TsvWord("和", 10, 20, 10, 10, 62.0, (2, 1, 2)),
    ]
    assert list(unsure_lines(words, 90.0)) == [(2, 1, 2)]
    assert list(unsure_lines(words, 92.0)) == [(1, 1, 1), (2, 1, 2)]


def _font(size: int) -> ImageFont.FreeTypeFont:
    for path in (
        "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
        "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf",
    ):
        try:
            return ImageFont.truetype(path, size)
        except OSError:
            continue
    pytest.skip("no IPAex Gothic font")


def _cells_image(texts: list[str], size: int = 17) -> tuple[np.ndarray, list]:
    """Six cells side by side, one line of text each (a six-column table's row), on white."""
    widths = [150, 240, 240, 240, 80, 240]
    img = Image.new("L", (sum(widths) + 20, 60), 255)
    draw = ImageDraw.Draw(img)
    cells = []
    x = 10
    for w, text in zip(widths, texts, strict=True):
        draw.text((x + 8, 18), text, font=_font(size), fill=0)
        cells.append(strips._Cell(x, 4, x + w, 56))
        x += w
    return np.asarray(img), cells


def test_one_tesseract_call_reads_every_unsure_line_of_a_page(monkeypatch):
    """The unsure lines of a page are stacked on one image: one call, whatever their number; the
    second read's words come back on the page, in the cells they were cut from."""
    from piatable.extract.ocr import second_reads

    gray, cells = _cells_image(["2023/4/1", "①部署", "市民課", "市民窓口課", "事後", "組織改正"])
    s = Settings().ocr
    s.second_read_below = 101.0  # every line is unsure
    pieces = strips._cut_cells(gray, binarize(gray), cells, 17.0, s)
    words = strips._read_strip(pieces, paper_tone(gray), 17, 17, s)
    calls: list[tuple[int, int]] = []
    real = second_reads.tesseract_chars

    def counted(image, *args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(image.shape)
        return real(image, *args, **kwargs)

    monkeypatch.setattr(second_reads, "tesseract_chars", counted)
    found: list[SecondRead] = []
    out = second_read_unsure(words, pieces, cells, binarize(gray), 17.0, paper_tone(gray), s, found)
    assert len(calls) == 1
    assert len(found) == len(unsure_lines(words, 101.0)) >= 5
    by_first = {r.first: r for r in found}
    assert by_first["市民窓口課"].second == "市民窓口課"  # read twice, alike: no doubt
    assert not by_first["市民窓口課"].disagrees
    assert out == words  # no date or timing cell broke its grammar: the text is as first read
    for r in found:  # each line's box lies in its own cell
        assert any(c.x0 <= r.x0 and r.x1 <= c.x1 for c in cells)


def test_a_date_cell_takes_the_second_read_only_when_the_grammar_is_certain():
    """Six cells (x0 0, 100 … 500); the 変更日 cell's unsure line read ``2023/4/l日`` (no date)
    and again ``2023/4/1`` (a date): taken.  A 項目 cell's is never taken, nor a date's second
    read that is no date either."""
    from piatable.extract.ocr.second_reads import _grammar_takes

    cells = [strips._Cell(100 * k, 0, 100 * k + 90, 40) for k in range(6)]

    def line(text: str, block: int, conf: float = 70.0, no: int = 1) -> list[TsvWord]:
        return [
            TsvWord(ch, 100 * (block - 1) + 8 * i, 10, 8, 12, conf, (block, 1, no))
            for i, ch in enumerate(text)
        ]

    words = line("2023/4/l日", 1) + line("①部署", 2, 95.0, 2)
    unsure = unsure_lines(words, 90.0)
    assert _grammar_takes((1, 1, 1), line("2023/4/1", 1, 96.0, 9), words, unsure, cells)
    assert not _grammar_takes((1, 1, 1), line("2023/4/", 1, 96.0, 9), words, unsure, cells)
    words = line("2023/4/1", 1) + line("①部暑", 2, 70.0, 2)
    unsure = unsure_lines(words, 90.0)
    assert not _grammar_takes((1, 1, 1), line("2023/4/7", 1, 96.0, 9), words, unsure, cells)  # a date already
    assert not _grammar_takes((2, 1, 2), line("①部署", 2, 96.0, 9), words, unsure, cells)  # no grammar there


CASE = "samples/scan-ocr41/calc-mincho-200-t1"


@pytest.fixture(scope="module")
def scanned_case():  # type: ignore[no-untyped-def]
    """A LibreOffice Calc table (IPAex Mincho, 200 dpi JPEG) read live, second reads off and on."""
    import json
    from dataclasses import replace

    from piatable.pipeline import extract_document

    from .conftest import ROOT

    folder = ROOT / CASE
    expected = json.loads((folder / "expected" / "records.json").read_text("utf-8"))
    out = {}
    for on in (False, True):
        settings = Settings()
        settings.ocr = replace(settings.ocr, second_read=on, workers=1)  # one strip a page: as measured
        out[on] = extract_document(folder / "input.jpg", settings=settings).records
    return expected, out


def test_a_wrong_row_of_a_scan_is_warned_by_its_second_read(scanned_case):
    """The Calc IPAex Mincho scan at 200 dpi: tesseract read ``①ＩＤ及び…`` as ``1D及び…``
    (confidence 89), and the corrections made it ``ＩＤ及び…``: the ① is lost and nothing said
    so.  Read again at 1.5× the line reads ``①1】D及び…``: the cell is ``ocr_suspect:before``,
    the evidence quoting both reads; the text is as first read (no grammar for running text)."""
    expected, records = scanned_case
    lost = "＜中間サーバーにおける措置＞\nＩＤ及びパスワードによる認証を行う。"
    assert expected[3]["before"] == "＜中間サーバーにおける措置＞\n①ＩＤ及びパスワードによる認証を行う。"
    before = next(r for r in records[False] if r.before == lost)
    after = next(r for r in records[True] if r.before == lost)
    assert "ocr_suspect:before" not in before.flags
    assert "ocr_suspect:before" in after.flags
    why = next(e for e in after.evidence if "read twice" in e)
    assert "'1D及びパスワードによる認証を行う。'" in why and "read again '①" in why


def test_no_right_row_of_the_scan_gets_a_second_read_doubt(scanned_case):
    expected, records = scanned_case
    six = ("change_date", "item", "before", "after", "timing", "explanation")
    truth = {tuple("".join(str(e.get(f) or "").split()) for f in six) for e in expected}
    right = [
        r for r in records[True] if tuple("".join(str(getattr(r, f) or "").split()) for f in six) in truth
    ]
    assert len(right) >= 5
    for r in right:
        assert not any("read twice" in e for e in r.evidence), r.evidence


def _committed(case: str) -> tuple[list[dict], list[dict]]:
    """(records read from the committed tesseract reads of a scan sample, its truth)."""
    import json

    from piatable.extract.ocr.reader import scans_to_reading
    from piatable.pipeline import reading_to_result

    from .conftest import ROOT

    sys_path = str(ROOT / "tools")
    import sys

    if sys_path not in sys.path:
        sys.path.insert(0, sys_path)
    from ocr_cache import load_scans

    folder = ROOT / case
    settings = Settings()
    scans, _ = load_scans(folder / "ocr")
    reading = scans_to_reading(scans, "scan", len(scans), settings.ocr)
    res = reading_to_result(reading, str(folder), settings)
    return [r.to_dict() for r in res.records], json.loads(
        (folder / "expected" / "records.json").read_text("utf-8")
    )


def test_the_second_reads_of_the_ocr46_scans_doubt_wrong_rows_only():
    """samples/scan-ocr46 (tools/make_ocr46_samples.py; tuning), read from the committed reads
    (each page's second reads kept in its page JSON): every row a second read doubts is wrong,
    and the misread ``10万人以上30万償満`` is put right from the second read, which reads
    plainly better (extract/ocr/better_reads.py), with both reads quoted."""
    six = ("change_date", "item", "before", "after", "timing", "explanation")
    doubted = 0
    for name in ("calc-gothic-300-t3", "calc-mincho-200-t1", "writer-gothic-200-t4", "writer-mincho-300-t2"):
        got, expected = _committed(f"samples/scan-ocr46/{name}")
        truth = {tuple("".join(str(e.get(f) or "").split()) for f in six) for e in expected}
        for g in got:
            whys = [e for e in g["evidence"] if "read twice" in e]
            if whys:
                doubted += 1
                assert tuple("".join(str(g.get(f) or "").split()) for f in six) not in truth, whys
        if name == "writer-gothic-200-t4":
            row = next(g for g in got if "万人未満" in g["after"])
            assert row["after"] == "１０万人以上３０万人未満" and "ocr_corrected" in row["flags"]
            assert any("償満" in e and "'10万人以上30万人未満'" in e for e in row["evidence"])
    assert doubted >= 5
