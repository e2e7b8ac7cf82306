"""Amendment tables under a version-history table (改訂履歴 / 変更履歴: 版数・改訂日・改訂内容),
which a reader took for the assessment's cover (set XXX; branch cover69).

    python tools/make_history69_samples.py                            # both sets
    python tools/make_history69_samples.py --set office-history69     # or heldout-history69
    python tools/bench_covers.py samples/office-history69             # cover facts
    python tools/eval_office.py samples/office-history69              # records

Many filings print a small table of the assessment's versions (its edition, the day each was
published or revised, what changed, at times a 区分 saying 事前 / 事後 or 重要な変更) on the page
before or above the amendment table 「（別添２）変更箇所」.  Its labels name 公表日 or dates, so the
cover reader took it for the cover (a wrong 公表日 in the document facts), and its dated rows look
like amendment rows.  Each case here is an .xlsx (Calc) or .docx (Writer) made from a plain case
of ``make_office_samples`` with such a table of 2–6 rows in one of ``SHAPES`` (title, labels,
edition and content wording, its own dates in one of the tables' date styles) put above the
amendment table's title on the table's first page, or on a page of its own before it
(``own_page``); some cases print a real cover too (``make_cover2_samples.cover_of``'s facts, as
label | value cells on the first page).

Per case: ``NAME/input.pdf`` and ``NAME-TOOL/input.txt`` for each of ``TEXTS``, each with
``expected/records.json`` (the amendment table's rows only: the history's rows are no amendment)
and ``expected/documents.json`` (the real cover's facts; every fact null when the case prints no
cover: whatever is read then is invented).  ``office-history69`` (tuning) draws shapes, tables and
covers from the tuning pools; ``heldout-history69`` (measure only, never tune on it) from the
held-out ones.  Needs LibreOffice and the IPA fonts; CI only reads the files.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_cover2_samples as cover2
import make_office_samples as office
from flatten import render_date
from make_pdfs import EXTRACTORS

SETS = {"office-history69": False, "heldout-history69": True, "heldout2-history69": True}
TEXTS = (*EXTRACTORS, "pdfplumber")
# Inputs not kept: their text gives no rows with or without the history (a reader's limit of its
# own, said by a note and status partial; tests/test_conservation.py wants rows of every sample).
LEFT_OUT = {"thist69-writer-own_page-cover-v7-pdfplumber"}
FACT_KEYS = ("assessment_number", "assessment_name", "agency", "published_raw", "published", "form")


@dataclass(frozen=True)
class Shape:
    """How one version-history table is printed: its title line (may be empty), its column
    labels (the edition's, the date's, the content's, then optional extra columns), how an
    edition is written (``{n}`` its number) and the extra columns' values."""

    title: str
    labels: tuple[str, ...]
    edition: str
    extras: tuple[tuple[str, ...], ...] = ()


SHAPES = {
    False: (
        Shape("改訂履歴", ("版数", "改訂日", "改訂内容"), "第{n}版"),
        Shape("", ("評価書の版", "公表日", "変更の概要"), "第{n}版"),
        Shape("変更履歴", ("No.", "変更年月日", "変更内容", "備考"), "{n}", (("事前提出", "事後提出", ""),)),
        Shape(
            "（評価書の改訂履歴）",
            ("版", "作成・改訂日", "改訂理由", "区分"),
            "{n}.0",
            (("重要な変更", "軽微な変更"),),
        ),
    ),
    True: (
        Shape("改版履歴", ("改訂番号", "改訂年月日", "改訂の概要"), "Rev.{n}"),
        Shape("評価書の変更履歴", ("版", "公表日", "主な変更点", "提出区分"), "第{n}版", (("事前", "事後"),)),
        Shape("", ("履歴", "日付", "内容", "承認"), "{n}版", (("課長決裁", "部長決裁"),)),
    ),
}
# A second held-out set, its shapes written after the first held-out set was measured (so that
# one is blind to the rules changed then): other titles, labels and editions again.
SHAPES2 = (
    Shape("改定履歴", ("版番号", "改定日", "改定内容"), "第{n}版"),
    Shape(
        "",
        ("評価書の版数", "作成日・公表日", "主な改訂箇所", "提出の時期"),
        "{n}版",
        (("事前", "事後", "－"),),
    ),
    Shape("更新履歴", ("No", "年月日", "更新内容", "担当課"), "{n}", (("市民課", "情報政策課"),)),
)
PLAN2 = (
    ("writer", "above", False),
    ("calc", "above", False),
    ("writer", "own_page", True),
    ("calc", "above", False),
)
CONTENTS = {
    False: (
        "新規作成",
        "特定個人情報ファイルの追加に伴う変更",
        "委託先の変更",
        "しきい値判断の再実施に伴う全面改訂",
        "記載内容の時点修正",
        "システム更改に伴う変更",
    ),
    True: (
        "初版公表",
        "事務の流れの見直しに伴う改訂",
        "再委託先の追加",
        "様式の改正に伴う修正",
        "リスク対策の見直し",
    ),
}
# Cases per set: (maker, where the history goes, whether a real cover is printed too).
PLAN = {
    False: (
        ("calc", "above", False),
        ("writer", "above", False),
        ("writer", "own_page", False),
        ("calc", "above", True),
        ("writer", "above", True),
        ("calc", "above", False),
        ("writer", "own_page", True),
        ("writer", "above", False),
    ),
    True: (
        ("calc", "above", False),
        ("writer", "own_page", False),
        ("writer", "above", True),
        ("calc", "above", True),
    ),
}
HISTORY_DATE_STYLES = ("wareki", "wareki_fw", "seireki", "slash")


def history_rows(rng: random.Random, shape: Shape, heldout: bool, last_year: int) -> list[list[str]]:
    """2–6 rows of the history: edition, date (rising, 2015 to ``last_year``), content, extras."""
    n = rng.randint(2, 6)
    style = rng.choice(HISTORY_DATE_STYLES)
    years = sorted(rng.sample(range(2015, max(last_year, 2021) + 1), n))
    contents = list(CONTENTS[heldout])
    rows = []
    for k, year in enumerate(years, 1):
        iso = f"{year:04d}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        content = contents[0] if k == 1 else rng.choice(contents[1:])
        extras = [rng.choice(choices) for choices in shape.extras]
        rows.append([shape.edition.format(n=k), render_date(iso, style), content, *extras])
    return rows


def _history_docx(path: Path, shape: Shape, rows: list[list[str]], own_page: bool) -> None:
    """The history (its title, then a ruled table) put before the amendment table's title
    paragraph of the Writer file ``path``; on a page of its own with ``own_page``."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    doc = Document(str(path))
    title = next(p for p in doc.paragraphs if p.text.endswith("変更箇所") and p.text.startswith("（別添"))
    added = []
    if shape.title:
        added.append(doc.add_paragraph(shape.title)._p)
    table = doc.add_table(rows=1 + len(rows), cols=len(shape.labels))
    table.style = "Table Grid"
    for cells, values in zip(table.rows, [list(shape.labels), *rows], strict=True):
        for cell, value in zip(cells.cells, values, strict=True):
            cell.text = value
    added.append(table._tbl)
    gap = doc.add_paragraph("")
    if own_page:
        gap.add_run().add_break(WD_BREAK.PAGE)
    added.append(gap._p)
    for el in added:
        title._p.addprevious(el)
    doc.save(path)


def _history_xlsx(path: Path, shape: Shape, rows: list[list[str]], font: str, size: float) -> None:
    """The history (its title row, then a ruled table) put in rows of their own above the
    amendment table's title on the table's sheet of the Calc file ``path`` (merged cells, print
    titles and manual page breaks moved down with the table)."""
    from openpyxl import load_workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.worksheet.pagebreak import Break, RowBreak

    wb = load_workbook(path)
    ws = wb["変更箇所"]
    top = next(r for r in range(1, ws.max_row + 1) if str(ws.cell(r, 1).value or "").startswith("（別添"))
    k = (1 if shape.title else 0) + 1 + len(rows) + 1
    merged = [str(m) for m in ws.merged_cells.ranges]
    bounds = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
    for m in merged:
        ws.unmerge_cells(m)
    ws.insert_rows(top, k)
    for r0, c0, r1, c1 in bounds:
        shift = k if r0 >= top else 0
        ws.merge_cells(start_row=r0 + shift, start_column=c0, end_row=r1 + shift, end_column=c1)
    if ws.print_title_rows:
        a, b = (int(x) for x in ws.print_title_rows.replace("$", "").split(":"))
        ws.print_title_rows = f"{a + k}:{b + k}"
    breaks = [b.id for b in ws.row_breaks.brk]
    ws.row_breaks = RowBreak()
    for b in breaks:
        ws.row_breaks.append(Break(id=b + k))
    thin = Side(style="thin", color="FF000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    row = top
    if shape.title:
        ws.cell(row, 1, shape.title).font = Font(name=font, size=size)
        row += 1
    for values in [list(shape.labels), *rows]:
        for j, value in enumerate(values, 1):
            c = ws.cell(row, j, value)
            c.font, c.border = Font(name=font, size=size), border
            c.alignment = Alignment(vertical="center", wrap_text=True)
        row += 1
    wb.save(path)


def _cover_cells(facts: dict) -> tuple[tuple[str, str], ...]:
    """The real cover's label | value cells (``make_office_samples.Case.cover``)."""
    return (
        ("評価書番号", facts["assessment_number"]),
        ("評価書名", facts["assessment_name"]),
        ("評価実施機関名", facts["agency"]),
        ("公表日", facts["published_raw"]),
    )


def cases(heldout: bool, second: bool = False) -> list[tuple[office.Case, Shape, list[list[str]], str, dict]]:
    """(table case, history shape, history rows, where, cover facts or {}) of each case
    (``second``: the second held-out set's)."""
    tag = "h2" if second else "h" if heldout else "t"
    tables = office._four_tables(heldout)[::-1] if second else office._four_tables(heldout)
    shapes = SHAPES2 if second else SHAPES[heldout]
    out = []
    for k, (maker, where, with_cover) in enumerate(PLAN2 if second else PLAN[heldout]):
        name = f"{tag}hist69-{maker}-{where}{'-cover' if with_cover else ''}-v{k + 1}"
        rng = random.Random(f"piatable-history69-{name}")
        table = office._printable(office.load_table(tables[k % len(tables)][1]))
        n = rng.randint(5, 9)
        first = rng.randrange(max(len(table) - n, 0) + 1)
        case = office.plain_case(name, table[first : first + n], maker, heldout)
        if maker == "writer":
            case = replace(case, merge=False)
        shape = shapes[k % len(shapes)]
        facts = {}
        latest = dt.date.fromisoformat(max(r["change_date"] for r in case.rows if r["change_date"]))
        if with_cover:
            # Published after the table's last change, as an assessment is.
            facts = cover2.cover_of(rng, heldout)
            published = latest + dt.timedelta(days=rng.randint(20, 200))
            facts["published"] = published.isoformat()
            facts["published_raw"] = render_date(facts["published"], rng.choice(cover2.DATE_STYLES))
            case = replace(
                case,
                cover_title=f"特定個人情報保護評価書（{facts['form']}）",
                cover=_cover_cells(facts),
                cover_own_page=True,
            )
        out.append((case, shape, history_rows(rng, shape, heldout, latest.year), where, facts))
    return out


def build(name: str) -> None:
    """``samples/<name>`` made anew: each case's PDF, texts, truth and ``cases.json``."""
    heldout = SETS[name]
    root = office.SAMPLES / name
    planned = cases(heldout, second=name.startswith("heldout2"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = []
        for case, shape, rows, where, _ in planned:
            src = work / f"{case.name}.{'xlsx' if case.maker == 'calc' else 'docx'}"
            (office.write_xlsx if case.maker == "calc" else office.write_docx)(src, case)
            if case.maker == "calc":
                _history_xlsx(src, shape, rows, case.font, case.size)
            else:
                _history_docx(src, shape, rows, where == "own_page")
            sources.append(src)
        office.convert(sources, work)
        if root.exists():
            shutil.rmtree(root)
        manifest = {}
        for case, shape, rows, where, facts in planned:
            pdf = work / f"{case.name}.pdf"
            expected = office.expected_records(pdf, case)
            office.write_pdf_and_texts(root, case.name, pdf, expected, TEXTS)
            truth = {key: facts.get(key) for key in FACT_KEYS}
            for folder in [root / case.name, *(root / f"{case.name}-{tool}" for tool in TEXTS)]:
                office.write_json(folder / "expected" / "documents.json", truth)
            entry = office.settings_of(case) | {
                "rows": len(expected),
                "pages": max(r["page_end"] for r in expected),
                "history": {"title": shape.title, "labels": list(shape.labels), "rows": rows, "where": where},
            }
            manifest[case.name] = entry
            print(f"{name}/{case.name}: {len(expected)} rows, {entry['pages']} pages", file=sys.stderr)
    for gone in LEFT_OUT:
        shutil.rmtree(root / gone, ignore_errors=True)
    office.write_manifest(root, manifest)
    (root / "README.md").write_text(README[name], "utf-8")


README = {
    "office-history69": "# office-history69 (tuning)\n\nAmendment tables under a version-history"
    " table (改訂履歴 / 変更履歴: 版数・改訂日・改訂内容, 評価書の版・公表日・変更の概要 …) above the"
    " table or on the page before it, some with a real cover on the first page (Calc and Writer);"
    " their PDFs and texts, made by `tools/make_history69_samples.py`. `expected/documents.json`"
    " holds the real cover's facts, all null when there is none.\n",
    "heldout2-history69": "# heldout2-history69 (held out)\n\nAs office-history69, from the held-out"
    " tables and a second pool of history shapes written after heldout-history69 was measured, made by"
    " `tools/make_history69_samples.py`. Measure on it, never tune on it.\n",
    "heldout-history69": "# heldout-history69 (held out)\n\nAs office-history69, from the held-out"
    " tables, history shapes and covers, made by `tools/make_history69_samples.py`. Measure on it,"
    " never tune on it.\n",
}


def main(argv: list[str] | None = None) -> int:
    return office.build_named(argv, __doc__, tuple(SETS), build)


if __name__ == "__main__":
    raise SystemExit(main())
