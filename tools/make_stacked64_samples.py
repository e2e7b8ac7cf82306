"""Tables printing 変更前 and 変更後 stacked in one column (``変更前：…`` over ``変更後：…``), by
headless Chromium, LibreOffice Calc (.xlsx) and LibreOffice Writer (.docx), with their flattened
texts (branch stacked64).

    python tools/make_stacked64_samples.py                           # both sets
    python tools/make_stacked64_samples.py --set office-stacked64    # or heldout-stacked64

Set XXV's t07 (Chromium, label 変更内容（変更前／変更後）, five columns) read 0 rows from its PDF
and kept the markers in the cells of its texts, half the rows unwarned.  Each case here is a run
of consecutive rows of the set's pool printed in five columns: 変更日 | 項目 | one column whose
cell prints the row's before text under a before marker and its after text under an after marker
(each side on lines of its own; a before of nothing printed as the marker alone or with a
placeholder of the set's) | 提出時期 | 説明.  The truth (``expected/records.json``) is the six fields
as written (the markers are no text of theirs).  ``office-stacked64`` (tuning) draws from the
tuning tables with the markers ``変更前：`` / ``変更後：``, 【変更前】 / 【変更後】 and 旧： / 新：;
``heldout-stacked64`` (measure only, never tune on it) from the held-out tables with （変更前） /
（変更後）, ＜変更前＞ / ＜変更後＞ and the word alone on its line, labels and sizes of its own.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_extracols62_samples as x62
from make_bikou55_samples import _rows, table_html
from make_office_samples import SetCase, made_sets_main
from make_pdfs import LABELS, chromium_binary, print_html

SETS = {"office-stacked64": False, "heldout-stacked64": True}
TEXTS = x62.TEXTS
ROWS = (6, 9)
# (maker, marker style) of each case.
TUNING_CASES = (("chromium", "colon"), ("calc", "lenticular"), ("writer", "kyushin"))
HELDOUT_CASES = (("chromium", "paren"), ("calc", "angle"), ("writer", "alone"))
# Each style's before and after marker; ``alone``: the word on a line of its own.
MARKERS = {
    "colon": ("変更前：", "変更後："),
    "lenticular": ("【変更前】", "【変更後】"),
    "kyushin": ("旧：", "新："),
    "paren": ("（変更前）", "（変更後）"),
    "angle": ("＜変更前＞", "＜変更後＞"),
    "alone": ("変更前\n", "変更後\n"),
}
TUNING_LABELS = ("変更内容（変更前／変更後）", "変更前／変更後")
HELDOUT_LABELS = ("変更内容(変更前/変更後)", "変更箇所・内容（変更前→変更後）")
# A before of nothing: printed as the marker alone, or with this placeholder (then the truth's).
TUNING_NOTHING = ("", "記載なし")
HELDOUT_NOTHING = ("", "なし")
TUNING_SIZES = (8.0, 9.0)
HELDOUT_SIZES = (7.5, 10.0)
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAexMincho", "IPAGothic")
# Rows whose before and after hold more characters are left out: a stacked cell that long
# breaks over a page in Writer (the check of make_extracols62 refuses it) and makes big files.
MAX_STACKED_CHARS = 360
# Column widths (percent): 変更日, 項目, the stacked column, 提出時期, 説明.
WIDTHS = (10, 22, 44, 7, 17)
# The stacked column's share of a Calc / Writer page (make_extracols62's extra columns).
STACKED_SHARE = 0.5


def _stacked(row: dict, style: str) -> str:
    """The stacked cell of ``row``: before marker and text, then after marker and text."""
    before, after = MARKERS[style]
    return f"{before}{row['before']}\n{after}{row['after']}".replace("\n\n", "\n").strip("\n")


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-stacked64-{name}")
    maker, style = name.split("-")[1:3]
    nothing = HELDOUT_NOTHING if heldout else TUNING_NOTHING
    rows = [
        {**r, "before": rng.choice(nothing)} if not r["before"].strip() else r
        for r in _rows(rng, heldout, ROWS)
        if len(r["before"]) + len(r["after"]) <= MAX_STACKED_CHARS
    ]
    label = rng.choice(HELDOUT_LABELS if heldout else TUNING_LABELS)
    return {
        "maker": maker,
        "style": style,
        "label": label,
        # make_extracols62's columns: the six fields by index, the stacked one by name.
        "columns": (0, 1, "stacked", 4, 5),
        "extras": {"stacked": {"label": label, "values": tuple(_stacked(r, style) for r in rows)}},
        "rows": rows,
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        # Writer breaks a tall row over pages under the repeated label row, which the check of
        # make_extracols62 (each cell's text printed whole in the text stream) refuses: A3.
        "paper": "A3" if maker == "writer" else "A4",
        "valign": rng.choice(("top", "center")),
    }


def _pdf(name: str, look: dict, work: Path) -> Path:
    if look["maker"] != "chromium":
        x62.EXTRA_SHARES["stacked"] = STACKED_SHARE
        return x62._pdf(name, look, work)
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")
    labels = [LABELS[0], LABELS[1], look["label"], LABELS[4], LABELS[5]]
    rows = [
        [r["change_date_raw"], r["item"], stacked, r["timing"], r["explanation"]]
        for r, stacked in zip(look["rows"], look["extras"]["stacked"]["values"], strict=True)
    ]
    pdf = work / f"{name}.pdf"
    print_html(table_html(look, labels, list(WIDTHS), rows), pdf, binary)
    return pdf


PROGRAMS = {**x62.PROGRAMS, "chromium": "Chromium --headless --print-to-pdf"}


def _names(heldout: bool) -> list[str]:
    prefix = "hs64" if heldout else "s64"
    return [f"{prefix}-{maker}-{style}" for maker, style in (HELDOUT_CASES if heldout else TUNING_CASES)]


README = """# {name}: 変更前 and 変更後 stacked in one column (branch stacked64)

Tables of five columns, 変更日 | 項目 | 変更内容（変更前／変更後） | 提出時期 | 説明, whose third
column prints each row's before text under a before marker and its after text under an after
marker, as set XXV's t07 does; printed by headless Chromium (`*-chromium-*`, an HTML table),
LibreOffice Calc (`*-calc-*`, an .xlsx) and Writer (`*-writer-*`, a .docx).  The truth
(`expected/records.json`) is the six fields as written, markers aside.  Each case is the PDF and
7 texts (`<case>-<extractor>`: pypdfium2, pdftotext -raw / plain / -layout, pdfminer, pdfplumber,
pypdf); settings per case in `cases.json`.

`samples/office-stacked64` (tuning): markers `変更前：` / `変更後：`, 【変更前】 / 【変更後】, 旧： / 新：.
`samples/heldout-stacked64` (held out: measure on it, never tune on it): （変更前） / （変更後）,
＜変更前＞ / ＜変更後＞, the word alone on its line; the held-out tables, labels and sizes.

    python tools/make_stacked64_samples.py
    python tools/eval_office.py samples/office-stacked64 samples/heldout-stacked64 --total
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    return x62.made_cases(work, heldout, _names, _look, _pdf, PROGRAMS)


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
