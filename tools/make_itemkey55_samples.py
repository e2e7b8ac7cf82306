"""Amendment tables whose 項目 cells print file lines, instance lines and items of every form in
the ways bodies print them, made by LibreOffice Calc and Writer and by headless Chromium, for
``item_key`` (issue 14, branch itemkey55).

    python tools/make_itemkey55_samples.py                           # both sets
    python tools/make_itemkey55_samples.py --set office-itemkey55    # or heldout-itemkey55
    python tools/eval_item_keys.py --sets office-itemkey55,heldout-itemkey55

Branch itemkey54's tables (tools/make_itemkey54_samples.py) printed the section, block numbers
and item numbering in many ways; these add what they left out:

- the file line of a table that names several 特定個人情報ファイル: ``（３．送付先情報ファイル）``
  as the forms print it, half-width ``(3.送付先情報ファイル)``, ``（3．…）`` or without its number;
- the risk lines of Ⅲ (``リスク２：権限のない者…``, ``リスク2：``, ``リスク２　…``) and the lines
  under them (``ユーザ認証の管理``, ``消去手順``), which the lexicon does not know;
- items of 重点項目 and 基礎項目 forms beyond Ⅰ and Ⅱ (``Ⅲリスク対策``, ``Ⅳリスク対策``);
- items no form prints (``（別紙）…一覧``, ``（別添１）事務の内容`` / ``事務フロー図``): they get a key
  of their own words and ``item_unknown``;
- section numerals typed in ASCII or printed as Ⅰ…Ⅵ with and without a space in one table
  (``II 特定…`` in one row, ``Ⅱ　特定…`` in the next: the text must give each row its own).

Styles are drawn per row (``make_itemkey54_samples.printed_item`` for the section, block and
item numbering; ``FILE_STYLES``, ``RISK_STYLES`` here), so are the layouts (a heading per line
or one line with spaces, wrapped by the cell).  Calc and Writer tables take
``make_office_samples.plain_case``'s fonts, sizes and widths; Chromium tables the looks of
``make_chromium54_samples`` (``TUNING_CSS`` / ``HELDOUT_CSS``) with no merged cells.  Each case
keeps its PDF and the texts of the extractors.  ``items.json`` maps each printed item to its
plain printing (``tools/eval_item_keys.py``'s second measure).  ``office-itemkey55`` (tuning)
and ``heldout-itemkey55`` (measure only, never tune on it) draw from different seeds, the
held-out set in the held-out fonts, sizes and looks.
"""

from __future__ import annotations

import json
import random
import shutil
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_chromium54_samples as chromium
import make_flow22_samples as flow
import make_itemkey54_samples as ik54
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, plain_case, printed_rows, write_json
from make_pdfs import extract_text

ROOT = Path(__file__).resolve().parent.parent
RISK = "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策"
II = "Ⅱ特定個人情報ファイルの概要"
ZEN_ITEMS = (
    (
        II,
        "（３．送付先情報ファイル）",
        "５．特定個人情報の提供・移転（委託に伴うものを除く。）",
        "提供先１",
        "①法令上の根拠",
    ),
    (II, "（１．住民基本台帳ファイル）", "３．特定個人情報の入手・使用", "⑧使用方法"),
    (II, "（２．宛名ファイル）", "４．特定個人情報ファイルの取扱いの委託", "委託事項２", "⑥委託先名"),
    (II, "（３．送付先情報ファイル）", "６．特定個人情報の保管・消去", "②保管期間"),
    (
        RISK,
        "（１．住民基本台帳ファイル）",
        "３．特定個人情報の使用",
        "リスク２：権限のない者（元職員、アクセス権限のない職員等）によって不正に使用されるリスク",
        "ユーザ認証の管理",
    ),
    (
        RISK,
        "（２．宛名ファイル）",
        "７．特定個人情報の保管・消去",
        "リスク３：特定個人情報が消去されずいつまでも存在するリスク",
        "消去手順",
    ),
    (
        RISK,
        "（１．住民基本台帳ファイル）",
        "２．特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）",
        "リスク１：目的外の入手が行われるリスク",
    ),
    ("Ⅳその他のリスク対策", "１．監査", "②監査"),
    ("Ⅵ評価実施手続", "２．国民・住民等からの意見の聴取", "②実施日・期間"),
    ("Ⅰ基本情報", "６．情報提供ネットワークシステムによる情報連携", "②法令上の根拠"),
    # Items no form prints.
    (II, "（別紙）特定個人情報ファイル記録項目一覧"),
    ("（別添１）事務の内容", "事務フロー図"),
)
JUTEN_ITEMS = (
    ("Ⅰ基本情報", "７．評価実施機関における担当部署", "②所属長の役職名"),
    (II, "（１．住民基本台帳ファイル）", "３．特定個人情報の入手・使用", "②入手方法"),
    (II, "（２．宛名ファイル）", "４．特定個人情報ファイルの取扱いの委託", "委託事項１", "③委託先名"),
    (
        II,
        "（１．住民基本台帳ファイル）",
        "５．特定個人情報の提供・移転（委託に伴うものを除く。）",
        "提供先２",
        "①法令上の根拠",
    ),
    (
        "Ⅲリスク対策",
        "（１．住民基本台帳ファイル）",
        "２．特定個人情報の使用",
        "リスク１：目的を超えた紐付けが行われるリスク",
    ),
    (
        "Ⅲリスク対策",
        "（２．宛名ファイル）",
        "３．特定個人情報ファイルの取扱いの委託",
        "委託先による特定個人情報の不正入手・不正な使用に関するリスク",
    ),
    ("Ⅳ開示請求、問合せ", "１．特定個人情報の開示・訂正・利用停止請求", "①請求先"),
    ("Ⅴ評価実施手続", "１．基礎項目評価", "①実施日"),
)
KISO_ITEMS = (
    ("Ⅰ関連情報", "１．特定個人情報ファイルを取り扱う事務", "①事務の名称"),
    ("Ⅰ関連情報", "３．個人番号の利用", "法令上の根拠"),
    ("Ⅰ関連情報", "４．情報提供ネットワークシステムによる情報連携", "①実施の有無"),
    ("Ⅱしきい値判断項目", "２．取扱者数", "特定個人情報ファイル取扱者数は５００人以上か"),
    ("Ⅲしきい値判断結果", "しきい値判断結果"),
    (
        "Ⅳリスク対策",
        "２．特定個人情報の入手（情報提供ネットワークシステムを通じた入手を除く。）",
        "目的外の入手が行われるリスクへの対策は十分か",
    ),
    ("Ⅳリスク対策", "８．人手を介在させる作業", "人為的ミスが発生するリスクへの対策は十分か"),
)
FORM_POOLS = (ZEN_ITEMS, JUTEN_ITEMS, KISO_ITEMS)
FILE_STYLES = ("plain", "half", "halfdigit", "nonumber")
RISK_STYLES = ("plain", "halfdigit", "space", "colon")
# Chromium tables: one per form, the chromium54 looks (no merged cells).
CHROMIUM_FORMS = (0, 1, 2)


def _file_line(line: str, style: str) -> str:
    inner = line[1:-1]
    if "．" not in inner:
        return line  # （別紙）… : no file line
    number, name = inner.split("．", 1)
    half = number.translate(ik54.HALF)
    return {
        "half": f"({half}.{name})",
        "halfdigit": f"（{half}．{name}）",
        "nonumber": f"（{name}）",
    }.get(style, line)


def _risk_line(line: str, style: str) -> str:
    head, rest = line.split("：", 1)
    number = head[len("リスク") :]
    return {
        "halfdigit": f"リスク{number.translate(ik54.HALF)}：{rest}",
        "space": f"リスク{number}　{rest}",
        "colon": f"リスク{number.translate(ik54.HALF)}: {rest}",
    }.get(style, line)


def printed_item(item: tuple[str, ...], rng: random.Random) -> str:
    """One printing of a form item in styles drawn from ``rng``: the section, block and numbering
    as ``ik54.printed_item`` prints them, the file line and risk line in ``FILE_STYLES`` /
    ``RISK_STYLES``; a heading per line or one line with spaces."""
    section = rng.choice(ik54.SECTION_STYLES)
    inst = rng.choice(ik54.INSTANCE_STYLES)
    num = rng.choice(ik54.NUMBER_STYLES)
    file_style = rng.choice(FILE_STYLES)
    risk_style = rng.choice(RISK_STYLES)
    lines = []
    for k, line in enumerate(item):
        if k == 0 and line[0] in ik54.ROMAN_ASCII:
            lines.append(ik54._section(line, section))
        elif line.startswith("（"):
            lines.append(_file_line(line, file_style) if k else line)
        elif line.startswith("リスク") and "：" in line:
            lines.append(_risk_line(line, risk_style))
        elif line[:-1].endswith(("委託事項", "提供先", "移転先", "システム")):
            lines.append(ik54._instance(line, inst))
        else:
            lines.append(ik54._numbered(line, num))
    return (" " if rng.choice(ik54.LAYOUTS) == "one_line" else "\n").join(lines)


def _rows(seed: str, pool: tuple[tuple[str, ...], ...], n: int) -> tuple[list[dict], dict[str, str]]:
    rng = random.Random(seed)
    items = rng.sample(pool, min(n, len(pool)))
    dates = ("2022-04-01", "2023-10-01")
    rows, plain = [], {}
    for k, item in enumerate(items):
        text = printed_item(item, rng)
        before, after, why = ik54.VALUES[k % len(ik54.VALUES)]
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
ROWS = 8


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """A table of each form (``FORM_POOLS``) by Calc and Writer each, named ``[h]ik55-<maker>-<n>``."""
    cases = []
    tag = "heldout" if heldout else "office"
    for n, pool in enumerate(FORM_POOLS):
        for maker in ("calc", "writer"):
            name = f"{'h' if heldout else ''}ik55-{maker}-{n + 1}"
            while name in redrawn:
                name += "-r"
            rows, plain = _rows(f"piatable-itemkey55-{tag}-{name}", pool, ROWS)
            PLAIN_ITEMS.setdefault(tag, {}).update(plain)
            c = plain_case(name, rows, maker, heldout=heldout)
            cases.append(replace(c, rows_per_page=None, merge=False, real_dates=False))
    return cases


SETS = split_sets("itemkey55", _cases)


def _chromium_cases(root: Path, heldout: bool) -> None:
    """Chromium tables (``CHROMIUM_FORMS``), named ``[h]ik55-chromium-<n>``, with the texts of
    ``chromium.TEXTS``."""
    tag = "heldout" if heldout else "office"
    fonts, sizes, paddings, borders, widths = chromium.HELDOUT_CSS if heldout else chromium.TUNING_CSS
    manifest_path = root / "cases.json"
    manifest = json.loads(manifest_path.read_text("utf-8")) if manifest_path.exists() else {}
    for n in CHROMIUM_FORMS:
        name = f"{'h' if heldout else ''}ik55-chromium-{n + 1}"
        rng = random.Random(f"piatable-itemkey55-{tag}-{name}")
        table, plain = _rows(f"piatable-itemkey55-{tag}-{name}", FORM_POOLS[n], ROWS)
        PLAIN_ITEMS.setdefault(tag, {}).update(plain)
        rows = printed_rows(table, rng.choice(chromium.DATE_STYLES))
        look = {
            "font": rng.choice(fonts),
            "size": rng.choice(sizes),
            "padding": rng.choice(paddings),
            "border": rng.choice(borders),
            "widths": rng.choice(widths),
            "valign": rng.choice(chromium.BODY_ALIGNS),
            "date_valign": "top",
            "timing_valign": "top",
            "lists": False,
            "break": rng.choice(("auto", "avoid")),
        }
        for old in root.glob(f"{name}*"):
            shutil.rmtree(old)
        pdf = root / name / "input.pdf"
        chromium._print(chromium._html(rows, [], look), pdf)
        if pdf.stat().st_size > chromium.PDF_MAX_BYTES:
            look["font"] = next(f for f in fonts if f != look["font"])
            chromium._print(chromium._html(rows, [], look), pdf)
        expected = chromium._expected(pdf, rows)
        write_json(root / name / "expected" / "records.json", expected)
        for tool in chromium.TEXTS:
            folder = root / f"{name}-{tool}"
            (folder / "expected").mkdir(parents=True)
            (folder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
            write_json(folder / "expected" / "records.json", expected)
        manifest[name] = {
            "program": "Chromium --headless --print-to-pdf (.html)",
            **look,
            "rows": len(expected),
        }
        print(f"{root.name}/{name}: {len(expected)} rows", file=sys.stderr)
    manifest_path.write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", "utf-8")


def main(argv: list[str] | None = None) -> int:
    flow.REDRAWS_MAX = ik54.REDRAWS_MAX
    code = build_redrawn(SETS, __doc__, argv)
    names = [a for a in (argv if argv is not None else sys.argv[1:]) if not a.startswith("-")] or list(SETS)
    for set_name in names:
        _chromium_cases(ROOT / "samples" / set_name, set_name.startswith("heldout"))
    for tag, plain in PLAIN_ITEMS.items():
        root = ROOT / "samples" / f"{tag}-itemkey55"
        truths = [json.loads(exp.read_text("utf-8")) for exp in root.glob("*/expected/records.json")]
        printed = {e["item"] for rows in truths for e in rows}
        if printed:
            kept = {k: v for k, v in sorted(plain.items()) if k in printed}
            (root / "items.json").write_text(json.dumps(kept, ensure_ascii=False, indent=1) + "\n", "utf-8")
    return code


if __name__ == "__main__":
    sys.exit(main())
