"""Characters beyond the BMP that pdfium gives as two UTF-16 code units are mended before any
writer sees them (``normalize/surrogates.py``): a Writer table with an IVS (辻 + U+E0100) and a
CJK Extension B kanji (𠮷) stopped the whole run with ``UnicodeEncodeError`` in the JSON writer."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from piatable.models import DocumentResult, Record
from piatable.normalize.surrogates import mend_result_surrogates, mend_surrogates
from piatable.pipeline import extract_document

PDF = Path(__file__).parent / "data" / "ivs68" / "ivs_writer.pdf"
IVS = "辻\U000e0100"


def test_pairs_are_joined_and_lone_halves_replaced():
    assert mend_surrogates("辻\udb40\udd00太郎") == (IVS + "太郎", 0)
    assert mend_surrogates("\ud842\udfb7田") == ("𠮷田", 0)
    assert mend_surrogates("課長\udb40") == ("課長\ufffd", 1)
    assert mend_surrogates("既に\ufffdあり") == ("既に\ufffdあり", 0)


def test_a_lone_half_flags_its_row_and_is_noted():
    rec = Record("x", 0, 1, 1, None, "", "項目", ["項目"], "前\udd00", "後", "事後", "説明")
    result = DocumentResult("x", records=[rec], notes=["note \udb40"])
    mend_result_surrogates(result)
    assert rec.before == "前\ufffd" and "unmapped_glyphs" in rec.flags
    assert result.notes[0] == "note \ufffd" and "1 characters" in result.notes[-1]


def test_the_writer_pdf_reads_its_variation_sequence_and_extension_b_kanji(tmp_path):
    records = extract_document(PDF).records
    assert IVS in records[0].before and "𠮷田花子" in records[0].after
    assert not any(0xD800 <= ord(c) <= 0xDFFF for r in records for c in r.before + r.after)
    out = tmp_path / "out.json"
    run = subprocess.run(
        [str(Path(sys.executable).with_name("piatable")), "extract", str(PDF), "-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert run.returncode == 0, run.stderr
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert [r["timing"] for r in rows] == ["事後", "事前"]
    assert IVS in rows[0]["before"]
