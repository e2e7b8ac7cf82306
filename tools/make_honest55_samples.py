"""Tables whose right rows look wrong and whose wrong rows look right to the checks (issue 12,
branch honest55), made by LibreOffice Calc and Writer, with the extractors' texts.

    python tools/make_honest55_samples.py                          # both sets
    python tools/make_honest55_samples.py --set office-honest55     # or heldout-honest55

Three kinds of rows an unseen test set showed the warnings wrong on, each inserted among the
ordinary rows of a table (``KINDS``):

- ``bk``: a whole repeated block (移転先３, システム５, 委託事項２, 提供先４) added or deleted: its
  cell opens with the block's sub-heading and lists the block's items with their values
  (``①法令上の根拠`` / ``番号法第９条…`` / ``②移転先における用途`` / …), the other cell ``削除`` or
  empty, the new block ending ``上記を新規追加`` at times.  The forms print such rows; the checks
  took the sub-heading for the item's last line read into the cell (``column_guess``);
- ``dc``: dates printed in text cells (a 実施日 item's before ``平成２７年１０月５日``, a period
  ``…から…まで``, a date inside a sentence), which a reader of a flattened text may take for the
  row's 変更日;
- ``mi``: one item changed in two or three places on one date: the rows share their 項目 and 説明
  cells, merged over them (and the date), each row its own before / after.

``office-honest55`` (tuning) takes the tuning tables and the even entries of the value pools,
``heldout-honest55`` (measure only, never tune on it) the held-out tables, the odd entries and the
held-out fonts and sizes.  Each case keeps its PDF and the texts of the five extractors and
PyMuPDF (``HONEST_TEXTS``).
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, _four_tables, _printable, load_table, plain_case

KINDS = ("bk", "dc", "mi")
MAKERS = ("calc", "writer")
# Ordinary rows of a table around the inserted ones.
ORDINARY_ROWS = 6
FULL = str.maketrans("0123456789", "０１２３４５６７８９")

# The repeated blocks of the 全項目 form: (path above the block, label, the block's items).
BLOCKS = (
    (
        "Ⅱ特定個人情報ファイルの概要\n５．特定個人情報の提供・移転（委託に伴うものを除く。）",
        "移転先",
        (
            "①法令上の根拠",
            "②移転先における用途",
            "③移転する情報",
            "④移転する情報の対象となる本人の数",
            "⑥移転方法",
            "⑦時期・頻度",
        ),
    ),
    (
        "Ⅰ基本情報\n２．特定個人情報ファイルを取り扱う事務において使用するシステム",
        "システム",
        ("①システムの名称", "②システムの機能", "③他のシステムとの接続"),
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n４．特定個人情報ファイルの取扱いの委託",
        "委託事項",
        (
            "①委託内容",
            "②取扱いを委託する特定個人情報ファイルの範囲",
            "③委託先における取扱者数",
            "⑥委託先名",
            "⑦再委託の有無",
        ),
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n５．特定個人情報の提供・移転（委託に伴うものを除く。）",
        "提供先",
        ("①法令上の根拠", "②提供先における用途", "③提供する情報", "⑥提供方法", "⑦時期・頻度"),
    ),
)
# A value for each block item (by the item's words after its number), several to draw from.
VALUES = {
    "法令上の根拠": (
        "番号法第９条第１項　別表第一の１６の項",
        "番号法第１９条第８号　別表第二の２７の項",
        "番号法第９条第２項に基づく条例",
    ),
    "移転先における用途": (
        "児童手当の支給に関する事務",
        "子ども医療費の助成に関する事務",
        "国民健康保険の資格管理に関する事務",
    ),
    "移転する情報": ("住民票関係情報", "地方税関係情報", "世帯情報"),
    "移転する情報の対象となる本人の数": ("１万人以上１０万人未満", "１０万人以上１００万人未満"),
    "移転方法": ("庁内連携システム", "電子記録媒体", "紙"),
    "時期・頻度": ("随時", "月次", "年１回"),
    "システムの名称": ("中間サーバー", "団体内統合宛名システム", "コンビニ交付システム", "住民情報システム"),
    "システムの機能": ("符号管理機能", "情報照会機能", "既存システム接続機能", "証明書の発行"),
    "他のシステムとの接続": (
        "情報提供ネットワークシステム",
        "庁内連携システム",
        "住民基本台帳ネットワークシステム",
    ),
    "委託内容": ("システムの運用保守", "帳票の印刷及び封入封緘", "データ入力"),
    "取扱いを委託する特定個人情報ファイルの範囲": (
        "特定個人情報ファイルの全体",
        "特定個人情報ファイルの一部",
    ),
    "委託先における取扱者数": ("１０人未満", "１０人以上５０人未満"),
    "委託先名": ("株式会社○○情報サービス", "○○システム株式会社", "一般財団法人○○協会"),
    "再委託の有無": ("再委託しない", "再委託する"),
    "提供先における用途": ("地方税の賦課徴収に関する事務", "介護保険給付の支給に関する事務"),
    "提供する情報": ("地方税関係情報", "医療保険給付関係情報"),
    "提供方法": ("情報提供ネットワークシステム", "電子記録媒体"),
}
DELETED_AFTERS = ("削除", "（削除）", "")
ADDED_BEFORES = ("", "－", "（記載なし）")
ADDED_TAILS = ("上記を新規追加", "（新規追加）", "")
BLOCK_REASONS = {
    "移転先": ("移転先の削除", "庁内連携の廃止による移転先の削除", "移転先の追加"),
    "システム": ("システムの追加", "中間サーバーの導入", "システム更改に伴う追加"),
    "委託事項": ("委託事項の追加", "委託の終了による削除", "委託の開始"),
    "提供先": ("提供先の削除", "情報連携の開始による提供先の追加", "提供先の追加"),
}
# Date items and their cells: (item, before, after); a ``{old}`` / ``{new}`` is a date printed in
# 和暦 with full-width digits (``平成２７年１０月５日``), drawn per row.
DATE_ITEMS = (
    ("Ⅵ評価実施手続\n１．基礎項目評価\n①実施日", "{old}", "{new}"),
    ("Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n⑧使用開始日", "{old}", "{new}"),
    (
        "Ⅵ評価実施手続\n２．国民・住民等からの意見の聴取\n②実施日・期間",
        "{old}から{old2}まで",
        "{new}から{new2}まで",
    ),
    ("Ⅵ評価実施手続\n１．基礎項目評価\n①実施日", "{old}", "{new}"),
    ("Ⅵ評価実施手続\n４．個人情報保護委員会の承認\n①提出日", "{old}", "{new}"),
    (
        "Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n②保管期間\nその妥当性",
        "{old}以降の異動分を保管する。",
        "{new}以降の異動分を保管する。\n保管期間は５年とする。",
    ),
    (
        "Ⅰ基本情報\n６．情報提供ネットワークシステムによる情報連携\n②法令上の根拠",
        "{old}施行の条例",
        "{new}施行の条例",
    ),
)
DATE_REASONS = ("評価の再実施", "実施日の更新", "意見聴取の再実施", "記載の修正")
# Rows of one item changed in two or three places on one date: (item, [(before, after), ...], why).
MERGED_ITEMS = (
    (
        "Ⅱ特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n②入手方法",
        (("紙", "紙\n電子記録媒体"), ("窓口での届出", "窓口での届出及び庁内連携システム")),
        "入手方法の追加",
    ),
    (
        "Ⅰ基本情報\n１．特定個人情報ファイルを取り扱う事務\n②事務の内容",
        (
            (
                "住民基本台帳法に基づき、住民票の作成を行う。",
                "住民基本台帳法に基づき、住民票の作成及び管理を行う。",
            ),
            ("転入届の受付", "転入届及び転居届の受付"),
            ("証明書の交付", "証明書の交付（コンビニ交付を含む。）"),
        ),
        "事務内容の明確化",
    ),
    (
        "Ⅱ特定個人情報ファイルの概要\n６．特定個人情報の保管・消去\n①保管場所",
        (("サーバー室に設置", "データセンターに設置"), ("施錠管理", "入退室管理及び施錠管理")),
        "システム更改に伴う保管場所の変更",
    ),
    (
        "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n７．特定個人情報の保管・消去\nリスク１：特定個人情報の漏えい・滅失・毀損リスク",
        (
            ("バックアップは週１回取得する。", "バックアップは毎日取得する。"),
            (
                "ウイルス対策ソフトを導入している。",
                "ウイルス対策ソフトを導入し、定義ファイルを毎日更新している。",
            ),
            ("－", "不正アクセス対策として通信を暗号化している。"),
        ),
        "セキュリティ対策の強化",
    ),
    (
        "Ⅰ基本情報\n７．評価実施機関における担当部署\n①部署",
        (("市民課", "市民窓口課"), ("保険年金課", "国保年金課")),
        "組織改正による部署名の変更",
    ),
)


def _wareki(iso: str) -> str:
    """``2015-10-05`` as 平成２７年１０月５日 (full-width digits, the era of the date)."""
    y, m, d = (int(x) for x in iso.split("-"))
    era, base = ("令和", 2018) if (y, m) >= (2019, 5) else ("平成", 1988)
    n = y - base
    year = "元" if n == 1 else str(n).translate(FULL)
    return f"{era}{year}年{str(m).translate(FULL)}月{str(d).translate(FULL)}日"


def _pool(values: tuple, heldout: bool) -> tuple:
    """The even entries for the tuning set, the odd ones for the held-out set (or all, if one)."""
    part = values[1::2] if heldout else values[0::2]
    return part or values


def _block_row(rng: random.Random, heldout: bool) -> dict:
    path, label, items = rng.choice(BLOCKS)
    number = str(rng.randint(2, 6)).translate(FULL)
    shown = sorted(rng.sample(items, rng.randint(2, min(4, len(items)))), key=items.index)
    lines = []
    for heading in shown:
        lines += [heading, rng.choice(_pool(VALUES[heading[1:]], heldout))]
    deleted = rng.random() < 0.5
    item = {0: f"{path}\n{label}{number}", 1: f"{path.split(chr(10))[-1]}\n{label}{number}"}.get(
        rng.randrange(3), f"{label}{number}"
    )
    block = "\n".join(lines)
    if deleted:
        before, after = block, rng.choice(DELETED_AFTERS)
    else:
        tail = rng.choice(ADDED_TAILS)
        before, after = rng.choice(ADDED_BEFORES), block + (f"\n{tail}" if tail else "")
    why = rng.choice(_pool(BLOCK_REASONS[label], heldout))
    return {"item": item, "before": before, "after": after, "explanation": why}


def _date_row(rng: random.Random, heldout: bool, date: str, k: int) -> dict:
    pool = _pool(DATE_ITEMS, heldout)
    item, before, after = pool[k % len(pool)]
    year = int(date[:4])
    old_y = rng.randint(2015, max(year - 2, 2015))
    old = f"{old_y}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    old2 = f"{old_y}-{int(old[5:7]) % 12 + 1:02d}-{rng.randint(1, 28):02d}"
    new = date if rng.random() < 0.5 else f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    new2 = f"{new[:4]}-{int(new[5:7]) % 12 + 1:02d}-{rng.randint(1, 28):02d}"
    fill = {"old": _wareki(old), "old2": _wareki(old2), "new": _wareki(new), "new2": _wareki(new2)}
    return {
        "item": item,
        "before": before.format(**fill),
        "after": after.format(**fill),
        "explanation": rng.choice(_pool(DATE_REASONS, heldout)),
    }


def _merged_rows(rng: random.Random, heldout: bool, k: int) -> list[dict]:
    pool = _pool(MERGED_ITEMS, heldout)
    item, pairs, why = pool[k % len(pool)]
    return [{"item": item, "before": b, "after": a, "explanation": why} for b, a in pairs]


def _with_kind(rows: list[dict], kind: str, rng: random.Random, heldout: bool) -> list[dict]:
    """``rows`` with rows of ``kind`` inserted (two places), each taking the date and 提出時期
    of the row it follows, so the table's order of dates holds."""
    out = [dict(r) for r in rows]
    first = rng.randrange(len(MERGED_ITEMS) * len(DATE_ITEMS))  # distinct templates in turn
    for k in range(first, first + 2):
        at = rng.randint(1, len(out))
        near = out[at - 1]
        if kind == "bk":
            new = [_block_row(rng, heldout)]
        elif kind == "dc":
            new = [_date_row(rng, heldout, near["change_date"], k)]
        else:
            new = _merged_rows(rng, heldout, k)
        for r in new:
            r.update(
                change_date=near["change_date"],
                change_date_raw=near["change_date_raw"],
                timing=near["timing"],
            )
        out[at:at] = new
    return out


def _case(name: str, table: list[dict], maker: str, kind: str, heldout: bool) -> Case:
    rng = random.Random(f"piatable-honest55-{name}")
    start = rng.randrange(max(len(table) - ORDINARY_ROWS, 0) + 1)
    rows = _with_kind(table[start : start + ORDINARY_ROWS], kind, rng, heldout)
    c = plain_case(name, rows, maker, heldout=heldout)
    if kind == "mi":
        # The shared 項目 and 説明 merged over their rows (with the date, equal there too).
        return replace(
            c, merge=True, merge_keys=("change_date_raw", "item", "explanation"), rows_per_page=None
        )
    return c


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """Each kind by Calc and Writer, over two tables (one held-out table each), named
    ``[h]h55-<kind>-<maker>-<table>``."""
    cases = []
    tables = _four_tables(heldout)
    for k, kind in enumerate(KINDS):
        for m, maker in enumerate(MAKERS):
            for table, path in tables[(k + m) % 2 :: 2][: 1 if heldout else 2]:
                name = f"{'h' if heldout else ''}h55-{kind}-{maker}-{table}"
                while name in redrawn:
                    name += "-r"
                cases.append(_case(name, _printable(load_table(path)), maker, kind, heldout))
    return cases


SETS = split_sets("honest55", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
