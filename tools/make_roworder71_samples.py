"""Calc and Writer tables whose cells print a period over two lines, a note mark ※N or a check
box's ○ (the marks now and then in a fallback font), with their PDFs and row-ordered texts
(branch roworder71).

    python tools/make_roworder71_samples.py                              # both sets
    python tools/make_roworder71_samples.py --set office-roworder71       # or heldout-roworder71

Set XXXII's row-ordered texts (pypdfium2, ``pdftotext -raw``, pypdf, PyMuPDF, pdf.js) cut a period
wrapped in a narrow cell (``平成30年12月1日から`` / ``平成30年12月31日まで``) between before and
after (u03, u09: 10 rows unwarned); printed a ※N set in a fallback font away from its number
(``①法令上の根拠 ２※``, ``※行するため １``: u08, 9 rows unwarned); and left a fallback-font ○ after
its box (``［ ］○ 紙``: 12 rows).  Each case is a table of 6–10 rows of the pool
(``make_bikou55_samples._rows``) with two to four rows changed to: an 意見の聴取 period item whose
before and after are periods (和暦 / 西暦 / slashed / ``R6.11.15``, full-width digits now and then,
joined by から…まで, ～, － or 〜; half of them with the author's own line break after the joiner,
the shape XXXII's wrap after it printed), a note mark ``※1`` / ``※２`` ending an item's last heading or an
explanation, or opening a before / after paragraph, and a choice item (``［○］紙`` / ``［ ］…``).
In about half the cases the table names a font this machine lacks (``Calibri``, ``ＭＳ 明朝``: a
Windows-made file), and LibreOffice draws ※ and ○ in a fallback font of their own, as XXXII's
were.  The 変更前 / 変更後 columns' widths vary (12–26% of the page's width).  The truth
(``expected/records.json``) is the six fields as written.  ``office-roworder71`` (tuning) and
``heldout-roworder71`` (measure only, never tune on it) draw tables, date styles, joiners, marks,
fonts and sizes from their own pools.
"""

from __future__ import annotations

import random
import re
import sys
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_extracol67_samples as x67
import make_extracols62_samples as x62
from make_bikou55_samples import _rows
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import made_sets_main

SETS = {"office-roworder71": False, "heldout-roworder71": True}
TEXTS = ("pypdfium2", "pdftotext-raw", "pypdf", "pymupdf")
PROGRAMS = x67.PROGRAMS
ROWS = (6, 10)
TUNING_CASES, HELDOUT_CASES = 10, 6
FALLBACK_SHARE = 0.5
MARKS = "※○"
BROKEN_PERIOD_SHARE = 0.5
FULL = str.maketrans("0123456789", "０１２３４５６７８９")
PERIOD_ITEM = "Ⅵ評価実施手続\n２．国民・住民等からの意見の聴取\n②実施日・期間"
# (first date, second date) pairs of a period and how it is joined.
TUNING_PERIODS = (("2018-12-01", "2018-12-31"), ("2024-11-15", "2024-12-16"), ("2021-06-01", "2021-06-30"))
HELDOUT_PERIODS = (("2019-02-04", "2019-03-05"), ("2023-10-02", "2023-10-31"), ("2025-01-10", "2025-02-08"))
TUNING_JOINERS = ("{a}から{b}まで", "{a}～{b}", "{a}から{b}まで")
HELDOUT_JOINERS = ("{a}から{b}まで", "{a}－{b}", "{a}〜{b}")
TUNING_STYLES = ("wareki", "seireki", "slash")
HELDOUT_STYLES = ("wareki", "seireki", "rdot")
# Where a note mark goes, and its number's digits.
TUNING_NOTES = ("item", "explanation", "before_open")
HELDOUT_NOTES = ("item", "explanation", "after_open")
CHOICE_ITEM = "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法"
TUNING_CHOICES = ("紙", "電子記録媒体（フラッシュメモリを除く。）", "庁内連携システム", "その他（電子申請）")
HELDOUT_CHOICES = ("紙", "情報提供ネットワークシステム", "専用線", "電子メール", "その他（窓口での聞取り）")
TUNING_FONTS, HELDOUT_FONTS = x62.TUNING_FONTS, x62.HELDOUT_FONTS
# Fonts a Windows-made file names and this machine lacks: LibreOffice substitutes one for the text
# and draws the glyphs the substitute lacks (※, ○) in a fallback font of their own (set XXXII).
TUNING_MISSING_FONTS = ("Calibri", "DejaVu Serif", "ＭＳ 明朝")
HELDOUT_MISSING_FONTS = ("Arial", "Times New Roman", "ＭＳ ゴシック")


def _names(heldout: bool) -> list[str]:
    n = HELDOUT_CASES if heldout else TUNING_CASES
    prefix = "hro71" if heldout else "ro71"
    return [f"{prefix}-{('calc', 'writer')[k % 2]}-{k + 1}" for k in range(n)]


def _date(iso: str, style: str, full: bool) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    if style == "wareki":
        era, ey = ("令和", y - 2018) if y >= 2019 else ("平成", y - 1988)
        text = f"{era}{'元' if ey == 1 else ey}年{m}月{d}日"
    elif style == "seireki":
        text = f"{y}年{m}月{d}日"
    elif style == "rdot":
        text = f"{'R' if y >= 2019 else 'H'}{y - 2018 if y >= 2019 else y - 1988}.{m}.{d}"
    else:
        text = f"{y}/{m}/{d}"
    return text.translate(FULL) if full else text


def _period(rng: random.Random, heldout: bool, pair: tuple[str, str]) -> str:
    style = rng.choice(HELDOUT_STYLES if heldout else TUNING_STYLES)
    full = style != "slash" and rng.random() < 0.3
    joiner = rng.choice(HELDOUT_JOINERS if heldout else TUNING_JOINERS)
    if rng.random() < BROKEN_PERIOD_SHARE:
        # The author's own break after the joiner (the shape a wrap after it prints, set XXXII).
        joiner = (
            joiner.replace("}から", "}から\n")
            .replace("}～", "}～\n")
            .replace("}－", "}－\n")
            .replace("}〜", "}〜\n")
        )
    return joiner.format(a=_date(pair[0], style, full), b=_date(pair[1], style, full))


def _note(rng: random.Random) -> str:
    return "※" + rng.choice(("1", "2", "１", "２"))


def _special(r: dict, kind: str, rng: random.Random, heldout: bool) -> dict:
    """Row ``r`` changed to hold ``kind``: a period item, a note mark or a choice item."""
    r = dict(r)
    if kind == "period":
        periods = HELDOUT_PERIODS if heldout else TUNING_PERIODS
        a, b = rng.sample(periods, 2)
        r.update(item=PERIOD_ITEM, before=_period(rng, heldout, a), after=_period(rng, heldout, b))
    elif kind == "choice":
        pool = HELDOUT_CHOICES if heldout else TUNING_CHOICES
        picks = rng.sample(pool, rng.choice((2, 3)))
        marked = [rng.random() < 0.6 for _ in picks]
        before = "\n".join(f"［{'○' if m else '　'}］{p}" for m, p in zip(marked, picks, strict=True))
        flip = rng.randrange(len(picks))
        after = "\n".join(
            f"［{'○' if m != (k == flip) else '　'}］{p}"
            for k, (m, p) in enumerate(zip(marked, picks, strict=True))
        )
        r.update(item=CHOICE_ITEM, before=before, after=after)
    else:
        where = rng.choice(HELDOUT_NOTES if heldout else TUNING_NOTES)
        mark = _note(rng)
        if where == "item":
            r["item"] += mark
        elif where == "explanation" and r["explanation"]:
            r["explanation"] += mark
        elif where == "before_open" and r["before"]:
            r["before"] = mark + r["before"]
        elif r["after"]:
            r["after"] = mark + r["after"]
        else:
            r["item"] += mark
    return r


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-roworder71-{name}")
    maker = name.split("-")[1]
    rows = [r for r in _rows(rng, heldout, ROWS) if max(len(r[f]) for f in ("before", "after")) <= 200]
    kinds = ["period", "note", rng.choice(("choice", "period", "note"))]
    if len(rows) > 7:
        kinds.append(rng.choice(("choice", "note")))
    at = rng.sample(range(len(rows)), min(len(kinds), len(rows)))
    for k, kind in zip(at, kinds, strict=False):
        rows[k] = _special(rows[k], kind, rng, heldout)
    fallback = rng.random() < FALLBACK_SHARE
    fonts = (
        (HELDOUT_MISSING_FONTS if heldout else TUNING_MISSING_FONTS)
        if fallback
        else (HELDOUT_FONTS if heldout else TUNING_FONTS)
    )
    return {
        "maker": maker,
        "columns": (0, 1, 2, 3, 4, 5),
        "two_rows": False,
        "extras": {},
        "rows": rows,
        "font": rng.choice(fonts),
        "size": rng.choice((8.5, 9.5) if heldout else (8.0, 9.0, 10.0)),
        "paper": "A4",
        "valign": rng.choice(("top", "center")),
        "fallback": fallback,
        # 変更前 / 変更後 narrower (a period wraps) or wider, as a share of the page.
        "body_share": rng.choice((0.13, 0.16, 0.21) if heldout else (0.12, 0.14, 0.17, 0.22)),
    }


def _shares(look: dict) -> list[float]:
    body = look["body_share"]
    rest = (1.0 - 2 * body) / (1.0 - 2 * x62.FIELD_SHARES[2])
    return [body if c in (2, 3) else x62.FIELD_SHARES[c] * rest for c in look["columns"]]


def _xlsx(path: Path, look: dict) -> None:
    """``make_extracol67``'s sheet with the look's column widths."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    x67.write_xlsx(path, look)
    wb = load_workbook(path)
    ws = wb.active
    for j, w in enumerate(_shares(look), 1):
        ws.column_dimensions[get_column_letter(j)].width = round(w * x62.PAGE_CM[look["paper"]] / 0.19, 1)
    wb.save(path)


def _docx(path: Path, look: dict) -> None:
    """``make_extracol67``'s document with the look's column widths."""
    from docx import Document
    from docx.shared import Cm

    x67.write_docx(path, look)
    doc = Document(path)
    widths = [w * x62.PAGE_CM[look["paper"]] for w in _shares(look)]
    for row in doc.tables[0].rows:
        for cell, w in zip(row.cells, widths, strict=True):
            cell.width = Cm(w)
    doc.save(path)


def _plain(text: str) -> str:
    return re.sub(rf"[{MARKS}\s]", "", text)


def _pdf(name: str, look: dict, work: Path) -> Path:
    """The case's PDF by LibreOffice, its cells checked to print whole, marks aside (a fallback
    font prints them out of their place)."""
    return x67.printed_pdf(name, look, work, _xlsx, _docx, plain=_plain)


def _cases(work: Path, heldout: bool):
    """``make_extracols62.made_cases`` with the truth's pages found without the marks."""
    for name in _names(heldout):
        look = _look(name, heldout)
        pdf = _pdf(name, look, work)
        plain = [
            {**r, **{f: _plain_keep_lines(r[f]) for f in ("item", "before", "after", "explanation")}}
            for r in look["rows"]
        ]
        truth = chromium_expected(pdf, plain)
        for e, r in zip(truth, look["rows"], strict=True):
            e.update({f: r[f] for f in ("item", "before", "after", "explanation")})
        settings = {"program": PROGRAMS[look["maker"]], **{k: v for k, v in look.items() if k != "rows"}}
        yield name, pdf, truth, settings


def _plain_keep_lines(text: str) -> str:
    return re.sub(rf"[{MARKS}]", "", text)


README = """# {name}: periods over two lines, note marks ※N, check-box ○ in a fallback font (roworder71)

Tables printed by LibreOffice Calc (`*-calc-*`) and Writer (`*-writer-*`) with an 意見の聴取 period
item whose before and after are periods wrapped in a narrow cell (`平成30年12月1日から` /
`平成30年12月31日まで`; 和暦, 西暦, slashed or `R6.11.15`, joined by から…まで, ～, － or 〜), note
marks `※1` / `※２` ending an item's last heading or an explanation or opening a before / after cell,
and choice items (`［○］紙`), the marks set in DejaVu Sans in the cases whose `fallback` is true
(`cases.json`), as set XXXII's u03 / u08 / u09 print them.  The truth (`expected/records.json`) is
the six fields as written.  Each case is the PDF and its row-ordered texts (pypdfium2,
`pdftotext -raw`, pypdf, PyMuPDF).

`samples/office-roworder71` (tuning); `samples/heldout-roworder71` (held out: measure on it,
never tune on it): other tables, date styles, joiners, mark places, fonts and sizes.

    python tools/make_roworder71_samples.py
    python tools/eval_office.py samples/office-roworder71 samples/heldout-roworder71 --total
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default), each case's PDF by LibreOffice and
    its texts (``TEXTS``); 0."""
    return made_sets_main(argv, __doc__, SETS, partial(_cases), TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
