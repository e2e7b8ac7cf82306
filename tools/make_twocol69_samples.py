"""Tables whose 項目 is printed over two or three sub-columns, made otherwise than
``make_twocol68_samples`` on purpose (branch twocol69): a narrow 大項目 that holds only
``Ⅰ基本情報`` (wrapped) or a wide one, other sub-labels (大項目 / 小項目, 項目 / 細目) or none at
all (one label row, 項目 merged across its sub-columns), the 大項目 repeated on each row or
merged down over a section's rows, long 小項目 that wrap in a narrow item, Calc and Writer, other
fonts and sizes, two and three levels; with 11 flattened texts (the ten of twocol68 and a CP932
``-layout`` saved as Windows does).

    python tools/make_twocol69_samples.py                          # both sets
    python tools/make_twocol69_samples.py --set office-twocol69    # or heldout-twocol69

A tester's own Calc/Writer table (大項目 ``Ⅰ基本情報`` | 小項目 ``７．評価実施機関における担当
部署`` / ``②所属長の役職名``) read right from its PDF but wrong from every text: twocol68's
readers fit its generator's shapes only.  The truth item is the sub-columns' text joined top to
bottom with line breaks, as twocol68 defines it.  The writers, the cells and the truth are
``make_twocol68_samples``'s; this module only chooses the looks.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_extracols62_samples as x62
import make_twocol68_samples as tc68
from make_bikou55_samples import _rows
from make_chromium54_samples import _expected as chromium_expected
from make_office_samples import SetCase, made_sets_main

SETS = {"office-twocol69": False, "heldout-twocol69": True}
TEXTS = (*tc68.TEXTS, "pdftotext-layout-cp932")
ROWS = (8, 13)
NARROW, MIDDLE, WIDE = (0.2, 0.8), (0.36, 0.64), (0.5, 0.5)
NARROW3, WIDE3 = (0.16, 0.34, 0.5), (0.34, 0.33, 0.33)
# name -> (maker, levels, sub-labels (() for one label row), sub-column shares, item widening,
# 大項目 merged down over its section's rows)
TUNING = {
    "tc69-calc-narrow": ("calc", 2, ("大項目", "小項目"), NARROW, 1.3, False),
    "tc69-writer-wide": ("writer", 2, ("項目", "細目"), WIDE, 1.5, True),
    "tc69-calc-nolabel": ("calc", 2, (), MIDDLE, 1.4, True),
    "tc69-writer-wrap": ("writer", 2, ("大項目", "小項目"), NARROW, 1.0, False),
    "tc69-calc-three": ("calc", 3, ("大項目", "中項目", "小項目"), NARROW3, 1.6, True),
    "tc69-writer-three": ("writer", 3, (), WIDE3, 1.6, False),
    "tc69-calc-detail": ("calc", 2, ("項目", "細目"), MIDDLE, 1.1, False),
    "tc69-writer-nolabel": ("writer", 2, (), NARROW, 1.2, True),
}
HELDOUT = {
    "htc69-calc-narrow": ("calc", 2, ("大項目", "小項目"), NARROW, 1.2, True),
    "htc69-writer-nolabel": ("writer", 2, (), MIDDLE, 1.0, False),
    "htc69-calc-three": ("calc", 3, (), NARROW3, 1.5, False),
    "htc69-writer-detail": ("writer", 2, ("項目", "細目"), WIDE, 1.3, True),
}


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-twocol69-{name}")
    return make_look(rng, heldout, (HELDOUT if heldout else TUNING)[name], ROWS)


def make_look(rng: random.Random, heldout: bool, spec: tuple, rows_range: tuple[int, int]) -> dict:
    """A case's look from its ``spec`` (maker, levels, sub-labels, sub-column shares, item
    widening, 大項目 merged down) and rows drawn from the tuning or held-out tables (also
    make_twocol70)."""
    maker, parts, sublabels, shares, widen, merged = spec
    rows = _rows(rng, heldout, rows_range)
    if merged:  # a section's rows together, so that its 大項目 cell is merged over them
        rows.sort(key=lambda r: r["item"].split("\n")[0])
    return {
        "maker": maker,
        "shape": "merged" if merged else "two" if parts == 2 else "three",
        "parts": parts,
        "sublabels": sublabels,
        "sub_shares": shares,
        "item_widen": widen,
        "rows": rows,
        "font": rng.choice(x62.HELDOUT_FONTS if heldout else x62.TUNING_FONTS),
        "size": rng.choice(x62.HELDOUT_SIZES if heldout else x62.TUNING_SIZES),
        "paper": "A4",
        "valign": rng.choice(("top", "center")),
    }


README = """# {name}: 項目 printed over sub-columns, otherwise than twocol68 (branch twocol69)

Tables whose 項目 is printed over two or three sub-columns: a narrow 大項目 (`Ⅰ基本情報`
wrapped) or a wide one, sub-labels 大項目 / 小項目, 項目 / 細目, 大項目 / 中項目 / 小項目 or none
(one label row, 項目 merged across), the 大項目 repeated or merged down (`cases.json` `shape`
`merged`), long 小項目 wrapping, Calc and Writer.  The truth item is the sub-columns' text joined
top to bottom with line breaks.  Each case is the PDF and 11 texts (the last a CP932 `-layout`).

`samples/office-twocol69` (tuning); `samples/heldout-twocol69` (held out: measure on it,
never tune on it).

    python tools/make_twocol69_samples.py
    python tools/eval_office.py samples/office-twocol69 samples/heldout-twocol69 --total
"""


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    """Each case of the set (``look_cases``)."""
    return look_cases(work, HELDOUT if heldout else TUNING, lambda name: _look(name, heldout))


def look_cases(
    work: Path,
    names: Iterable[str],
    look_of: Callable[[str], dict],
    touch: Callable[[str, Path, dict], None] | None = None,
) -> Iterator[SetCase]:
    """Each case named in ``names``, printed in its look (``look_of(name)``): its PDF
    (``make_twocol68_samples._pdf``; ``touch(name, pdf, look)`` may draw on it before the truth
    is read from it), the truth with pages, the settings (also make_twocol70, make_subcol72)."""
    for name in names:
        look = look_of(name)
        pdf = tc68._pdf(name, look, work)
        if touch is not None:
            touch(name, pdf, look)
        expected = chromium_expected(pdf, [{**r, "item": ""} for r in look["rows"]])
        for e, r in zip(expected, look["rows"], strict=True):
            e["item"] = r["item"]
            e["item_path"] = [p for p in r["item"].split("\n") if p.strip()]
        settings = {"program": tc68.PROGRAMS[look["maker"]], **{k: v for k, v in look.items() if k != "rows"}}
        yield name, pdf, expected, settings


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
