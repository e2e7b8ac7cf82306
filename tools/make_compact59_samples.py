"""Items printed as the form's numbers, explanations with their own ・ lists, and 項目 headings
printed on one line with their block's label (issues 12 / 14, branch rightq59; set XX's t06, t01
and t11).

    python tools/make_compact59_samples.py                            # both sets
    python tools/make_compact59_samples.py --set heldout-compact59     # or office-compact59

Each case prints the rows of the set's pool (tuning tables for ``office-compact59``; the held-out
tables for ``heldout-compact59``: measure on it, never tune on it), changed as some tables print
them:

* ``compact``: the 項目 cell is the form's numbers only (``Ⅱ-3-⑧``, ``Ⅰ-5``), for the rows whose
  item the lexicon's fixed numbering names (the others left out);
* ``lists``: about half the explanations get two or three ・ points after their reason
  (``…に伴う修正`` / ``・住民記録システムの更改``), typed as lines of the cell (an ``<ul>`` in
  Chromium);
* ``oneline``: a repeated block's label is printed on its heading's line after a space
  (``４．特定個人情報ファイルの取扱いの委託 委託事項２``).

Printed by LibreOffice Calc and Writer (``make_outsider_tables``), Gnumeric (``ssconvert`` of the
Calc case's .xlsx) and Chromium (``make_chromium54_samples``), in the set's fonts and sizes.  The
truth (``expected/records.json``) is each row as printed.  Each case keeps its PDF and ``TEXTS``
(form-feed and ``+nl`` ones).
"""

from __future__ import annotations

import random
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from flatten import render_date
from make_chromium54_samples import _expected as pdf_expected
from make_chromium54_samples import _html, _print
from make_office_samples import (
    HELDOUT_DIR,
    TUNING_TABLES,
    SetCase,
    _printable,
    build_made_set,
    build_named,
    load_table,
)
from make_outsider_tables import SHARES, to_pdf, unprinted, write_docx, write_xlsx
from make_outsider_tables import Case as OutsiderCase

from piatable.normalize.compact_items import compact_path
from piatable.normalize.item_key import item_key

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-compact59": False, "heldout-compact59": True}
# (maker, looks) per case.
CASES = (
    ("calc", ("compact", "lists")),
    ("gnumeric", ("compact", "lists")),
    ("writer", ("oneline", "lists")),
    ("chromium", ("compact", "lists")),
    ("chromium", ("oneline", "lists")),
)
TEXTS = (
    "pdftotext-layout",
    "pdftotext-raw",
    "pypdfium2",
    "pypdfium2+nl",
    "pdfplumber-layout+nl",
    "pypdf+nl",
    "pymupdf-sort+nl",
)
TUNING_POINTS = (
    "標準準拠システムへの移行",
    "保管場所の変更",
    "委託先の追加",
    "記載内容の明確化",
    "電子申請の開始",
)
HELDOUT_POINTS = (
    "住民記録システムの更改",
    "データセンターへの移設",
    "申請方法の追加",
    "連携先の追加",
    "担当部署名の変更",
    "様式改正への対応",
)
LIST_SHARE = 0.5
# Spare lines per row of a spreadsheet tried in turn until every cell is printed whole.
SPARE_LINES = (0.0, 1.0, 2.5)
TUNING_LOOKS = (("IPAexGothic", 9.0), ("IPAexMincho", 10.0))
HELDOUT_LOOKS = (("IPAGothic", 9.5), ("IPAPMincho", 8.5), ("TakaoGothic", 10.0))
CHROMIUM_FONTS = {
    False: "opentype/ipaexfont-gothic/ipaexg.ttf",
    True: "opentype/ipaexfont-mincho/ipaexm.ttf",
}
_INSTANCE_LINE = re.compile(r"^(?:提供先|移転先|再委託事項|委託事項|システム)[0-9０-９]{1,2}$")


def _codes() -> dict[tuple[str, ...], str]:
    """Heading path → the form's compact code naming it (the shortest code of a path)."""
    out: dict[tuple[str, ...], str] = {}
    for section in "ⅠⅡⅢⅣⅤⅥ":
        for n in range(1, 10):
            for item in ("", *(chr(0x2460 + i) for i in range(15))):
                code = f"{section}-{n}" + (f"-{item}" if item else "")
                path = compact_path(code)
                if path:
                    out.setdefault(path, code)
    return out


def _oneline(item: str) -> str | None:
    """The item with a block's label moved onto its heading's line after a space, or None."""
    lines = item.split("\n")
    for k in range(1, len(lines)):
        if _INSTANCE_LINE.match(lines[k]) and not _INSTANCE_LINE.match(lines[k - 1]):
            return "\n".join([*lines[: k - 1], f"{lines[k - 1]} {lines[k]}", *lines[k + 1 :]])
    return None


def _rows(heldout: bool, looks: tuple[str, ...], rng: random.Random) -> list[dict]:
    paths = sorted(HELDOUT_DIR.glob("*.json")) if heldout else list(TUNING_TABLES.values())
    codes = _codes()
    points = HELDOUT_POINTS if heldout else TUNING_POINTS
    out = []
    for path in paths:
        for r in _printable(load_table(path)):
            r = dict(r)
            if "compact" in looks:
                code = codes.get(item_key(r["item"]).path)
                if code is None:
                    continue
                r["item"] = code
            if "oneline" in looks:
                r["item"] = _oneline(r["item"]) or r["item"]
            if "lists" in looks and r["explanation"].strip() and rng.random() < LIST_SHARE:
                listed = rng.sample(points, rng.choice((2, 3)))
                r["explanation"] = "\n".join([r["explanation"].split("\n")[0], *(f"・{p}" for p in listed)])
            out.append(r)
    if "oneline" in looks:
        # every row with a block's label, then as many others (the rows around them)
        joined = [r for r in out if " " in r["item"]]
        out = joined + [r for r in out if r not in joined][: max(len(joined), 4)]
    style = rng.choice(("slash", "wareki", "seireki"))
    return [{**r, "change_date_raw": render_date(r["change_date"], style)} for r in out]


def _office_case(name: str, maker: str, rows: list[dict], heldout: bool, rng: random.Random) -> OutsiderCase:
    font, size = rng.choice(HELDOUT_LOOKS if heldout else TUNING_LOOKS)
    return OutsiderCase(
        name=name,
        maker="calc" if maker == "gnumeric" else maker,
        font=font,
        size=size,
        landscape=True,
        valign="top",
        date_style="as-printed",
        title="（別添２）変更箇所",
        shares=SHARES,
        slack_lines=rng.choice((0.0, 0.5, 1.0)),
        pool="",
        rows=rows,
        paper="A4",
    )


def _office_pdf(case: OutsiderCase, maker: str, work: Path) -> Path:
    """The case printed by LibreOffice Calc or Writer (``make_outsider_tables``) or by Gnumeric
    (``ssconvert`` of the Calc case's .xlsx), the rows given spare lines until every cell is
    printed whole; a row whose cell the PDF's text never holds whole (``unprinted``) is left out
    of the case and the table printed again."""
    while True:
        for extra in SPARE_LINES:
            src = work / f"{case.name}.{'docx' if maker == 'writer' else 'xlsx'}"
            if maker == "writer":
                write_docx(src, case)
            else:
                write_xlsx(src, case, extra)
            if maker == "gnumeric":
                pdf = work / f"{case.name}.pdf"
                command = ["ssconvert", str(src), str(pdf)]
                subprocess.run(command, check=True, capture_output=True, timeout=300)
            else:
                pdf = to_pdf(src, work)
            missing = unprinted(pdf, case)
            if not missing:
                return pdf
        rows = {int(m.split()[1]) for m in missing}
        print(f"{case.name}: rows {sorted(rows)} not printed whole, left out", file=sys.stderr)
        case.rows = [r for i, r in enumerate(case.rows) if i not in rows]


def _chromium_pdf(name: str, rows: list[dict], heldout: bool, rng: random.Random, work: Path) -> Path:
    look = {
        "font": CHROMIUM_FONTS[heldout],
        "size": rng.choice((8.5, 9.5) if heldout else (9.0, 10.0)),
        "padding": rng.choice((2.0, 3.0)),
        "border": 0.5,
        "widths": (9, 18, 26, 26, 7, 14),
        "valign": rng.choice(("top", "middle")),
        "date_valign": "top",
        "timing_valign": "top",
        "lists": True,
        "break": "avoid",
    }
    pdf = work / f"{name}.pdf"
    _print(_html(rows, [(i, i + 1, "rs", False) for i in range(len(rows))], look), pdf)
    return pdf


def build(name: str) -> None:
    """Write sample set ``name`` (a key of ``SETS``) under samples/, replacing it."""
    heldout = SETS[name]

    def cases(work: Path) -> Iterator[SetCase]:
        for maker, looks in CASES:
            case_name = f"{'h' if heldout else ''}cp59-{maker}-{'-'.join(looks)}"
            rng = random.Random(f"piatable-compact59-{case_name}")
            rows = _rows(heldout, looks, rng)
            if maker == "chromium":
                pdf = _chromium_pdf(case_name, rows, heldout, rng, work)
                settings = {"program": "Chromium --headless --print-to-pdf (.html, <ul> lists)"}
            else:
                case = _office_case(case_name, maker, rows, heldout, rng)
                pdf = _office_pdf(case, maker, work)
                rows = case.rows
                settings = {k: v for k, v in asdict(replace(case, rows=[])).items() if k != "rows"}
                settings["program"] = {"gnumeric": "Gnumeric ssconvert (.xlsx)"}.get(maker, maker)
            truth = pdf_expected(pdf, rows)
            yield case_name, pdf, truth, {**settings, "looks": list(looks), "rows": len(truth)}

    build_made_set(ROOT / "samples" / name, cases, TEXTS, README.format(name=name))


README = """# {name}: items as the form's numbers, explanations' own ・ lists, blocks on their heading's line

Rows of the set's pool printed as some tables print them (branch rightq59; set XX's t06, t01,
t11): the 項目 as the form's numbers only (`Ⅱ-3-⑧`: `compact`), two or three ・ points after half
the explanations' reasons (`lists`), a repeated block's label on its heading's line after a space
(`oneline`).  Printed by LibreOffice Calc and Writer, Gnumeric (`ssconvert`) and Chromium (`<ul>`
lists).  The truth (`expected/records.json`) is each row as printed.  Each case is the PDF and
the texts `<case>-<extractor>` (pdftotext -layout and -raw, pypdfium2, and pypdfium2, pdfplumber
layout, pypdf and PyMuPDF `sort=True` with pages joined by line ends: `+nl`); settings per case
in `cases.json`.

`samples/office-compact59` (tuning) draws from the tuning tables; `samples/heldout-compact59`
(held out: measure on it, never tune on it) from the held-out tables, in other fonts, sizes and
list points.

    python tools/make_compact59_samples.py
    python tools/eval_office.py samples/office-compact59 samples/heldout-compact59 --total
"""


def main(argv: list[str] | None = None) -> int:
    return build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
