"""Tables with columns beyond the six fields: a 備考 column with words right of 提出時期に係る説明,
a numbering column (No. / 番号 / 連番) left of 変更日, or both (issues 10 / 12, branch bikou55).

    python tools/make_bikou55_samples.py                          # both sets
    python tools/make_bikou55_samples.py --set office-bikou55     # or heldout-bikou55

A new user's tables printed a 7th column 備考 holding short remarks (``庁内決裁済``, ``要確認``)
and, in others, a numbering column on the left; layout-mode texts read the remarks into the
explanation and pypdfium2 text read the numbers into 変更前, unwarned.  Each case is a run of
consecutive rows of the set's pool, printed

* by LibreOffice Calc (``make_outsider_tables.Case``: the .xlsx typed by hand, ``paper`` A3 or
  A4 landscape, fit to the page's width), or
* by headless Chromium (an HTML table, ``@page`` A3 or A4 landscape),

in a font size of ``SIZES`` (7–12 pt), with the extra columns of its kind (``KINDS``): ``tail``
(備考 only), ``lead`` (a numbering column only), ``both``, or ``longlead`` (a numbering column
over ``LONG_ROWS`` rows: numbers of two digits).  A 備考 cell is empty or a remark of
the set's list (``TUNING_REMARKS`` / ``HELDOUT_REMARKS``, disjoint); the truth
(``expected/records.json``) is the six fields as written, the extra columns being no field.
``office-bikou55`` (tuning) draws from the tuning tables and looks; ``heldout-bikou55`` (measure
only, never tune on it) from the held-out tables, remarks, labels and sizes.  Each case keeps its
PDF and the texts of ``TEXTS``.
"""

from __future__ import annotations

import html
import json
import random
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from flatten import render_date
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import (
    HELDOUT_DIR,
    TUNING_TABLES,
    SetCase,
    _printable,
    build_made_set,
    build_named,
    load_table,
    write_manifest,
)
from make_outsider_tables import SHARES, print_case
from make_outsider_tables import Case as CalcCase
from make_pdfs import EXTRACTORS, LABELS, chromium_binary, extract_text, print_html

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-bikou55": False, "heldout-bikou55": True}
TEXTS = (*EXTRACTORS, "pdfplumber", "pdfplumber-layout", "pypdf", "pypdf-layout", "pymupdf", "pymupdf-sort")
KINDS = ("tail", "lead", "both", "longlead")
ROWS = (5, 8)
# A ``longlead`` case: a numbering column only, over more rows (numbers of two digits).
LONG_ROWS = (11, 14)
TUNING_SIZES = (7.0, 8.0, 10.0, 12.0)
HELDOUT_SIZES = (7.0, 9.0, 11.0)
# Remarks a 備考 cell holds (empty at ``EMPTY_REMARK_SHARE``).
TUNING_REMARKS = (
    "庁内決裁済",
    "要確認",
    "軽微な変更",
    "システム改修に伴う",
    "様式変更",
    "特記事項なし",
    "条例改正対応",
)
HELDOUT_REMARKS = ("委員会報告済", "再確認要", "審査済み", "別紙参照", "内部監査の指摘による", "担当課確認済")
EMPTY_REMARK_SHARE = 0.3
TUNING_LEADS = ("No.", "番号")
HELDOUT_LEADS = ("連番", "No")
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("Noto Sans CJK JP", "IPAexMincho")
# Chromium embeds a large subset of Noto Sans CJK (over 300 KB a PDF): its held-out cases print
# in IPAex fonts.
CHROMIUM_HELDOUT_FONTS = ("IPAexMincho", "IPAexGothic")
FONT_FILES = {
    "IPAexGothic": "opentype/ipaexfont-gothic/ipaexg.ttf",
    "IPAexMincho": "opentype/ipaexfont-mincho/ipaexm.ttf",
    "Noto Sans CJK JP": "opentype/noto/NotoSansCJK-Regular.ttc",
}
FONT_DIR = Path("/usr/share/fonts")
# Chromium column widths (%, the six fields); the extra columns take theirs from these.
CHROMIUM_WIDTHS = ((9, 17, 27, 27, 6, 14), (8, 19, 25, 25, 7, 16))
LEAD_PCT, TAIL_PCT = 4, 8


def _rows(rng: random.Random, heldout: bool, count: tuple[int, int] = ROWS) -> list[dict]:
    paths = sorted(HELDOUT_DIR.glob("*.json")) if heldout else list(TUNING_TABLES.values())
    table = _printable(load_table(rng.choice(paths)))
    n = min(rng.randint(*count), len(table))
    first = rng.randrange(len(table) - n + 1)
    style = rng.choice(("slash", "wareki", "seireki"))
    return [{**r, "change_date_raw": render_date(r["change_date"], style)} for r in table[first : first + n]]


def _remarks(rng: random.Random, n: int, heldout: bool) -> tuple[str, ...]:
    pool = HELDOUT_REMARKS if heldout else TUNING_REMARKS
    return tuple("" if rng.random() < EMPTY_REMARK_SHARE else rng.choice(pool) for _ in range(n))


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-bikou55-{name}")
    kind = name.split("-")[2]
    rows = _rows(rng, heldout, LONG_ROWS if kind == "longlead" else ROWS)
    return {
        "kind": kind,
        "rows": rows,
        "font": rng.choice(
            (HELDOUT_FONTS if "-calc-" in name else CHROMIUM_HELDOUT_FONTS) if heldout else TUNING_FONTS
        ),
        "size": rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        "paper": rng.choice(("A3", "A4")),
        "lead": rng.choice(HELDOUT_LEADS if heldout else TUNING_LEADS) if kind != "tail" else "",
        "tail": "備考" if kind in ("tail", "both") else "",
        "remarks": _remarks(rng, len(rows), heldout) if kind in ("tail", "both") else (),
        "valign": rng.choice(("top", "center")),
        "widths": rng.choice(CHROMIUM_WIDTHS),
    }


def _calc_pdf(name: str, look: dict, work: Path) -> tuple[Path, list[dict], dict]:
    case = CalcCase(
        name=name,
        maker="calc",
        font=look["font"],
        size=look["size"],
        landscape=True,
        valign=look["valign"],
        date_style="as-printed",
        title="（別添２）変更箇所",
        shares=SHARES,
        slack_lines=1.0,
        pool="",
        rows=look["rows"],
        lead_label=look["lead"],
        lead_style="ascii",
        tail_label=look["tail"],
        tail_values=look["remarks"],
        paper=look["paper"],
    )
    pdf, missing = print_case(case, work)
    if missing:
        raise SystemExit(f"{name}: not printed whole")
    return pdf, chromium_expected(pdf, look["rows"]), {k: v for k, v in asdict(case).items() if k != "rows"}


def table_html(
    look: dict, labels: list[str], widths: list[float], rows: list[list[str]], keep: bool = True
) -> str:
    """A Chromium page of one amendment table: ``labels`` over columns of ``widths`` (percent),
    ``rows`` of cell texts (a line break prints as ``<br>``), in ``look``'s font, size, paper
    and vertical alignment; rows are not broken over pages unless ``keep`` is false.  Shared by
    the generators that print an HTML table (bikou55, kindcol59, place61, order63)."""
    body = []
    for cells in rows:
        tds = "".join(f"<td>{'<br>'.join(html.escape(p) for p in c.split(chr(10)))}</td>" for c in cells)
        body.append(f"<tr>{tds}</tr>")
    head = "".join(f"<th>{html.escape(lab)}</th>" for lab in labels)
    cols = "".join(f'<col style="width:{w:.2f}%">' for w in widths)
    font = (FONT_DIR / FONT_FILES[look["font"]]).as_uri()
    rule = "tr { break-inside: avoid; }" if keep else ""
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@font-face {{ font-family: W; src: url({font}); }}
@page {{ size: {look["paper"]} landscape; margin: 12mm; }}
body {{ font-family: W; font-size: {look["size"]}pt; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
thead {{ display: table-header-group; }}
td, th {{ border: 0.5pt solid #000; padding: 2pt; line-break: strict; vertical-align: {look["valign"]}; }}
th {{ font-weight: normal; background: #ddd; }}
{rule}
</style></head><body><p>（別添２）変更箇所</p><table><colgroup>{cols}</colgroup>
<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></body></html>"""


def build_chromium_set(
    root: Path,
    names: list[str],
    look_of: Callable[[str], dict],
    page_of: Callable[[dict], str],
    texts: tuple[str, ...],
    readme: str,
) -> None:
    """Write a sample set under ``root`` of Chromium tables: for each of ``names`` its look
    (``look_of(name)``, a dict with the truth ``rows``) printed as the HTML ``page_of(look)``
    gives, its truth (``make_chromium54_samples._expected``), the ``texts`` and the look's
    settings in ``cases.json`` (``build_made_set``).  Shared by the generators that print one
    HTML table a case (place61, paragraphs64).  Raises SystemExit when Chromium is missing."""
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")

    def cases(work: Path) -> Iterator[SetCase]:
        for name in names:
            look = look_of(name)
            pdf = work / f"{name}.pdf"
            print_html(page_of(look), pdf, binary)
            settings = {k: v for k, v in look.items() if k != "rows"}
            yield (
                name,
                pdf,
                chromium_expected(pdf, look["rows"]),
                {"program": "Chromium --headless --print-to-pdf", **settings},
            )

    build_made_set(root, cases, texts, readme)


def _html(look: dict) -> str:
    lead, tail = [look["lead"]] if look["lead"] else [], [look["tail"]] if look["tail"] else []
    labels = lead + list(LABELS) + tail
    extra = (LEAD_PCT if look["lead"] else 0) + (TAIL_PCT if look["tail"] else 0)
    widths = [w * (100 - extra) / 100 for w in look["widths"]]
    widths = ([LEAD_PCT] if look["lead"] else []) + widths + ([TAIL_PCT] if look["tail"] else [])
    rows = []
    for i, r in enumerate(look["rows"]):
        cells = [str(i + 1)] if look["lead"] else []
        cells += [r[f] for f in ("change_date_raw", "item", "before", "after", "timing", "explanation")]
        cells += [look["remarks"][i]] if look["tail"] else []
        rows.append(cells)
    return table_html(look, labels, widths, rows)


def _chromium_pdf(look: dict, work: Path, name: str) -> tuple[Path, list[dict], dict]:
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")
    pdf = work / f"{name}.pdf"
    print_html(_html(look), pdf, binary)
    settings = {k: v for k, v in look.items() if k != "rows"}
    settings = {"program": "Chromium --headless --print-to-pdf", **settings}
    return pdf, chromium_expected(pdf, look["rows"]), settings


def _names(heldout: bool) -> list[str]:
    prefix = "hb55" if heldout else "b55"
    return [f"{prefix}-{maker}-{kind}" for maker in ("calc", "chromium") for kind in KINDS]


README = """# {name}: columns beyond the six (issues 10 / 12, branch bikou55)

Tables with a 7th column 備考 holding remarks right of 提出時期に係る説明 (`*-tail`), a numbering
column (No. / 番号 / 連番) left of 変更日 (`*-lead`, `*-longlead` over 11–14 rows), or both
(`*-both`), printed by LibreOffice Calc (`*-calc-*`: an .xlsx typed by hand, A3 or A4 landscape)
and headless Chromium (`*-chromium-*`: an HTML table), 7–12 pt.  The extra columns are no field:
the truth (`expected/records.json`) is the six fields as written (pages found in the PDF's text).
Each case is the PDF and 12 extractors' texts (`<case>-<extractor>`: pdftotext plain / -raw /
-layout, pdfminer, pypdfium2, pdfplumber plain and `layout=True`, pypdf plain and layout mode,
PyMuPDF default and `sort=True`); settings per case in `cases.json`.

`samples/office-bikou55` (tuning) draws from the tuning tables, remarks and labels;
`samples/heldout-bikou55` (held out: measure on it, never tune on it) from the held-out tables,
with remarks, numbering labels and sizes of its own.

    python tools/make_bikou55_samples.py
    python tools/eval_office.py samples/office-bikou55 samples/heldout-bikou55 --total
"""


def build(root: Path, heldout: bool) -> None:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    manifest = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for name in _names(heldout):
            look = _look(name, heldout)
            make = _calc_pdf if "-calc-" in name else None
            pdf, truth, settings = make(name, look, work) if make else _chromium_pdf(look, work, name)
            folder = root / name
            (folder / "expected").mkdir(parents=True)
            shutil.copy(pdf, folder / "input.pdf")
            (folder / "expected" / "records.json").write_text(
                json.dumps(truth, ensure_ascii=False, indent=1) + "\n", "utf-8"
            )
            for tool in TEXTS:
                tf = root / f"{name}-{tool}"
                (tf / "expected").mkdir(parents=True)
                (tf / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
                shutil.copy(folder / "expected" / "records.json", tf / "expected" / "records.json")
            manifest[name] = settings
            print(f"{root.name}/{name}: {len(truth)} rows, {pdf.stat().st_size // 1024} KB", file=sys.stderr)
    write_manifest(root, manifest)
    (root / "README.md").write_text(README.format(name=root.name), "utf-8")


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return build_named(argv, __doc__, SETS, lambda name: build(ROOT / "samples" / name, SETS[name]))


if __name__ == "__main__":
    raise SystemExit(main())
