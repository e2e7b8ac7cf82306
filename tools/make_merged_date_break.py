"""Calc tables whose 変更日 cells are merged over page breaks and centred or bottom-aligned.

    python tools/make_merged_date_break.py [OUT]     # default: tests/data/merged_date_break

LibreOffice Calc draws such a cell's text on every page the cell spans, clipped to the part of
the cell on that page, so only one page shows the date: the rows on the other page print no
date (found by the unseen set's tester).  Each case is a tuning table
(``make_office_samples.TUNING_TABLES``) printed as ``make_office_samples.calcbreak_case`` prints
it (manual page breaks every 2–4 rows, merges over them), with only the date column merged and
all cells centred or bottom-aligned; the .xlsx goes through .ods to PDF
(``make_office_samples.convert``).  Writes ``<case>.pdf`` and ``<case>.json`` (the expected
records, from the table, not from piatable).  Needs LibreOffice (soffice).
"""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_office_samples as m

ROOT = Path(__file__).resolve().parent.parent
FIELDS = ("change_date", "change_date_raw", "item", "before", "after", "timing", "explanation")
# The tables and alignments committed (others gave no row without its date).
CASES = (("seed", "bottom"), ("seed", "center"), ("juki", "bottom"), ("zeimu", "bottom"))


def main(argv: list[str] | None = None) -> int:
    out = Path((argv or sys.argv[1:] or [str(ROOT / "tests" / "data" / "merged_date_break")])[0])
    out.mkdir(parents=True, exist_ok=True)
    tables = list(m.TUNING_TABLES.items())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        names = []
        for name, valign in CASES:
            k = [t for t, _ in tables].index(name)
            case = m.calcbreak_case(
                f"calc-mbreak-{name}-{valign}", m.load_table(tables[k][1]), heldout=False, k=k
            )
            case = replace(case, valign=valign, merge_keys=("change_date_raw",))
            m.write_xlsx(work / f"{case.name}.xlsx", case)
            names.append(case.name)
            rows = [{f: r[f] for f in FIELDS} for r in case.rows]
            (out / f"{case.name}.json").write_text(
                json.dumps(rows, ensure_ascii=False, indent=1) + "\n", "utf-8"
            )
        m.convert([work / f"{n}.xlsx" for n in names], work)
        for n in names:
            (out / f"{n}.pdf").write_bytes((work / f"{n}.pdf").read_bytes())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
