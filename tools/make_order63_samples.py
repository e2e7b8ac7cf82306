"""Tables whose 提出時期 column is printed first or elsewhere than the form puts it, with their
flattened texts (branch order63; set XXIV's t03, 提出時期 | 変更日 | 項目 | 変更前 | 変更後 | 説明).

    python tools/make_order63_samples.py                          # both sets
    python tools/make_order63_samples.py --set office-order63     # or heldout-order63

Set XXIV's t03 (Chromium) printed 提出時期 first: row-ordered texts (PyMuPDF, pypdf, ``pdftotext
-raw``) moved a two-paragraph cell's second paragraph into the next column unwarned, and the
column-ordered ones (pdfplumber plain, plain ``pdftotext``, pdfminer) read rows beyond
recognition with the status ``success``.  Each case here is a run of consecutive rows of the
set's pool printed by headless Chromium (an HTML table, A4 landscape, the header row repeated as a
``thead``) in a column order of the set's (``TUNING_ORDERS`` / ``HELDOUT_ORDERS``), with some
rows' after cell given a second paragraph (``SECOND_PARAGRAPHS``; none after a closing mark)
so that two-paragraph cells occur.  The truth (``expected/records.json``) is the six fields as
written.  ``office-order63`` (tuning) draws from the tuning tables; ``heldout-order63``
(measure only, never tune on it) from the held-out tables, with orders, sizes and paragraphs of
its own.
"""

from __future__ import annotations

import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_bikou55_samples import CHROMIUM_WIDTHS, _rows, table_html
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import SetCase, made_sets_main
from make_pdfs import LABELS, chromium_binary, print_html

SETS = {"office-order63": False, "heldout-order63": True}
TEXTS = (
    "pdfplumber",
    "pdfplumber-layout",
    "pypdf",
    "pymupdf",
    "pypdfium2+nl",
    "pdftotext-raw",
    "pdftotext",
    "pdftotext-layout",
    "pdfminer",
)
FIELDS = ("change_date_raw", "item", "before", "after", "timing", "explanation")
# Column orders as indexes of FIELDS, left to right.
TUNING_ORDERS = {"tfirst": (4, 0, 1, 2, 3, 5), "tmid": (0, 1, 4, 2, 3, 5)}
HELDOUT_ORDERS = {"tfirst": (4, 0, 1, 2, 3, 5), "tsecond": (0, 4, 1, 2, 3, 5)}
ROW_COUNT = (9, 12)
TUNING_SIZES = (8.0, 9.0)
HELDOUT_SIZES = (7.5, 9.5)
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAexMincho", "IPAexGothic")
# A second paragraph given to this share of the rows' after cells (a two-paragraph cell).
SECOND_SHARE = 0.4
# An after cell that a closing mark ends (上記を新規追加, 削除) takes no paragraph after it.
CLOSING = re.compile(r"(?:新規追加|追加|削除)$")
SECOND_PARAGRAPHS = {
    False: ("なお、アクセス記録は３年間保存する。", "研修の未受講者には追って研修を行う。"),
    True: ("操作ログは定期的に確認している。", "委託先には年１回報告を求める。"),
}


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-order63-{name}")
    rows = _rows(rng, heldout, ROW_COUNT)
    extra = SECOND_PARAGRAPHS[heldout]
    rows = [
        {**r, "after": f"{r['after']}\n{rng.choice(extra)}"}
        if r["after"]
        and "\n" not in r["after"]
        and not CLOSING.search(r["after"])
        and rng.random() < SECOND_SHARE
        else r
        for r in rows
    ]
    return {
        "order": name.split("-")[-1],
        "rows": rows,
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        "paper": "A4",
        "valign": rng.choice(("top", "center")),
        "widths": rng.choice(CHROMIUM_WIDTHS),
    }


def _html(look: dict, order: tuple[int, ...]) -> str:
    rows = [[r[FIELDS[k]] for k in order] for r in look["rows"]]
    return table_html(look, [LABELS[k] for k in order], [look["widths"][k] for k in order], rows)


def _orders(heldout: bool) -> dict[str, tuple[int, ...]]:
    return HELDOUT_ORDERS if heldout else TUNING_ORDERS


def _names(heldout: bool) -> list[str]:
    prefix = "ho63" if heldout else "o63"
    return [f"{prefix}-chromium-{order}" for order in _orders(heldout)]


README = """# {name}: 提出時期 printed first or elsewhere than the form puts it (order63)

Tables printed by headless Chromium (an HTML table, A4 landscape, the header row repeated as a
`thead`) in another column order than the form's: `*-tfirst` 提出時期 | 変更日 | 項目 | 変更前 |
変更後 | 説明 (set XXIV's t03), `*-tmid` 変更日 | 項目 | 提出時期 | 変更前 | …, `*-tsecond` 変更日 |
提出時期 | 項目 | ….
Some rows' 変更後 has a second paragraph.  The truth (`expected/records.json`) is the six fields as
written.  Each case is the PDF and 9 texts (`<case>-<extractor>`: pdfplumber plain and
`layout=True`, pypdf, PyMuPDF, pypdfium2 `+nl`, pdftotext -raw / plain / -layout, pdfminer);
settings per case in `cases.json`.

`samples/office-order63` (tuning): orders tfirst, tmid, the tuning tables.
`samples/heldout-order63` (held out: measure on it, never tune on it): orders tfirst, tsecond,
the held-out tables, sizes and paragraphs.

    python tools/make_order63_samples.py
    python tools/eval_office.py samples/office-order63 samples/heldout-order63
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")
    for name in _names(heldout):
        look = _look(name, heldout)
        pdf = work / f"{name}.pdf"
        print_html(_html(look, _orders(heldout)[look["order"]]), pdf, binary)
        settings = {k: v for k, v in look.items() if k != "rows"}
        program = {"program": "Chromium --headless --print-to-pdf", **settings}
        yield name, pdf, chromium_expected(pdf, look["rows"]), program


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
