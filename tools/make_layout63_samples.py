"""Tables whose layout texts move closing punctuation one column right, and tables that repeat
their header on each page in other wording (issue 12, set XXIV's faults §2 a and c, branch
layout63).

    python tools/make_layout63_samples.py                           # both sets
    python tools/make_layout63_samples.py --set office-layout63     # or heldout-layout63

``closers``: headless Chromium prints a run of closing punctuation compressed (``。）。``: the
``）`` drawn over the half-empty ``。`` before it).  pypdf's ``extraction_mode="layout"`` prints
the glyphs after the overlap as a piece of their own in the next column when the run ends a full
line: set XXIV's t03/t06/t07/t09/t13 ``.pypdf_layout`` lost the 変更前's ``）。`` to the 変更後 and
the 変更後's to the 説明, unwarned.  Each row's 変更前 / 変更後 here ends in a bracketed remark of a
random length closed by such a run (``TUNING_CLOSINGS`` / ``HELDOUT_CLOSINGS``), so that some of
them end a full line.

``relabel``: one table a page (``break-before: page``), each page's header row worded otherwise
(``TUNING_HEADERS`` / ``HELDOUT_HEADERS``: 変更年月日, 変更箇所（項目）, 提出時期の説明 …): set XXIV's
t13 glued a later page's labels onto the cells above them in layout texts (``…②実施日・期間項目``,
``通知カード変更前``), unwarned.

``office-layout63`` (tuning) draws rows from the tuning tables; ``heldout-layout63`` (measure
only, never tune on it) from the held-out tables, with closing runs, label wordings, fonts and
sizes of its own.  The truth (``expected/records.json``) is the six fields as written.
"""

from __future__ import annotations

import html
import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_bikou55_samples import CHROMIUM_WIDTHS, FONT_DIR, FONT_FILES, _rows
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import SetCase, build_made_set, build_named
from make_pdfs import LABELS, chromium_binary, print_html

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-layout63": False, "heldout-layout63": True}
TEXTS = ("pypdf-layout", "pdftotext-layout", "pypdf")
SHAPES = ("closers", "relabel")
ROWS = (8, 11)
MARGIN_PT, PADDING_PT = 34.0, 2.0
# A remark's length: from this up to two lines' capacity.
REMARK_MIN = 8
# Rows a ``relabel`` page prints (a table a page).
PAGE_ROWS = 3
# Sizes at which pypdf's layout mode moves a compressed run (at 8, 8.5, 9.5, 10, 11 pt it
# prints the run in place; measured on one case).
TUNING_SIZES = (9.0, 10.5)
HELDOUT_SIZES = (7.5, 10.5)
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAexMincho", "IPAexGothic")
# How a bracketed remark closes: (opening, closing run).
TUNING_CLOSINGS = (("（", "。）。"), ("（", "）。"), ("「", "」。"))
HELDOUT_CLOSINGS = (("（", "。）。"), ("（「", "。」）"), ("（「", "」）。"), ("『", "』。"))
# The text a remark is cut from (a random length of it).
TUNING_REMARK = "以降、新たに個人番号の通知対象者が生じた都度、当該対象者の情報を随時提供するものとする"
HELDOUT_REMARK = (
    "ただし、番号法第十九条各号のいずれかに該当する場合には、この限りでない旨を明記した上で運用する"
)
# Column labels of a later page's header (the first page prints the form's).
TUNING_HEADERS = (
    ("変更年月日", "項目", "変更前", "変更後", "提出時期", "説明"),
    ("変更日", "変更箇所（項目）", "変更前の記載", "変更後の記載", "提出時期", "提出時期の説明"),
)
HELDOUT_HEADERS = (
    ("変更年月日", "変更項目", "変更前の内容", "変更後の内容", "提出時期", "提出時期に関する説明"),
    ("変更日", "変更箇所（項目）", "変更前", "変更後", "提出時期", "説明"),
)


def _capacity(look: dict, column: int) -> int:
    """About how many full-width characters a line of ``column`` holds (A4 landscape, 12 mm
    margins, 2 pt padding a side)."""
    width = (842 - 2 * MARGIN_PT) * look["widths"][column] / sum(look["widths"]) - 2 * PADDING_PT
    return int(width // look["size"])


def _closed(rng: random.Random, text: str, length: int, heldout: bool) -> str:
    """``text`` with a bracketed remark after it, ``length`` characters long with its brackets,
    closed by a run of closing punctuation of the set's (``TUNING_CLOSINGS`` /
    ``HELDOUT_CLOSINGS``)."""
    opening, run = rng.choice(HELDOUT_CLOSINGS if heldout else TUNING_CLOSINGS)
    remark = HELDOUT_REMARK if heldout else TUNING_REMARK
    cut = remark[: max(4, length - len(opening) - len(run))]
    return f"{text}{opening}{cut}{run}"


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-layout63-{name}")
    shape = name.split("-")[-1]
    rows = [r for _ in range(2) for r in _rows(rng, heldout, ROWS)]
    look = {
        "shape": shape,
        "rows": rows,
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        "valign": rng.choice(("top", "middle")),
        "widths": rng.choice(CHROMIUM_WIDTHS),
        "headers": HELDOUT_HEADERS if heldout else TUNING_HEADERS,
    }
    if shape == "closers":
        # Remarks of up to two lines' length: their closing runs end lines of every length.
        cap_before, cap_after = _capacity(look, 2), _capacity(look, 3)
        look["rows"] = [
            {
                **r,
                "before": _closed(rng, r["before"], rng.randint(REMARK_MIN, 2 * cap_before), heldout),
                "after": _closed(rng, r["after"], rng.randint(REMARK_MIN, 2 * cap_after), heldout),
            }
            for r in rows
        ]
    return look


def _table(rows: list[dict], labels: tuple[str, ...], widths: tuple[float, ...], page_break: bool) -> str:
    fields = ("change_date_raw", "item", "before", "after", "timing", "explanation")
    body = "".join(
        "<tr>"
        + "".join(f"<td>{'<br>'.join(html.escape(p) for p in r[f].split(chr(10)))}</td>" for f in fields)
        + "</tr>"
        for r in rows
    )
    head = "".join(f"<th>{html.escape(lab)}</th>" for lab in labels)
    cols = "".join(f'<col style="width:{w:.2f}%">' for w in widths)
    style = ' style="break-before: page"' if page_break else ""
    head = f"<colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>"
    return f"<table{style}>{head}<tbody>{body}</tbody></table>"


def _html(look: dict) -> str:
    rows = look["rows"]
    if look["shape"] == "relabel":
        pages = [rows[k : k + PAGE_ROWS] for k in range(0, len(rows), PAGE_ROWS)]
        labels = [
            tuple(LABELS),
            *(look["headers"][(k - 1) % len(look["headers"])] for k in range(1, len(pages))),
        ]
        tables = "".join(
            _table(p, lab, look["widths"], k > 0)
            for k, (p, lab) in enumerate(zip(pages, labels, strict=True))
        )
    else:
        tables = _table(rows, tuple(LABELS), look["widths"], False)
    font = (FONT_DIR / FONT_FILES[look["font"]]).as_uri()
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@font-face {{ font-family: W; src: url({font}); }}
@page {{ size: A4 landscape; margin: 12mm; }}
body {{ font-family: W; font-size: {look["size"]}pt; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
thead {{ display: table-header-group; }}
tr {{ break-inside: avoid; }}
td, th {{ border: 0.5pt solid #000; padding: 2pt; line-break: strict; vertical-align: {look["valign"]}; }}
th {{ font-weight: normal; background: #ddd; }}
</style></head><body><p>（別添２）変更箇所</p>{tables}</body></html>"""


def _names(heldout: bool) -> list[str]:
    prefix = "hl63" if heldout else "l63"
    return [f"{prefix}-a-closers", f"{prefix}-b-closers", f"{prefix}-a-relabel"]


README = """# {name}: closing punctuation moved by layout extractors; headers worded otherwise (layout63)

Tables printed by headless Chromium (an HTML table, A4 landscape).  `*-closers`: each 変更前 /
変更後 ends in a bracketed remark closed by a run of closing punctuation (`。）。`, `」。` …), which
Chromium prints compressed and pypdf's layout mode prints one column right where the run ends a
full line.  `*-relabel`: one table a page, each later page's header worded otherwise (変更年月日,
変更箇所（項目）, 提出時期の説明 …).  The truth (`expected/records.json`) is the six fields as
written.  Each case is the PDF and 3 texts (`<case>-<extractor>`: pypdf layout and plain,
pdftotext -layout); settings per case in `cases.json`.

`samples/office-layout63` (tuning): rows of the tuning tables, closing runs `。）。` `）。` `」。`,
later headers 変更年月日 / 変更前 / 変更後 / 説明 and 変更箇所（項目） / 提出時期の説明.
`samples/heldout-layout63` (held out: measure on it, never tune on it): rows of the held-out
tables, closing runs `。）。` `。」）` `」）。` `』。`, later headers 変更項目 / 変更前の内容 / 変更後の内容 /
提出時期に関する説明 and 変更箇所（項目） / 変更前 / 変更後 / 説明, fonts and sizes of its own.

    python tools/make_layout63_samples.py
    python tools/eval_office.py samples/office-layout63 samples/heldout-layout63 --total
"""


def build(root: Path, heldout: bool) -> None:
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")

    def cases(work: Path) -> Iterator[SetCase]:
        for name in _names(heldout):
            look = _look(name, heldout)
            pdf = work / f"{name}.pdf"
            print_html(_html(look), pdf, binary)
            settings = {k: v for k, v in look.items() if k not in ("rows", "headers")}
            if look["shape"] == "relabel":
                settings["headers"] = [list(h) for h in look["headers"]]
            yield (
                name,
                pdf,
                chromium_expected(pdf, look["rows"]),
                {"program": "Chromium --headless --print-to-pdf", **settings},
            )

    build_made_set(root, cases, TEXTS, README.format(name=root.name))


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return build_named(argv, __doc__, SETS, lambda name: build(ROOT / "samples" / name, SETS[name]))


if __name__ == "__main__":
    raise SystemExit(main())
