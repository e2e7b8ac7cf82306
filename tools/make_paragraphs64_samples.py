"""Tables whose 変更前 / 変更後 cells hold several paragraphs, beside dates merged over their rows,
with their flattened texts (issues 10 and 12, branch paragraphs64).

    python tools/make_paragraphs64_samples.py                               # both sets
    python tools/make_paragraphs64_samples.py --set office-paragraphs64     # or heldout-paragraphs64

Set XXV (FAULTS.md §4) read a two-paragraph 変更前 cut after its first paragraph in every
row-ordered text of a clean Chromium table (its second paragraph opening the 変更後), unwarned;
set XXIV §2 e the other way in pdfplumber's plain text.  Each case here prints rows of the set's
pool (headless Chromium, an HTML table, the header row a ``thead``) whose before / after cells are
rebuilt of two or three sentences of the pool's body cells (``SHAPES``): two paragraphs each,
none shared; the after the before's paragraphs plus one added; the after opening as the before
does (both a first sentence of one subject, ``SUBJECTS``); one cell of one paragraph beside one of
three.  The before and after columns are as wide or not (``WIDTHS``), and the dates are merged
over runs of 2–5 rows (``rowspan``, vertically centred or at the top).  The truth
(``expected/records.json``) is the six fields as written.  ``office-paragraphs64`` (tuning) draws
from the tuning tables; ``heldout-paragraphs64`` (measure only, never tune on it) from the
held-out tables, with sizes, fonts and widths of its own.
"""

from __future__ import annotations

import html
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_bikou55_samples import FONT_DIR, FONT_FILES, _rows, build_chromium_set
from make_office_samples import (
    HELDOUT_DIR,
    TUNING_TABLES,
    _printable,
    build_named,
    load_table,
)
from make_pdfs import LABELS

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-paragraphs64": False, "heldout-paragraphs64": True}
TEXTS = (
    "pdfplumber",
    "pypdf",
    "pymupdf",
    "pypdfium2+nl",
    "pdftotext-raw",
    "pdftotext-layout",
    "pypdf-layout",
    "pdfminer",
)
CASES = 3
ROWS = (7, 10)
# Runs of rows one date is merged over.
SPAN = (2, 5)
SHAPES = ("two-two", "added", "same-subject", "one-three")
TUNING_SIZES = (8.0, 9.0, 10.0)
HELDOUT_SIZES = (7.5, 9.5, 11.0)
TUNING_FONTS = ("IPAexGothic", "IPAexMincho")
HELDOUT_FONTS = ("IPAexMincho", "IPAexGothic")
# Column widths (%): 変更日, 項目, 変更前, 変更後, 提出時期, 説明.
TUNING_WIDTHS = ((9, 17, 22, 30, 6, 16), (8, 18, 27, 27, 7, 13), (9, 16, 30, 23, 7, 15))
HELDOUT_WIDTHS = ((8, 17, 21, 31, 7, 16), (9, 17, 26, 26, 6, 16), (8, 15, 31, 24, 7, 15))
# The subjects a same-subject pair's sentences open with.
SUBJECTS = ("サーバー室", "特定個人情報ファイル", "委託先", "システム")
# A whole sentence: opening a paragraph or after another's 。, with no space inside.
SENTENCE = re.compile(r"(?:^|(?<=。))([^。\s\u3000]{12,60}。)", re.MULTILINE)


def _sentences(rows: list[dict]) -> list[str]:
    """The whole sentences (12–60 characters ending with 。, no space) of the rows' before / after
    cells, in order, once each, none opening with a marker of the form."""
    out: list[str] = []
    for r in rows:
        for f in ("before", "after"):
            for s in SENTENCE.findall(r[f] or ""):
                s = s.strip()
                if s not in out and not re.match(r"[・※\[［（(①-⑳0-9０-９＜<【]", s):
                    out.append(s)
    return out


def _cells(rng: random.Random, shape: str, pool: list[str]) -> tuple[str, str]:
    """A before and after cell of ``shape`` made of the pool's sentences."""
    pick = rng.sample(pool, 4)
    if shape == "two-two":
        return "\n".join(pick[:2]), "\n".join(pick[2:])
    if shape == "added":
        return "\n".join(pick[:2]), "\n".join(pick[:3])
    if shape == "same-subject":
        subject = rng.choice(SUBJECTS)
        return (
            "\n".join((subject + "は" + pick[0], subject + "の" + pick[1])),
            "\n".join((subject + "は" + pick[2], pick[3])),
        )
    if rng.random() < 0.5:
        return pick[0], "\n".join(pick[1:])
    return "\n".join(pick[1:]), pick[0]


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-paragraphs64-{name}")
    rows = _rows(rng, heldout, ROWS)
    paths = sorted(HELDOUT_DIR.glob("*.json")) if heldout else list(TUNING_TABLES.values())
    pool = _sentences([r for p in paths for r in _printable(load_table(p))])
    spans, k = [], 0
    while k < len(rows):
        n = min(rng.randint(*SPAN), len(rows) - k)
        spans.append(n)
        k += n
    out = []
    for r in rows:
        before, after = _cells(rng, rng.choice(SHAPES), pool)
        out.append({**r, "before": before, "after": after})
    # A merged date is one date for its run of rows.
    k = 0
    for n in spans:
        for r in out[k : k + n]:
            r["change_date"], r["change_date_raw"] = out[k]["change_date"], out[k]["change_date_raw"]
        k += n
    return {
        "rows": out,
        "spans": spans,
        "font": rng.choice(HELDOUT_FONTS if heldout else TUNING_FONTS),
        "size": rng.choice(HELDOUT_SIZES if heldout else TUNING_SIZES),
        "paper": rng.choice(("A3", "A4")),
        "valign": rng.choice(("top", "center")),
        "date_valign": rng.choice(("middle", "middle", "top")),
        "widths": rng.choice(HELDOUT_WIDTHS if heldout else TUNING_WIDTHS),
    }


def _td(text: str, attrs: str = "") -> str:
    return f"<td{attrs}>{'<br>'.join(html.escape(p) for p in text.split(chr(10)))}</td>"


def _html(look: dict) -> str:
    """The table page: the date cell of each run's first row spans the run (``rowspan``)."""
    fields = ("item", "before", "after", "timing", "explanation")
    body, k = [], 0
    for n in look["spans"]:
        for m, r in enumerate(look["rows"][k : k + n]):
            date = _td(r["change_date_raw"], f' rowspan="{n}" style="vertical-align:{look["date_valign"]}"')
            body.append("<tr>" + (date if m == 0 else "") + "".join(_td(r[f]) for f in fields) + "</tr>")
        k += n
    head = "".join(f"<th>{html.escape(lab)}</th>" for lab in LABELS)
    cols = "".join(f'<col style="width:{w}%">' for w in look["widths"])
    font = (FONT_DIR / FONT_FILES[look["font"]]).as_uri()
    return f"""<!doctype html><html><head><meta charset="utf-8"><style>
@font-face {{ font-family: W; src: url({font}); }}
@page {{ size: {look["paper"]} landscape; margin: 12mm; }}
body {{ font-family: W; font-size: {look["size"]}pt; }}
table {{ border-collapse: collapse; width: 100%; table-layout: fixed; }}
thead {{ display: table-header-group; }}
td, th {{ border: 0.5pt solid #000; padding: 2pt; line-break: strict; vertical-align: {look["valign"]}; }}
th {{ font-weight: normal; background: #ddd; }}
tr {{ break-inside: avoid; }}
</style></head><body><p>（別添２）変更箇所</p><table><colgroup>{cols}</colgroup>
<thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table></body></html>"""


def _names(heldout: bool) -> list[str]:
    prefix = "hq64" if heldout else "q64"
    return [f"{prefix}-chromium-{k}" for k in range(1, CASES + 1)]


README = """# {name}: multi-paragraph 変更前 / 変更後 cells beside merged dates (paragraphs64)

Tables printed by headless Chromium (an HTML table, A3 or A4 landscape, the header row a `thead`)
whose before / after cells hold two or three sentences of the pool's body cells, one a paragraph
(two each none shared, the after the before plus one added, both opening with one subject, one
beside three), in columns as wide or not, beside dates merged over runs of 2–5 rows (`rowspan`,
centred or at the top).  The truth (`expected/records.json`) is the six fields as written.  Each
case is the PDF and 8 texts (`<case>-<extractor>`: pdfplumber plain, pypdf plain and layout,
PyMuPDF, pypdfium2 `+nl`, pdftotext -raw / -layout, pdfminer); settings per case in `cases.json`.

`samples/office-paragraphs64` (tuning); `samples/heldout-paragraphs64` (held out: measure on it,
never tune on it: the held-out tables, sizes and widths).

    python tools/make_paragraphs64_samples.py
    python tools/eval_office.py samples/office-paragraphs64 samples/heldout-paragraphs64 --total
"""


def build(root: Path, heldout: bool) -> None:
    build_chromium_set(
        root, _names(heldout), lambda name: _look(name, heldout), _html, TEXTS, README.format(name=root.name)
    )


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return build_named(argv, __doc__, SETS, lambda name: build(ROOT / "samples" / name, SETS[name]))


if __name__ == "__main__":
    raise SystemExit(main())
