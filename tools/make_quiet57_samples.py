"""A held-out set for the warnings on right rows of text read without positions (issue 12, branch
quiet57): Calc and Writer tables, and the texts of the extractors whose right rows session 56's
unseen set XVIII warned about most (``pdftotext -raw``, pdfplumber's ``extract_text()``,
PyMuPDF's words made into lines), also with pages joined by line ends (``+nl``).  Measure on it,
never tune on it.

    python tools/make_quiet57_samples.py            # samples/heldout-quiet57

Cases: a Calc and a Writer table with merged date / 提出時期 / 説明 cells in narrow columns (a
date may wrap in its cell), and a Calc and a Writer table of one row per date.  Rows come from
the held-out tables (``samples/heldout/tables``) only; each case keeps its PDF and
``QUIET57_TEXTS``.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as mos
from make_honest56_samples import _table

SET = "heldout-quiet57"
ROOT = mos.SAMPLES / SET
QUIET57_TEXTS = (
    "pdftotext-raw",
    "pdftotext-raw+nl",
    "pdfplumber",
    "pdfplumber+nl",
    "pymupdf-words",
    "pymupdf-words+nl",
)


def cases() -> list[mos.Case]:
    """The set's four cases (module docstring), their looks drawn from the held-out pools."""
    narrow_calc = mos.HELDOUT_CALC_WIDTHS[1]
    narrow_writer = mos.HELDOUT_WRITER_WIDTHS[1]
    merged_calc = mos.plain_case(
        "hq57-merged-calc", _table("koseki_fuhyo", "jidou_teate"), "calc", True, "slash"
    )
    merged_calc = replace(merged_calc, merge=True, widths=narrow_calc, valign="top", rows_per_page=None)
    merged_writer = mos.plain_case(
        "hq57-merged-writer", _table("kaigo_hoken", "yobou_sesshu"), "writer", True, "wareki"
    )
    merged_writer = replace(merged_writer, merge=True, widths=narrow_writer)
    calc = mos.plain_case("hq57-plain-calc", _table("yobou_sesshu", "kaigo_hoken"), "calc", True)
    calc = replace(calc, merge=False, widths=mos.HELDOUT_CALC_WIDTHS[0], real_dates=False)
    writer = mos.plain_case("hq57-plain-writer", _table("jidou_teate", "koseki_fuhyo"), "writer", True)
    writer = replace(writer, merge=False)
    return [merged_calc, merged_writer, calc, writer]


def build() -> None:
    """``ROOT`` made anew: each case's PDF, texts and truth, and ``cases.json``."""
    made_cases = cases()
    with tempfile.TemporaryDirectory() as tmp:
        made = mos.render(made_cases, Path(tmp))
        if ROOT.exists():
            shutil.rmtree(ROOT)
        manifest: dict = {}
        for case in made_cases:
            _, pdf, expected = made[case.name]
            manifest[case.name] = mos.write_case_with_texts(ROOT, case, pdf, expected, QUIET57_TEXTS)
            pages = manifest[case.name]["pages"]
            print(f"{SET}/{case.name}: {len(expected)} rows, {pages} pages", file=sys.stderr)
    mos.write_manifest(ROOT, manifest)


if __name__ == "__main__":
    build()
