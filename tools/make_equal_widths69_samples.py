"""Writer and Calc tables whose 変更前 / 変更後 columns (and in some, 説明 too) have one width, with
row-ordered texts (branch equalcols69).

    python tools/make_equal_widths69_samples.py                             # both sets
    python tools/make_equal_widths69_samples.py --set office-equalcols69    # or heldout-equalcols69

In row-ordered text (pypdfium2, ``pdftotext -raw``, pypdf) a row's multi-line cells follow one
another: item lines, before lines, after lines, explanation lines.  Where 変更前 and 変更後 wrap at
one width the widths cannot tell where the before cell ends; a fresh tester's Word-made tables
read 10 rows with the cut in the wrong place at confidence 0.918, unwarned.  Each case here is a
python-docx table (Writer) or an openpyxl sheet (Calc) whose before and after columns share one
width, the cells of several lines: an after cell that repeats its before cell with a few words
changed (the usual amendment), cells that share nothing, before cells deleted (``削除``) or after
cells added (``…`` / ``上記を新規追加``, ``新規追加``), cells ending with and without 。.  The truth
(``expected/records.json``) is the six fields as written.  ``office-equalcols69`` (tuning) draws
from the tuning tables; ``heldout-equalcols69`` (measure only, never tune on it) from the held-out
tables, with its own fonts, sizes, widths and edits.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_office_samples import Case

SETS = {"office-equalcols69": False, "heldout-equalcols69": True}
TEXTS = ("pypdfium2", "pdftotext-raw", "pypdf")
TUNING_CASES = 8
DATED = re.compile(r"[\d元]+年\d+月\d+日|\d{4}/\d{1,2}/\d{1,2}")
HELDOUT_CASES = 4
ROWS = (10, 14)
# Writer widths (cm) and Calc widths (units): 変更前 = 変更後, and in the second of each 説明 as well.
TUNING_WIDTHS = {
    "writer": ((2.4, 4.2, 5.4, 5.4, 1.8, 4.0), (2.0, 3.6, 4.6, 4.6, 1.6, 4.6)),
    "calc": ((11, 24, 30, 30, 8, 22), (10, 20, 26, 26, 7, 26)),
}
HELDOUT_WIDTHS = {
    "writer": ((2.6, 3.8, 5.8, 5.8, 1.7, 3.6), (2.2, 3.4, 4.9, 4.9, 1.5, 4.9)),
    "calc": ((12, 22, 33, 33, 9, 24), (9, 21, 27, 27, 7, 27)),
}
# The usual amendment: (old words, new words) of which the after cell takes one or two.
TUNING_EDITS = (
    ("市民課", "市民生活課"),
    ("年1回", "年2回"),
    ("紙媒体", "電子媒体"),
    ("職員", "職員及び委託先の職員"),
    ("保管する", "保管し、期間経過後に消去する"),
    ("システム", "標準準拠システム"),
    ("住民", "住民及び転出者"),
    ("確認する", "確認し、記録を残す"),
)
HELDOUT_EDITS = (
    ("担当課", "所管課"),
    ("毎年", "四半期ごとに"),
    ("書面", "書面又は電磁的記録"),
    ("委託先", "委託先及び再委託先"),
    ("管理する", "適切に管理する"),
    ("端末", "専用端末"),
    ("申請", "申請又は届出"),
    ("行う", "実施する"),
)
TUNING_APPENDS = ("なお、記録は5年間保存する。", "また、操作ログを取得する")
HELDOUT_APPENDS = ("併せて、アクセス権限を見直す。", "ただし、緊急時を除く")
# Openings an amendment puts before the old text (the two cells then open differently).
TUNING_OPENINGS = ("令和6年4月1日以降は、", "原則として、")
HELDOUT_OPENINGS = ("当面の間、", "システム移行後は、")


def _passages(tables: list[list[dict]]) -> list[str]:
    """Paragraphs of the tables' before / after cells long enough to wrap (20 characters or
    more), each once."""
    seen: dict[str, None] = {}
    for table in tables:
        for r in table:
            for key in ("before", "after"):
                for p in r[key].split("\n"):
                    if len(p) >= 20 and not p.startswith("["):
                        seen.setdefault(p, None)
    return list(seen)


def _amended(text: str, rng: random.Random, edits: tuple, appends: tuple) -> str:
    """``text`` with one or two of ``edits`` applied where they occur, else a sentence appended."""
    out, wanted = text, rng.choice((1, 2))
    for old, new in rng.sample(list(edits), len(edits)):
        if old in out and wanted:
            out, wanted = out.replace(old, new, 1), wanted - 1
    return out if out != text else text + rng.choice(appends)


def _body(pool: list[str], rng: random.Random) -> str:
    """A cell of one or two paragraphs from ``pool``, its last 。 sometimes taken off."""
    paras = rng.sample(pool, rng.choice((1, 1, 2)))
    text = "\n".join(paras)
    if text.endswith("。") and rng.random() < 0.3:
        text = text[:-1]
    return text


def _rows(table: list[dict], pool: list[str], rng: random.Random, heldout: bool) -> list[dict]:
    """The table's rows with new before / after cells: amendments mostly, some unlike pairs,
    some deletions and additions (after cells closing with 削除 / 上記を新規追加 / 新規追加)."""
    edits, appends = (HELDOUT_EDITS, HELDOUT_APPENDS) if heldout else (TUNING_EDITS, TUNING_APPENDS)
    openings = HELDOUT_OPENINGS if heldout else TUNING_OPENINGS
    out = []
    for r in table:
        r = dict(r)
        if DATED.search(r["before"] + r["after"]):
            out.append(r)  # a date item's value (実施日, 提出日) keeps its dates
            continue
        kind = rng.choices(("amend", "opening", "unlike", "delete", "add", "add_above"), (5, 2, 2, 1, 1, 1))[
            0
        ]
        before = _body(pool, rng)
        if kind == "amend":
            after = "\n".join(_amended(p, rng, edits, appends) for p in before.split("\n"))
            if after == before:
                after = before + rng.choice(appends)
        elif kind == "opening":
            after = rng.choice(openings) + _amended(before, rng, edits, appends)
        elif kind == "unlike":
            after = _body([p for p in pool if p not in before], rng)
        elif kind == "delete":
            after = "削除"
        elif kind == "add":
            before, after = "", _body(pool, rng) + "\n新規追加"
        else:
            before, after = "", _body(pool, rng) + "\n上記を新規追加"
        r["before"], r["after"] = before, after
        out.append(r)
    return out


def make_case(name: str, table: list[dict], pool: list[str], maker: str, heldout: bool, k: int) -> Case:
    """A ``maker`` case of ``ROWS`` rows of ``table``, its before / after columns of one width."""
    rng = random.Random(f"piatable-equalcols69-{name}")
    n = rng.randint(*ROWS)
    start = rng.randrange(len(table))
    # The table's rows from ``start`` on, round again from its first (the pool tables are short).
    rows = [table[(start + k) % len(table)] for k in range(n)]
    case = office.plain_case(name, rows, maker, heldout=heldout)
    widths = (HELDOUT_WIDTHS if heldout else TUNING_WIDTHS)[maker][k % 2]
    return replace(
        case,
        rows=_rows(case.rows, pool, rng, heldout),
        widths=widths,
        merge=k % 3 == 2,
        valign="top",
        real_dates=False,
        fallback_glyphs="○",
    )


def cases(heldout: bool) -> list[Case]:
    """The set's cases, Writer and Calc in turn, their tables from ``office._four_tables``."""
    tables = [(n, office._printable(office.load_table(p))) for n, p in office._four_tables(heldout)]
    pool = _passages([t for _, t in tables])
    out = []
    for k in range(HELDOUT_CASES if heldout else TUNING_CASES):
        tname, table = tables[k % len(tables)]
        maker = ("writer", "calc")[k % 2]
        out.append(
            make_case(f"{'h' if heldout else ''}eq69-{maker}-{tname}-{k + 1}", table, pool, maker, heldout, k)
        )
    return out


def made_cases(heldout: bool, work: Path) -> Iterator[office.SetCase]:
    """Each case of the set rendered in ``work``: its name, PDF, truth and ``cases.json`` entry."""
    made_cases = cases(heldout)
    made = office.render(made_cases, work)
    for case in made_cases:
        _, pdf, expected = made[case.name]
        yield (
            case.name,
            pdf,
            expected,
            office.settings_of(case)
            | {
                "rows": len(expected),
                "pages": max(r["page_end"] for r in expected),
            },
        )


def build(name: str) -> None:
    """``samples/<name>`` made anew: each case's PDF, texts and truth, and ``cases.json``."""
    office.build_made_set(office.SAMPLES / name, partial(made_cases, SETS[name]), TEXTS, README[name])


README = {
    "office-equalcols69": "# office-equalcols69 (tuning)\n\nWriter and Calc tables whose 変更前 / 変更後"
    " columns (and in some 説明) share one width, cells of several lines: amendments (the after cell"
    " repeats the before with a few words changed), unlike pairs, 削除 / 新規追加 / 上記を新規追加 rows;"
    " their PDFs and row-ordered texts (pypdfium2, pdftotext -raw, pypdf), made by"
    " `tools/make_equal_widths69_samples.py`.\n",
    "heldout-equalcols69": "# heldout-equalcols69 (held out)\n\nAs office-equalcols69, from the held-out"
    " tables, fonts, sizes, widths and edits, made by `tools/make_equal_widths69_samples.py`. Measure on"
    " it, never tune on it.\n",
}


def main(argv: list[str] | None = None) -> int:
    return office.build_named(argv, __doc__, tuple(SETS), build)


if __name__ == "__main__":
    raise SystemExit(main())
