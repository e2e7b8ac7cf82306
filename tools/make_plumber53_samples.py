"""Amendment tables with contact cells (a department, a postal address and a telephone number, the
parts apart by ideographic spaces) printed by LibreOffice Writer, AbiWord and Gnumeric, for
pdfplumber's ``page.extract_text()`` text (issues 10/12, branch plumber53).

    python tools/make_plumber53_samples.py                            # both sets
    python tools/make_plumber53_samples.py --set office-plumber53     # or heldout-plumber53

As tools/make_plumber52_samples.py (a contiguous run of a pool of tables' rows in a look drawn
by ``make_office_samples.varied_case``, column widths scaled, row count drawn), with its own seed,
and one or two contact rows (``_contact_row``) put in the run: pdfplumber prints each
ideographic space inside a cell as the gap it prints between two cells (set XIV's kind 6: the
lines of a contact cell shuffled among 変更前 / 変更後 / 説明).  Kinds:

- ``writer``: a Writer look printed by LibreOffice;
- ``abiword``: a Writer look printed by AbiWord (equal column widths whatever the .docx says);
- ``gnumeric``: a Calc look printed by Gnumeric, in a font ``GNUMERIC_SIZE`` pt.

``office-plumber53`` (tuning) draws ``TUNING_CASES`` cases per kind from the tuning tables' rows;
``heldout-plumber53`` (measure only, never tune on it) ``HELDOUT_CASES`` per kind from the held-out
tables' rows, in the held-out fonts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_flow22_samples as flow
import make_office_samples as office
from make_boxes42_samples import _pool, scaled_run
from make_flow22_samples import build_redrawn
from make_office_samples import Case
from make_plumber48_samples import REDRAWS_MAX, ROW_COUNTS, WIDTH_SCALES

TUNING_CASES = 2
HELDOUT_CASES = 2
# Kind → (maker, program).
KINDS = {
    "writer": ("writer", "libreoffice"),
    "abiword": ("writer", "abiword"),
    "gnumeric": ("calc", "gnumeric"),
}
GNUMERIC_SIZE = 11.0
# Contact rows put in a case's run: at least one, at most this many.
CONTACT_ROWS_MAX = 2
_ITEMS = (
    "Ⅴ開示請求、問合せ\n１．特定個人情報の開示・訂正・利用停止請求\n①請求先",
    "Ⅴ開示請求、問合せ\n２．特定個人情報ファイルの取扱いに関する問合せ\n①連絡先",
)
_DEPARTMENTS = (
    ("総務部総務課", "総務部行政管理課"),
    ("市民部市民課", "市民生活部市民サービス課"),
    ("住民課", "住民窓口課"),
    ("企画部情報政策課", "デジタル推進部デジタル政策課"),
)
_TOWNS = ("〇〇市本町二丁目３番４号", "△△町大字中野５６７番地", "〇〇市東一丁目２番地の１")
_EXPLANATIONS = ("組織改編に伴う変更", "組織改編及び電話番号の変更に伴う修正", "所在地の変更に伴う修正")


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("０１２３４５６７８９") for _ in range(n))


def _phone(rng: random.Random) -> str:
    return f"０{_digits(rng, 2)}－{_digits(rng, 3)}－{_digits(rng, 4)}"


def _contact_row(rng: random.Random, dated: dict) -> dict:
    """A contact row: before and after a department, a postal address and a telephone number,
    the parts apart by ideographic spaces on one line or on lines of their own; dated as
    ``dated`` (a row of the run)."""
    before_dept, after_dept = rng.choice(_DEPARTMENTS)
    postal = f"〒{_digits(rng, 3)}－{_digits(rng, 4)}"
    town = rng.choice(_TOWNS)
    phone_before = _phone(rng)
    phone_after = phone_before if rng.random() < 0.5 else _phone(rng)
    if rng.random() < 0.5:
        before = f"{before_dept}\n{postal}　{town}\n電話番号　{phone_before}"
        after = f"{after_dept}\n{postal}　{town}\n電話番号　{phone_after}"
    else:
        before = f"{before_dept}　電話番号　{phone_before}"
        after = f"{after_dept}　電話番号　{phone_after}（内線{_digits(rng, 3)}）"
    return {
        "change_date_raw": dated["change_date_raw"],
        "change_date": dated["change_date"],
        "item": rng.choice(_ITEMS),
        "before": before,
        "after": after,
        "timing": "事後",
        "explanation": rng.choice(_EXPLANATIONS),
    }


def _case(name: str, pool: list[dict], kind: str, heldout: bool) -> Case:
    maker, program = KINDS[kind]
    c, widths, rng = scaled_run("plumber53", name, pool, maker, heldout, ROW_COUNTS, WIDTH_SCALES)
    font = rng.choice(office.HELDOUT_FONTS) if heldout else c.font
    rows = list(c.rows)
    for _ in range(rng.randint(1, CONTACT_ROWS_MAX)):
        at = rng.randrange(len(rows) + 1)
        rows.insert(at, _contact_row(rng, rows[min(at, len(rows) - 1)]))
    size = GNUMERIC_SIZE if kind == "gnumeric" else c.size
    if maker == "calc":
        c = replace(c, real_dates=False)
    # ○ and □ (lacking in the held-out fonts) are left out of the truth check, as boxes42's.
    return replace(c, rows=rows, widths=widths, font=font, size=size, fallback_glyphs="○□", program=program)


SETS = flow.kind_sets("plumber53", "p53", KINDS, (HELDOUT_CASES, TUNING_CASES), _pool, _case)


def main(argv: list[str] | None = None) -> int:
    flow.REDRAWS_MAX = REDRAWS_MAX
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
