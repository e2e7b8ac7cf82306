"""Amendment tables printed by LibreOffice Calc and Writer, Gnumeric (``ssconvert``) and headless
Chromium, each with the texts of two more extractors, pypdf and PyMuPDF (issues 10/12, branch
pypdf53).

    python tools/make_pypdf53_samples.py                          # both sets
    python tools/make_pypdf53_samples.py --set office-pypdf53     # or heldout-pypdf53

Each case keeps its PDF, the five extractors' texts (``make_pdfs.EXTRACTORS``) and
``PdfReader(f).pages[i].extract_text()`` (``-pypdf``) and ``page.get_text("text")``
(``-pymupdf``), pages joined with form feeds: the texts a pypdf or PyMuPDF user holds.

The office cases are tools/make_plumber52_samples.py's kind of draw (a contiguous run of a pool
of tables' rows in a look ``make_office_samples.varied_case`` draws: merged dates, vertical
alignment, widths scaled), seeded ``pypdf53``, in three kinds (``KINDS``).  The Chromium cases
are an HTML table printed to PDF (``make_pdfs.render_html_pdf``) in Noto Sans CJK
(``CHROMIUM_FONT``), whose one glyph for ・ and U+2027 makes pypdf, pdfminer and pdfplumber read
the middle dot as ‧ (set XIV's t11); their rows are drawn from the pool's rows that print ・.

``office-pypdf53`` (tuning) draws from the tuning tables' rows; ``heldout-pypdf53`` (measure
only, never tune on it) from the held-out tables' rows, in the held-out fonts.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_flow22_samples as flow
import make_office_samples as office
from make_boxes42_samples import _pool, scaled_run
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, write_json
from make_pdfs import chromium_binary, extract_text, render_html_pdf
from make_plumber48_samples import REDRAWS_MAX, ROW_COUNTS, WIDTH_SCALES

# The texts each case keeps: the five, then pypdf's and PyMuPDF's.
PYPDF53_TEXTS = office.PYPDF_TEXTS
# Kind → (maker, program); tuning and held-out sets draw these cases per kind.
KINDS = {
    "calc": ("calc", "libreoffice"),
    "writer": ("writer", "libreoffice"),
    "gnumeric": ("calc", "gnumeric"),
}
CASES_PER_KIND = {"calc": 2, "writer": 1, "gnumeric": 1}
# Chromium: the CJK font whose shared ・/‧ glyph set XIV met; sizes (pt); rows per table (its
# Type 3 fonts make some 60 KB of PDF a row).
CHROMIUM_FONT = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"
CHROMIUM_SIZES = (9.0, 10.0)
CHROMIUM_ROWS = 4


def _case(name: str, pool: list[dict], kind: str, heldout: bool) -> Case:
    maker, program = KINDS[kind]
    c, widths, rng = scaled_run("pypdf53", name, pool, maker, heldout, ROW_COUNTS, WIDTH_SCALES)
    font = rng.choice(office.HELDOUT_FONTS) if heldout else c.font
    # ○ and □ (lacking in the held-out fonts) are left out of the truth check, as boxes42's.
    return replace(c, widths=widths, font=font, fallback_glyphs="○□", program=program)


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``CASES_PER_KIND`` cases per kind, named ``[h]y53-<kind>-v<k>`` (``flow.numbered_cases``)."""
    pool = _pool(heldout)
    tag = f"{'h' if heldout else ''}y53"
    return flow.numbered_cases(
        tag, tuple(CASES_PER_KIND.items()), redrawn, lambda name, kind, k: _case(name, pool, kind, heldout)
    )


def _chromium_rows(pool: list[dict], rng: random.Random) -> list[dict]:
    """``CHROMIUM_ROWS`` contiguous rows of ``pool`` starting at a row drawn among those that
    print ・ in 項目, 変更前 or 変更後 (the text fields only, as render_html_pdf prints them)."""
    dotted = [
        i for i, r in enumerate(pool) if any("・" in str(r.get(f) or "") for f in ("item", "before", "after"))
    ]
    start = min(rng.choice(dotted), max(0, len(pool) - CHROMIUM_ROWS))
    return [dict(r) for r in pool[start : start + CHROMIUM_ROWS]]


def add_chromium_case(root: Path, heldout: bool) -> None:
    """One Chromium case under ``root`` (PDF, the ``PYPDF53_TEXTS``, expected records) and its
    entry in ``root/cases.json``; nothing when Chromium is not installed."""
    if chromium_binary() is None:
        print("chromium not installed: no Chromium case", file=sys.stderr)
        return
    name = f"{'h' if heldout else ''}y53-chromium-v1"
    rng = random.Random(f"piatable-pypdf53-{name}")
    rows = _chromium_rows(_pool(heldout), rng)
    size = rng.choice(CHROMIUM_SIZES)
    valign = rng.choice(("top", "middle"))
    folder = root / name
    if folder.exists():
        shutil.rmtree(folder)
    pdf = folder / "input.pdf"
    expected = render_html_pdf(pdf, rows, CHROMIUM_FONT, size, valign)
    write_json(folder / "expected" / "records.json", expected)
    for tool in PYPDF53_TEXTS:
        tfolder = root / f"{name}-{tool}"
        if tfolder.exists():
            shutil.rmtree(tfolder)
        (tfolder / "expected").mkdir(parents=True)
        (tfolder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
        write_json(tfolder / "expected" / "records.json", expected)
    manifest_path = root / "cases.json"
    manifest = json.loads(manifest_path.read_text("utf-8")) if manifest_path.exists() else {}
    manifest[name] = {
        "program": "Chromium --print-to-pdf (.html)",
        "font": Path(CHROMIUM_FONT).name,
        "size_pt": size,
        "valign": valign,
        "texts": True,
        "rows": len(expected),
        "pages": expected[-1]["page_end"] if expected else 0,
    }
    write_json(manifest_path, manifest)
    print(f"{root.name}/{name}: {len(expected)} rows", file=sys.stderr)


SETS = split_sets("pypdf53", _cases)


def main(argv: list[str] | None = None) -> int:
    flow.REDRAWS_MAX = REDRAWS_MAX
    code = build_redrawn(SETS, __doc__, argv)
    for name in office.parse_set_args(__doc__, list(SETS), argv).set:
        add_chromium_case(SETS[name][0], heldout=name.startswith("heldout"))
    return code


if __name__ == "__main__":
    raise SystemExit(main())
