"""Right rows that set XXI warned with no evidence (issue 12, branch rightwarn60; set XXI t01 /
t09 / t12 and t04): explanations that list further reasons in ・ points beside body cells that
print ・ lists, and a table caption (``表１　変更箇所一覧``) between the title and the labels.

    python tools/make_rightwarn60_samples.py                              # both sets
    python tools/make_rightwarn60_samples.py --set heldout-rightwarn60     # or office-rightwarn60

Each case prints the rows of the set's pool (tuning tables for ``office-rightwarn60``; the
held-out tables for ``heldout-rightwarn60``: measure on it, never tune on it), changed as some
tables print them:

* ``reasons``: about half the explanations get two ・ points after their first line, points that
  are reasons again (``・記載の明確化`` / ``・重要な変更に該当しない``), and the after (or before) cell
  of a row with several paragraphs prints them as a ・ list;
* ``caption``: the table's caption (``表１　変更箇所一覧``) printed under the title.

Printed by LibreOffice Calc and Writer (``make_outsider_tables``) and Chromium
(``make_chromium54_samples``), through ``make_compact59_samples``' printers.  The truth
(``expected/records.json``) is each row as printed.  Each case keeps its PDF and ``TEXTS``
(form-feed and ``+nl`` ones).
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from dataclasses import asdict, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from flatten import render_date
from make_chromium54_samples import _expected as pdf_expected
from make_chromium54_samples import _html, _print
from make_compact59_samples import CHROMIUM_FONTS, TEXTS, _office_case, _office_pdf
from make_office_samples import (
    HELDOUT_DIR,
    TUNING_TABLES,
    SetCase,
    _printable,
    build_made_set,
    build_named,
    load_table,
)

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-rightwarn60": False, "heldout-rightwarn60": True}
CASES = (
    ("calc", ("reasons",)),
    ("writer", ("caption", "reasons")),
    ("writer", ("caption",)),
    ("chromium", ("caption", "reasons")),
)
TUNING_POINTS = ("記載の明確化", "重要な変更に該当しない", "誤記の修正", "時点修正", "表現の適正化")
# Held out: other wordings, one of them (…への準拠) not ending as explanations usually end.
HELDOUT_POINTS = (
    "重要な変更に当たらない",
    "文言の整理",
    "記載誤りの修正",
    "組織改正に伴う変更",
    "評価書様式への準拠",
    "事務の実態に即した見直し",
)
TUNING_CAPTIONS = ("表１　変更箇所一覧", "表1 変更箇所一覧")
HELDOUT_CAPTIONS = ("表２　変更内容一覧", "表 1　変更箇所")
LIST_SHARE = 0.5
_MARKS = "・①②③④⑤⑥⑦⑧⑨⑩（(［[＜<※―"


def _listed(cell: str) -> str:
    """A cell of several plain paragraphs printed as a ・ list, else the cell as it is."""
    paras = [p for p in cell.split("\n") if p.strip()]
    if len(paras) < 2 or any(p[:1] in _MARKS for p in paras):
        return cell
    return "\n".join(f"・{p}" for p in paras)


def _rows(heldout: bool, looks: tuple[str, ...], rng: random.Random) -> list[dict]:
    paths = sorted(HELDOUT_DIR.glob("*.json")) if heldout else list(TUNING_TABLES.values())
    points = HELDOUT_POINTS if heldout else TUNING_POINTS
    out = []
    for path in paths:
        for r in _printable(load_table(path)):
            r = dict(r)
            if "reasons" in looks:
                r["before"], r["after"] = _listed(r["before"]), _listed(r["after"])
                if r["explanation"].strip() and rng.random() < LIST_SHARE:
                    listed = rng.sample(points, 2)
                    first = r["explanation"].split("\n")[0]
                    r["explanation"] = "\n".join([first, *(f"・{p}" for p in listed)])
            out.append(r)
    rng.shuffle(out)
    out = out[:14]
    style = rng.choice(("slash", "wareki", "seireki"))
    return [{**r, "change_date_raw": render_date(r["change_date"], style)} for r in out]


def _chromium_pdf(
    name: str, rows: list[dict], caption: str, heldout: bool, rng: random.Random, work: Path
) -> Path:
    look = {
        "font": CHROMIUM_FONTS[heldout],
        "size": rng.choice((8.5, 9.5) if heldout else (9.0, 10.0)),
        "padding": rng.choice((2.0, 3.0)),
        "border": 0.5,
        "widths": (9, 18, 26, 26, 7, 14),
        "valign": "top",
        "date_valign": "top",
        "timing_valign": "top",
        "lists": True,
        "break": "avoid",
    }
    page = _html(rows, [(i, i + 1, "rs", False) for i in range(len(rows))], look)
    if caption:
        title = "<p>（別添２）変更箇所</p>"
        page = page.replace(title, f'{title}<p style="text-align:center">{caption}</p>', 1)
    pdf = work / f"{name}.pdf"
    _print(page, pdf)
    return pdf


def build(name: str) -> None:
    """Write sample set ``name`` (a key of ``SETS``) under samples/, replacing it."""
    heldout = SETS[name]

    def cases(work: Path) -> Iterator[SetCase]:
        for k, (maker, looks) in enumerate(CASES):
            case_name = f"{'h' if heldout else ''}rw60-{maker}-{'_'.join(looks)}"
            rng = random.Random(f"piatable-rightwarn60-{case_name}")
            rows = _rows(heldout, looks, rng)
            captions = HELDOUT_CAPTIONS if heldout else TUNING_CAPTIONS
            caption = captions[k % len(captions)] if "caption" in looks else ""
            if maker == "chromium":
                pdf = _chromium_pdf(case_name, rows, caption, heldout, rng, work)
                settings: dict = {"program": "Chromium --headless --print-to-pdf (.html, <ul> lists)"}
            else:
                case = _office_case(case_name, maker, rows, heldout, rng)
                if caption:
                    case.title = f"（別添２）変更箇所\n{caption}"
                pdf = _office_pdf(case, maker, work)
                rows = case.rows
                settings = {k: v for k, v in asdict(replace(case, rows=[])).items() if k != "rows"}
                settings["program"] = maker
            truth = pdf_expected(pdf, rows)
            yield (
                case_name,
                pdf,
                truth,
                {**settings, "looks": list(looks), "caption": caption, "rows": len(truth)},
            )

    build_made_set(ROOT / "samples" / name, cases, TEXTS, README.format(name=name))


README = """# {name}: explanations listing further reasons, a table caption under the title

Rows of the set's pool printed as some tables print them (branch rightwarn60; set XXI t01, t09,
t12, t04): two ・ points that are reasons again after half the explanations' first lines, beside
before/after cells of several paragraphs printed as ・ lists (`reasons`), and the table's caption
(`表１　変更箇所一覧`) under the title (`caption`).  Printed by LibreOffice Calc and Writer and
Chromium (`<ul>` lists).  The truth (`expected/records.json`) is each row as printed.  Each case
is the PDF and the texts `<case>-<extractor>` (pdftotext -layout and -raw, pypdfium2, and
pypdfium2, pdfplumber layout, pypdf and PyMuPDF `sort=True` with pages joined by line ends:
`+nl`); settings per case in `cases.json`.

`samples/office-rightwarn60` (tuning) draws from the tuning tables; `samples/heldout-rightwarn60`
(held out: measure on it, never tune on it) from the held-out tables, in other fonts, sizes,
points and captions.

    python tools/make_rightwarn60_samples.py
    python tools/eval_office.py samples/office-rightwarn60 samples/heldout-rightwarn60 --total
"""


def main(argv: list[str] | None = None) -> int:
    return build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
