"""Calc sheets (and a Writer table) with the date in the middle or last and records whose last
lines of 変更前 / 説明 go on in the next sheet row (branch order74).

    python tools/make_order74_samples.py                          # both sets
    python tools/make_order74_samples.py --set order74            # or heldout-order74

A fresh tester's LibreOffice exports in session 73 printed No.｜項目｜変更前｜変更後｜変更日｜提出時期｜説明
(a row-number column first, the date in the middle) with records continued in the next sheet row
(no number, no date): the last lines of 変更前 and/or 説明, because the record crossed a page break or
because the author typed the rest in the next row.  The PDF read 5 of 15 rows wrong at 0.963
unflagged, the five texts 18 rows wrong unwarned.  The kinds here:

- columns in orders with 変更日 after 変更前 / 変更後 (middle) or last, 提出時期 after or before
  説明, a number column first or not, a 備考 column last or not;
- about two records in five continued in one next sheet row: the last line(s) of 変更前 and / or
  説明 (now and then of 変更後 or 項目), a one-paragraph cell cut after a sentence or clause
  mark (the author typing the rest below);
- one continued record's two sheet rows parted by a manual page break (the continuation alone at
  the next page's top), the label row repeated on every page or not;
- one Writer (.docx) table of the same shape, its label row repeated, long enough to run over a
  page.

The truth is the six fields as written, a continued cell's two pieces one paragraph each.
``order74`` (tuning) and ``heldout-order74`` (measure only, never tune on it) draw their rows,
orders, fonts, sizes and splits from their own pools.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
import make_sheet72_samples as sheet72
from make_boxes42_samples import _pool
from make_office_samples import printed_rows

SETS = {"order74": False, "heldout-order74": True}
TEXTS = office.EXTRACTORS
TUNING_ORDERS = (
    ("item", "before", "after", "date", "timing", "explanation"),
    ("item", "before", "after", "explanation", "timing", "date"),
    ("item", "before", "after", "date", "explanation", "timing"),
    ("item", "before", "after", "timing", "explanation", "date"),
)
HELDOUT_ORDERS = (
    ("item", "before", "after", "date", "timing", "explanation"),
    ("item", "before", "after", "explanation", "date", "timing"),
    ("item", "before", "after", "timing", "date", "explanation"),
)
TUNING_LEADS = ("No.", "No.", "番号", "")
HELDOUT_LEADS = ("No", "項番", "")
TUNING_TAILS = ("備考", "", "")
HELDOUT_TAILS = ("備考欄", "")
TUNING_FONTS = ("IPAexMincho", "IPAexGothic")
HELDOUT_FONTS = ("IPAPMincho", "IPAGothic")
SIZES = {False: (8.0, 9.0, 10.0), True: (8.5, 9.5)}
ROWS = {False: (9, 15), True: (9, 14)}
# Share of the records printed over two sheet rows (the tester's sheets: about one in three).
CONTINUED_SHARE = 0.4
TUNING_PLAN = ("calc",) * 8 + ("writer",) + ("calc",) * 6
HELDOUT_PLAN = ("calc",) * 6 + ("writer",)
# A one-paragraph cell is cut after one of these marks in its middle third (an author typing the
# rest of a sentence in the row below).
CUT_MARKS = re.compile(r"[。、）]")


def _cut(text: str, rng: random.Random, most: int) -> tuple[str, str]:
    """``text`` as (head, tail) printed in two sheet rows: before its last 1..``most`` lines, or,
    one paragraph, after a 。、） mark in its middle third; (text, "") when neither can be."""
    head, tail = sheet72._split_tail(text, rng, most)
    if tail:
        return head, tail
    n = len(text)
    marks = [m.end() for m in CUT_MARKS.finditer(text) if n // 3 <= m.end() <= n - max(4, n // 4)]
    if not marks:
        return text, ""
    at = rng.choice(marks)
    return text[:at], text[at:]


def _look(name: str, maker: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-order74-{name}")
    longest = sheet72.MAX_CELL
    pool = [r for r in _pool(heldout) if max(len(r[k]) for k in ("item", "before", "after")) <= longest]
    n = rng.randint(*ROWS[heldout])
    start = rng.randrange(len(pool) - n + 1)
    rows = printed_rows(pool[start : start + n], rng.choice(office.DATE_STYLES))
    rows = [dict(r, explanation=sheet72._two_paragraphs(r["explanation"], rng)) for r in rows]
    splits: dict[int, dict[str, tuple[str, str]]] = {}
    for i, r in enumerate(rows):
        if rng.random() >= CONTINUED_SHARE:
            continue
        want = rng.choice((("before",), ("explanation",), ("before", "explanation")))
        want += tuple(k for k in ("after", "item") if rng.random() < 0.15)
        parts = {}
        for key in want:
            head, tail = _cut(r[key], rng, 2)
            if tail:
                parts[key] = (head, tail)
        if parts:
            splits[i] = parts
    # The truth: a continued cell's two pieces one paragraph each.
    for i, parts in splits.items():
        rows[i] = dict(rows[i], **{k: h.rstrip("\n") + "\n" + t for k, (h, t) in parts.items()})
    leads = HELDOUT_LEADS if heldout else TUNING_LEADS
    return {
        "maker": maker,
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice(SIZES[heldout]),
        "tables": [rows],
        "splits": splits,
        "order": rng.choice(HELDOUT_ORDERS if heldout else TUNING_ORDERS),
        "lead": rng.choice(leads),
        "tail": rng.choice(HELDOUT_TAILS if heldout else TUNING_TAILS) if maker == "calc" else "",
        "remarks": [rng.choice(sheet72.HELDOUT_REMARKS if heldout else sheet72.TUNING_REMARKS) for _ in rows],
        "repeat": rng.random() < 0.5,
        # The continued record whose continuation row opens a page (a manual break), if any.
        "break_at": (
            rng.choice(sorted(splits)) if splits and maker == "calc" and rng.random() < 0.75 else None
        ),
    }


def _sheet_rows(look: dict) -> tuple[list[tuple[str, str]], list[tuple[dict, bool, int]]]:
    """The columns (key, label) and the sheet rows: (cells by key, is a continuation, record)."""
    cols = ([("no", look["lead"])] if look["lead"] else []) + [(k, sheet72.LABEL[k]) for k in look["order"]]
    cols += [("remark", look["tail"])] if look["tail"] else []
    out = []
    for i, r in enumerate(look["tables"][0]):
        parts = look["splits"].get(i, {})
        first = {k: parts[k][0] if k in parts else r[sheet72.KEY.get(k, k)] for k in sheet72.LABEL}
        first |= {"no": str(i + 1), "remark": look["remarks"][i]}
        out.append((first, False, i))
        if parts:
            out.append(({k: v[1] for k, v in parts.items()}, True, i))
    return cols, out


def _write_xlsx(path: Path, look: dict) -> None:
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.pagebreak import Break

    wb, ws, put = sheet72.a4_sheet(look)
    cols, rows = _sheet_rows(look)
    for j, (key, label) in enumerate(cols):
        put(2, 1 + j, label)
        ws.column_dimensions[get_column_letter(1 + j)].width = sheet72.WIDTHS[key]
    for at, (cells, cont, i) in enumerate(rows, start=3):
        for j, (key, _) in enumerate(cols):
            put(at, 1 + j, cells.get(key))
        if cont and i == look["break_at"]:
            ws.row_breaks.append(Break(id=at - 1))
    if look["repeat"]:
        ws.print_title_rows = "2:2"
    sheet72._fit_rows(ws, look["size"])
    wb.save(str(path))


def _write_docx(path: Path, look: dict) -> None:
    from docx.shared import Cm

    doc = office.docx_page(look, landscape=True)
    cols, rows = _sheet_rows(look)
    table = office.docx_label_table(doc, [label for _, label in cols], len(rows))
    scale = 26.0 / sum(sheet72.WIDTHS[k] for k, _ in cols)
    for j, (key, _) in enumerate(cols):
        for cell in table.columns[j].cells:
            cell.width = Cm(sheet72.WIDTHS[key] * scale)
    for t, (cells, _, _) in enumerate(rows, start=1):
        for j, (key, _) in enumerate(cols):
            paras = (cells.get(key) or "").split("\n")
            cell = table.rows[t].cells[j]
            cell.paragraphs[0].add_run(paras[0])
            for p in paras[1:]:
                cell.add_paragraph(p)
    doc.save(str(path))


def _truth_case(name: str, look: dict, heldout: bool) -> office.Case:
    """The rows as the record's first sheet row prints them (``expected_records`` finds each
    cell printed whole; a continued cell's rest is printed in the next sheet row, apart)."""
    rows = look["tables"][0]
    rows = [dict(r, **{k: v[0] for k, v in look["splits"].get(i, {}).items()}) for i, r in enumerate(rows)]
    case = office.plain_case(name, rows, look["maker"], heldout=heldout)
    return replace(case, rows=rows, merge=False, fallback_glyphs="○□△〒")


def _expected(pdf: Path, name: str, look: dict, heldout: bool) -> list[dict]:
    rows = look["tables"][0]
    out = office.expected_records(pdf, _truth_case(name, look, heldout))
    for e, r in zip(out, rows, strict=True):
        e.update({k: r[k] for k in ("item", "before", "after", "explanation")})
        e["item_path"] = [p for p in r["item"].split("\n") if p.strip()]
    return out


def _cases(work: Path, heldout: bool):  # type: ignore[no-untyped-def]
    tag = "hor74" if heldout else "or74"
    plan = HELDOUT_PLAN if heldout else TUNING_PLAN
    looks = {f"{tag}-{m}-{k + 1}": _look(f"{tag}-{m}-{k + 1}", m, heldout) for k, m in enumerate(plan)}
    sources, direct = [], set()
    for name, look in looks.items():
        if look["maker"] == "calc":
            src = work / f"{name}.xlsx"
            _write_xlsx(src, look)
            direct.add(src)
        else:
            src = work / f"{name}.docx"
            _write_docx(src, look)
        sources.append(src)
    office.convert(sources, work, direct=frozenset(direct))
    for name, look in looks.items():
        pdf = work / f"{name}.pdf"
        expected = _expected(pdf, name, look, heldout)
        entry = {
            "maker": look["maker"],
            "rows": len(expected),
            "pages": max(r["page_end"] for r in expected),
            "font": look["font"],
            "size": look["size"],
            "order": list(look["order"]),
            "lead": look["lead"],
            "tail": look["tail"],
            "repeat_header": look["repeat"],
            "break_at": look["break_at"],
            "continued": {str(i): sorted(p) for i, p in look["splits"].items()},
        }
        yield name, pdf, expected, entry


README = """# {name}: the date in the middle or last, records continued in the next sheet row (branch order74)

LibreOffice Calc pages (and one Writer table) made by `tools/make_order74_samples.py`: columns
項目｜変更前｜変更後 then 変更日 / 提出時期 / 説明 in orders with the date in the middle or last
(a number column first and a 備考 column last or not); about two records in five go on in the
next sheet row (no number, no date) with the last line(s) of 変更前 and / or 説明 (now and then
of 変更後 / 項目), a one-paragraph cell cut after a sentence or clause mark; one such record's
two rows parted by a manual page break, the label row repeated or not.  The truth
(`expected/records.json`) is the six fields as written, a continued cell's two pieces one
paragraph each.  Texts: pypdfium2, `pdftotext -raw`, pdfminer, `pdftotext`, `pdftotext -layout`.
`samples/order74` (tuning), `samples/heldout-order74` (held out: measure on it, never tune on it).
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return office.made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
