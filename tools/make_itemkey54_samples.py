"""Amendment tables whose 項目 cells print one form item in the ways bodies print it, made by
LibreOffice Calc and Writer, for ``item_key`` (issue 14, branch itemkey54).

    python tools/make_itemkey54_samples.py                           # both sets
    python tools/make_itemkey54_samples.py --set office-itemkey54    # or heldout-itemkey54
    python tools/eval_item_keys.py --sets office-itemkey54,heldout-itemkey54

A table prints items of one form (``ZEN_ITEMS``, ``JUTEN_ITEMS``, ``KISO_ITEMS``:
全項目, 重点項目 and 基礎項目, with repeated blocks 委託事項, 提供先, 移転先, システム), each row's item
printed in a style drawn per row: the section as the numeral and heading, the
numeral alone (``Ⅱ`` / ``３．特定個人情報の取扱いの委託``), ASCII ``II`` or an ordinary number
``２．``; the block's number as ``委託事項１``, ``委託事項 1``, ``委託事項（１）``, ``委託事項(1)``; the
item's numbering as ``①``, ``(1)``, ``１．``, ``1.``; half- or full-width digits; the
headings on lines of their own or on one line with spaces (the cell wraps them).
The truth is the item as printed; ``items.json`` of each set maps each printed item
to its plain printing (the first style), so that ``tools/eval_item_keys.py`` can
check that every printing of one form item gets the plain printing's key.
``office-itemkey54`` (tuning) and ``heldout-itemkey54`` (measure only, never tune on
it) draw rows and styles from different seeds, the held-out set in the held-out
fonts and sizes.
"""

from __future__ import annotations

import json
import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_flow22_samples as flow
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, plain_case

# Rows of a table (a 基礎 table prints fewer: ``len(KISO_ITEMS)``) and tables of each form.
ROWS = 8
# Items of the forms (plain printing: a heading per line, the forms' own numbering); a table
# prints one form's items.
ZEN_ITEMS = (
    # 全項目評価書
    (
        "Ⅱ特定個人情報ファイルの概要",
        "４．特定個人情報ファイルの取扱いの委託",
        "委託事項１",
        "③委託先における取扱者数",
    ),
    ("Ⅱ特定個人情報ファイルの概要", "４．特定個人情報ファイルの取扱いの委託", "委託事項２", "①委託内容"),
    ("Ⅱ特定個人情報ファイルの概要", "４．特定個人情報ファイルの取扱いの委託", "委託事項１", "⑥委託先名"),
    ("Ⅱ特定個人情報ファイルの概要", "４．特定個人情報ファイルの取扱いの委託", "委託事項３", "⑦再委託の有無"),
    (
        "Ⅱ特定個人情報ファイルの概要",
        "５．特定個人情報の提供・移転（委託に伴うものを除く。）",
        "提供先１",
        "②提供先における用途",
    ),
    (
        "Ⅱ特定個人情報ファイルの概要",
        "５．特定個人情報の提供・移転（委託に伴うものを除く。）",
        "移転先２",
        "⑦時期・頻度",
    ),
    (
        "Ⅰ基本情報",
        "２．特定個人情報ファイルを取り扱う事務において使用するシステム",
        "システム１",
        "②システムの機能",
    ),
    ("Ⅰ基本情報", "７．評価実施機関における担当部署", "②所属長の役職名"),
    ("Ⅱ特定個人情報ファイルの概要", "３．特定個人情報の入手・使用", "②入手方法"),
    ("Ⅱ特定個人情報ファイルの概要", "６．特定個人情報の保管・消去", "①保管場所"),
    ("Ⅴ開示請求、問合せ", "２．特定個人情報ファイルの取扱いに関する問合せ", "①連絡先"),
)
JUTEN_ITEMS = (
    # 重点項目評価書 (its 委託事項 numbers 委託先における取扱者数 ②, 委託先名 ③)
    ("Ⅰ基本情報", "７．評価実施機関における担当部署", "①部署"),
    (
        "Ⅱ特定個人情報ファイルの概要",
        "４．特定個人情報ファイルの取扱いの委託",
        "委託事項２",
        "②委託先における取扱者数",
    ),
    ("Ⅱ特定個人情報ファイルの概要", "４．特定個人情報ファイルの取扱いの委託", "委託事項１", "③委託先名"),
    ("Ⅱ特定個人情報ファイルの概要", "４．特定個人情報ファイルの取扱いの委託", "委託事項１", "①委託内容"),
    (
        "Ⅱ特定個人情報ファイルの概要",
        "５．特定個人情報の提供・移転（委託に伴うものを除く。）",
        "提供先２",
        "①法令上の根拠",
    ),
    ("Ⅱ特定個人情報ファイルの概要", "３．特定個人情報の入手・使用", "①入手元"),
    (
        "Ⅰ基本情報",
        "２．特定個人情報ファイルを取り扱う事務において使用するシステム",
        "システム２",
        "①システムの名称",
    ),
    ("Ⅱ特定個人情報ファイルの概要", "２．基本情報", "⑥事務担当部署"),
)
KISO_ITEMS = (
    # 基礎項目評価書
    ("Ⅰ関連情報", "１．特定個人情報ファイルを取り扱う事務", "②事務の概要"),
    ("Ⅰ関連情報", "２．特定個人情報ファイル名"),
    ("Ⅰ関連情報", "４．情報提供ネットワークシステムによる情報連携", "②法令上の根拠"),
    ("Ⅰ関連情報", "５．評価実施機関における担当部署", "①部署"),
    ("Ⅰ関連情報", "５．評価実施機関における担当部署", "②所属長の役職名"),
    ("Ⅱしきい値判断項目", "１．対象人数", "いつ時点の計数か"),
)
# The form of each table of a set, in turn.
FORM_POOLS = (ZEN_ITEMS, JUTEN_ITEMS, KISO_ITEMS)
# (before, after, explanation) of the rows, drawn in turn.
VALUES = (
    ("株式会社○○システム", "株式会社○○情報サービス", "委託先の変更"),
    ("１０人以上５０人未満", "５０人以上１００人未満", "取扱者数の見直し"),
    ("市民部市民課", "市民生活部市民課", "組織改正による部署名の変更"),
    ("住民基本台帳システムの運用保守", "住民基本台帳システムの運用保守及び改修", "委託内容の追加"),
    ("", "庁内連携システムによる照会", "記載の追加"),
    ("年１回", "随時", "提供頻度の見直し"),
    ("再委託しない", "再委託する", "再委託の開始"),
    ("市民課長", "市民生活課長", "組織改正による役職名の変更"),
)
FULL = str.maketrans("0123456789", "０１２３４５６７８９")
HALF = str.maketrans("０１２３４５６７８９", "0123456789")
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩"
ROMAN_ASCII = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "Ⅴ": "V", "Ⅵ": "VI"}
SECTION_STYLES = ("plain", "space", "ascii", "bare", "arabic")
INSTANCE_STYLES = ("plain", "space", "fullbracket", "bracket", "half")
NUMBER_STYLES = ("circled", "paren", "fullstop", "halfstop")
LAYOUTS = ("lines", "one_line")


def _section(line: str, style: str) -> str:
    numeral, heading = line[0], line[1:]
    if style == "space":
        return f"{numeral}　{heading}"
    if style == "ascii":
        return f"{ROMAN_ASCII[numeral]} {heading}"
    if style == "bare":
        return numeral
    if style == "arabic":
        return f"{'ⅠⅡⅢⅣⅤⅥ'.index(numeral) + 1}．{heading}".translate(FULL)
    return line


def _instance(line: str, style: str) -> str:
    label, number = line[:-1], line[-1].translate(HALF)
    return {
        "space": f"{label} {number}",
        "fullbracket": f"{label}（{number.translate(FULL)}）",
        "bracket": f"{label}({number})",
        "half": f"{label}{number}",
    }.get(style, line)


def _numbered(line: str, style: str) -> str:
    if line[0] not in CIRCLED and "．" not in line:
        return line  # an unnumbered heading (いつ時点の計数か)
    if line[0] in CIRCLED:
        n = str(CIRCLED.index(line[0]) + 1)
        rest = line[1:]
    else:
        n, rest = line.split("．", 1)
        n = n.translate(HALF)
    return {
        "circled": (CIRCLED[int(n) - 1] if line[0] in CIRCLED else f"{n.translate(FULL)}．") + rest,
        "paren": f"({n}){rest}",
        "fullstop": f"{n.translate(FULL)}．{rest}",
        "halfstop": f"{n}. {rest}",
    }[style]


def printed_item(item: tuple[str, ...], rng: random.Random) -> str:
    """One printing of a form item in styles drawn from ``rng``."""
    section = rng.choice(SECTION_STYLES)
    inst = rng.choice(INSTANCE_STYLES)
    num = rng.choice(NUMBER_STYLES)
    lines = []
    for k, line in enumerate(item):
        if k == 0:
            lines.append(_section(line, section))
        elif line[:-1].endswith(("委託事項", "提供先", "移転先", "システム")):
            lines.append(_instance(line, inst))
        else:
            lines.append(_numbered(line, num))
    return (" " if rng.choice(LAYOUTS) == "one_line" else "\n").join(lines)


def _rows(seed: str, pool: tuple[tuple[str, ...], ...]) -> tuple[list[dict], dict[str, str]]:
    rng = random.Random(seed)
    items = rng.sample(pool, min(ROWS, len(pool)))
    dates = ("2022-04-01", "2023-10-01")
    rows, plain = [], {}
    for k, item in enumerate(items):
        text = printed_item(item, rng)
        before, after, why = VALUES[k % len(VALUES)]
        rows.append(
            {
                "change_date": dates[k * len(dates) // len(items)],
                "change_date_raw": "",
                "item": text,
                "before": before,
                "after": after,
                "timing": "事後",
                "explanation": why,
            }
        )
        plain[text] = "\n".join(item)
    return rows, plain


PLAIN_ITEMS: dict[str, dict[str, str]] = {}


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """A table of each form (``FORM_POOLS``) by Calc and Writer each, named ``[h]ik54-<maker>-<n>``."""
    cases = []
    tag = "heldout" if heldout else "office"
    for n, pool in enumerate(FORM_POOLS):
        for maker in ("calc", "writer"):
            name = f"{'h' if heldout else ''}ik54-{maker}-{n + 1}"
            while name in redrawn:
                name += "-r"
            rows, plain = _rows(f"piatable-itemkey54-{tag}-{name}", pool)
            PLAIN_ITEMS.setdefault(tag, {}).update(plain)
            c = plain_case(name, rows, maker, heldout=heldout)
            cases.append(replace(c, rows_per_page=None, merge=False, real_dates=False))
    return cases


SETS = split_sets("itemkey54", _cases)


# More rounds than build_redrawn's own: Writer in the held-out fonts often prints a long item of
# one line with spaces short (``NotPrinted``); each round redraws only those cases.
REDRAWS_MAX = 12


def main(argv: list[str] | None = None) -> int:
    flow.REDRAWS_MAX = REDRAWS_MAX
    code = build_redrawn(SETS, __doc__, argv)
    for tag, plain in PLAIN_ITEMS.items():
        root = Path(__file__).resolve().parent.parent / "samples" / f"{tag}-itemkey54"
        # The items of the cases kept (a case drawn again leaves its first draw's items out).
        truths = [json.loads(exp.read_text("utf-8")) for exp in root.glob("*/expected/records.json")]
        printed = {e["item"] for rows in truths for e in rows}
        if printed:
            kept = {k: v for k, v in sorted(plain.items()) if k in printed}
            (root / "items.json").write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main())
