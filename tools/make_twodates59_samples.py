"""Two dates in one 変更日 cell, and dates wrapped in a narrow 変更日 column (issues 10 / 12,
branch twodates59).

    python tools/make_twodates59_samples.py                              # both sets
    python tools/make_twodates59_samples.py --set office-twodates59      # or heldout-twodates59

Set XX's t14 (Calc) kept both dates of an item changed twice in its 変更日 cell, typed on two
lines with Alt+Enter (``2019/10/1`` / ``2025/3/14``); its t09 / t10 / t11 printed dates in a
変更日 column too narrow for them (``2022/3/`` / ``31``, ``2019.10.`` / ``1``, ``２０２０/`` /
``１/２０``).  The cases here are written as an outside user writes them
(``make_outsider_tables``: openpyxl .xlsx and python-docx .docx, LibreOffice to PDF):

* ``two``: two or three rows of the table list an earlier change's date above the row's own,
  a line break between (Calc: a cell typed with Alt+Enter; Writer: two paragraphs);
* ``narrow``: the 変更日 column narrow enough that its dates wrap, in one style per case
  (slashes, dots, full-width digits, 令和).

And three HTML tables printed by headless Chromium (``make_chromium54_samples``' page, CSS and
truth): ``chromium-two`` (two dates, ``<br>`` between), ``chromium-narrow`` (a 変更日 column
5–7 % wide, its dates merged over runs of rows with ``rowspan``, as set XX t09).

The truth of a two-date row: ``change_date`` the later date (the change that made the row's
変更後 what it is, as set XX's truth takes it), ``change_date_raw`` both lines.  Each case keeps
its PDF and the texts of ``TEXTS`` (form-feed and ``+nl`` ones).  ``office-twodates59`` (tuning)
draws from the tuning tables, ``heldout-twodates59`` (held out: measure on it, never tune on it)
from the held-out tables, with other seeds, fonts and widths.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from flatten import render_date
from make_outsider_tables import (
    HELDOUT_POOLS,
    SAMPLES,
    TUNING_POOLS,
    Case,
    draw_cases,
    print_case,
)

SETS = {"office-twodates59": False, "heldout-twodates59": True}
TEXTS = (
    "pdftotext-layout",
    "pdftotext-layout+nl",
    "pdftotext-raw",
    "pypdfium2",
    "pypdfium2+nl",
    "pdfplumber-layout+nl",
    "pypdf-layout+nl",
    "pymupdf-sort",
)
# (maker, look, date style, vertical alignment) per case.
LOOKS = (
    ("calc", "two", "slash", "top"),
    ("calc", "two", "wareki", "top"),
    ("writer", "two", "slash", "top"),
    ("writer", "narrow", "slash", "top"),
    ("writer", "narrow", "dot", "top"),
    ("calc", "narrow", "fullwidth", "top"),
)
# Rows of a ``two`` case whose cell lists an earlier date too.
TWO_DATE_ROWS = (2, 3)
# The 変更日 column's share of the width in a ``narrow`` case (a date of 8–10 characters wraps).
NARROW_SHARES = (0.045, 0.06)


def _styled(iso: str, style: str) -> str:
    """``iso`` in one of this set's styles: ``render_date``'s, ``dot`` (2019.10.1) and
    ``fullwidth`` (２０２０/１/２０, half-width slashes as set XX t11 prints them)."""
    d = dt.date.fromisoformat(iso)
    if style == "dot":
        return f"{d.year}.{d.month}.{d.day}"
    if style == "fullwidth":
        return f"{d.year}/{d.month}/{d.day}".translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return render_date(iso, style)


def _earlier(rng: random.Random, iso: str) -> str:
    """A date one to six years before ``iso`` (an earlier change of the same item)."""
    d = dt.date.fromisoformat(iso)
    return dt.date(d.year - rng.randint(1, 6), rng.randint(1, 12), rng.choice((1, 1, 15, 20))).isoformat()


# Chromium cases (``make_chromium54_samples``' page): (look, date style); ``narrow``: 変更日
# merged over runs of rows (``rowspan``, as set XX t09) in a column 5–7 % wide.
CHROMIUM_LOOKS = (("two", "slash"), ("narrow", "slash"), ("narrow", "wareki"))
CHROMIUM_DATE_WIDTHS = (5, 6, 7)


def _chromium_cases(heldout: bool) -> list[tuple[str, list[dict], list, dict]]:
    """(name, rows, runs, look) of the Chromium cases, as ``make_chromium54_samples`` prints them."""
    import make_chromium54_samples as cr
    from make_office_samples import _printable, load_table

    prefix = "htd59" if heldout else "td59"
    fonts, sizes, paddings, borders, widths = cr.HELDOUT_CSS if heldout else cr.TUNING_CSS
    pools = HELDOUT_POOLS if heldout else TUNING_POOLS
    out = []
    for k, (look_name, style) in enumerate(CHROMIUM_LOOKS):
        name = f"{prefix}-chromium-{look_name}-{style}"
        rng = random.Random(f"piatable-twodates59-{name}")
        pool = _printable(load_table(pools[(k + (3 if heldout else 0)) % len(pools)]))
        n = min(rng.randint(6, 9), len(pool))
        first = rng.randrange(len(pool) - n + 1)
        rows = [{**r, "change_date_raw": _styled(r["change_date"], style)} for r in pool[first : first + n]]
        if look_name == "two":
            for i in rng.sample(range(len(rows)), min(rng.randint(*TWO_DATE_ROWS), len(rows))):
                earlier = _styled(_earlier(rng, rows[i]["change_date"]), style)
                rows[i]["change_date_raw"] = f"{earlier}\n{rows[i]['change_date_raw']}"
            runs = [(i, i + 1, "rs", False) for i in range(len(rows))]
        else:
            rows, runs = cr._plan(rows, "rs", rng)
        col = list(rng.choice(widths))
        if look_name == "narrow":
            spare = col[0] - rng.choice(CHROMIUM_DATE_WIDTHS)
            col[0] -= spare
            col[1] += spare
        look = {
            "font": rng.choice(fonts),
            "size": rng.choice(sizes),
            "padding": rng.choice(paddings),
            "border": rng.choice(borders),
            "widths": tuple(col),
            "valign": "top",
            "date_valign": rng.choice(("top", "middle")),
            "timing_valign": "top",
            "lists": False,
            "break": "avoid",
        }
        out.append((name, rows, runs, look))
    return out


def _build_chromium(root: Path, heldout: bool) -> None:
    """The Chromium cases under ``root`` (beside the office ones): PDF, texts, truth."""
    import html

    import make_chromium54_samples as cr
    from make_office_samples import write_json
    from make_pdfs import extract_text

    for name, rows, runs, look in _chromium_cases(heldout):
        page = cr._html(rows, runs, look)
        for r in rows:  # a cell's two dates, a line each
            raw = html.escape(r["change_date_raw"])
            page = page.replace(f">{raw}</td>", f">{raw.replace(chr(10), '<br>')}</td>")
        pdf = root / name / "input.pdf"
        pdf.parent.mkdir(parents=True)
        cr._print(page, pdf)
        if pdf.stat().st_size > cr.PDF_MAX_BYTES:  # the PDF kept small: the look's other font
            fonts = (cr.HELDOUT_CSS if heldout else cr.TUNING_CSS)[0]
            other = next(f for f in fonts if f != look["font"])
            cr._print(page.replace(look["font"], other), pdf)
        truth = cr._expected(pdf, rows)
        write_json(root / name / "expected" / "records.json", truth)
        for tool in TEXTS:
            folder = root / f"{name}-{tool}"
            (folder / "expected").mkdir(parents=True)
            (folder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
            write_json(folder / "expected" / "records.json", truth)
        print(f"{name}: {len(truth)} rows", file=sys.stderr)


def _cases(heldout: bool) -> list[Case]:
    prefix = "htd59" if heldout else "td59"
    pools = HELDOUT_POOLS if heldout else TUNING_POOLS
    out = []
    for k, (maker, look, style, valign) in enumerate(LOOKS):
        rng = random.Random(f"piatable-twodates59-{prefix}-{k}")
        drawn = draw_cases(prefix, pools, 2, seed=(2959 if heldout else 1959) + 7 * k, rows_per_case=(5, 7))
        case = next(c for c in drawn if c.maker == maker)
        case.name = f"{prefix}-{maker}-{look}-{style}"
        case.valign = valign
        case.date_style = style
        case.title = rng.choice(("（別添２）変更箇所", "変更箇所"))
        for row in case.rows:
            row["change_date_raw"] = _styled(row["change_date"], style)
        if look == "two":
            for i in rng.sample(range(len(case.rows)), min(rng.randint(*TWO_DATE_ROWS), len(case.rows))):
                row = case.rows[i]
                first = _styled(_earlier(rng, row["change_date"]), style)
                row["change_date_raw"] = f"{first}\n{row['change_date_raw']}"
        else:
            shares = list(case.shares)
            shares[0] = round(rng.uniform(*NARROW_SHARES), 3)
            case.shares = tuple(shares)
        out.append(case)
    return out


README = """# {name}: two dates in one 変更日 cell, dates wrapped in a narrow 変更日 column (twodates59)

Tables written as an outside user writes them (openpyxl .xlsx `*-calc-*`, python-docx .docx
`*-writer-*`, LibreOffice to PDF).  `two`: two or three rows list an earlier change's date above
the row's own in the 変更日 cell (Calc: Alt+Enter; Writer: two paragraphs); the truth's
`change_date` is the later date, `change_date_raw` both lines.  `narrow`: a 変更日 column narrow
enough that its dates wrap (slashes, dots `2019.10.1`, full-width `２０２０/１/２０`).  `*-chromium-*`:
HTML tables printed by headless Chromium (`two`: two dates with `<br>`; `narrow`: a 変更日 column
5–7 % wide, dates merged over runs of rows with `rowspan`, as set XX t09).  Each case is
the PDF and the texts `<case>-<extractor>` (pdftotext -layout / -raw, pypdfium2, pdfplumber
`layout=True`, pypdf layout mode, PyMuPDF `sort=True`; `+nl`: pages joined by line ends).

`samples/office-twodates59` (tuning) draws from the tuning tables; `samples/heldout-twodates59`
(held out: measure on it, never tune on it) from the held-out tables.

`xx58-t11*`, `xx58-t14*` (tuning set only): two tables of set XX (`/work/newuser58`, spent;
FAULTS #10, #15) copied by hand, their PDFs and the texts the set's kinds were seen in (t11: a
Chromium table whose `２０２０/` / `１/２０` and `令和元年5` / `月7日` wrap; t14: Calc, two dates in
one 変更日 cell); the truth is set XX's, with the pages its PDF's rows were read on.

    python tools/make_twodates59_samples.py
    python tools/eval_office.py samples/office-twodates59 samples/heldout-twodates59 --total
"""


def _build_office(root: Path, cases: list[Case]) -> None:
    """The office cases under ``root`` (replacing it): each PDF (a Calc row too low to print its
    cells whole is made taller, as ``make_outsider_tables.build`` does), its texts and the truth
    with pages (``make_chromium54_samples._expected``)."""
    import tempfile
    from dataclasses import asdict

    import make_chromium54_samples as cr
    from make_office_samples import write_json, write_manifest
    from make_pdfs import extract_text

    root.mkdir(parents=True, exist_ok=True)
    for old in root.glob("*td59-*"):  # this maker's cases (the copied xx58-* ones stay)
        if "-chromium-" not in old.name:
            shutil.rmtree(old)
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for case in cases:
            pdf, _ = print_case(case, work)
            truth = cr._expected(pdf, case.rows)
            (root / case.name).mkdir()
            shutil.copy(pdf, root / case.name / "input.pdf")
            write_json(root / case.name / "expected" / "records.json", truth)
            for tool in TEXTS:
                folder = root / f"{case.name}-{tool}"
                (folder / "expected").mkdir(parents=True)
                (folder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
                write_json(folder / "expected" / "records.json", truth)
            manifest[case.name] = {k: v for k, v in asdict(case).items() if k != "rows"}
            print(f"{case.name}: {len(truth)} rows", file=sys.stderr)
    write_manifest(root, manifest)


def main(argv: list[str] | None = None) -> int:
    import argparse

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=tuple(SETS), action="append")
    ap.add_argument("--chromium-only", action="store_true", help="(re)make only the Chromium cases")
    ns = ap.parse_args(argv)
    for name in ns.set or list(SETS):
        if ns.chromium_only:
            for old in (SAMPLES / name).glob("*-chromium-*"):
                shutil.rmtree(old)
        else:
            _build_office(SAMPLES / name, _cases(SETS[name]))
        _build_chromium(SAMPLES / name, SETS[name])
        (SAMPLES / name / "README.md").write_text(README.format(name=name), "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
