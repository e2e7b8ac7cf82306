"""HTML amendment tables printed by headless Chromium whose 変更日 / 提出時期 cells are merged
(``rowspan``) over several rows or left empty ("same as above") (issues 10 / 12, branch carry54).

    python tools/make_chromium54_samples.py                            # both sets
    python tools/make_chromium54_samples.py --set office-chromium54    # or heldout-chromium54

A new user's Chromium-printed table merged some 変更日 cells over 2–4 rows with ``rowspan`` and
left others empty, meaning "same as the row above" (the truth of an empty cell is "", of every
row under a rowspan the date); every text reader filled the empty cells with the date above,
unwarned.  Each table here is a contiguous run of a sample table's rows
(``make_office_samples.plain_case``: date style, order) cut into runs of 1–4 rows
(``RUN_LENGTHS``), each run one date, in one of three kinds (``KINDS``):

- ``rs``: every run's 変更日 one ``rowspan`` cell (consecutive runs' dates differ); a run whose
  rows share one 提出時期 merges that too with ``TIMING_SPAN_SHARE``;
- ``em``: a run's first row prints its date, the others leave 変更日 empty (date ""); a run's
  date is the run before's again with a share of ``SAME_DATE_SHARES``; a row whose 提出時期 is the row
  above's leaves it empty with ``EMPTY_TIMING_SHARE`` (timing "");
- ``mx``: both in one table, each run drawn ``rs`` or ``em``.

The look is Chromium's: ``border-collapse`` (borders printed as filled rectangles), cell
padding, an ``@font-face`` web font from the installed Japanese fonts, the 変更日 cell's
``vertical-align`` (top / middle, Chromium's default / bottom), ``<br>`` between a cell's
paragraphs or a ``<ul>`` of ``<li>`` for cells whose paragraphs open with ・ (``LIST_SHARE``),
the ``<thead>`` repeated on each printed page, and rows that may break over a page
(``break-inside: auto``) or not.  ``office-chromium54`` (tuning) prints the tuning tables in
the tuning CSS (``TUNING_CSS``); ``heldout-chromium54`` (measure only, never tune on it) the
held-out tables in other fonts, sizes, paddings, borders and widths (``HELDOUT_CSS``).  Each
case keeps its PDF and the texts of eight extractors (``TEXTS``).
"""

from __future__ import annotations

import html
import random
import re
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_empty50_samples import _runs
from make_office_samples import (
    _four_tables,
    _printable,
    load_table,
    parse_set_args,
    plain_case,
    write_json,
    write_manifest,
)
from make_pdfs import EXPECTED_KEYS, EXTRACTORS, LABELS, chromium_binary, extract_text, print_html

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-chromium54": False, "heldout-chromium54": True}
KINDS = ("rs", "em", "mx")
TEXTS = (*EXTRACTORS, "pdfplumber", "pypdf", "pymupdf")
ROWS = (7, 9, 11)
# One more case per set: a long ``mx`` table of the first table's rows whose rows may break over
# pages, so that merged and empty cells meet page breaks.
LONG_ROWS = 14
# A PDF larger than this (tests/test_office_samples.py: 300,000 bytes for Skia PDFs; Chromium
# embeds a large subset of Noto Sans CJK) is printed again in the look's other font.
PDF_MAX_BYTES = 290_000
RUN_LENGTHS = (1, 2, 2, 3, 4)
# A run's date is the run before's again with this share, drawn per case: 0 in a table that
# never prints one date twice (a new user's table: the "printed twice" rule of
# normalize/carried_empty.py cannot see it), 0.4 in one written row by row.
SAME_DATE_SHARES = (0.0, 0.4)
EMPTY_TIMING_SHARE = 0.5
TIMING_SPAN_SHARE = 0.5
LIST_SHARE = 0.5
DATE_ALIGNS = ("top", "middle", "bottom")
BODY_ALIGNS = ("top", "middle")
DATE_STYLES = ("slash", "wareki", "seireki")
FONT_DIR = Path("/usr/share/fonts")
# (font files, sizes pt, paddings pt, border widths pt, column widths %)
TUNING_CSS = (
    ("opentype/ipaexfont-gothic/ipaexg.ttf", "opentype/ipaexfont-mincho/ipaexm.ttf"),
    (9.0, 10.0),
    (2.0, 3.0),
    (0.5, 0.75),
    ((8, 17, 28, 28, 6, 13), (9, 18, 26, 26, 7, 14)),
)
HELDOUT_CSS = (
    ("opentype/noto/NotoSansCJK-Regular.ttc", "opentype/ipaexfont-mincho/ipaexm.ttf"),
    (8.5, 9.5),
    (1.0, 4.0),
    (0.3, 1.0),
    ((10, 15, 27, 27, 7, 14), (8, 20, 25, 25, 6, 16)),
)


Run = tuple[int, int, str, bool]


def _plan(rows: list[dict], kind: str, rng: random.Random) -> tuple[list[dict], list[Run]]:
    """The truth rows and the runs (first, end, how, timing merged): ``how`` is ``rs`` (one
    rowspan date) or ``em`` (the first row's date, the others' cells empty)."""
    same_date_share = rng.choice(SAME_DATE_SHARES)
    out = [dict(r) for r in rows]
    dates = [(r["change_date"], r["change_date_raw"]) for r in rows]
    runs = []
    last: tuple | None = None
    for a, b in _runs(len(out), rng, RUN_LENGTHS):
        how = kind if kind != "mx" else rng.choice(("rs", "em"))
        if how == "em" and last is not None and rng.random() < same_date_share:
            date = last
        else:
            date = next((d for d in dates[a:] + dates[:a] if last is None or d[0] != last[0]), dates[a])
        last = date
        for i in range(a, b):
            if i == a or how == "rs":
                out[i]["change_date"], out[i]["change_date_raw"] = date
            else:
                out[i]["change_date"], out[i]["change_date_raw"] = None, ""
        same_timing = len({out[i]["timing"] for i in range(a, b)}) == 1 and b - a > 1
        runs.append((a, b, how, how == "rs" and same_timing and rng.random() < TIMING_SPAN_SHARE))
    for a, b, how, _ in runs:
        if how != "em":
            continue
        for i in range(max(a, 1), b):
            same = out[i]["timing"] == out[i - 1]["timing"] and out[i - 1]["timing"]
            if same and rng.random() < EMPTY_TIMING_SHARE:
                out[i]["timing"] = ""
    return out, runs


def _cell_html(text: str, lists: bool) -> str:
    paras = text.split("\n")
    if lists and len(paras) > 1 and all(p.startswith("・") for p in paras[1:]):
        head = html.escape(paras[0])
        items = "".join(f"<li>{html.escape(p)}</li>" for p in paras[1:])
        return f"{head}<ul>{items}</ul>"
    return "<br>".join(html.escape(p) for p in paras)


def _html(rows: list[dict], runs: list[tuple[int, int, str, bool]], look: dict) -> str:
    """The page: the title, a table whose thead repeats on every printed page."""
    date_span = {a: b - a for a, b, how, _ in runs if how == "rs"}
    timing_span = {a: b - a for a, b, _, tspan in runs if tspan}
    covered_date = {i for a, b, how, _ in runs if how == "rs" for i in range(a + 1, b)}
    covered_timing = {i for a, b, _, tspan in runs if tspan for i in range(a + 1, b)}
    body = []
    for i, r in enumerate(rows):
        cells = []
        if i not in covered_date:
            span = f' rowspan="{date_span[i]}"' if date_span.get(i, 1) > 1 else ""
            cells.append(f'<td class="d"{span}>{html.escape(r["change_date_raw"])}</td>')
        for f in ("item", "before", "after"):
            cells.append(f"<td>{_cell_html(r[f], look['lists'])}</td>")
        if i not in covered_timing:
            span = f' rowspan="{timing_span[i]}"' if timing_span.get(i, 1) > 1 else ""
            cells.append(f'<td class="t"{span}>{html.escape(r["timing"])}</td>')
        cells.append(f"<td>{_cell_html(r['explanation'], look['lists'])}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    head = "".join(f"<th>{lab}</th>" for lab in LABELS)
    cols = "".join(f'<col style="width:{w}%">' for w in look["widths"])
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@font-face {{ font-family: W; src: url({(FONT_DIR / look["font"]).as_uri()}); }}
@page {{ size: A4 landscape; margin: 12mm; }}
body {{ font-family: W; font-size: {look["size"]}pt; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
thead {{ display: table-header-group; }}
td, th {{ border: {look["border"]}pt solid #000; padding: {look["padding"]}pt; line-break: strict;
  vertical-align: {look["valign"]}; }}
td.d {{ vertical-align: {look["date_valign"]}; }}
td.t {{ vertical-align: {look["timing_valign"]}; text-align: center; }}
th {{ font-weight: normal; background: #ddd; }}
ul {{ margin: 0; padding-left: 0; list-style: none; }}
tr {{ break-inside: {look["break"]}; }}
</style></head><body><p>（別添２）変更箇所</p><table><colgroup>{cols}</colgroup>
<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></body></html>"""


def _print(page_html: str, pdf: Path) -> None:
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")
    print_html(page_html, pdf, binary)


def _page_texts(pdf: Path) -> list[str]:
    import pypdfium2 as pdfium

    from piatable.normalize.unicode import clean_text

    doc = pdfium.PdfDocument(str(pdf))
    try:
        out = []
        for i in range(len(doc)):
            tp = doc[i].get_textpage()
            out.append(re.sub(r"\s+", "", clean_text(tp.get_text_range())))
            tp.close()
        return out
    finally:
        doc.close()


def _expected(pdf: Path, rows: list[dict]) -> list[dict]:
    """The truth with pages: a row starts where its first text cell's opening is printed and
    ends where its longest cell's tail is (searched from there).  Raises ValueError when a
    cell's text is not found whole across the pages (Chromium never clips)."""
    pages = _page_texts(pdf)
    whole = "".join(pages)
    starts, at = [], 0
    for p in pages:
        starts.append(at)
        at += len(p)

    def page_of(pos: int) -> int:
        return max(k for k, s in enumerate(starts) if s <= pos) + 1

    out, cursor = [], 0
    for k, r in enumerate(rows):
        cells = [re.sub(r"\s+", "", r[f]) for f in ("item", "before", "after", "explanation") if r[f].strip()]
        head = cells[0][:12]
        pos = whole.find(head, cursor)
        if pos < 0:
            raise ValueError(f"row {k}: {head!r} not printed")
        longest = max(cells, key=len)
        tail = whole.find(longest[-12:], pos)
        e = dict(r)
        e["row_index"] = k
        e["page_start"] = page_of(pos)
        e["page_end"] = max(page_of(tail), e["page_start"]) if tail >= 0 else e["page_start"]
        e["item_path"] = [p for p in r["item"].split("\n") if p.strip()]
        out.append({f: e.get(f) for f in EXPECTED_KEYS})
        cursor = pos
    return out


def _cases(heldout: bool) -> list[tuple[str, list[dict], list[tuple[int, int, str, bool]], dict]]:
    """Two kinds over each of the set's four tables (``KINDS`` in turn, each kind on two or
    three tables), named ``[h]cr54-<kind>-<table>``, and a long one (``LONG_ROWS``) named
    ``[h]cr54-long-<table>``."""
    fonts, sizes, paddings, borders, widths = HELDOUT_CSS if heldout else TUNING_CSS
    out = []
    for t, (table, path) in enumerate(_four_tables(heldout)):
        for kind in (KINDS[t % 3], KINDS[(t + 1) % 3], *(("long",) if t == 0 else ())):
            name = f"{'h' if heldout else ''}cr54-{kind}-{table}"
            rng = random.Random(f"piatable-chromium54-{name}")
            pool = _printable(load_table(path))
            n = LONG_ROWS if kind == "long" else rng.choice(ROWS)
            first = rng.randrange(max(len(pool) - n, 0) + 1)
            c = plain_case(name, pool[first : first + n], "writer", heldout, rng.choice(DATE_STYLES))
            rows, runs = _plan(c.rows, "mx" if kind == "long" else kind, rng)
            look = {
                "font": rng.choice(fonts),
                "size": rng.choice(sizes),
                "padding": rng.choice(paddings),
                "border": rng.choice(borders),
                "widths": rng.choice(widths),
                "valign": rng.choice(BODY_ALIGNS),
                "date_valign": DATE_ALIGNS[(t + len(out)) % 3],
                "timing_valign": rng.choice(DATE_ALIGNS),
                "lists": rng.random() < LIST_SHARE,
                "break": "auto" if kind == "long" else rng.choice(("auto", "avoid")),
            }
            out.append((name, rows, runs, look))
    return out


def build(root: Path, heldout: bool) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    manifest = {}
    for name, rows, runs, look in _cases(heldout):
        folder = root / name
        pdf = folder / "input.pdf"
        _print(_html(rows, runs, look), pdf)
        if pdf.stat().st_size > PDF_MAX_BYTES:
            fonts = (HELDOUT_CSS if heldout else TUNING_CSS)[0]
            look["font"] = next(f for f in fonts if f != look["font"])
            _print(_html(rows, runs, look), pdf)
        expected = _expected(pdf, rows)
        write_json(folder / "expected" / "records.json", expected)
        for tool in TEXTS:
            tfolder = root / f"{name}-{tool}"
            (tfolder / "expected").mkdir(parents=True)
            (tfolder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
            write_json(tfolder / "expected" / "records.json", expected)
        manifest[name] = {
            "program": "Chromium --headless --print-to-pdf (.html)",
            **look,
            "runs": [[a, b, how] + (["timing"] if ts else []) for a, b, how, ts in runs],
            "rows": len(expected),
            "pages": expected[-1]["page_end"] if expected else 0,
        }
        size = pdf.stat().st_size // 1024
        pages = manifest[name]["pages"]
        print(f"{root.name}/{name}: {len(expected)} rows, {pages} pages, {size} KB", file=sys.stderr)
    write_manifest(root, manifest)


def main(argv: list[str] | None = None) -> int:
    ns = parse_set_args(__doc__, list(SETS), argv)
    for name in ns.set:
        build(ROOT / "samples" / name, SETS[name])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
