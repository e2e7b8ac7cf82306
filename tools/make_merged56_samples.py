"""Merged 変更日 cells read by layout-mode extractors (issues 10 / 12, branch merged56, set XVII
kinds 3 and 4), made by LibreOffice Calc, LibreOffice Writer and headless Chromium.

    python tools/make_merged56_samples.py                          # both sets
    python tools/make_merged56_samples.py --set office-merged56    # or heldout-merged56

A 変更日 merged over 2–4 rows prints once, where the merged cell's vertical alignment puts it
(top, centre or foot of the rows it spans); a layout-mode text (``pdftotext -layout``,
pdfplumber ``layout=True``, pypdf ``extraction_mode="layout"``, PyMuPDF ``sort=True``) keeps the
date's line among the rows' lines and nothing else says which rows it covers.  Looks:

- ``tall``: Calc, row heights set by hand with spare lines (the text at the top of tall rows),
  the date and the 提出時期 centred (set XVII t01), the date alone merged;
- ``va``: Calc, the date merged at a drawn alignment (top / centre / bottom), the rest at top;
- ``nd``: Calc, a narrow 変更日 column that wraps slash dates inside the day (``2024/1/1`` /
  ``5``), dates merged and centred;
- ``wr``: Writer, the date merged (vertically merged cells) and centred;
- ``ch``: Chromium, ``rowspan`` dates, ``vertical-align: middle`` (set XVII t08).

``office-merged56`` (tuning) draws from the tuning tables; ``heldout-merged56`` (measure only,
never tune on it) from the held-out tables, in other fonts.  Each case keeps its PDF and the
layout-mode texts (``make_office_samples.MERGED56_TEXTS``: form-feed and ``+nl`` ones).
"""

from __future__ import annotations

import html
import json
import random
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_flow22_samples import build_redrawn, split_sets
from make_layout49_samples import _runs
from make_office_samples import Case, _four_tables, _printable, load_table, plain_case
from make_pdfs import LABELS, TEXT_FIELDS, _expected_with_pages, chromium_binary, extract_text

KINDS = ("tall", "va", "nd", "wr")
ROWS_MAX = 10
ALIGNS = ("top", "center", "bottom")
SIZES = ((9.0, 10.0, 10.5), (9.5, 11.0))
# A 変更日 column (Excel width units) too narrow for a slash date with a two-digit day.
NARROW_DATE_WIDTH = (7, 7.5)
FALLBACK_GLYPHS = "○□△"


def _merged_dates(rows: list[dict], rng: random.Random) -> list[dict]:
    """The rows with runs of 1–4 rows sharing their first row's date (``_runs``)."""
    out = [dict(r) for r in rows]
    for a, b in _runs(len(out), rng):
        for r in out[a + 1 : b]:
            r["change_date"], r["change_date_raw"] = out[a]["change_date"], out[a]["change_date_raw"]
    return out


def _two_digit_days(rows: list[dict]) -> list[dict]:
    """The rows with each date moved to a two-digit day (``2024/1/15``), so that a narrow column
    wraps it inside the day."""
    out = []
    for r in rows:
        r = dict(r)
        y, m, d = r["change_date"].split("-")
        if int(d) < 10:
            d = f"{int(d) + 10:02d}"
        r["change_date"] = f"{y}-{m}-{d}"
        out.append(r)
    return out


def _case(name: str, table: list[dict], kind: str, heldout: bool) -> Case:
    rng = random.Random(f"piatable-merged56-{name}")
    start = rng.randrange(max(len(table) - ROWS_MAX, 0) + 1)
    rows = table[start : start + ROWS_MAX]
    style = {"tall": "slash", "va": rng.choice(("slash", "wareki", "short")), "nd": "slash", "wr": "wareki"}
    if kind == "nd":
        rows = _two_digit_days(rows)
    c = plain_case(name, rows, "writer" if kind == "wr" else "calc", heldout=heldout, date_style=style[kind])
    merged = _merged_dates(c.rows, rng)
    common = {
        "rows": merged,
        "size": rng.choice(SIZES[int(heldout)]),
        "merge": True,
        "merge_keys": ("change_date_raw",),
        "fallback_glyphs": FALLBACK_GLYPHS,
        "real_dates": False,
    }
    if kind == "wr":
        return replace(c, valign="top", valign_of={"change_date_raw": "center"}, **common)
    widths = c.widths
    if kind == "nd":
        widths = (rng.choice(NARROW_DATE_WIDTH), *widths[1:])
    valign_of = {"change_date_raw": "center", "timing": "center"}
    if kind == "va":
        valign_of = {"change_date_raw": rng.choice(ALIGNS)}
    return replace(
        c,
        widths=widths,
        valign="top",
        valign_of=valign_of,
        rows_per_page=rng.choice((None, 4, 5)) if kind == "va" else None,
        merge_over_breaks=True,
        fixed_heights=kind == "tall",
        height_slack=rng.choice((2.0, 3.0, 4.0)) if kind == "tall" else 0.0,
        **common,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Each kind over two tables, named ``[h]m56-<kind>-<table>``."""
    cases = []
    for table, path in _four_tables(heldout)[:2]:
        for kind in KINDS:
            name = f"{'h' if heldout else ''}m56-{kind}-{table}"
            while name in redrawn:
                name += "-r"
            cases.append(_case(name, _printable(load_table(path)), kind, heldout))
    return cases


# Chromium tables: (font family, size in pt, column widths in mm) per case.
TUNING_CHROME = (
    ("IPAexGothic", 9.0, (14, 28, 34, 34, 9, 28)),
    ("IPAexMincho", 9.5, (12, 26, 32, 32, 9, 26)),
)
HELDOUT_CHROME = (("TakaoGothic", 9.0, (13, 27, 31, 33, 9, 27)),)


def _chrome_html(rows: list[dict], font: str, size: float, widths: tuple[int, ...]) -> str:
    """An A4 portrait page: the title and the table, each run of one date printed once in a cell
    spanning its rows (``rowspan``), centred on them; the label row repeated on each page."""

    def cell(value: object, span: int = 1) -> str:
        attr = f' rowspan="{span}" class="d"' if span > 1 else ""
        return f"<td{attr}>" + html.escape(str(value or "")).replace("\n", "<br>") + "</td>"

    body = []
    for i, r in enumerate(rows):
        first = i == 0 or rows[i - 1]["change_date_raw"] != r["change_date_raw"]
        span = 1
        while first and i + span < len(rows) and rows[i + span]["change_date_raw"] == r["change_date_raw"]:
            span += 1
        cells = [cell(r.get(f), span if f == "change_date_raw" else 1) for f in TEXT_FIELDS]
        if not first:
            cells = cells[1:]
        body.append("<tr>" + "".join(cells) + "</tr>")
    cols = "".join(f'<col style="width:{w}mm">' for w in widths)
    head = "".join(f"<th>{lab}</th>" for lab in LABELS)
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: A4 landscape; margin: 15mm; }}
body {{ font-family: "{font}"; font-size: {size}pt; }}
table {{ border-collapse: collapse; width: {sum(widths)}mm; table-layout: fixed; }}
td, th {{ border: 0.5pt solid #000; vertical-align: top; padding: 2pt; }}
td.d {{ vertical-align: middle; text-align: center; }}
th {{ font-weight: normal; }}
</style></head><body><p>（別添２）変更箇所</p><table><colgroup>{cols}</colgroup>
<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></body></html>"""


def build_chrome(root: Path, heldout: bool) -> None:
    """The Chromium cases of a set, ``[h]m56-ch-<k>``: input.pdf and the layout-mode texts with
    the expected records, added to ``root/cases.json``."""
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")
    tables = _four_tables(heldout)
    manifest = json.loads((root / "cases.json").read_text("utf-8"))
    for k, (font, size, widths) in enumerate(HELDOUT_CHROME if heldout else TUNING_CHROME):
        name = f"{'h' if heldout else ''}m56-ch-{k + 1}"
        rng = random.Random(f"piatable-merged56-{name}")
        table = _printable(load_table(tables[(k + 2) % len(tables)][1]))
        start = rng.randrange(max(len(table) - ROWS_MAX, 0) + 1)
        rows = office.printed_rows(table[start : start + ROWS_MAX], rng.choice(("short", "wareki", "slash")))
        rows = _merged_dates(rows, rng)
        folder = root / name
        (folder / "expected").mkdir(parents=True, exist_ok=True)
        pdf = folder / "input.pdf"
        with tempfile.TemporaryDirectory() as tmp:
            page = Path(tmp) / "table.html"
            page.write_text(_chrome_html(rows, font, size, widths), "utf-8")
            cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"]
            subprocess.run([*cmd, f"--print-to-pdf={pdf}", page.as_uri()], check=True, capture_output=True)
        expected = _expected_with_pages(pdf, rows)
        office.write_json(folder / "expected" / "records.json", expected)
        for tool in office.MERGED56_TEXTS:
            tfolder = root / f"{name}-{tool}"
            (tfolder / "expected").mkdir(parents=True, exist_ok=True)
            (tfolder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
            office.write_json(tfolder / "expected" / "records.json", expected)
        pages = expected[-1]["page_end"] if expected else 0
        manifest[name] = {"program": "Chromium --print-to-pdf (.html, rowspan dates)", "font": font}
        manifest[name] |= {"size": size, "widths_mm": list(widths), "rows": len(expected), "pages": pages}
        print(f"{root.name}/{name}: {len(expected)} rows, {pages} pages (Chromium)", file=sys.stderr)
    office.write_manifest(root, manifest)


SETS = split_sets("merged56", _cases)


def main(argv: list[str] | None = None) -> int:
    build_redrawn(SETS, __doc__, argv)
    for name in office.parse_set_args(__doc__, list(SETS), argv).set:
        build_chrome(SETS[name][0], heldout=name.startswith("heldout"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
