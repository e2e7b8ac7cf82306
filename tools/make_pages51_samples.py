"""Calc tables over three pages with a page header and a page-number footer (issues 10 / 12,
branch pages51): the sheet's page header (its 評価書名, openpyxl ``oddHeader``) printed at the
top of every page was read as the page's first one-line cells in ``pdftotext -raw`` / pypdfium2
text (every date and timing after a break a row off, with no flag), and appended to the last row
of the page before in ``pdftotext -layout -nopgbrk`` text (set XII c2, FAULTS.md kinds 1 and 6).

    python tools/make_pages51_samples.py                          # both sets
    python tools/make_pages51_samples.py --set office-pages51      # or heldout-pages51

Each case: a run of a pool's rows (``make_boxes42_samples._pool``) in a look
``make_office_samples.plain_case`` draws, by Calc, with a manual page break every
``ROWS_PER_PAGE`` rows (or none: LibreOffice's own breaks over ``AUTO_ROWS`` rows), the label row
repeated (``print_title_rows``), a page header drawn from ``HEADERS`` (at the centre or the left)
and a footer from ``FOOTERS`` (``1/3``, ``- 1 -``, ``1 / 3``); in half the cases a 提出時期 column
narrow enough to wrap its label (``提出時`` / ``期``).  ``office-pages51`` (tuning) draws from the
tuning tables' rows in the tuning fonts; ``heldout-pages51`` (measure only, never tune on it)
from the held-out tables' rows in the held-out fonts and headers.  Texts: pypdfium2,
``pdftotext -raw``, ``pdftotext -layout`` and ``pdftotext -layout -nopgbrk`` (the case folder
``…-pdftotext-layout-nopgbrk``).
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import _pool
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case

# Page headers (a 評価書名 and the form), the tuning set's and the held-out set's.
TUNING_HEADERS = (
    "住民基本台帳に関する事務 全項目評価書",
    "地方税の賦課徴収に関する事務 全項目評価書",
    "国民健康保険に関する事務 重点項目評価書",
)
HELDOUT_HEADERS = (
    "介護保険に関する事務　全項目評価書",
    "児童手当の支給に関する事務 基礎項目評価書",
)
# Footers (LibreOffice's page fields): ``1/3``, ``- 1 -``, ``1 / 3``.
FOOTERS = ("&P/&N", "- &P -", "&P / &N")
# Rows per page of a manual break (None: LibreOffice breaks the pages itself over AUTO_ROWS rows).
ROWS_PER_PAGE = (4, 5, None)
AUTO_ROWS = 20
# A 提出時期 column this narrow (Calc width units) wraps its label as ``提出時`` / ``期``.
NARROW_TIMING = 6
TUNING_CASES = 6
HELDOUT_CASES = 4
# The texts each case keeps (the nopgbrk text is written by ``_nopgbrk_texts``).
TEXTS = ("pypdfium2", "pdftotext-raw", "pdftotext-layout")
NOPGBRK = "pdftotext-layout-nopgbrk"

# Case name → (header text, header place, footer): read by ``_write_xlsx`` when the case is made.
_FURNITURE: dict[str, tuple[str, str, str]] = {}
_plain_write_xlsx = office.write_xlsx


def _write_xlsx(path: Path, case: Case) -> None:
    """``make_office_samples.write_xlsx``, then the case's page header and footer set."""
    from openpyxl import load_workbook

    _plain_write_xlsx(path, case)
    furniture = _FURNITURE.get(case.name)
    if furniture is None:
        return
    head, place, foot = furniture
    wb = load_workbook(path, rich_text=True)
    ws = wb.active
    getattr(ws.oddHeader, place).text = head
    getattr(ws.oddHeader, place).size = 9
    ws.oddFooter.center.text = foot
    ws.oddFooter.center.size = 9
    wb.save(path)


def _case(name: str, pool: list[dict], heldout: bool) -> Case:
    rng = random.Random(f"piatable-pages51-{name}")
    per_page = rng.choice(ROWS_PER_PAGE)
    n = 3 * per_page - rng.randrange(2) if per_page else AUTO_ROWS
    start = rng.randrange(len(pool) - n)
    c = office.plain_case(name, pool[start : start + n], "calc", heldout=heldout)
    widths = list(c.widths)
    if rng.random() < 0.5:
        widths[4] = NARROW_TIMING
    headers = HELDOUT_HEADERS if heldout else TUNING_HEADERS
    _FURNITURE[name] = (rng.choice(headers), rng.choice(("center", "left")), rng.choice(FOOTERS))
    return replace(
        c,
        widths=tuple(widths),
        rows_per_page=per_page,
        repeat_header=True,
        merge=False,
        real_dates=False,
        fallback_glyphs="○□",
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    pool = _pool(heldout)
    out = []
    for k in range(1, (HELDOUT_CASES if heldout else TUNING_CASES) + 1):
        name = f"{'h' if heldout else ''}p51-calc-{k}"
        while name in redrawn:
            name += "-r"
        out.append(_case(name, pool, heldout))
    return out


def _nopgbrk_texts(root: Path) -> None:
    """Beside each case's PDF, ``pdftotext -layout -nopgbrk``'s text with the case's records."""
    for pdf in sorted(root.glob("*/input.pdf")):
        folder = root / f"{pdf.parent.name}-{NOPGBRK}"
        (folder / "expected").mkdir(parents=True, exist_ok=True)
        text = subprocess.run(
            ["pdftotext", "-layout", "-nopgbrk", "-enc", "UTF-8", str(pdf), "-"],
            check=True,
            capture_output=True,
        ).stdout.decode("utf-8")
        (folder / "input.txt").write_text(text, "utf-8")
        records = (pdf.parent / "expected" / "records.json").read_text("utf-8")
        (folder / "expected" / "records.json").write_text(records, "utf-8")


def _furniture_in_manifest(root: Path) -> None:
    """Each case's page header and footer added to the set's ``cases.json``."""
    path = root / "cases.json"
    manifest = json.loads(path.read_text("utf-8"))
    for name, settings in manifest.items():
        if name in _FURNITURE:
            head, place, foot = _FURNITURE[name]
            settings.update({"page_header": head, "page_header_place": place, "page_footer": foot})
    path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")


SETS = split_sets("pages51", _cases)


def main(argv: list[str] | None = None) -> int:
    office.write_xlsx = _write_xlsx
    office.EXTRACTORS = TEXTS
    rc = build_redrawn(SETS, __doc__, argv)
    ns = office.parse_set_args(__doc__, list(SETS), argv)
    for name in ns.set:
        _nopgbrk_texts(SETS[name][0])
        _furniture_in_manifest(SETS[name][0])
    return rc


if __name__ == "__main__":
    raise SystemExit(main())
