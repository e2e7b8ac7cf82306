"""Amendment tables printed by Gnumeric (``ssconvert`` from the .xlsx), AbiWord (``abiword --to=pdf``
from the .docx) and LibreOffice Calc with a narrow 変更日 column, for pdfplumber's
``page.extract_text()`` text (issues 10/12, branch plumber52).

    python tools/make_plumber52_samples.py                            # both sets
    python tools/make_plumber52_samples.py --set office-plumber52     # or heldout-plumber52

As tools/make_plumber51_samples.py (a contiguous run of a pool of tables' rows in a look drawn
by ``make_office_samples.varied_case``, column widths scaled, row count drawn), with its own seed
and three kinds of case (set XIII's kind 7):

- ``gnumeric``: a Calc look printed by Gnumeric, its 変更日 column ``DATE_UNITS`` wide (a date
  wraps: ``令和4年4`` / ``月1日``, set XIII's t09) and the short labels a
  table's author may type (``SHORT_LABELS``: t09's ``変更前`` / ``変更後`` / ``説明``);
- ``abiword``: a Writer look printed by AbiWord (equal column widths whatever the .docx says);
- ``calc``: a Calc look whose 変更日 column is ``DATE_UNITS`` wide.

The rest of each look is ``varied_case``'s (merged cells, vertical alignment), dates as text.

``office-plumber52`` (tuning) draws ``TUNING_CASES`` cases per kind from the tuning tables' rows;
``heldout-plumber52`` (measure only, never tune on it) ``HELDOUT_CASES`` per kind from the held-out
tables' rows, in the held-out fonts.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_flow22_samples as flow
import make_office_samples as office
from make_boxes42_samples import _pool, scaled_run
from make_flow22_samples import build_redrawn
from make_office_samples import Case
from make_plumber48_samples import REDRAWS_MAX, ROW_COUNTS, WIDTH_SCALES

TUNING_CASES = 2
HELDOUT_CASES = 2
# Kind → (maker, program).
KINDS = {"gnumeric": ("calc", "gnumeric"), "abiword": ("writer", "abiword"), "calc": ("calc", "libreoffice")}
# The 変更日 column (Excel width units) narrow enough that a date wraps after its year or month.
DATE_UNITS = (6.0, 7.0, 8.0)
SHORT_LABELS = ("変更日", "項目", "変更前", "変更後", "提出時期", "説明")


def _case(name: str, pool: list[dict], kind: str, heldout: bool) -> Case:
    maker, program = KINDS[kind]
    c, widths, rng = scaled_run("plumber52", name, pool, maker, heldout, ROW_COUNTS, WIDTH_SCALES)
    font = rng.choice(office.HELDOUT_FONTS) if heldout else c.font
    labels = c.labels
    if maker == "calc":
        widths = (rng.choice(DATE_UNITS), *widths[1:])
        c = replace(c, real_dates=False)  # a real date cell too narrow prints ###
    if kind == "gnumeric":
        labels = SHORT_LABELS
    # ○ and □ (lacking in the held-out fonts) are left out of the truth check, as boxes42's.
    return replace(c, widths=widths, font=font, fallback_glyphs="○□", program=program, labels=labels)


SETS = flow.kind_sets("plumber52", "p52", KINDS, (HELDOUT_CASES, TUNING_CASES), _pool, _case)


def main(argv: list[str] | None = None) -> int:
    flow.REDRAWS_MAX = REDRAWS_MAX
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
