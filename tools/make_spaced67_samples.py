"""Tables whose cells are spread by justification, and sheets printed with their row and column
headings (issue 11, branch spaced67: set XXVIII kinds t12 and t01), made by Chromium and
LibreOffice Calc / Writer.

    python tools/make_spaced67_samples.py                            # both sets
    python tools/make_spaced67_samples.py --set office-spaced67      # or heldout-spaced67

Looks (each a run of consecutive rows of one of the set's four tables, drawn by an RNG seeded
with the case's name; the held-out set draws from the held-out tables, in their fonts and sizes):

* ``chromium``: an HTML table printed by headless Chromium on A4 portrait, every body cell
  ``text-align: justify; text-justify: inter-character``, each paragraph with a hanging indent
  (``padding-left: 1em; text-indent: -1em``), narrow columns, ``zoom`` below 1: a wrapped line's
  characters stand a quarter of an em apart or more (``令 和6年4`` / ``月1日``);
* ``calc-distributed`` / ``writer-distributed``: the text cells distributed (均等割り付け: Calc's
  horizontal "distributed", Word's jc=distribute paragraphs in cells);
* ``calc-headings``: Calc's "print row and column headers" (openpyxl
  ``print_options.headings``): the column letters A–F over the table and the sheet's row numbers
  down its left edge, on every page.

Each case keeps its PDF and the texts of every extractor (``make_office_samples.ALL_TEXTS``).
"""

from __future__ import annotations

import html
import json
import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_chromium54_samples import FONT_DIR, _expected, _print
from make_office_samples import (
    ALL_TEXTS,
    SAMPLES,
    _four_tables,
    _printable,
    build_set,
    load_table,
    plain_case,
    set_arguments,
    write_json,
    write_manifest,
)
from make_pdfs import LABELS, extract_text

SETS = ("office-spaced67", "heldout-spaced67")
USE = {
    False: "tuning",
    True: "held out: measured only, never tune on it (other tables, fonts, sizes, widths and seeds)",
}
README = """{name} ({use})

Tables whose cells are spread by justification (Chromium `text-justify: inter-character` with
hanging indents on A4 portrait; Calc "distributed" and Writer jc=distribute text cells) and Calc
sheets printed with their row and column headings (A-F over the table, row numbers down its
left edge), their PDFs and every extractor's texts, made by `tools/make_spaced67_samples.py`
(branch spaced67, issue 11; set XXVIII kinds t12 and t01).
"""
ROWS = (7, 9, 12)
# (fonts, sizes pt, zooms, column widths %) of the Chromium look; the held-out set's differ.
TUNING_CSS = (
    ("opentype/ipaexfont-gothic/ipaexg.ttf",),
    (9.5, 10.0),
    (0.85, 0.9),
    ((11, 20, 22, 22, 7, 18), (12, 19, 23, 23, 8, 15)),
)
HELDOUT_CSS = (
    ("opentype/ipaexfont-mincho/ipaexm.ttf",),
    (9.0, 10.5),
    (0.8, 0.95),
    ((10, 21, 22, 22, 7, 18), (13, 18, 24, 22, 7, 16)),
)


def _rows(name: str, heldout: bool, table: Path, maker: str, style: str | None = None) -> tuple:
    """A plain case of a run of ``table``'s printable rows, and its RNG."""
    rng = random.Random(f"piatable-spaced67-{name}")
    pool = _printable(load_table(table))
    n = min(rng.choice(ROWS), len(pool))
    first = rng.randrange(len(pool) - n + 1)
    return plain_case(name, pool[first : first + n], maker, heldout, style), rng


def office_cases(heldout: bool) -> list:
    """Calc and Writer cases: two sheets with printed headings, a distributed sheet and a
    distributed Writer table."""
    h = "h" if heldout else ""
    (t0, p0), (t1, p1), (t2, p2), (t3, p3) = _four_tables(heldout)
    out = []
    c, _ = _rows(f"{h}s67-calc-headings-{t0}", heldout, p0, "calc", "wareki")
    out.append(replace(c, print_headings=True, merge=False, rows_per_page=None))
    c, _ = _rows(f"{h}s67-calc-headings-{t1}", heldout, p1, "calc")
    out.append(replace(c, print_headings=True, rows_per_page=4, repeat_header=True))
    c, _ = _rows(f"{h}s67-calc-distributed-{t2}", heldout, p2, "calc", "wareki")
    out.append(replace(c, distributed=True))
    c, _ = _rows(f"{h}s67-writer-distributed-{t3}", heldout, p3, "writer", "wareki")
    out.append(replace(c, distributed=True))
    return out


def _paras(text: str) -> str:
    return "".join(f'<div class="p">{html.escape(p)}</div>' for p in text.split("\n"))


def _html(rows: list[dict], look: dict) -> str:
    """The page: a title over a table of justified cells with hanging indents, its thead repeated."""
    keys = ("change_date_raw", "item", "before", "after", "timing", "explanation")
    body = "".join("<tr>" + "".join(f"<td>{_paras(r[k])}</td>" for k in keys) + "</tr>" for r in rows)
    head = "".join(f"<th>{lab}</th>" for lab in LABELS)
    cols = "".join(f'<col style="width:{w}%">' for w in look["widths"])
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@font-face {{ font-family: W; src: url({(FONT_DIR / look["font"]).as_uri()}); }}
@page {{ size: A4 portrait; margin: 12mm 10mm; }}
body {{ font-family: W; font-size: {look["size"]}pt; zoom: {look["zoom"]}; }}
table {{ border-collapse: collapse; width: 100%; }}
thead {{ display: table-header-group; }}
td, th {{ border: 0.8px solid #444; vertical-align: top; padding: 3px; }}
td {{ text-align: justify; text-justify: inter-character; }}
th {{ font-weight: normal; background: #e4e4e4; }}
.p {{ padding-left: 1em; text-indent: -1em; }}
</style></head><body><h4>（別添２）変更箇所</h4><table><colgroup>{cols}</colgroup>
<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>"""


def build_chromium(root: Path, heldout: bool) -> dict[str, dict]:
    """The Chromium cases (two tables) under ``root``, each with every extractor's text; their
    ``cases.json`` entries."""
    fonts, sizes, zooms, widths = HELDOUT_CSS if heldout else TUNING_CSS
    manifest = {}
    for table, path in _four_tables(heldout)[:2]:
        name = f"{'h' if heldout else ''}s67-chromium-{table}"
        c, rng = _rows(name, heldout, path, "writer", "wareki")
        look = {
            "font": rng.choice(fonts),
            "size": rng.choice(sizes),
            "zoom": rng.choice(zooms),
            "widths": rng.choice(widths),
        }
        folder = root / name
        pdf = folder / "input.pdf"
        _print(_html(c.rows, look), pdf)
        expected = _expected(pdf, c.rows)
        write_json(folder / "expected" / "records.json", expected)
        for tool in ALL_TEXTS:
            tfolder = root / f"{name}-{tool}"
            (tfolder / "expected").mkdir(parents=True, exist_ok=True)
            (tfolder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
            write_json(tfolder / "expected" / "records.json", expected)
        manifest[name] = {
            "program": "Chromium --headless --print-to-pdf (.html), text-justify: inter-character",
            **look,
            "rows": len(expected),
            "pages": expected[-1]["page_end"] if expected else 0,
        }
        print(f"{root.name}/{name}: {len(expected)} rows", file=sys.stderr)
    return manifest


def main(argv: list[str] | None = None) -> int:
    ns = set_arguments(argv, __doc__, SETS, keep=True)
    for name in ns.set:
        heldout = name.startswith("heldout")
        root = SAMPLES / name
        build_set(root, office_cases(heldout), ns.keep)
        manifest = json.loads((root / "cases.json").read_text("utf-8"))
        manifest |= build_chromium(root, heldout)
        write_manifest(root, manifest)
        (root / "README.md").write_text(README.format(name=name, use=USE[heldout]), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
