"""Calc tables whose 変更日 cells print dates as municipal documents print them (branch dates74).

    python tools/make_dates74_samples.py                       # both sets
    python tools/make_dates74_samples.py --set office-dates74  # or heldout-dates74

A new user's ``2025（令和7）年4月23日`` gave no ISO date, and every reader (they open rows at
date lines) merged its row into the one above.  Each table here prints its 変更日 cells in one
or two of these forms (``FORMS``): the year in both calendars (``2025（令和7）年4月23日``,
``令和7年（2025年）4月23日``, ``令和７（２０２５）年４月２３日``, ``2025年（令和7年）4月23日``, in ASCII
brackets too), 元年, a weekday after the day (``（水）``, ``(水曜日)``), 付, ``R7.4.23``,
``2025.04.23``, ``2025年4月23日 施行``, full-width digits and spaces; some cells typed with the
year on one line and 月日 on the next (``令和7年`` / ``4月23日``), some tables with a 変更日
column narrow enough to wrap the date, and now and then a cell holding a second date, a
correction's (``令和6年4月1日`` / ``(令和6年5月1日修正)``: the row's date is the first).

The truth (``expected/records.json``): the six fields as written, ``change_date`` the ISO date
of the change, ``change_date_raw`` the cell as printed (a typed line break inside one date left
out, as ``line_dates.raw_date`` joins a wrapped date; the line break before a second date kept).
``office-dates74`` (tuning) and ``heldout-dates74`` (measure only, never tune on it) draw their
rows, forms, fonts, widths and sizes from their own pools.
"""

from __future__ import annotations

import datetime as dt
import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
import make_sheet72_samples as sheet72
from make_boxes42_samples import _pool
from make_office_samples import printed_rows

SETS = {"office-dates74": False, "heldout-dates74": True}
TEXTS = sheet72.TEXTS
FW = str.maketrans("0123456789 ", "０１２３４５６７８９\u3000")
WEEKDAYS = "月火水木金土日"


def _era(d: dt.date) -> tuple[str, str, str]:
    """(era name, its initial, year in the era: 元 for 1) of ``d`` (令和 from 2019-05-01)."""
    if d >= dt.date(2019, 5, 1):
        name, letter, y = "令和", "R", d.year - 2018
    else:
        name, letter, y = "平成", "H", d.year - 1988
    return name, letter, "元" if y == 1 else str(y)


def _ey(d: dt.date) -> str:
    """The era year as digits (R1 rather than R元 for the initials' form)."""
    y = _era(d)[2]
    return "1" if y == "元" else y


# Each form: name → (date → printed text).  A "\n" marks the typed line break of a date whose year
# stands on a line of its own (the truth's raw text leaves it out).
FORMS = {
    "w_paren_e": lambda d: f"{d.year}（{_era(d)[0]}{_era(d)[2]}）年{d.month}月{d.day}日",
    "e_paren_w": lambda d: f"{_era(d)[0]}{_era(d)[2]}年（{d.year}年）{d.month}月{d.day}日",
    "e_paren_w_fw": lambda d: f"{_era(d)[0]}{_era(d)[2]}（{d.year}）年{d.month}月{d.day}日".translate(FW),
    "w_nen_paren_e": lambda d: f"{d.year}年（{_era(d)[0]}{_era(d)[2]}年）{d.month}月{d.day}日",
    "w_ascii_e": lambda d: f"{d.year}({_era(d)[0]}{_era(d)[2]})年{d.month}月{d.day}日",
    "e_ascii_w": lambda d: f"{_era(d)[0]}{_era(d)[2]}年({d.year}年){d.month}月{d.day}日",
    "wareki": lambda d: f"{_era(d)[0]}{_era(d)[2]}年{d.month}月{d.day}日",
    "weekday": lambda d: f"{d.year}年{d.month}月{d.day}日（{WEEKDAYS[d.weekday()]}）",
    "weekday_long": lambda d: f"{d.year}年{d.month}月{d.day}日({WEEKDAYS[d.weekday()]}曜日)",
    "tsuke": lambda d: f"{_era(d)[0]}{_era(d)[2]}年{d.month}月{d.day}日付",
    "initial": lambda d: f"{_era(d)[1]}{_ey(d)}.{d.month}.{d.day}",
    "dotted": lambda d: f"{d.year}.{d.month:02d}.{d.day:02d}",
    "shikou": lambda d: f"{d.year}年{d.month}月{d.day}日 施行",
    "fw_spaced": lambda d: f"{d.year}年 {d.month}月 {d.day}日".translate(FW),
    "year_line": lambda d: f"{_era(d)[0]}{_era(d)[2]}年\n{d.month}月{d.day}日",
    "year_line_dual": lambda d: f"{_era(d)[0]}{_era(d)[2]}年\n（{d.year}年）\n{d.month}月{d.day}日",
    "year_line_w": lambda d: f"{d.year}年\n{d.month}月{d.day}日",
}
# Forms by set: the held-out set draws from all, the tuning set from all but a few it never sees.
HELDOUT_ONLY = ("e_ascii_w", "year_line_dual", "weekday_long")
TUNING_FORMS = tuple(f for f in FORMS if f not in HELDOUT_ONLY)
HELDOUT_FORMS = tuple(FORMS)
TUNING_PLAN = 13
# Tables whose forms and 変更日 width are set, not dealt: a qualifier's label after the date in a
# column narrow enough to wrap it (``2021年`` / ``12月20日`` / ``施行``), which the dealt tables
# printed only in a wide column.
TUNING_SET = {12: ("shikou", "year_line", 6.0)}
HELDOUT_PLAN = 9
ROWS = {False: (7, 11), True: (6, 10)}
# Share of rows whose 変更日 cell holds a correction's date too (``(令和6年5月1日修正)``).
SECOND_DATE_SHARE = 0.15
SECOND_LABELS = {False: ("修正", "訂正"), True: ("修正", "修正日：")}
# 変更日 column widths (Calc characters): wide enough for one line, or narrow so Calc wraps it.
DATE_WIDTHS = {False: (14, 16, 6, 7), True: (15, 6.5, 7.5)}
FONTS = {False: ("IPAexMincho", "IPAexGothic"), True: ("IPAPMincho", "IPAGothic")}
SIZES = {False: (8.0, 9.0, 10.0), True: (8.5, 9.5)}
ORDERS = {
    False: (
        ("date", "item", "before", "after", "timing", "explanation"),
        ("item", "date", "before", "after", "timing", "explanation"),
    ),
    True: (
        ("date", "item", "before", "after", "timing", "explanation"),
        ("date", "timing", "item", "before", "after", "explanation"),
    ),
}
MAX_CELL = 200
# The truth needs dates before the day the samples are read (``date_implausible``: after today).
LATEST = dt.date(2026, 3, 31)


def _second(d: dt.date, rng: random.Random, heldout: bool) -> str:
    """A correction's date after ``d`` in brackets, as a second line of the cell."""
    later = d + dt.timedelta(days=rng.randint(10, 60))
    label = rng.choice(SECOND_LABELS[heldout])
    date = FORMS["wareki"](later)
    return f"({label}{date})" if label.endswith("：") else f"({date}{label})"


def _look(name: str, k: int, heldout: bool) -> dict:
    """Table ``k`` of a set: its rows, and its 変更日 cells in two forms dealt in turn (every form
    of the set's pool printed by some table), the first in most rows."""
    rng = random.Random(f"piatable-dates74-{name}")
    pool = [r for r in _pool(heldout) if max(len(r[k]) for k in ("item", "before", "after")) <= MAX_CELL]
    pool = [r for r in pool if dt.date.fromisoformat(r["change_date"]) <= LATEST]
    n = rng.randint(*ROWS[heldout])
    start = rng.randrange(len(pool) - n + 1)
    rows = printed_rows(pool[start : start + n], "slash")
    forms = HELDOUT_FORMS if heldout else TUNING_FORMS
    main, other = forms[(2 * k) % len(forms)], forms[(2 * k + 1) % len(forms)]
    if not heldout and k in TUNING_SET:
        main, other = TUNING_SET[k][:2]
    typed = []
    for r in rows:
        d = dt.date.fromisoformat(r["change_date"])
        text = FORMS[main if rng.random() < 0.7 else other](d)
        if rng.random() < SECOND_DATE_SHARE and "\n" not in text:
            text += "\n" + _second(d, rng, heldout)
        typed.append(text)
        # One date typed over lines is one date: its raw text reads the lines joined.
        first, _, second = text.partition("\n(")
        raw = first.replace("\n", "") + ("\n(" + second if second else "")
        r["change_date_raw"] = raw
    look = {
        "tables": [rows],
        "typed": typed,
        "forms": [main, other],
        "font": rng.choice(FONTS[heldout]),
        "size": rng.choice(SIZES[heldout]),
        "date_width": rng.choice(DATE_WIDTHS[heldout]),
        "order": rng.choice(ORDERS[heldout]),
    }
    if not heldout and k in TUNING_SET:
        look["date_width"] = TUNING_SET[k][2]
    return look


def _write_xlsx(path: Path, look: dict) -> None:
    from openpyxl.utils import get_column_letter

    wb, ws, put = sheet72.a4_sheet(look)
    widths = dict(sheet72.WIDTHS, date=look["date_width"])
    for j, key in enumerate(look["order"]):
        put(2, 1 + j, sheet72.LABEL[key])
        ws.column_dimensions[get_column_letter(1 + j)].width = widths[key]
    for i, (r, typed) in enumerate(zip(look["tables"][0], look["typed"], strict=True)):
        for j, key in enumerate(look["order"]):
            put(3 + i, 1 + j, typed if key == "date" else r[key])
    ws.print_title_rows = "2:2"
    sheet72._fit_rows(ws, look["size"])
    wb.save(str(path))


def _expected(pdf: Path, name: str, look: dict, heldout: bool) -> list[dict]:
    rows = look["tables"][0]
    case = office.plain_case(name, rows, "calc", heldout=heldout)
    case = replace(case, rows=rows, merge=False, fallback_glyphs="○□△〒")
    return office.expected_records(pdf, case)


def _cases(work: Path, heldout: bool):  # type: ignore[no-untyped-def]
    tag = "hdt74" if heldout else "dt74"
    n = HELDOUT_PLAN if heldout else TUNING_PLAN
    looks = {f"{tag}-{k + 1}": _look(f"{tag}-{k + 1}", k, heldout) for k in range(n)}
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
            "rows": len(expected),
            "pages": max(r["page_end"] for r in expected),
            "font": look["font"],
            "size": look["size"],
            "forms": look["forms"],
            "date_width": look["date_width"],
            "order": list(look["order"]),
            "typed_dates": look["typed"],
        }
        yield name, pdf, expected, entry


README = """# {name}: 変更日 cells in the date forms municipal documents print (branch dates74)

LibreOffice Calc pages made by `tools/make_dates74_samples.py`: each table prints its 変更日
cells in one or two forms: the year in both calendars (`2025（令和7）年4月23日`,
`令和7年（2025年）4月23日`, `令和７（２０２５）年４月２３日`, `2025年（令和7年）4月23日`, ASCII brackets
too), 元年, a weekday (`（水）`, `(水曜日)`), 付, `R7.4.23`, `2025.04.23`, `2025年4月23日 施行`,
full-width digits and spaces, the year typed on a line of its own (`令和7年` / `4月23日`); some
変更日 columns narrow enough to wrap the date; now and then a correction's date under the
change's (`令和6年4月1日` / `(令和6年5月1日修正)`: the row's date is the first).  `cases.json`
lists each table's forms and the cells as typed.  The truth (`expected/records.json`) is the six
fields as written, `change_date` ISO.  Texts: pypdfium2, `pdftotext -raw`, pypdf, PyMuPDF,
`pdftotext -layout`, pdfplumber and pypdf layouts.  `samples/office-dates74` (tuning),
`samples/heldout-dates74` (held out: measure on it, never tune on it).
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return office.made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
