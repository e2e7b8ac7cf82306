"""Writer rows broken over a page under a merged date, merged 提出時期 / 説明 cells, and Calc cells
holding full-width spaces, in ``-layout`` text (issues 10 / 12, branch layout40).

    python tools/make_layout40_samples.py                 # both sets
    python tools/make_layout40_samples.py --set office-layout40
    python tools/make_layout40_samples.py --set heldout-layout40

Three kinds of table, in turn, written directly with python-docx (.docx) or openpyxl (.xlsx) in
the outsider styles of ``tools/make_outsider_tables.py`` (whose writers, converter and
extractors this reuses) and converted with ``soffice --headless --convert-to pdf``:

- ``p`` (Writer): 変更日 merged over runs of two to four rows, the after cells long (a row breaks
  over a page, Writer repeating the label row above its tail), portrait;
- ``m`` (Writer): 説明, or 提出時期 and 説明, merged over runs of two rows sharing both, any
  alignment;
- ``f`` (Calc): 8 pt IPAexMincho, narrow text columns; cells whose text holds a full-width space
  (``番号法第９条第１項　別表第一…``, ``…に伴う修正　重大な変更に該当しない``) where a soft wrap
  may follow it, and check-box choices padded with full-width spaces (``[　再委託する　]``);
  some 提出時期 cells print the choice too (``[　事前　]``: the truth is 事前).

Writers, converter, extractors and truth files: ``make_outsider_tables.build``.  Tuning set
``samples/office-layout40`` (15 cases, tuning tables); held-out set ``samples/heldout-layout40``
(6 cases, ``samples/heldout/tables``, another seed, sizes and date styles: never tuned on).
Measured with ``tools/eval_office.py --family pdftotext-layout`` on both.
"""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import make_outsider_tables as mot
from make_layout21_samples import _long_after, _runs, _share_runs

TUNING = {
    "writer_sizes": (9.0, 10.0, 10.5),
    "fonts": ("IPAexGothic", "IPAexMincho"),
    "date_styles": ("slash", "wareki", "short"),
    "span": (2, 4),
    "calc_shares": ((0.09, 0.17, 0.22, 0.22, 0.07, 0.13), (0.08, 0.15, 0.2, 0.2, 0.06, 0.12)),
}
HELDOUT = {
    "writer_sizes": (8.5, 9.5, 11.0),
    "fonts": ("IPAexMincho", "IPAexGothic"),
    "date_styles": ("slash0", "wareki_fw", "seireki"),
    "span": (2, 3),
    "calc_shares": ((0.085, 0.16, 0.21, 0.21, 0.065, 0.125),),
}
# Text a full-width space joins to a cell's paragraph (a cell typed with 　 between its parts).
SPACED_TAILS = {
    "explanation": ("重大な変更に該当しない", "事前提出の対象外", "軽微な変更"),
    "before": ("（記載なし）", "別表第一の３０の項"),
    "after": ("別表第二の４２の項、４３の項", "（令和５年度から）"),
}
CHOICE = re.compile(r"^\[ (.+) \]$")


def _fw_choices(text: str) -> str:
    """``[ X ]`` paragraphs printed with full-width padding ``[　X　]``."""
    return "\n".join(CHOICE.sub(r"[　\1　]", p) for p in text.split("\n"))


def _spaced(rng: random.Random, row: dict) -> None:
    """One of the row's before / after / explanation cells gets a tail after a full-width space
    (or its first two paragraphs are joined by one)."""
    key = rng.choice(("explanation", "before", "after"))
    text = row[key]
    if not text.strip():
        return
    paras = text.split("\n")
    if len(paras) > 1 and rng.random() < 0.5:
        row[key] = "\n".join([paras[0] + "　" + paras[1], *paras[2:]])
    else:
        paras[-1] = paras[-1] + "　" + rng.choice(SPACED_TAILS[key])
        row[key] = "\n".join(paras)


def layout40_cases(prefix: str, pools: tuple[Path, ...], n: int, seed: int, style: dict) -> list[mot.Case]:
    """``n`` cases of the kinds p, m, f in turn (module docstring), drawn with ``seed``."""
    rng = random.Random(seed + 40)
    cases = mot.draw_cases(prefix, pools, n, seed=seed, rows_per_case=(8, 11), sizes=style["writer_sizes"])
    pool_rows = [r for p in pools for r in json.loads(p.read_text("utf-8"))]
    for k, case in enumerate(cases):
        kind = "pmf"[k % 3]
        case.maker = "calc" if kind == "f" else "writer"
        mot.named_look(case, rng, prefix, kind, k, style["fonts"])
        case.date_style = rng.choice(style["date_styles"])
        rows = case.rows
        n_rows = len(rows)
        if kind == "p":
            case.landscape = False
            case.valign = rng.choice(("top", "center"))
            _long_after(rng, rows, pool_rows, 0.5)
            _share_runs(rows, _runs(rng, n_rows, style["span"], 0.9), ("change_date",))
            case.merge_keys = ("change_date_raw",)
            case.date_valign = rng.choice(("top", "center"))
        elif kind == "m":
            case.valign = rng.choice(("top", "center", "bottom"))
            # Rows sharing a 説明 share its 提出時期 (the reason explains the timing); the 提出時期
            # is merged with it or printed on each row.
            keys = rng.choice((("explanation",), ("explanation", "timing")))
            _share_runs(rows, _runs(rng, n_rows, (2, 2), 0.8), ("explanation", "timing"))
            case.merge_keys = keys
        else:
            case.font = "IPAexMincho"
            case.size = 8.0
            case.landscape = rng.random() < 0.5
            case.valign = rng.choice(("top", "center"))
            case.shares = rng.choice(style["calc_shares"])
            case.slack_lines = 0.5
            for row in rows:
                row["before"] = _fw_choices(row["before"])
                row["after"] = _fw_choices(row["after"])
            for row in rng.sample(rows, k=max(2, n_rows // 2)):
                _spaced(rng, row)
            for row in rng.sample(rows, k=max(1, n_rows // 4)):
                row["timing_printed"] = f"[　{row['timing']}　]"
        mot.date_cells(case)
    return cases


# The set's README: this module's description under the set's name.
README = "# {name} (branch layout40)\n\n" + __doc__.replace("{", "{{").replace("}", "}}")

SETS = {  # name: (case prefix, tables drawn from, cases, seed, styles)
    "office-layout40": ("ly40", mot.TUNING_POOLS, 15, 777, TUNING),
    "heldout-layout40": ("hly40", mot.HELDOUT_POOLS, 6, 5040, HELDOUT),
}

if __name__ == "__main__":
    raise SystemExit(mot.build_sets(__doc__, SETS, layout40_cases, README))
