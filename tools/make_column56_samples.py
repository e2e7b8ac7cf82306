"""Rows that row-ordered texts (pypdfium2, ``pdftotext -raw``, PyMuPDF ``sort=True``, mutool)
read as two (issue 10, branch column56: set XVII's split rows), made by LibreOffice Calc and
Writer, with those extractors' texts, each also with pages joined by line ends (``+nl``).

    python tools/make_column56_samples.py                           # both sets
    python tools/make_column56_samples.py --set office-column56      # or heldout-column56

Kinds (``KINDS``), each over a contiguous run of a table's rows:

- ``wl``: a narrow 提出時期 column whose label wraps (``提出`` / ``時期``) and one-line
  explanations: Calc draws a page's one-line cells first (the explanations among them), then the
  header's wrapped label, then the rows' wrapped cells;
- ``tx``: text cells holding lines that look like a row's start: a before / after line opening
  with a date (``2019/4/1以降の…``, ``令和３年４月１日から…``) or a number (``10人以上…``), an
  explanation line holding 事前 / 事後 (``事後の提出で足りる…``), a before / after cell opening
  with a section heading of the form (``Ⅰ基本情報`` / ``①…``).

``office-column56`` (tuning) takes the tuning tables and the even entries of the pools,
``heldout-column56`` (measure only, never tune on it) the held-out tables, the odd entries and the
held-out fonts and sizes.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, _four_tables, _printable, load_table, plain_case

KINDS = ("wl", "tx")
MAKERS = ("calc", "writer")
ROWS = 7
# Calc widths (Excel units) with a 提出時期 column too narrow for its label on one line.
NARROW_TIMING_WIDTHS = ((11, 24, 32, 32, 5, 20), (10, 22, 30, 30, 4.5, 18), (12, 26, 34, 34, 5.5, 22))
WRITER_NARROW_TIMING = ((2.4, 4.6, 6.2, 6.2, 1.2, 4.4), (2.6, 4.4, 6.0, 6.0, 1.1, 4.6))
# Lines that open like a row's start, put inside before / after cells ({d}: a date as the table
# prints its 変更日, {w}: a 和暦 date).
VALUE_LINES = (
    "{d}以降の異動分を保管する。",
    "{w}から施行する。",
    "10人以上50人未満",
    "{d}時点の情報を提供する。",
    "１０万人以上１００万人未満",
    "{w}付けで変更",
    "30日間",
    "{d}から運用を開始する。",
)
# Explanation lines holding 事前 / 事後 (words of the form's own explanations).
TIMING_WORDS = (
    "事後の提出で足りる軽微な変更",
    "事前に公表した内容の修正",
    "重要な変更に当たらないため事後",
    "事前の評価の再実施は要しない",
    "事後に提出する",
    "事前に住民等の意見を聴取",
)
# Section headings of the form opening a before / after cell (a pointer to another part).
HEADINGS = (
    "Ⅱ特定個人情報ファイルの概要\n③対象となる本人の範囲",
    "Ⅰ基本情報\n①事務の名称",
    "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n①リスクに対する措置の内容",
    "Ⅴ開示請求、問合せ\n①請求先",
)
# What closes a before / after cell: no line follows it.
CLOSING = ("削除", "新規追加", "（削除）", "－")
FULL = str.maketrans("0123456789", "０１２３４５６７８９")


def _pool(values: tuple, heldout: bool) -> tuple:
    """The even entries for the tuning set, the odd ones for the held-out set."""
    return values[1::2] if heldout else values[0::2]


def _wareki(iso: str) -> str:
    y, m, d = (int(x) for x in iso.split("-"))
    era, base = ("令和", 2018) if (y, m) >= (2019, 5) else ("平成", 1988)
    n = y - base
    year = "元" if n == 1 else str(n).translate(FULL)
    return f"{era}{year}年{str(m).translate(FULL)}月{str(d).translate(FULL)}日"


def _one_line(text: str) -> str:
    """An explanation's first paragraph, cut short enough for one line of a narrow cell."""
    return text.split("\n")[0][:12]


def _tx_rows(rows: list[dict], rng: random.Random, heldout: bool) -> list[dict]:
    """Every other row given one line that looks like a row's start, in turns."""
    out = [dict(r) for r in rows]
    values, words, heads = (_pool(p, heldout) for p in (VALUE_LINES, TIMING_WORDS, HEADINGS))
    for k, r in enumerate(out):
        turn = k % 3
        if turn == 0:
            line = rng.choice(values).format(d=r["change_date_raw"], w=_wareki(r["change_date"]))
            # A text cell that goes on (not one closed by 削除 / 上記を新規追加, not an empty one).
            sides = [f for f in ("before", "after") if r[f] and not r[f].endswith(CLOSING)]
            if sides:
                side = rng.choice(sides)
                r[side] = f"{r[side]}\n{line}"
        elif turn == 1:
            r["explanation"] = f"{r['explanation'].split(chr(10))[0]}\n{rng.choice(words)}"
        elif k % 2:
            head = rng.choice(heads)
            r["after"] = f"{head}\n{r['after']}" if r["after"] else head
    return out


def _case(name: str, table: list[dict], maker: str, kind: str, heldout: bool) -> Case:
    rng = random.Random(f"piatable-column56-{name}")
    start = rng.randrange(max(len(table) - ROWS, 0) + 1)
    rows = [dict(r) for r in table[start : start + ROWS]]
    if kind == "wl":
        for r in rows:
            r["explanation"] = _one_line(r["explanation"])
    else:
        rows = _tx_rows(rows, rng, heldout)
    c = plain_case(name, rows, maker, heldout=heldout)
    if kind == "wl":
        widths = rng.choice(NARROW_TIMING_WIDTHS if maker == "calc" else WRITER_NARROW_TIMING)
        c = replace(c, widths=widths)
    return c


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Each kind by Calc and Writer over the set's tables, named ``[h]c56-<kind>-<maker>-<table>``."""
    cases = []
    tables = _four_tables(heldout)
    for k, kind in enumerate(KINDS):
        for m, maker in enumerate(MAKERS):
            for table, path in tables[(k + m) % 2 :: 2][: 1 if heldout else 2]:
                name = f"{'h' if heldout else ''}c56-{kind}-{maker}-{table}"
                while name in redrawn:
                    name += "-r"
                cases.append(_case(name, _printable(load_table(path)), maker, kind, heldout))
    return cases


SETS = split_sets("column56", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
