"""Tables with an extra column second, between 変更日 and 項目 (担当課 / 区分 / 番号 …), printed
by LibreOffice Calc (.xlsx) and LibreOffice Writer (.docx), with their flattened texts (branch
extracols63).

    python tools/make_extracols63_samples.py                            # both sets
    python tools/make_extracols63_samples.py --set office-extracols63   # or heldout-extracols63

Set XXIV's t05 (python-docx → Writer, 担当課 between 変更日 and 項目) was read with every row
warned in ``-layout`` text (the column's label taken out, its cells left where they stood) and
with the date wrapped (``2023`` / ``年 12`` / ``月`` / ``8`` / ``日 市民課 Ⅵ …``) in row-ordered
text.  The tables, words, labels and machinery are ``make_extracols62_samples``'s (its
``_look`` / ``_pdf``, with shapes of this branch): ``office-extracols63`` (tuning) draws from the
tuning tables with a 担当課 or 区分 column second; ``heldout-extracols63`` (measure only, never
tune on it) from the held-out tables, labels and words, with a 所管課 / 担当部署 or a 番号 column
second.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_extracols62_samples as x62
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import SetCase, made_sets_main

SETS = {"office-extracols63": False, "heldout-extracols63": True}
MAKERS = ("writer", "calc")
TUNING_SHAPES = {"deptsecond": (0, "dept", 1, 2, 3, 4, 5), "kindsecond": (0, "kind", 1, 2, 3, 4, 5)}
HELDOUT_SHAPES = {"deptsecond": (0, "dept", 1, 2, 3, 4, 5), "numsecond": (0, "num", 1, 2, 3, 4, 5)}


def _names(heldout: bool) -> list[str]:
    """Each shape printed by both makers."""
    prefix = "hx63" if heldout else "x63"
    shapes = HELDOUT_SHAPES if heldout else TUNING_SHAPES
    return [f"{prefix}-{maker}-{shape}" for shape in shapes for maker in MAKERS]


README = """# {name}: an extra column second, between 変更日 and 項目 (branch extracols63)

Tables with a column beyond the six between 変更日 and 項目 (担当課 / 所管課 / 担当部署 with a
section's name, 区分 with 修正 / 追加 …, 番号 with `1` or `2-3`), printed by LibreOffice Writer
(`*-writer-*`, a .docx) and Calc (`*-calc-*`, an .xlsx), as set XXIV's t05 prints its 担当課.
The extra column is no field: the truth (`expected/records.json`) is the six fields as written.
Each case is the PDF and 7 texts (`<case>-<extractor>`: pypdfium2, pdftotext -raw / plain /
-layout, pdfminer, pdfplumber, pypdf); the columns of each case in `cases.json`.

`samples/office-extracols63` (tuning): 担当課 or 区分 second, tuning tables and words.
`samples/heldout-extracols63` (held out: measure on it, never tune on it): 所管課 / 担当部署 or
変更箇所No. / 項番 second, held-out tables and words.

    python tools/make_extracols63_samples.py
    python tools/eval_office.py samples/office-extracols63 samples/heldout-extracols63 --total
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    # The 62 generator's look and print, with this branch's shapes (its shapes are looked up
    # by name in these dicts).
    x62.TUNING_SHAPES.update(TUNING_SHAPES)
    x62.HELDOUT_SHAPES.update(HELDOUT_SHAPES)
    for name in _names(heldout):
        look = x62._look(name, heldout)
        pdf = x62._pdf(name, look, work)
        settings = {"program": x62.PROGRAMS[look["maker"]], **{k: v for k, v in look.items() if k != "rows"}}
        yield name, pdf, chromium_expected(pdf, look["rows"]), settings


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, x62.TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
