"""Calc sheets whose records take more than one sheet row, in varied column orders, and two
tables sharing the sheet's rows side by side (branch sheet72).

    python tools/make_sheet72_samples.py                           # both sets
    python tools/make_sheet72_samples.py --set office-sheet72      # or heldout-sheet72

Set XXXIII's w04 (Calc, No.｜項目｜変更日｜提出時期｜変更前｜変更後｜説明｜備考) printed the last line of
every third record's 項目 (and of a two-paragraph 説明) in the next sheet row, that row without a
No., date or timing: its PDF gave that line as an empty row of its own and the record lost it.
Its w06 (two six-column tables A–F | H–M on one sheet, sharing the sheet rows, narrow 変更日)
broke the texts read by places.  The kinds here:

- ``cont``: one table; the columns in one of a few orders (変更日 before or after 項目, 提出時期
  beside the date or before 説明), a numbering column first and a remarks column last or not;
  about a third of the records go on in one next sheet row with the last 1–3 lines of their
  項目 (and of their 説明 when it has two paragraphs or more, of their 変更前 / 変更後 now and
  then), the next row printing no number, date nor timing;
- ``side``: two tables in one sheet with a narrow blank column between, a caption above each,
  their records sharing sheet rows (a shared row as tall as the taller side: one side's rows much
  shorter than the other's), 変更日 columns narrow enough to wrap.

The truth is the six fields as written (the left table's records first).  ``office-sheet72``
(tuning) and ``heldout-sheet72`` (measure only, never tune on it) draw their rows, orders,
fonts, sizes and splits from their own pools.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import _pool
from make_office_samples import printed_rows

SETS = {"office-sheet72": False, "heldout-sheet72": True}
TEXTS = (
    "pypdfium2",
    "pdftotext-raw",
    "pypdf",
    "pymupdf",
    "pdftotext-layout",
    "pdfplumber-layout",
    "pypdf-layout",
)
TUNING_PLAN = ("cont", "cont", "cont", "cont", "cont", "cont", "side", "side", "side", "side")
HELDOUT_PLAN = ("cont", "cont", "cont", "cont", "side", "side", "side")
# Column orders (keys of make_office_samples.SIX, shortened) of the ``cont`` tables.
TUNING_ORDERS = (
    ("item", "date", "timing", "before", "after", "explanation"),
    ("date", "item", "before", "after", "timing", "explanation"),
    ("item", "date", "before", "after", "timing", "explanation"),
)
HELDOUT_ORDERS = (
    ("item", "date", "timing", "before", "after", "explanation"),
    ("date", "item", "timing", "before", "after", "explanation"),
    ("date", "item", "before", "after", "timing", "explanation"),
)
TUNING_LEADS = ("No.", "番号", "")
HELDOUT_LEADS = ("No", "項番", "")
TUNING_TAILS = ("備考", "")
HELDOUT_TAILS = ("備考欄", "")
TUNING_REMARKS = ("機構改革", "委託更新", "標準化", "", "")
HELDOUT_REMARKS = ("組織改正", "契約更新", "", "")
TUNING_FONTS = ("IPAexMincho", "IPAexGothic")
HELDOUT_FONTS = ("IPAPMincho", "IPAGothic")
SIZES = {False: (8.0, 9.0, 10.0), True: (8.5, 9.5)}
SIDE_SIZES = {False: (7.0, 8.0), True: (7.5,)}
CONT_ROWS = {False: (10, 15), True: (9, 13)}
SIDE_ROWS = (3, 6)
# Share of a ``cont`` table's records printed over two sheet rows.
CONTINUED_SHARE = 0.35
# Column widths (Calc characters) by key.
WIDTHS = {
    "no": 5,
    "date": 12,
    "item": 26,
    "before": 30,
    "after": 30,
    "timing": 7,
    "explanation": 22,
    "remark": 10,
}
SIDE_WIDTHS = {"date": 5.5, "item": 16, "before": 17, "after": 17, "timing": 5, "explanation": 13}
LABEL = dict(zip(("date", "item", "before", "after", "timing", "explanation"), office.LABELS, strict=True))
KEY = {"date": "change_date_raw"}
MAX_CELL = 200


def _split_tail(text: str, rng: random.Random, most: int) -> tuple[str, str]:
    """``text`` cut before its last 1..``most`` lines (at least one line kept above), or (text, "")."""
    lines = text.split("\n")
    if len(lines) < 2:
        return text, ""
    k = rng.randint(1, min(most, len(lines) - 1))
    return "\n".join(lines[:-k]), "\n".join(lines[-k:])


def _two_paragraphs(text: str, rng: random.Random) -> str:
    """An explanation given a second paragraph now and then (what w04 continued)."""
    if "\n" in text or rng.random() < 0.5:
        return text
    return (
        text + "\n" + rng.choice(("（評価の再実施によるもの）", "（重要な変更に当たらない）", "※軽微な変更"))
    )


def _look(name: str, kind: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-sheet72-{name}")
    pool = [r for r in _pool(heldout) if max(len(r[k]) for k in ("item", "before", "after")) <= MAX_CELL]
    style = rng.choice(office.DATE_STYLES)
    look: dict = {"kind": kind, "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS)}
    if kind == "cont":
        n = rng.randint(*CONT_ROWS[heldout])
        start = rng.randrange(len(pool) - n + 1)
        rows = printed_rows(pool[start : start + n], style)
        rows = [dict(r, explanation=_two_paragraphs(r["explanation"], rng)) for r in rows]
        splits = {}
        for i, r in enumerate(rows):
            if rng.random() >= CONTINUED_SHARE or "\n" not in r["item"]:
                continue
            parts = {"item": _split_tail(r["item"], rng, 3)}
            for key in ("explanation", "before", "after"):
                if key == "explanation" or rng.random() < 0.25:
                    head, tail = _split_tail(r[key], rng, 2)
                    if tail:
                        parts[key] = (head, tail)
            splits[i] = parts
        look |= {
            "tables": [rows],
            "splits": splits,
            "order": rng.choice(HELDOUT_ORDERS if heldout else TUNING_ORDERS),
            "lead": rng.choice(HELDOUT_LEADS if heldout else TUNING_LEADS),
            "tail": rng.choice(HELDOUT_TAILS if heldout else TUNING_TAILS),
            "remarks": [rng.choice(HELDOUT_REMARKS if heldout else TUNING_REMARKS) for _ in rows],
            "size": rng.choice(SIZES[heldout]),
        }
    else:
        short = [r for r in pool if sum(len(r[k]) for k in ("item", "before", "after", "explanation")) <= 150]
        n1, n2 = rng.randint(*SIDE_ROWS), rng.randint(*SIDE_ROWS)
        start = rng.randrange(len(short) - n1 - n2 + 1)
        run = printed_rows(short[start : start + n1 + n2], style)
        look |= {
            "tables": [run[:n1], run[n1:]],
            "captions": rng.choice(((("（その１）", "（その２）")), ("【表１】", "【表２】"))),
            "size": rng.choice(SIDE_SIZES[heldout]),
            "gap": rng.choice((1.0, 2.0)),
            "date_width": rng.choice((4.5, 5.5, 7.0)),
        }
    return look


def a4_sheet(look: dict, title: str = "（別添２）変更箇所", landscape: bool = True):  # type: ignore[no-untyped-def]
    """A workbook whose sheet prints on A4 fit to one page wide, ``title`` in A1 (``look``'s font,
    2 pt larger), and ``put(row, col, value, boxed=True)`` writing a wrapped top-aligned cell in
    ``look``'s font and size, ruled all round when boxed: (wb, ws, put)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side

    wb = Workbook()
    ws = wb.active
    font = Font(name=look["font"], size=look["size"])
    thin = Side(style="thin", color="FF000000")
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wrap = Alignment(wrap_text=True, vertical="top")
    ws.page_setup.orientation = "landscape" if landscape else "portrait"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.cell(1, 1, title).font = Font(name=look["font"], size=look["size"] + 2)

    def put(row: int, col: int, value: str | None, boxed: bool = True) -> None:
        c = ws.cell(row, col, value or None)
        c.font, c.alignment = font, wrap
        if boxed:
            c.border = box

    return wb, ws, put


def _write_xlsx(path: Path, look: dict) -> None:
    from openpyxl.utils import get_column_letter

    wb, ws, put = a4_sheet(look)

    if look["kind"] == "cont":
        cols = ([("no", look["lead"])] if look["lead"] else []) + [(k, LABEL[k]) for k in look["order"]]
        cols += [("remark", look["tail"])] if look["tail"] else []
        for j, (key, label) in enumerate(cols):
            put(2, 1 + j, label)
            ws.column_dimensions[get_column_letter(1 + j)].width = WIDTHS[key]
        at = 3
        for i, r in enumerate(look["tables"][0]):
            parts = look["splits"].get(i, {})
            first = {
                k: parts[k][0] if k in parts else r[KEY.get(k, k)]
                for k in WIDTHS
                if k not in ("no", "remark")
            }
            first |= {"no": str(i + 1), "remark": look["remarks"][i]}
            for j, (key, _) in enumerate(cols):
                put(at, 1 + j, first[key])
            at += 1
            if parts:
                for j, (key, _) in enumerate(cols):
                    put(at, 1 + j, parts[key][1] if key in parts else None)
                at += 1
        ws.print_title_rows = "2:2"
    else:
        widths = dict(SIDE_WIDTHS, date=look["date_width"])
        for side, (rows, caption) in enumerate(zip(look["tables"], look["captions"], strict=True)):
            left = 1 + side * 7
            put(2, left, caption, boxed=False)
            for j, key in enumerate(LABEL):
                put(3, left + j, LABEL[key])
                ws.column_dimensions[get_column_letter(left + j)].width = widths[key]
            for i, r in enumerate(rows):
                for j, key in enumerate(LABEL):
                    put(4 + i, left + j, r[KEY.get(key, key)])
        ws.column_dimensions["G"].width = look["gap"]
    _fit_rows(ws, look["size"])
    wb.save(str(path))


def _fit_rows(ws, size: float) -> None:  # type: ignore[no-untyped-def]
    """Each row as tall as its tallest cell needs (make_sidebyside71_samples' fit: a shared row of
    two side-by-side tables takes the taller side's height)."""
    import make_sidebyside71_samples as sb71

    sb71._fit_rows(ws, size)


def _truth_case(name: str, look: dict, heldout: bool) -> office.Case:
    """The rows as the record's first sheet row prints them (``expected_records`` finds each cell
    printed whole; a continued cell's rest is printed in the next sheet row, apart)."""
    rows = [r for t in look["tables"] for r in t]
    splits = look.get("splits", {})
    rows = [dict(r, **{k: v[0] for k, v in splits.get(i, {}).items()}) for i, r in enumerate(rows)]
    case = office.plain_case(name, rows, "calc", heldout=heldout)
    # The held-out fonts lack ○ □ △: LibreOffice draws them from another font out of the text's
    # order, so the truth check leaves them out.
    return replace(case, rows=rows, merge=False, fallback_glyphs="○□△〒")


def _expected(pdf: Path, name: str, look: dict, heldout: bool) -> list[dict]:
    """``expected_records`` of the first sheet rows with each continued cell written whole."""
    rows = [r for t in look["tables"] for r in t]
    out = office.expected_records(pdf, _truth_case(name, look, heldout))
    for e, r in zip(out, rows, strict=True):
        e.update({k: r[k] for k in ("item", "before", "after", "explanation")})
        e["item_path"] = [p for p in r["item"].split("\n") if p.strip()]
    return out


def _cases(work: Path, heldout: bool):  # type: ignore[no-untyped-def]
    plan = HELDOUT_PLAN if heldout else TUNING_PLAN
    tag = "hsh72" if heldout else "sh72"
    looks = {
        f"{tag}-{kind}-{k + 1}": _look(f"{tag}-{kind}-{k + 1}", kind, heldout) for k, kind in enumerate(plan)
    }
    sources = []
    for name, look in looks.items():
        src = work / f"{name}.xlsx"
        _write_xlsx(src, look)
        sources.append(src)
    office.convert(sources, work, direct=frozenset(sources))
    for name, look in looks.items():
        pdf = work / f"{name}.pdf"
        expected = _expected(pdf, name, look, heldout)
        entry = {
            "kind": look["kind"],
            "rows": len(expected),
            "pages": max(r["page_end"] for r in expected),
            "font": look["font"],
            "size": look["size"],
        }
        if look["kind"] == "cont":
            entry |= {
                "order": list(look["order"]),
                "lead": look["lead"],
                "tail": look["tail"],
                "continued": {str(i): sorted(p) for i, p in look["splits"].items()},
            }
        else:
            entry |= {"captions": list(look["captions"]), "date_width": look["date_width"]}
        yield name, pdf, expected, entry


README = """# {name}: records over two sheet rows, column orders, tables sharing rows (branch sheet72)

LibreOffice Calc pages.  `cont`: one table in one of a few column orders (変更日 before or after
項目, 提出時期 beside the date or before 説明; a No. column first and a 備考 column last or not);
about a third of its records go on in the next sheet row with the last 1–3 lines of their 項目
(and of a two-paragraph 説明, now and then of 変更前 / 変更後), that row printing no number,
date nor timing (set XXXIII w04).  `side`: two tables side by side in one sheet sharing its
rows (set XXXIII w06), a caption above each, narrow 変更日 columns.  The truth
(`expected/records.json`) is the six fields as written, the left table first.  Texts: pypdfium2,
`pdftotext -raw`, pypdf, PyMuPDF, `pdftotext -layout`, pdfplumber and pypdf layouts.  Made by
`tools/make_sheet72_samples.py`; `samples/office-sheet72` (tuning), `samples/heldout-sheet72`
(held out: measure on it, never tune on it).
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return office.made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
