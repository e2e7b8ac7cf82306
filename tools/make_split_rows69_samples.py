"""One record printed over two sheet rows beside records under merged cells (branch tworow69).

    python tools/make_split_rows69_samples.py                              # both sets
    python tools/make_split_rows69_samples.py --set office-splitrows69     # or heldout-splitrows69

Set XXX (session 68) showed an Excel author whose cell text was too long for one sheet row go
on in the next sheet row: that row prints no 変更日, 項目 nor 提出時期 and holds the rest of 変更前
/ 変更後 / 説明 (one, two or all three of them).  The truth is ONE record, each continued cell the
two sheet cells' texts joined with a line break.  Beside such rows each case prints records under
merged cells (a 変更日, 提出時期, 項目 or 説明 merged over two or more records, each record with its
own 変更前 and 変更後), which a reader must keep apart.  A continuation is cut from a pool
record's cell at a paragraph break or in mid-sentence; the border between the two sheet rows is
drawn or left out (Calc); one continuation falls right after a manual page break in some cases.
Calc (.xlsx) and Writer (.docx) tables, made by LibreOffice.

``office-splitrows69`` (tuning) draws from the tuning tables; ``heldout-splitrows69`` (held out:
measure on it, never tune on it) from the held-out tables, with its own seeds, fonts and widths.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_office_samples import Case

SETS = {"office-splitrows69": False, "heldout-splitrows69": True}
TEXTS = ("pdftotext-layout", "pdfplumber", "pypdfium2", "pdftotext-raw")
ROWS = (9, 12)
# Which cells of a continued record go on in the next sheet row, drawn per continuation.
CONTINUED = (
    ("before", "after"),
    ("before",),
    ("after",),
    ("explanation",),
    ("before", "after", "explanation"),
    ("after", "explanation"),
)
# Per case (tuning, then held out): (maker, continuations, border between the two sheet rows,
# merged keys, a continuation right after a page break).
TUNING_PLANS = (
    ("calc", 2, True, ("change_date_raw", "timing"), False),
    ("calc", 3, False, ("change_date_raw", "timing", "explanation"), False),
    ("calc", 2, True, ("change_date_raw", "item", "timing"), True),
    ("calc", 3, False, ("change_date_raw", "timing", "explanation"), True),
    ("calc", 2, True, ("change_date_raw", "item", "timing", "explanation"), False),
    ("calc", 3, False, ("timing",), False),
    ("writer", 2, True, ("change_date_raw", "timing"), False),
    ("writer", 2, True, ("change_date_raw", "timing", "explanation"), False),
)
HELDOUT_PLANS = (
    ("calc", 3, False, ("change_date_raw", "item", "timing"), True),
    ("calc", 2, True, ("change_date_raw", "timing", "explanation"), False),
    ("calc", 3, True, ("change_date_raw", "timing"), False),
    ("writer", 2, True, ("change_date_raw", "item", "timing", "explanation"), False),
)
# Shortest cell cut in mid-sentence (characters): a shorter one is continued whole in the next row.
MIN_CUT = 12
# Two characters a cut must not part: digits, an era, 年 / 月 / 日 beside a digit.
_NUMERIC = re.compile(r"[0-9０-９令和平成元年月日][0-9０-９年月日]|[0-9０-９][年月日]")

# Sheet rows (by case name) whose top border is left out, applied after ``office.write_xlsx``.
_BORDERLESS: dict[str, set[int]] = {}


def _write_xlsx(path: Path, case: Case) -> None:
    """``office.write_xlsx``, then no border between a continued record's two sheet rows."""
    _original_write_xlsx(path, case)
    rows = _BORDERLESS.get(case.name)
    if not rows:
        return
    from openpyxl import load_workbook
    from openpyxl.styles import Border

    wb = load_workbook(path)
    ws = wb.active
    label_row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == case.labels[0])
    for i in rows:
        for j in range(1, len(office.SIX) + 1):
            above, below = ws.cell(label_row + i, j), ws.cell(label_row + 1 + i, j)
            b = below.border
            below.border = Border(left=b.left, right=b.right, bottom=b.bottom)
            a = above.border
            above.border = Border(left=a.left, right=a.right, top=a.top)
    wb.save(path)


_original_write_xlsx = office.write_xlsx
office.write_xlsx = _write_xlsx


def _cut(text: str, rng: random.Random) -> tuple[str, str]:
    """``text`` cut in two: at a paragraph break (the upper part ends a paragraph) or, in a long
    paragraph, in mid-sentence (the upper part stops open).  ("", text) when it cannot be cut."""
    paras = text.split("\n")
    if len(paras) > 1 and rng.random() < 0.5:
        k = rng.randrange(1, len(paras))
        return "\n".join(paras[:k]), "\n".join(paras[k:])
    if len(text) < MIN_CUT:
        return "", text
    at = rng.randrange(len(text) * 2 // 5, len(text) * 3 // 4)
    # Not inside a number or a date (an author goes on at a word's end: ``…令和`` / ``5年…`` would
    # make a truth cell holding a torn date).
    while at < len(text) and (text[at] in "\n、。）」" or _NUMERIC.match(text[at - 1 : at + 1])):
        at += 1
    if at >= len(text) - 1 or text[at - 1] == "\n":
        return "", text
    return text[:at], text[at:]


def _sheet_rows(
    records: list[dict], count: int, keys: tuple[str, ...], rng: random.Random
) -> tuple[list[dict], list[int]]:
    """The sheet rows printing ``records``: ``count`` records continued in a next row (their
    continuation rows' indexes returned too), and a few pairs of records made to share an item or
    an explanation where ``keys`` merges it."""
    recs = [dict(r) for r in records]
    for key in ("item", "explanation"):
        if key in keys:
            for k in rng.sample(range(len(recs) - 1), 2):
                recs[k + 1][key] = recs[k][key]
                recs[k + 1]["timing"] = recs[k]["timing"]
                recs[k + 1]["change_date_raw"] = recs[k]["change_date_raw"]
                recs[k + 1]["change_date"] = recs[k]["change_date"]
    shared = {
        k
        for k in range(len(recs) - 1)
        for key in ("item", "explanation")
        if key in keys and recs[k][key] == recs[k + 1][key]
    }
    # A record under a cell merged with the next record's is not continued (its continuation row
    # would part the merged cell).
    free = [
        k
        for k, r in enumerate(recs)
        if k not in shared
        and (k - 1) not in shared
        and any(len(r[c]) >= MIN_CUT for c in ("before", "after", "explanation"))
    ]
    chosen = set(rng.sample(free, min(count, len(free))))
    out, conts = [], []
    for k, r in enumerate(recs):
        if k not in chosen:
            out.append(r)
            continue
        cont = dict.fromkeys(r, "")
        upper = dict(r)
        cols = [c for c in rng.choice(CONTINUED) if len(r[c]) >= MIN_CUT] or [
            "before" if r["before"] else "after"
        ]
        for c in cols:
            head, tail = _cut(r[c], rng)
            if head:
                upper[c], cont[c] = head, tail
        if not any(cont[c] for c in ("before", "after", "explanation")):
            out.append(r)
            continue
        out.extend((upper, cont))
        conts.append(len(out) - 1)
    return out, conts


def _records(expected: list[dict], conts: list[int]) -> list[dict]:
    """The truth: each continuation sheet row's cells joined to the record above with a line break."""
    out: list[dict] = []
    for i, e in enumerate(expected):
        if i in conts:
            top = out[-1]
            for key in ("before", "after", "explanation"):
                if e[key]:
                    top[key] = f"{top[key]}\n{e[key]}" if top[key] else e[key]
            top["page_end"] = max(top["page_end"], e["page_end"])
            continue
        out.append(dict(e))
    for k, e in enumerate(out):
        e["row_index"] = k
    return out


def make_case(name: str, table: list[dict], plan: tuple, heldout: bool) -> tuple[Case, list[int]]:
    """A case of ``plan`` from a run of the pool ``table``, and its continuation rows."""
    maker, count, border, keys, over_break = plan
    rng = random.Random(f"piatable-splitrows69-{name}")
    n = rng.randint(*ROWS)
    start = rng.randrange(max(len(table) - n, 0) + 1)
    case = office.plain_case(name, table[start : start + n], maker, heldout=heldout)
    rows, conts = _sheet_rows(case.rows, count, keys, rng)
    per_page = None
    if over_break and conts:
        per_page = conts[0]
    if not border and maker == "calc":
        _BORDERLESS[name] = set(conts)
    return (
        replace(
            case,
            rows=rows,
            merge=True,
            merge_keys=keys,
            rows_per_page=per_page,
            valign=rng.choice(("top", "top", "center")),
            repeat_header=True,
            real_dates=False,
        ),
        conts,
    )


def cases(heldout: bool) -> list[tuple[Case, list[int]]]:
    """One case per plan, their pool tables taken in turn."""
    tables = office._four_tables(heldout)
    plans = HELDOUT_PLANS if heldout else TUNING_PLANS
    out = []
    for k, plan in enumerate(plans):
        tname, path = tables[k % len(tables)]
        table = office._printable(office.load_table(path))
        if heldout:  # the held-out tables are short: this one and the next
            table += office._printable(office.load_table(tables[(k + 1) % len(tables)][1]))
        out.append(make_case(f"{'h' if heldout else ''}sr69-{plan[0]}-{tname}-{k + 1}", table, plan, heldout))
    return out


def build(name: str) -> None:
    """``samples/<name>`` made anew: each case's PDF, texts and truth, and ``cases.json``."""
    import shutil
    import tempfile

    root = office.SAMPLES / name
    made_cases = cases(SETS[name])
    with tempfile.TemporaryDirectory() as tmp:
        made = office.render([c for c, _ in made_cases], Path(tmp))
        if root.exists():
            shutil.rmtree(root)
        manifest: dict = {}
        for case, conts in made_cases:
            _, pdf, expected = made[case.name]
            truth = _records(expected, conts)
            entry = office.write_case_with_texts(root, case, pdf, truth, TEXTS)
            manifest[case.name] = entry | {"sheet_rows": len(expected), "continuation_rows": conts}
            print(f"{name}/{case.name}: {len(truth)} records in {len(expected)} sheet rows", file=sys.stderr)
    office.write_manifest(root, manifest)
    (root / "README.md").write_text(README[name], "utf-8")


README = {
    "office-splitrows69": "# office-splitrows69 (tuning)\n\nCalc (.xlsx) and Writer (.docx) tables where some"
    " records go on in the next sheet row (no 変更日 / 項目 / 提出時期 there, the rest of 変更前 / 変更後 /"
    " 説明), beside records under merged 変更日 / 項目 / 提出時期 / 説明; the truth is one record per change."
    " PDFs and texts (pdftotext -layout, pdfplumber, pypdfium2, pdftotext -raw), made"
    " by `tools/make_split_rows69_samples.py`.\n",
    "heldout-splitrows69": "# heldout-splitrows69 (held out)\n\nAs office-splitrows69, from the held-out"
    " pool tables, seeds, fonts and widths, made by `tools/make_split_rows69_samples.py`. Measure on it,"
    " never tune on it.\n",
}


def main(argv: list[str] | None = None) -> int:
    return office.build_named(argv, __doc__, tuple(SETS), build)


if __name__ == "__main__":
    raise SystemExit(main())
