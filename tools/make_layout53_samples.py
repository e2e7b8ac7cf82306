"""Tables for ``pdftotext -layout`` column placement (issues 10 / 12, branch layout53, set XIV).

    python tools/make_layout53_samples.py                        # both sets
    python tools/make_layout53_samples.py --set office-layout53  # or heldout-layout53

Three faults of set XIV's ``-layout`` text (FAULTS kinds 3 and 7, and the AbiWord continuation):

* Calc (landscape) tables of additions: 変更前 empty in most rows (新規追加), one 変更後 cell
  holding a full-width space (``番号法第９条第１項　別表の９４の項``) that ``-layout`` prints as a
  column-wide gap, so that the row's first line shows six pieces (date, item, two after pieces,
  事前/事後, explanation) and looked like a line of all six cells; a deletion (変更後 empty) too.
* Writer tables with narrow 変更前 / 変更後 columns in a 9 pt serif face: a cell's last one to
  three characters wrapped onto a line of their own, printed one space after the item's line.
* Chromium tables (an HTML page printed by headless Chromium) with narrow fixed columns, 9 pt
  serif, ``<br>`` between a cell's paragraphs (set XIV t12): the same wrapped tails.
* AbiWord tables whose long rows (``make_office_samples._long_rows``) run over page breaks: the
  continuation of a cell at the top of the next page.

``office-layout53`` (tuning) draws from the tuning tables' rows; ``heldout-layout53`` (measure
only, never tune on it) from the held-out tables' rows, in other faces and with other spaced texts.
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
from make_boxes42_samples import _pool
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case
from make_pdfs import EXTRACTORS, LABELS, TEXT_FIELDS, _expected_with_pages, chromium_binary, extract_text

# (maker, program, count) of each set's cases, in order.
TUNING_KINDS = (("calc", "libreoffice", 3), ("writer", "libreoffice", 2), ("writer", "abiword", 2))
HELDOUT_KINDS = (("calc", "libreoffice", 2), ("writer", "libreoffice", 1), ("writer", "abiword", 1))
# (font, size in pt) per maker.
TUNING_LOOKS = {
    "calc": (("VL Gothic", 10.0), ("IPAexGothic", 9.0), ("Noto Sans CJK JP", 9.0)),
    "writer": (("Noto Serif CJK JP", 9.0), ("IPAexMincho", 9.0)),
    "abiword": (("VL Gothic", 10.0), ("Noto Sans CJK JP", 9.0)),
}
HELDOUT_LOOKS = {
    "calc": (("TakaoGothic", 10.0), ("IPAGothic", 9.5)),
    "writer": (("TakaoMincho", 9.0),),
    "abiword": (("IPAGothic", 10.0),),
}
# After cells of an addition holding a full-width space (two law references on one line).
TUNING_SPACED = (
    "番号法第９条第１項　別表の９４の項",
    "住民基本台帳法第３０条の１５　第１項",
    "番号法第１９条第８号　別表第二の２７の項",
)
HELDOUT_SPACED = (
    "地方税法第２２条　第３項",
    "番号法第１９条第９号　別表の３１の項",
)
ROWS = 5
# Calc widths (Excel units): narrow text columns, a 提出時期 column that wraps its label.
TUNING_CALC_WIDTHS = ((8, 18, 26, 26, 5, 18), (9, 20, 24, 28, 5, 20), (8, 16, 28, 26, 6, 18))
HELDOUT_CALC_WIDTHS = ((8, 19, 27, 25, 5, 17), (9, 17, 25, 27, 6, 19))
# Writer widths (cm): 変更前 / 変更後 narrow enough to wrap every few characters.
NARROW_WRITER_WIDTHS = ((2.2, 3.4, 2.6, 2.6, 1.2, 3.2), (2.4, 3.2, 2.4, 2.8, 1.2, 3.0))


def _additions(rows: list[dict], spaced: tuple[str, ...], rng: random.Random) -> list[dict]:
    """The rows as additions (変更前 empty, 変更後 the row's text), the first one's 変更後 led
    by a spaced line (``spaced``), and the last row a deletion (変更後 empty)."""
    out = []
    for i, r in enumerate(rows):
        r = dict(r)
        text = r["after"].strip() or r["before"].strip()
        if i == len(rows) - 1 and len(rows) > 2:
            r["before"], r["after"] = text, ""
        else:
            r["before"], r["after"] = "", text
        if i == 0:
            r["after"] = rng.choice(spaced) + "\n" + text
        out.append(r)
    return out


def _case(name: str, maker: str, program: str, k: int, pool: list[dict], heldout: bool) -> Case:
    rng = random.Random(f"piatable-layout53-{name}")
    start = rng.randrange(len(pool) - ROWS)
    rows = pool[start : start + ROWS]
    looks = (HELDOUT_LOOKS if heldout else TUNING_LOOKS)[maker if program == "libreoffice" else program]
    font, size = looks[k % len(looks)]
    if maker == "calc":
        rows = _additions(rows, HELDOUT_SPACED if heldout else TUNING_SPACED, rng)
    c = office.plain_case(name, rows, maker, heldout=heldout)
    if maker == "calc":
        widths = (HELDOUT_CALC_WIDTHS if heldout else TUNING_CALC_WIDTHS)[k]
        return replace(
            c, font=font, size=size, widths=widths, merge=False, real_dates=False, fallback_glyphs="○□△"
        )
    rows = office._printable(c.rows)
    if program == "abiword":
        rows = office._long_rows(rows, rng, (3, 4))
        return replace(
            c, rows=rows, font=font, size=size, program="abiword", merge=False, fallback_glyphs="○□△"
        )
    return replace(
        c,
        rows=rows,
        font=font,
        size=size,
        widths=NARROW_WRITER_WIDTHS[k % len(NARROW_WRITER_WIDTHS)],
        merge=False,
        valign="top",
        fallback_glyphs="○□△",
    )


# Chromium tables: (font family, size in pt, column widths in mm) per case; a fixed-layout
# table narrower than the page, as set XIV t12 prints.
TUNING_CHROME = (
    ("Noto Serif CJK JP", 9.0, (13, 28, 34, 34, 8, 28)),
    ("IPAexMincho", 9.0, (14, 26, 30, 32, 8, 26)),
)
HELDOUT_CHROME = (("TakaoMincho", 9.0, (13, 27, 31, 33, 8, 27)),)


def _chrome_html(rows: list[dict], font: str, size: float, widths: tuple[int, ...]) -> str:
    """An A4 portrait page: the title and the table, each cell's paragraphs parted by ``<br>``,
    the label row repeated on each page (``thead``), rows not broken over pages."""

    def cell(value: object) -> str:
        return "<td>" + html.escape(str(value or "")).replace("\n", "<br>") + "</td>"

    body = "".join("<tr>" + "".join(cell(r.get(f)) for f in TEXT_FIELDS) + "</tr>" for r in rows)
    cols = "".join(f'<col style="width:{w}mm">' for w in widths)
    head = "".join(f"<th>{lab}</th>" for lab in LABELS)
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@page {{ size: A4; margin: 15mm; }}
body {{ font-family: "{font}"; font-size: {size}pt; }}
table {{ border-collapse: collapse; width: {sum(widths)}mm; table-layout: fixed; }}
td, th {{ border: 0.5pt solid #000; vertical-align: top; padding: 2pt; }}
th {{ font-weight: normal; }}
tr {{ break-inside: avoid; }}
</style></head><body><p>（別添３）変更箇所</p><table><colgroup>{cols}</colgroup>
<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></body></html>"""


def build_chrome(root: Path, heldout: bool) -> None:
    """The Chromium cases of a set, ``[h]l53-chrome-<k>``: input.pdf and the extractors' texts
    with the expected records, added to ``root/cases.json``."""
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")
    pool = office._printable(_pool(heldout))
    manifest = json.loads((root / "cases.json").read_text("utf-8"))
    for k, (font, size, widths) in enumerate(HELDOUT_CHROME if heldout else TUNING_CHROME):
        name = f"{'h' if heldout else ''}l53-chrome-{k + 1}"
        rng = random.Random(f"piatable-layout53-{name}")
        start = rng.randrange(len(pool) - ROWS)
        rows = office.printed_rows(pool[start : start + ROWS], rng.choice(("short", "wareki", "slash")))
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
        for tool in EXTRACTORS:
            tfolder = root / f"{name}-{tool}"
            (tfolder / "expected").mkdir(parents=True, exist_ok=True)
            (tfolder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
            office.write_json(tfolder / "expected" / "records.json", expected)
        pages = expected[-1]["page_end"] if expected else 0
        manifest[name] = {"program": "Chromium --print-to-pdf (.html)", "font": font, "size": size}
        manifest[name] |= {"widths_mm": list(widths), "rows": len(expected), "pages": pages}
        print(f"{root.name}/{name}: {len(expected)} rows, {pages} pages (Chromium)", file=sys.stderr)
    office.write_manifest(root, manifest)


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    pool = office._printable(_pool(heldout))
    out = []
    for maker, program, count in HELDOUT_KINDS if heldout else TUNING_KINDS:
        for k in range(count):
            tag = "calc" if maker == "calc" else "writer" if program == "libreoffice" else "abiword"
            name = f"{'h' if heldout else ''}l53-{tag}-{k + 1}"
            while name in redrawn:
                name += "-r"
            out.append(_case(name, maker, program, k, pool, heldout))
    return out


SETS = split_sets("layout53", _cases)


def main(argv: list[str] | None = None) -> int:
    build_redrawn(SETS, __doc__, argv)
    for name in office.parse_set_args(__doc__, list(SETS), argv).set:
        build_chrome(SETS[name][0], heldout=name.startswith("heldout"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
