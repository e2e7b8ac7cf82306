"""Tables whose layout texts move closing punctuation one column right, tables that repeat
their header on each page in other wording, and tables whose marks a fallback font prints out of
place (issue 12, set XXIV's faults §2 a, c and d, branch layout63).

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

``marks``: LibreOffice Writer from a hand-written RTF naming IPAex Mincho prints ``○`` in a
fallback font after the line's other text; pypdf's layout mode then prints ``株式会社  システム○○``
and ``○［ ］紙`` (set XXIV t01/t11).  Every other row's 変更前 / 変更後 holds such marks
(``TUNING_MARKED`` / ``HELDOUT_MARKED``).

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
from make_office_samples import SetCase, build_made_set, build_named, convert
from make_pdfs import LABELS, chromium_binary, print_html

from piatable.normalize.rowless_dates import DATE_ITEM

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-layout63": False, "heldout-layout63": True}
TEXTS = ("pypdf-layout", "pdftotext-layout")
SHAPES = ("closers", "relabel", "marks")
ROWS = (8, 11)
PROGRAMS = ("Chromium --headless --print-to-pdf", "LibreOffice Writer from a hand-written RTF")
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
# 変更前 / 変更後 values printing a form's marks (○ in a check box or a placeholder name).
TUNING_MARKED = (
    ("株式会社○○システム", "○○情報サービス株式会社"),
    (
        "［○］紙\n［○］その他（住基ネット）",
        "［○］紙\n［○］電子記録媒体（フラッシュメモリを除く。）\n［○］その他（住基ネット、マイナポータル）",
    ),
    ("［○］１０人未満\n［　］１０人以上５０人未満", "［　］１０人未満\n［○］１０人以上５０人未満"),
)
HELDOUT_MARKED = (
    ("○○コンサルティング株式会社", "株式会社○○データセンター"),
    ("［○］専用線\n［　］インターネット", "［○］専用線\n［○］ＬＧＷＡＮ\n［　］インターネット"),
    ("［　］行っていない\n［○］行っている", "［○］行っていない\n［　］行っている"),
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


def _rtf_text(text: str) -> str:
    """``text`` as RTF: non-ASCII as ``\\uN?``, line ends as ``\\line``."""
    out = []
    for ch in text:
        if ch == "\n":
            out.append("\\line ")
        elif ord(ch) > 127:
            out.append(f"\\u{ord(ch) if ord(ch) < 32768 else ord(ch) - 65536}?")
        elif ch in "\\{}":
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _rtf(look: dict) -> str:
    """A hand-written RTF of the table in IPAex Mincho, which Writer prints the marks of in a
    fallback font (set XXIV t01's making): A4 landscape, one row a table row, header repeated."""
    twips = 16838 - 2 * 700
    edges = [round(twips * sum(look["widths"][: k + 1]) / sum(look["widths"])) for k in range(6)]
    border = "".join(f"\\clbrdr{side}\\brdrs\\brdrw10" for side in "tlbr")

    def row(cells: list[str], header: bool = False) -> str:
        head = (
            "\\trowd\\trgaph60"
            + ("\\trhdr" if header else "")
            + "".join(f"{border}\\cellx{x}" for x in edges)
        )
        return head + "\n" + "".join(f"\\pard\\intbl {_rtf_text(c)}\\cell " for c in cells) + "\\row\n"

    fields = ("change_date_raw", "item", "before", "after", "timing", "explanation")
    size = round(look["size"] * 2)
    parts = [
        "{\\rtf1\\ansi\\ansicpg932\\deff0{\\fonttbl{\\f0\\fnil\\fcharset128 IPAexMincho;}}",
        f"\\paperw16838\\paperh11906\\landscape\\margl700\\margr700\\margt700\\margb700\\fs{size} ",
        "{\\pard\\qc " + _rtf_text("（別添２）変更箇所") + "\\par}\n",
        row(list(LABELS), header=True),
        *(row([r[f] for f in fields]) for r in look["rows"]),
        "}",
    ]
    return "".join(parts)


def _marked(rng: random.Random, rows: list[dict], heldout: bool) -> list[dict]:
    """Every other row's 変更前 / 変更後 made a pair of the set's mark-bearing values
    (``TUNING_MARKED`` / ``HELDOUT_MARKED``): check boxes ［○］ and placeholder names ○○."""
    pool = HELDOUT_MARKED if heldout else TUNING_MARKED
    return [
        {**r, "before": b, "after": a} if i % 2 == 0 else r
        for i, r in enumerate(rows)
        for b, a in [rng.choice(pool)]
    ]


def _closed(rng: random.Random, text: str, length: int, heldout: bool) -> str:
    """``text`` with a bracketed remark after it, ``length`` characters long with its brackets,
    closed by a run of closing punctuation of the set's (``TUNING_CLOSINGS`` /
    ``HELDOUT_CLOSINGS``)."""
    opening, run = rng.choice(HELDOUT_CLOSINGS if heldout else TUNING_CLOSINGS)
    remark = HELDOUT_REMARK if heldout else TUNING_REMARK
    # A cut just after a 、 would print 「、。」, no sentence's end (tests/test_ocr_glyphs),
    # nor one just after 第, a number's head (``番号法第」``: tests/test_ocr_ordinals).
    cut = remark[: max(4, length - len(opening) - len(run))].rstrip("、第")
    return f"{text}{opening}{cut}{run}"


def _date_item(item: str) -> bool:
    """The item's last heading names a date (``②実施日・期間``): its cells print dates only."""
    return bool(DATE_ITEM.search(item.split("\n")[-1]))


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
    if shape == "marks":  # the font that lacks the marks (set XXIV t01)
        look["rows"], look["font"] = _marked(rng, rows, heldout), "IPAexMincho"
    if shape == "closers":
        # Remarks of up to two lines' length: their closing runs end lines of every length.
        cap_before, cap_after = _capacity(look, 2), _capacity(look, 3)
        look["rows"] = [
            {
                **r,
                "before": _closed(rng, r["before"], rng.randint(REMARK_MIN, 2 * cap_before), heldout),
                "after": _closed(rng, r["after"], rng.randint(REMARK_MIN, 2 * cap_after), heldout),
            }
            # A date item's cells print dates, no remark (tests/test_block_rows55); the same
            # draws are made, so the other rows stay as they were.
            | ({"before": r["before"], "after": r["after"]} if _date_item(r["item"]) else {})
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
    return [f"{prefix}-a-closers", f"{prefix}-b-closers", f"{prefix}-a-relabel", f"{prefix}-a-marks"]


README = """# {name}: closing punctuation moved by layout extractors; headers worded otherwise (layout63)

Tables printed by headless Chromium (an HTML table, A4 landscape).  `*-closers`: each 変更前 /
変更後 ends in a bracketed remark closed by a run of closing punctuation (`。）。`, `」。` …), which
Chromium prints compressed and pypdf's layout mode prints one column right where the run ends a
full line.  `*-relabel`: one table a page, each later page's header worded otherwise (変更年月日,
変更箇所（項目）, 提出時期の説明 …).  The truth (`expected/records.json`) is the six fields as
written.  `*-marks`: LibreOffice Writer from a hand-written RTF in IPAex Mincho, every other
row's 変更前 / 変更後 printing a form's marks (`［○］紙`, `株式会社○○システム`), which Writer prints in a
fallback font after the line's other text.  Each case is the PDF and 2 texts (`<case>-<extractor>`:
pypdf `extraction_mode="layout"`, pdftotext -layout); settings per case in `cases.json`.

`samples/office-layout63` (tuning): rows of the tuning tables, closing runs `。）。` `）。` `」。`,
later headers 変更年月日 / 変更前 / 変更後 / 説明 and 変更箇所（項目） / 提出時期の説明.
`samples/heldout-layout63` (held out: measure on it, never tune on it): rows of the held-out
tables, closing runs `。）。` `。」）` `」）。` `』。`, later headers 変更項目 / 変更前の内容 / 変更後の内容 /
提出時期に関する説明 and 変更箇所（項目） / 変更前 / 変更後 / 説明, fonts and sizes of its own.

    python tools/make_layout63_samples.py
    python tools/eval_office.py samples/office-layout63 samples/heldout-layout63 --total
"""


def _print(look: dict, pdf: Path, binary: str) -> None:
    """The case's PDF at ``pdf``: LibreOffice Writer from the hand-written RTF for ``marks``,
    else headless Chromium ``binary`` from the HTML page."""
    if look["shape"] != "marks":
        print_html(_html(look), pdf, binary)
        return
    rtf = pdf.with_suffix(".rtf")
    rtf.write_text(_rtf(look), "ascii")
    convert([rtf], pdf.parent)


def _entry(look: dict) -> dict:
    """The case's ``cases.json`` entry: the program and the look but its rows."""
    settings = {k: v for k, v in look.items() if k not in ("rows", "headers")}
    if look["shape"] == "relabel":
        settings["headers"] = [list(h) for h in look["headers"]]
    return {"program": PROGRAMS[look["shape"] == "marks"], **settings}


def build(root: Path, heldout: bool) -> None:
    looks = {name: _look(name, heldout) for name in _names(heldout)}
    if (binary := chromium_binary()) is None:
        raise SystemExit("chromium is missing")

    def cases(work: Path) -> Iterator[SetCase]:
        for name, look in looks.items():
            _print(look, work / f"{name}.pdf", binary)
            yield (
                name,
                work / f"{name}.pdf",
                chromium_expected(work / f"{name}.pdf", look["rows"]),
                _entry(look),
            )

    build_made_set(root, cases, TEXTS, README.format(name=root.name))


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return build_named(argv, __doc__, SETS, lambda name: build(ROOT / "samples" / name, SETS[name]))


if __name__ == "__main__":
    raise SystemExit(main())
