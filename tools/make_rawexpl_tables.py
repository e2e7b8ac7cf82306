"""Row-ordered text of tables whose explanation shares a baseline with the after cell's last line,
and whose 提出時期 / 説明 are merged over several rows (issue 10, branch rawexpl19).

    python tools/make_rawexpl_tables.py --set office-rawexpl19 --set heldout-rawexpl19

A user who formats column by column leaves 変更日 / 項目 / 変更前 / 変更後 at the top and centres
the 提出時期 and 説明 columns (or puts them at the bottom); the explanations are long (a law's
number and a reason) in a narrow column, so that they wrap over two to four lines.  Calc and
Writer then print the explanation's first line on the baseline of one of the after cell's lines,
and ``pdftotext -raw`` / pypdfium2 join the two (``…別表の４０の項 番号法の改正（令和５年法律第４``).
In about half the tables runs of two or three rows share one 提出時期 and one explanation, each
written once in a merged cell.  Only the ``pdftotext -raw`` and pypdfium2 texts are kept, with
the truth (``expected/records.json``, the rows as written).  The tuning set draws its rows from
the tuning tables and its explanations from ``TUNING_REASONS``; the held-out set from
``samples/heldout/tables`` and ``HELDOUT_REASONS`` (measure on it only, never tune).
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_outsider_tables import FLAT_TOOLS, HELDOUT_POOLS, SAMPLES, TUNING_POOLS, Case, build, draw_cases

# Long explanations: (law, era year, number, what is mended).  Each set has its own wording.
TUNING_REASONS = (
    "番号法の改正（令和{y}年法律第{n}号）に伴う項番の修正。",
    "住民基本台帳法施行令の一部改正（令和{y}年政令第{n}号）に伴う条項の修正",
    "地方税法等の一部を改正する法律（令和{y}年法律第{n}号）の施行に伴う記載の修正",
    "組織改正（令和{y}年４月１日施行）により所管課が変わったことに伴う修正。",
    "デジタル手続法の施行に伴い、オンライン申請の受付を開始したため追記",
)
HELDOUT_REASONS = (
    "介護保険法施行規則の改正（令和{y}年厚生労働省令第{n}号）に伴う別表の項番の整理",
    "児童手当法の一部改正（令和{y}年法律第{n}号）の施行により、支給要件の記載を改めた。",
    "戸籍法の改正（令和{y}年法律第{n}号）に伴い、附票の記載事項を追加したため",
    "予防接種法施行令の改正に伴う対象疾病の追加及び記載の整理を行ったもの。",
)
SET_NAMES = ("office-rawexpl19", "heldout-rawexpl19")


def rawexpl_cases(
    prefix: str, pools: tuple[Path, ...], reasons: tuple[str, ...], n: int, seed: int
) -> list[Case]:
    """``n`` cases (three in four Calc): 変更日 / 項目 / 変更前 / 変更後 at the top (or the after
    cell centred), 提出時期 and 説明 centred or at the bottom, a narrow explanation column, about
    half the explanations long (``reasons``), and in every other case runs of two or three rows
    sharing a merged 提出時期 and explanation."""
    rng = random.Random(seed + 19)
    cases = draw_cases(
        prefix, pools, n, seed=seed, valigns=("top",), rows_per_case=(6, 10), sizes=(9.0, 10.0, 10.5)
    )
    for k, case in enumerate(cases):
        case.maker = "writer" if k % 4 == 3 else "calc"
        case.name = f"{prefix}-{case.maker}-{k + 1}"
        expl_valign = rng.choice(("center", "bottom"))
        case.key_valigns = {"timing": expl_valign, "explanation": expl_valign}
        if rng.random() < 0.25:
            case.key_valigns["after"] = "center"
        shares = list(case.shares)
        shares[5] *= rng.uniform(0.6, 0.9)
        case.shares = tuple(round(s / sum(shares), 3) for s in shares)
        for row in case.rows:
            if rng.random() < 0.5:
                text = rng.choice(reasons).format(y=rng.randint(2, 6), n=rng.randint(11, 99))
                row["explanation"] = text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
        if k % 2 == 0:
            case.merge_keys = ("timing", "explanation")
            i = rng.randint(0, 2)
            while i < len(case.rows) - 1:
                span = min(rng.choice((2, 3, 3)), len(case.rows) - i)
                for row in case.rows[i + 1 : i + span]:
                    row["timing"] = case.rows[i]["timing"]
                    row["explanation"] = case.rows[i]["explanation"]
                i += span + rng.randint(1, 3)
    return cases


README = """# {name}: explanations beside the after cell's last line, merged 提出時期 / 説明 (issue 10)

Tables in which 変更日 / 項目 / 変更前 / 変更後 are top-aligned (the after cell sometimes centred)
and 提出時期 / 説明 centred or at the bottom, with long explanations in a narrow column, so that
an explanation's first line shares a baseline with an after cell's line and the row-ordered
extractors join them; every other table has runs of two or three rows sharing one 提出時期 and
explanation in merged cells.  Three in four Calc, the rest Writer.  Only the `pdftotext -raw`
and pypdfium2 texts are kept, with the truth (`expected/records.json`).  `samples/office-rawexpl19`
draws from the tuning tables; `samples/heldout-rawexpl19` from `samples/heldout/tables` with
other explanations: measure on it only, never tune on it.

    python tools/make_rawexpl_tables.py --set office-rawexpl19 --set heldout-rawexpl19
    python tools/eval_text.py samples/office-rawexpl19 samples/heldout-rawexpl19
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", choices=SET_NAMES, action="append")
    ns = ap.parse_args(argv)
    sets = ns.set or list(SET_NAMES)
    if "office-rawexpl19" in sets:
        cases = rawexpl_cases("rx19", TUNING_POOLS, TUNING_REASONS, 10, 1919)
        build(SAMPLES / "office-rawexpl19", cases, FLAT_TOOLS, False, README)
    if "heldout-rawexpl19" in sets:
        cases = rawexpl_cases("hrx19", HELDOUT_POOLS, HELDOUT_REASONS, 8, 2919)
        build(SAMPLES / "heldout-rawexpl19", cases, FLAT_TOOLS, False, README)
    return 0


if __name__ == "__main__":
    sys.exit(main())
