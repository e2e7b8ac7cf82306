"""Tables with a 変更区分 column between 項目 and 変更前 (追加 / 修正 / 削除 …), printed by
LibreOffice Calc (.xlsx) and LibreOffice Writer (.docx), with their flattened texts (branch
roworder68).

    python tools/make_roworder68_samples.py                             # both sets
    python tools/make_roworder68_samples.py --set office-roworder68     # or heldout-roworder68

Set XXIX's t01 (openpyxl → Calc, ``変更日 | 項目 | 変更区分 | 変更前の記載 | …``) was read right
from the PDF and ``-layout``, and 0 of 14 rows right from every row-ordered text: the kind value
``修正`` read as the 変更前 and the real before into 変更後 (or, in pdfminer's text, as an
explanation).  The tables, words and machinery are ``make_extracols62_samples``'s (its ``_look``
/ ``_pdf``), with a kind column third: ``office-roworder68`` (tuning) draws from the tuning
tables with a 変更区分 / 区分 column and the words 修正 / 追加 / 削除; ``heldout-roworder68``
(measure only, never tune on it) from the held-out tables, with labels 種別 / 修正区分 and the
words 変更 / 新規 / 廃止 / 追加.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_extracols62_samples as x62
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import SetCase, made_sets_main

SETS = {"office-roworder68": False, "heldout-roworder68": True}
MAKERS = ("calc", "writer")
TEXTS = (*x62.TEXTS, "pymupdf")
TUNING_SHAPES = {"kindthird": (0, 1, "kind", 2, 3, 4, 5), "kindthirdb": (0, 1, "kind", 2, 3, 4, 5)}
HELDOUT_SHAPES = {"kindthird": (0, 1, "kind", 2, 3, 4, 5), "kindthirdb": (0, 1, "kind", 2, 3, 4, 5)}
TUNING_LABELS = ("変更区分", "区分")
HELDOUT_LABELS = ("種別", "修正区分")
TUNING_WORDS = ("修正", "追加", "削除")
HELDOUT_WORDS = ("変更", "新規", "廃止", "追加")


def _names(heldout: bool) -> list[str]:
    """Each shape (two seeds of one column order) printed by both makers."""
    prefix = "hro68" if heldout else "ro68"
    shapes = HELDOUT_SHAPES if heldout else TUNING_SHAPES
    return [f"{prefix}-{maker}-{shape}" for shape in shapes for maker in MAKERS]


README = """# {name}: a 変更区分 column between 項目 and 変更前 (branch roworder68)

Tables with a kind column third, between 項目 and 変更前の記載 (変更区分 / 区分 / 種別 / 修正区分
with 修正 / 追加 / 削除, or 変更 / 新規 / 廃止 / 追加), printed by LibreOffice Calc (`*-calc-*`, an
.xlsx) and Writer (`*-writer-*`, a .docx), as set XXIX's t01 prints its 変更区分.  The kind
column is no field: the truth (`expected/records.json`) is the six fields as written.  Each case
is the PDF and 8 texts (`<case>-<extractor>`: pypdfium2, pdftotext -raw / plain / -layout,
pdfminer, pdfplumber, pypdf, PyMuPDF); the columns and kind values of each case in `cases.json`.

`samples/office-roworder68` (tuning): 変更区分 / 区分 with 修正 / 追加 / 削除, tuning tables.
`samples/heldout-roworder68` (held out: measure on it, never tune on it): 種別 / 修正区分 with
変更 / 新規 / 廃止 / 追加, held-out tables.

    python tools/make_roworder68_samples.py
    python tools/eval_office.py samples/office-roworder68 samples/heldout-roworder68 --total
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    # The 62 generator's look and print, with this branch's shape, labels and words.
    x62.TUNING_SHAPES.update(TUNING_SHAPES)
    x62.HELDOUT_SHAPES.update(HELDOUT_SHAPES)
    x62.TUNING_LABELS["kind"] = TUNING_LABELS
    x62.HELDOUT_LABELS["kind"] = HELDOUT_LABELS
    x62.TUNING_WORDS["kind"] = TUNING_WORDS
    x62.HELDOUT_WORDS["kind"] = HELDOUT_WORDS
    for name in _names(heldout):
        look = x62._look(name, heldout)
        try:
            pdf = x62._pdf(name, look, work)
        except SystemExit as e:  # a cell the program did not print whole (a wrap it hid): left out
            print(f"{e}: case left out", file=sys.stderr)
            continue
        settings = {"program": x62.PROGRAMS[look["maker"]], **{k: v for k, v in look.items() if k != "rows"}}
        yield name, pdf, chromium_expected(pdf, look["rows"]), settings


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
