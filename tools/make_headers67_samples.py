"""Amendment tables whose column labels are printed vertically (縦書き), letter-spaced or
distributed over their cells (均等割り付け) (branch headers67: set XXVIII kinds 8 and 9).

    python tools/make_headers67_samples.py                            # both sets
    python tools/make_headers67_samples.py --set office-headers67     # or heldout-headers67

A new user's tables printed their column labels so that no label was one word of the text:

- Chromium, ``writing-mode: vertical-rl`` labels in narrow columns (変更日, 提出時期, 説明 stacked a
  character a line, the other labels across): pdfplumber interleaves the stacked characters
  with the labels printed across, pdftotext prints each a character a line (``vert`` looks);
- Chromium, CSS ``letter-spacing`` (``spaced``: ``変 更 日``, or so wide that each character is a
  word of its own: ``wide``) or ``text-align-last: justify`` (``justify``: the label spread
  over its cell);
- LibreOffice Calc, the label cells' horizontal alignment ``distributed``
  (``変　　更　　日`` in layout text, ``calc``).

Each case prints a contiguous run of a sample table's rows (``make_office_samples.plain_case``)
under such labels.  ``office-headers67`` (tuning) prints the tuning tables in the tuning looks;
``heldout-headers67`` (measure only, never tune on it) the held-out tables in other fonts,
sizes, spacings and widths.  Each case keeps its PDF and the texts of ``TEXTS``.
"""

from __future__ import annotations

import html
import random
import shutil
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_chromium54_samples import FONT_DIR, _expected, _print
from make_office_samples import (
    _four_tables,
    _printable,
    load_table,
    parse_set_args,
    plain_case,
    render,
    write_json,
    write_manifest,
)
from make_pdfs import EXTRACTORS, LABELS, extract_text

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-headers67": False, "heldout-headers67": True}
TEXTS = (*EXTRACTORS, "pdfplumber", "pdfplumber-layout", "pypdf", "pymupdf", "pymupdf-sort")
ROWS = (6, 8)
# Chromium looks, each on one of the set's tables in turn.
LOOKS = ("vert", "vertall", "spaced", "wide", "justify")
# (font files, sizes pt, letter-spacings em (``spaced``), wide spacings em, column widths %)
TUNING_CSS = (
    ("opentype/ipaexfont-gothic/ipaexg.ttf", "opentype/ipaexfont-mincho/ipaexm.ttf"),
    (9.0, 10.0),
    (0.4, 0.6),
    (1.2, 1.6),
    ((6, 18, 29, 29, 5, 13), (7, 17, 28, 28, 6, 14)),
)
HELDOUT_CSS = (
    ("opentype/noto/NotoSansCJK-Regular.ttc", "opentype/ipaexfont-mincho/ipaexm.ttf"),
    (8.5, 9.5),
    (0.3, 0.8),
    (1.0, 2.0),
    ((8, 17, 27, 27, 6, 15), (7, 16, 29, 29, 5, 14)),
)
# Labels stacked in ``vert`` (narrow columns); ``vertall`` stacks every label.
VERTICAL_LABELS = ("変更日", "提出時期", "提出時期に係る説明")


def _cell(text: str) -> str:
    return "<br>".join(html.escape(p) for p in text.split("\n"))


def _html(rows: list[dict], look: dict) -> str:
    """The page: the title, a table whose thead repeats on every printed page, its labels in
    the look's style."""
    kind = look["kind"]
    heads = []
    for lab in LABELS:
        vertical = kind == "vertall" or (kind == "vert" and lab in VERTICAL_LABELS)
        heads.append(f'<th class="{"v" if vertical else "h"}">{lab}</th>')
    body = []
    for r in rows:
        cells = [f'<td class="d">{html.escape(r["change_date_raw"])}</td>']
        cells += [f"<td>{_cell(r[f])}</td>" for f in ("item", "before", "after")]
        cells.append(f'<td class="t">{html.escape(r["timing"])}</td>')
        cells.append(f"<td>{_cell(r['explanation'])}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    spacing = {"spaced": look["spacing"], "wide": look["wide"]}.get(kind, 0)
    th = f"letter-spacing: {spacing}em;" if spacing else ""
    if kind == "justify":
        th = "text-align: justify; text-align-last: justify; text-justify: inter-character;"
    cols = "".join(f'<col style="width:{w}%">' for w in look["widths"])
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@font-face {{ font-family: W; src: url({(FONT_DIR / look["font"]).as_uri()}); }}
@page {{ size: A4 landscape; margin: 12mm; }}
body {{ font-family: W; font-size: {look["size"]}pt; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
thead {{ display: table-header-group; }}
td, th {{ border: 0.5pt solid #000; padding: 2pt; vertical-align: top; }}
td.t {{ text-align: center; }}
th {{ font-weight: normal; {th} }}
th.v {{ writing-mode: vertical-rl; text-align: center; vertical-align: middle; letter-spacing: 0; }}
tr {{ break-inside: avoid; }}
</style></head><body><p>（別添２）変更箇所</p><table><colgroup>{cols}</colgroup>
<thead><tr>{"".join(heads)}</tr></thead><tbody>{"".join(body)}</tbody></table></body></html>"""


def _rows(heldout: bool, t: int, path: Path, name: str) -> tuple[random.Random, list[dict]]:
    rng = random.Random(f"piatable-headers67-{name}")
    pool = _printable(load_table(path))
    n = rng.choice(ROWS)
    first = rng.randrange(max(len(pool) - n, 0) + 1)
    return rng, pool[first : first + n]


def _chromium_cases(heldout: bool) -> list[tuple[str, list[dict], dict]]:
    """One case per look (``LOOKS``), the set's tables taken in turn, named ``[h]hd67-<look>-<table>``."""
    fonts, sizes, spacings, wides, widths = HELDOUT_CSS if heldout else TUNING_CSS
    tables = _four_tables(heldout)
    out = []
    for k, kind in enumerate(LOOKS):
        table, path = tables[k % len(tables)]
        name = f"{'h' if heldout else ''}hd67-{kind}-{table}"
        rng, rows = _rows(heldout, k, path, name)
        c = plain_case(name, rows, "writer", heldout)
        look = {
            "kind": kind,
            "font": rng.choice(fonts),
            "size": rng.choice(sizes),
            "spacing": rng.choice(spacings),
            "wide": rng.choice(wides),
            "widths": rng.choice(widths),
        }
        out.append((name, c.rows, look))
    return out


def _calc_cases(heldout: bool) -> list:
    """Two Calc cases whose label cells are aligned ``distributed``, named ``[h]hd67-calc-<table>``."""
    out = []
    for k, (table, path) in enumerate(_four_tables(heldout)[1:3]):
        name = f"{'h' if heldout else ''}hd67-calc-{table}"
        _, rows = _rows(heldout, k, path, name)
        c = plain_case(name, rows, "calc", heldout)
        out.append(replace(c, label_align="distributed", rows_per_page=None, texts=False))
    return out


def _write(root: Path, name: str, pdf: Path, expected: list[dict]) -> None:
    folder = root / name
    (folder / "expected").mkdir(parents=True, exist_ok=True)
    if pdf != folder / "input.pdf":
        shutil.copy(pdf, folder / "input.pdf")
    write_json(folder / "expected" / "records.json", expected)
    for tool in TEXTS:
        tfolder = root / f"{name}-{tool}"
        (tfolder / "expected").mkdir(parents=True)
        (tfolder / "input.txt").write_text(extract_text(folder / "input.pdf", tool), "utf-8")
        write_json(tfolder / "expected" / "records.json", expected)


def build(root: Path, heldout: bool) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    manifest = {}
    for name, rows, look in _chromium_cases(heldout):
        pdf = root / name / "input.pdf"
        _print(_html(rows, look), pdf)
        try:
            expected = _expected(pdf, rows)
        except ValueError:  # a glyph the font's text layer names otherwise: the look's other font
            fonts = (HELDOUT_CSS if heldout else TUNING_CSS)[0]
            look["font"] = next(f for f in fonts if f != look["font"])
            _print(_html(rows, look), pdf)
            expected = _expected(pdf, rows)
        _write(root, name, pdf, expected)
        program = "Chromium --headless --print-to-pdf (.html)"
        manifest[name] = {"program": program, **look, "rows": len(expected)}
        print(f"{root.name}/{name}: {len(expected)} rows", file=sys.stderr)
    cases = _calc_cases(heldout)
    with tempfile.TemporaryDirectory() as tmp:
        made = render(cases, Path(tmp))
        for case in cases:
            _, pdf, expected = made[case.name]
            _write(root, case.name, pdf, expected)
            manifest[case.name] = {
                "program": "LibreOffice Calc (.xlsx)",
                "font": case.font,
                "size": case.size,
                "label_align": case.label_align,
                "rows": len(expected),
            }
            print(f"{root.name}/{case.name}: {len(expected)} rows", file=sys.stderr)
    write_manifest(root, manifest)
    role = (
        "Held out: measured only, never tune on it (other tables, fonts, sizes, spacings, widths)."
        if heldout
        else "Tuning set."
    )
    (root / "README.md").write_text(f"# {root.name}\n\n{role}\n\n{__doc__}", "utf-8")


def main(argv: list[str] | None = None) -> int:
    ns = parse_set_args(__doc__, list(SETS), argv)
    for name in ns.set:
        build(ROOT / "samples" / name, SETS[name])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
