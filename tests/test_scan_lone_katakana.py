"""A katakana look-alike alone between kanji or hiragana is the kanji (issue 11).

``tests/data/scan_lone_katakana/page-3.*``: tesseract's real read of page 3 of
samples/office-scanmerge/writer-sm-kokuho scanned at 300 dpi (``tools/bench_scan.py --office
samples/office-scanmerge --generate 300``; ``tools/ocr_cache.save_scans``, the TSV gzipped): the
after cell ``[ 特に力を入れて行っている ]`` was read ``[特にカを入れて行っている１``."""

from __future__ import annotations

import gzip
import json

from piatable.extract.ocr.lone_katakana import lone_katakana_to_kanji
from piatable.extract.ocr.page_scan import PageScan
from piatable.extract.ocr.reader import scans_to_reading
from piatable.pipeline import reading_to_result
from piatable.settings import Settings

from .conftest import ROOT

DATA = ROOT / "tests" / "data" / "scan_lone_katakana"


def test_lone_katakana_in_a_real_read_is_written_as_the_kanji_and_flagged():
    tsv = gzip.decompress((DATA / "page-3.tsv.gz").read_bytes()).decode("utf-8")
    scan = PageScan.from_json(json.loads((DATA / "page-3.json").read_text("utf-8")), tsv)
    settings = Settings()
    result = reading_to_result(scans_to_reading([scan], "scan", 1, settings.ocr), "page-3", settings)
    rows = [r for r in result.records if "特に" in (r.after or "")]
    assert rows and all("特に力を入れて" in r.after and "カ" not in r.after for r in rows)
    assert all("ocr_corrected" in r.flags for r in rows)


def test_katakana_words_counters_and_list_marks_stay():
    for text in (
        "３カ月以内",
        "数カ所の",
        "何カ国",
        "ICカード",
        "はカードを",
        "（エ）住民",
        "カ 特定",
        "システムエンジニア",
    ):
        assert lone_katakana_to_kanji(text) == text
    assert lone_katakana_to_kanji("パンチ入カ及び") == "パンチ入力及び"
    assert lone_katakana_to_kanji("第ニ条") == "第二条"
    assert lone_katakana_to_kanji("十ニ月") == "十二月"
