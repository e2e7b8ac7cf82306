"""Tables with a page / place column of many wordings (変更箇所（頁）, 評価書の頁, P. …, or a label of
no known wording), and one-page Calc / Writer tables with a page header and footer (branch place64).

    python tools/make_place64_samples.py                          # both sets
    python tools/make_place64_samples.py --set office-place64     # or heldout-place64

Set XXV showed two kinds (FAULTS.md §3, §6):

* ``col``: a column labelled 変更箇所（頁） between 項目 and 変更前, cells ``3頁`` (Chromium): its
  label was not one of the place column's, so ``5頁`` was glued into 項目 (PDF) or 変更前 (texts),
  unwarned.  Each case here is rows of the set's pool printed by headless Chromium (an HTML table,
  A3 or A4 landscape) with a place column right of 項目 under a label of the set's
  (``TUNING_LABELS`` / ``HELDOUT_LABELS``; the last of each is a wording no vocabulary lists:
  the column is to be told by its cells) and references of the set's shapes.
* ``foot``: a table of one page, Calc (.xlsx through LibreOffice) with the page footer
  ``&P / &N`` and a date stamp (``令和６年４月１日時点``) and the header ``&D 印刷``, or Writer
  (.docx) with a footer of a stamp line over the page number: with one page there is no
  repetition to tell the footer by, and ``-layout`` text put it into the last row's cells.

The truth (``expected/records.json``) is the six fields as written: the place column and the
page furniture are no field.  ``office-place64`` (tuning) draws from the tuning tables;
``heldout-place64`` (measure only, never tune on it) from the held-out tables, with labels,
reference shapes, stamps and page-number forms of its own.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_bikou55_samples import CHROMIUM_WIDTHS, _rows
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import SetCase, build_made_set, build_named, settings_of
from make_pdfs import chromium_binary, print_html
from make_place61_samples import _html as place_html  # the place column right of 項目

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-place64": False, "heldout-place64": True}
TEXTS = (
    "pdftotext-layout",
    "pypdf-layout",
    "pdfplumber-layout",
    "pypdf",
)
ROWS = (4, 6)
TUNING_SIZES = (8.0, 9.0, 10.0)
HELDOUT_SIZES = (7.5, 9.5, 11.0)
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAexMincho", "IPAexGothic")
# The place column's labels (the last: a wording no vocabulary lists) and reference shapes.
TUNING_LABELS = ("変更箇所（頁）", "頁", "評価書の頁", "参照先")
HELDOUT_LABELS = ("変更箇所（ページ）", "該当ページ", "記載箇所", "P.", "掲載位置")
TUNING_REFS = ("{p}頁", "p.{p}", "{p}-{q}頁")
HELDOUT_REFS = ("{p}ページ", "P{p}", "{p}頁", "P.{p}")
# Page furniture of the one-page cases: (Calc footer's left text, Writer footer's stamp line),
# page-number forms, Calc's page header.
TUNING_STAMPS = ("令和６年４月１日時点", "令和5年3月31日現在")
HELDOUT_STAMPS = ("令和７年１月１０日時点", "2024年4月1日現在")
TUNING_NUMBERS = ("{P}/{N}", "- {P} -")
HELDOUT_NUMBERS = ("{P} / {N}", "P.{P}")
TUNING_HEADS = ("&D 印刷",)
HELDOUT_HEADS = ("印刷日 &D",)
TUNING_FOOT = ("calc", "calc", "writer")
HELDOUT_FOOT = ("calc", "writer", "calc")
FOOT_ROWS = (4, 6)


def _col_look(name: str, k: int, heldout: bool) -> dict:
    rng = random.Random(f"piatable-place64-{name}")
    rows = _rows(rng, heldout, ROWS)
    labels = HELDOUT_LABELS if heldout else TUNING_LABELS
    refs = HELDOUT_REFS if heldout else TUNING_REFS
    ref = refs[k % len(refs)]
    places = []
    for _ in rows:
        p = rng.randint(2, 40)
        places.append(ref.format(p=p, q=p + rng.randint(1, 2)))
    return {
        "shape": "a",  # whole rows a page (place61's looks)
        "rows": rows,
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        "paper": "A4",
        "label": labels[k % len(labels)],
        "places": tuple(places),
        "valign": rng.choice(("top", "center")),
        "widths": rng.choice(CHROMIUM_WIDTHS),
    }


def _foot_case(name: str, maker: str, k: int, heldout: bool) -> office.Case:
    """A one-page table of ``maker`` ("calc" / "writer") with a page footer (a date stamp and
    the page number) and, for Calc, a page header with the print date."""
    rng = random.Random(f"piatable-place64-{name}")
    tables = office._four_tables(heldout)
    table = office._printable(office.load_table(tables[k % len(tables)][1]))
    n = rng.randint(*FOOT_ROWS)
    start = rng.randrange(max(len(table) - n, 0) + 1)
    c = office.plain_case(name, table[start : start + n], maker, heldout=heldout)
    stamps = HELDOUT_STAMPS if heldout else TUNING_STAMPS
    numbers = HELDOUT_NUMBERS if heldout else TUNING_NUMBERS
    heads = HELDOUT_HEADS if heldout else TUNING_HEADS
    return replace(
        c,
        page_numbers=True,
        page_number_format=numbers[k % len(numbers)],
        page_footer=stamps[k % len(stamps)],
        page_header=(heads[0], "right") if maker == "calc" else ("", "right"),
        rows_per_page=None,
        merge=False,
        fallback_glyphs="○□△",
    )


README = """# {name}: page / place columns of many wordings, one-page tables with a page footer (place64)

`*-col-*`: tables printed by headless Chromium (an HTML table, A3 or A4 landscape) with a column of
page references (`3頁`, `p.3`, `3-4頁`, `P3`, `3ページ`) between 項目 and 変更前 under a label of
the set's (`変更箇所（頁）`, `評価書の頁`, `P.` …; one wording no vocabulary lists, to be told by
its cells).  `*-foot-*`: a table of one page by Calc (footer `&P/&N` and a date stamp, header
`&D 印刷`) or Writer (footer: a stamp line over the page number).  The place column and the page
furniture are no field: the truth (`expected/records.json`) is the six fields as written.  Each
case is the PDF and 4 texts (`<case>-<extractor>`: pdftotext -layout, pypdf layout and plain,
pdfplumber layout); settings per case in `cases.json`.

`samples/office-place64` (tuning); `samples/heldout-place64` (held out: measure on it, never tune
on it: the held-out tables, labels, reference shapes, stamps and page-number forms).

    python tools/make_place64_samples.py
    python tools/eval_office.py samples/office-place64 samples/heldout-place64 --total
"""


def build(root: Path, heldout: bool) -> None:
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")
    prefix = "hp64" if heldout else "p64"
    labels = HELDOUT_LABELS if heldout else TUNING_LABELS

    def cases(work: Path) -> Iterator[SetCase]:
        for k in range(len(labels)):
            name = f"{prefix}-col-v{k + 1}"
            for seed in (name, f"{name}-again", f"{name}-third"):  # rows whose text is found whole
                look = _col_look(seed, k, heldout)
                pdf = work / f"{name}.pdf"
                print_html(place_html(look), pdf, binary)
                try:
                    truth = chromium_expected(pdf, look["rows"])
                except ValueError as exc:
                    print(f"{name}: {exc}, drawn again", file=sys.stderr)
                    continue
                settings = {key: v for key, v in look.items() if key != "rows"}
                yield name, pdf, truth, {"program": "Chromium --headless --print-to-pdf", **settings}
                break
        makers = HELDOUT_FOOT if heldout else TUNING_FOOT
        foot = [_foot_case(f"{prefix}-foot-{m}-v{k + 1}", m, k, heldout) for k, m in enumerate(makers)]
        made = office.render(foot, work)
        for case in foot:
            _, pdf, truth = made[case.name]
            yield case.name, pdf, truth, settings_of(case)

    build_made_set(root, cases, TEXTS, README.format(name=root.name))


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return build_named(argv, __doc__, SETS, lambda name: build(ROOT / "samples" / name, SETS[name]))


if __name__ == "__main__":
    raise SystemExit(main())
