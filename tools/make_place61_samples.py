"""Tables with a place column (変更箇所 / 該当頁 / 頁・行: ``3頁 5行``) between 項目 and 変更前, with
their flattened texts (issues 10 and 12, branch cols61).

    python tools/make_place61_samples.py                          # both sets
    python tools/make_place61_samples.py --set office-place61     # or heldout-place61

Set XXII's t02 (Chromium, ``変更日 | 項目 | 変更箇所 | 変更前の記載 | …``) glued the column's
``3頁 5行`` into the item in its PDF and texts, and in pypdf / PyMuPDF texts put it at the head of
変更前 or cut 変更前's start, unwarned.  Each case here is a run of consecutive rows of the set's
pool printed by headless Chromium (an HTML table, ``@page`` A3 or A4 landscape, the header row
repeated on every page as a ``thead``), in a font and size of the set's, with a place column of
the set's labels and reference shapes (``TUNING_REFS`` / ``HELDOUT_REFS``) right of 項目.  The
``*-long`` cases print the rows of three tables over two or three A4 pages, whole rows a page;
the ``*-break`` cases let rows break over pages (no ``break-inside: avoid``).  The
truth (``expected/records.json``) is the six fields as written: the place column is no field.
``office-place61`` (tuning) draws from the tuning tables; ``heldout-place61`` (measure only,
never tune on it) from the held-out tables, with labels, shapes and sizes of its own.  Each case
keeps its PDF and the texts of ``TEXTS`` (pages joined by form feeds, ``+nl`` line ends, ``+j0``
nothing).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_bikou55_samples import CHROMIUM_WIDTHS, _rows, build_chromium_set, table_html
from make_office_samples import build_named
from make_pdfs import LABELS

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-place61": False, "heldout-place61": True}
TEXTS = (
    "pdfplumber",
    "pdfplumber+nl",
    "pdfplumber-layout",
    "pypdf",
    "pypdf+nl",
    "pypdf+j0",
    "pymupdf",
    "pymupdf+nl",
    "pypdfium2+nl",
    "pdftotext-raw",
    "pdftotext-layout",
    "pdfminer",
)
SHAPES = ("a", "long", "break")
LONG_ROWS = (10, 13)
# The runs of rows a ``long`` or ``break`` case prints.
RUNS = 3
TUNING_SIZES = (8.0, 9.0, 10.0)
HELDOUT_SIZES = (7.5, 9.5, 11.0)
TUNING_LABELS = ("変更箇所", "該当頁")
HELDOUT_LABELS = ("頁・行", "変更箇所")
# A reference's shape: page and line numbers put in.
TUNING_REFS = ("{p}頁 {l}行", "{p}頁")
HELDOUT_REFS = ("{p}頁{l}行", "{p}頁 {l}行目")
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAexMincho", "IPAexGothic")
PLACE_PCT = 7


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-place61-{name}")
    shape = name.split("-")[-1]
    # Runs of several tables: enough rows for two or three A4 pages.
    rows = [r for _ in range(1 if shape == "a" else RUNS) for r in _rows(rng, heldout, LONG_ROWS)]
    ref = rng.choice(HELDOUT_REFS if heldout else TUNING_REFS)
    return {
        "shape": shape,
        "rows": rows,
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        "paper": "A3" if shape == "a" else "A4",
        "label": rng.choice(HELDOUT_LABELS if heldout else TUNING_LABELS),
        "places": tuple(ref.format(p=rng.randint(2, 40), l=rng.randint(1, 30)) for _ in rows),
        "valign": rng.choice(("top", "center")),
        "widths": rng.choice(CHROMIUM_WIDTHS),
    }


def _html(look: dict) -> str:
    fields = ("change_date_raw", "item", "before", "after", "timing", "explanation")
    labels = [LABELS[0], LABELS[1], look["label"], *LABELS[2:]]
    widths = [w * (100 - PLACE_PCT) / 100 for w in look["widths"]]
    widths = [widths[0], widths[1], PLACE_PCT, *widths[2:]]
    rows = [
        [r[fields[0]], r[fields[1]], look["places"][i], *(r[f] for f in fields[2:])]
        for i, r in enumerate(look["rows"])
    ]
    return table_html(look, labels, widths, rows, keep=look["shape"] != "break")


def _names(heldout: bool) -> list[str]:
    prefix = "hp61" if heldout else "p61"
    return [f"{prefix}-chromium-{shape}" for shape in SHAPES]


README = """# {name}: a place column (変更箇所 / 該当頁 / 頁・行) between 項目 and 変更前 (cols61)

Tables printed by headless Chromium (an HTML table, A3 or A4 landscape, the header row repeated as
a `thead`) with a column of page/line references (`3頁 5行`) between 項目 and 変更前; `*-long`:
rows of three tables over A4 pages, whole rows a page; `*-break`: the same, rows may break over
pages.  The place column is no field: the truth (`expected/records.json`) is the six fields as
written.  Each case is the PDF and 12 texts
(`<case>-<extractor>`: pdfplumber plain (form feeds, `+nl`) and `layout=True`, pypdf plain (form
feeds, `+nl`, `+j0`), PyMuPDF (form feeds, `+nl`), pypdfium2 `+nl`, pdftotext -raw / -layout,
pdfminer); settings per case in `cases.json`.

`samples/office-place61` (tuning): labels 変更箇所 / 該当頁, references `3頁 5行` / `3頁`.
`samples/heldout-place61` (held out: measure on it, never tune on it): labels 頁・行 / 変更箇所,
references `3頁5行` / `3頁 5行目`, the held-out tables and sizes.

    python tools/make_place61_samples.py
    python tools/eval_office.py samples/office-place61 samples/heldout-place61 --total
"""


def build(root: Path, heldout: bool) -> None:
    build_chromium_set(
        root, _names(heldout), lambda name: _look(name, heldout), _html, TEXTS, README.format(name=root.name)
    )


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return build_named(argv, __doc__, SETS, lambda name: build(ROOT / "samples" / name, SETS[name]))


if __name__ == "__main__":
    raise SystemExit(main())
