"""Probe tables for page-top rows whose 変更日 a narrow column wraps (branch pagetop74).

    python tools/make_pagetop74_samples.py OUTDIR N      # N Calc tables: OUTDIR/pt-K.{xlsx,pdf,expected.json}

Built on make_dates74_samples' machinery: 16 rows a table, manual page breaks before rows 4 and 9
(print-title row 2 repeated) in odd tables, natural breaks in even ones; the row above each
manual page-top row a long multi-line record, the page-top row dated 2021-12-20; months and days
two-digit so that 6–7.5-character columns wrap the date over 2–3 lines (``2021年`` / ``12月20日`` /
``施行``); forms 施行, 付, era, dual; fonts, sizes and column orders dealt by K; a correction's date
(``(修正日：…)``, ``(…修正)``, ``(…訂正)``) under the date of the row above each page-top row and of
every third row in natural-break tables.  The probe set of the branch, not a committed sample set:
tests/data/pagetop74 keeps one of its PDFs.  Compare with /tmp-style runs of tools/eval scripts.
"""

import datetime as dt
import json
import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_dates74_samples as d74
import make_office_samples as office
import make_sheet72_samples as sheet72
from make_boxes42_samples import _pool
from make_office_samples import printed_rows
from openpyxl.worksheet.pagebreak import Break

WRAPS = ["shikou", "shikou", "tsuke", "shikou", "wareki", "w_paren_e", "shikou", "e_paren_w"]


def look_for(k, manual):
    rng = random.Random(f"pt74-{k}")
    pool = [r for r in _pool(False) if max(len(r[x]) for x in ("item", "before", "after")) <= 200]
    pool = [r for r in pool if dt.date.fromisoformat(r["change_date"]) <= d74.LATEST]
    n = 16
    start = rng.randrange(len(pool) - n + 1)
    rows = printed_rows(pool[start : start + n], "slash")
    form = WRAPS[k % len(WRAPS)]
    typed = []
    tops = [4, 9] if manual else []
    pool_long = sorted(pool, key=lambda r: -sum(len(r[x]) for x in ("before", "after", "explanation")))
    for i in tops:
        rows[i - 1] = printed_rows([pool_long[(k * 3 + i) % 20]], "slash")[0]
    for i, r in enumerate(rows):
        if i in tops:
            r["change_date"] = "2021-12-20"
        d = dt.date.fromisoformat(r["change_date"])
        d = d.replace(month=max(d.month, 10), day=max(d.day, 10))
        r["change_date"] = d.isoformat()
        t = d74.FORMS[form](d)
        if i + 1 in tops or (not manual and i % 3 == 2):
            later = d + dt.timedelta(days=20)
            lab = ["修正", "修正日：", "訂正"][k % 3]
            sec = (
                f"({lab}{d74.FORMS['wareki'](later)})"
                if lab.endswith("：")
                else f"({d74.FORMS['wareki'](later)}{lab})"
            )
            t = t + "\n" + sec
        typed.append(t)
        first, _, second = t.partition("\n(")
        r["change_date_raw"] = first.replace("\n", "") + ("\n(" + second if second else "")
    return {
        "tables": [rows],
        "typed": typed,
        "forms": [form, form],
        "font": ["IPAexMincho", "IPAPMincho", "IPAGothic", "IPAexGothic"][k % 4],
        "size": [8.0, 8.5, 9.0, 9.5, 10.0][k % 5],
        "date_width": [6.0, 5.5, 6.5, 7.0, 7.5][(k // 2) % 5],
        "order": (d74.ORDERS[False] + d74.ORDERS[True][1:])[k % 3],
        "manual": manual,
    }


def write(path, look):
    from openpyxl.utils import get_column_letter

    wb, ws, put = sheet72.a4_sheet(look)
    widths = dict(sheet72.WIDTHS, date=look["date_width"])
    for j, key in enumerate(look["order"]):
        put(2, 1 + j, sheet72.LABEL[key])
        ws.column_dimensions[get_column_letter(1 + j)].width = widths[key]
    for i, (r, t) in enumerate(zip(look["tables"][0], look["typed"], strict=False)):
        for j, key in enumerate(look["order"]):
            put(3 + i, 1 + j, t if key == "date" else r[key])
    ws.print_title_rows = "2:2"
    sheet72._fit_rows(ws, look["size"])
    for b in look["manual"]:
        ws.row_breaks.append(Break(id=2 + b))  # break after sheet row 2+b: row index b starts page
    wb.save(str(path))


out = Path(sys.argv[1])
out.mkdir(exist_ok=True, parents=True)
looks = {}
for k in range(int(sys.argv[2])):
    manual = [4, 9] if k % 2 else []
    looks[f"pt-{k}"] = look_for(k, manual)
srcs = []
for name, look in looks.items():
    p = out / f"{name}.xlsx"
    write(p, look)
    srcs.append(p)
office.convert(srcs, out, direct=frozenset(srcs))

for name, look in looks.items():
    pdf = out / f"{name}.pdf"
    rows = look["tables"][0]
    case = office.plain_case(name, rows, "calc", heldout=False)
    case = replace(case, rows=rows, merge=False, fallback_glyphs="○□△〒")
    exp = office.expected_records(pdf, case)
    (out / f"{name}.expected.json").write_text(json.dumps(exp, ensure_ascii=False, indent=1))
    print(
        name,
        look["forms"][0],
        look["font"],
        look["size"],
        look["date_width"],
        look["order"][:2],
        look["manual"],
        len(exp),
        "pagestarts",
        [
            (i, r["page_start"])
            for i, r in enumerate(exp)
            if (i and r["page_start"] != exp[i - 1]["page_end"])
            or (i and r["page_start"] != exp[i - 1]["page_start"])
        ],
    )
