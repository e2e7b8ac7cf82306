"""Amendment tables whose 変更前 / 変更後 cells open with a repeated block's line, made by
LibreOffice Calc and Writer (block46, issues 10 and 12).

    python tools/make_block46_samples.py                          # both sets
    python tools/make_block46_samples.py --set office-block46      # or heldout-block46

Made for a tester's report (session 46) on ``pdftotext -raw`` and pypdfium2 text: a before or
after cell that opens with the name of a block instance (``提供先３　都道府県知事``, ``移転先２``,
``委託事項２　住民記録システム…`` then ``①委託内容：…``) had that line read into the 項目 cell.
Each case is a look drawn as ``make_boxes42_samples`` draws it (widths, fonts, sizes, alignment,
merged cells, page breaks); a share of its rows (``BLOCK_SHARE``, at least one) then become rows
of ``TUNING_BLOCKS`` or ``HELDOUT_BLOCKS``: a block added (before empty, the after cell closing
with 上記を新規追加), deleted (after 削除) or changed, whose item either ends on the block's own
heading (提供先３, which the cell's first line repeats) or on the heading above the block
(``５．特定個人情報の提供・移転（委託に伴うものを除く。）``); and rows whose item holds its block's
line itself (``委託事項４　証明書発行システムの保守`` over 上記を新規追加, ``提供先１：都道府県知事`` /
``①法令上の根拠``), which must stay in the item.

``office-block46`` (tuning) draws ``TUNING_CASES`` cases per maker from the tuning tables' rows
and ``TUNING_BLOCKS``; ``heldout-block46`` (measure only, never tune on it) ``HELDOUT_CASES`` per
maker from the held-out tables' rows, ``HELDOUT_BLOCKS`` and the held-out fonts.  Each case
keeps its PDF and the five extractors' texts.  Needs LibreOffice and the IPA fonts; CI only
reads the files.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_boxes42_samples import drawn_cases
from make_flow22_samples import build_redrawn, split_sets
from make_office_samples import Case, varied_case

TUNING_CASES = 4
HELDOUT_CASES = 3
# The share of a case's rows that become block rows.
BLOCK_SHARE = 0.4

_II = "Ⅱ特定個人情報ファイルの概要"
_II4 = f"{_II}\n４．特定個人情報ファイルの取扱いの委託"
_II5 = f"{_II}\n５．特定個人情報の提供・移転（委託に伴うものを除く。）"
_III3 = "Ⅲ特定個人情報ファイルの取扱いプロセスにおけるリスク対策\n３．特定個人情報の使用"


def _row(item: str, before: str, after: str, timing: str, explanation: str) -> dict:
    return {"item": item, "before": before, "after": after, "timing": timing, "explanation": explanation}


# (item, before, after, timing, explanation) of rows whose cells open with a block's line.
TUNING_BLOCKS = (
    _row(
        f"{_II5}\n提供先３",
        "",
        "提供先３　都道府県知事\n①法令上の根拠：住民基本台帳法第30条の15第1項\n"
        "②提供先における用途：本人確認情報の提供に関する事務\n上記を新規追加",
        "事前",
        "提供先の追加",
    ),
    _row(
        _II5,
        "",
        "移転先２　健康推進課\n①法令上の根拠：番号法第９条第２項に基づく条例\n"
        "②移転先における用途：予防接種の実施に関する事務\n上記を新規追加",
        "事後",
        "移転先の追加による変更",
    ),
    _row(
        _II4,
        "委託事項２　住民記録システムの運用保守\n①委託内容：住民記録システムの運用保守業務\n"
        "③委託先における取扱者数：10人未満",
        "削除",
        "事後",
        "委託の終了に伴う削除",
    ),
    _row(
        f"{_II5}\n提供先２",
        "提供先２　○○県知事\n①法令上の根拠：番号法第19条第8号 別表第二の9の項",
        "提供先２　○○県知事\n①法令上の根拠：番号法第19条第8号に基づく主務省令第2条の表の9の項",
        "事後",
        "番号法の改正に伴う修正",
    ),
    _row(
        f"{_II4}\n委託事項３",
        "",
        "委託事項３　コンビニ交付システムの運用\n①委託内容：証明書のコンビニ交付に係るシステムの運用業務\n"
        "③委託先における取扱者数：10人以上50人未満\n上記を新規追加",
        "事前",
        "委託事項の追加",
    ),
    _row(
        f"{_II5}\n移転先１",
        "移転先１　市民課",
        "移転先１　市民窓口課",
        "事後",
        "組織改正に伴う名称変更",
    ),
    _row(
        _III3,
        "",
        "リスク４：特定個人情報ファイルが不正に複製されるリスク\n"
        "リスクに対する措置の内容：外部記録媒体への書出しを禁止している。\n上記を新規追加",
        "事前",
        "リスク対策の追加",
    ),
    # The item's own block, named or not, over a one-line after cell (the item keeps its lines).
    _row(f"{_II4}\n委託事項４　証明書発行システムの保守", "", "上記を新規追加", "事前", "委託事項の追加"),
    _row(f"{_II5}\n提供先５", "", "上記を新規追加", "事後", "提供先の追加"),
    _row(
        f"{_II5}\n提供先１：都道府県知事\n①法令上の根拠",
        "住民基本台帳法第30条の7",
        "住民基本台帳法第30条の15",
        "事後",
        "根拠条文の修正",
    ),
)

HELDOUT_BLOCKS = (
    _row(
        f"{_II5}\n提供先４",
        "",
        "提供先４　日本年金機構\n①法令上の根拠：番号法第19条第8号に基づく主務省令第2条の表の3の項\n"
        "②提供先における用途：年金給付の支給に関する事務\n上記を新規追加",
        "事前",
        "提供先の追加による",
    ),
    _row(
        _II5,
        "",
        "移転先３　こども家庭課\n①法令上の根拠：番号法第９条第２項に基づく条例\n"
        "②移転先における用途：子ども医療費の助成に関する事務\n上記を新規追加",
        "事前",
        "庁内連携の追加",
    ),
    _row(
        _II4,
        "委託事項４　税務システムの帳票印刷\n①委託内容：納税通知書の印刷及び封入封緘業務\n"
        "③委託先における取扱者数：10人以上50人未満",
        "削除",
        "事後",
        "委託契約の終了",
    ),
    _row(
        f"{_II5}\n提供先１",
        "提供先１　市町村長\n①法令上の根拠：番号法第19条第7号 別表第二の27の項",
        "提供先１　市町村長\n①法令上の根拠：番号法第19条第8号に基づく主務省令第2条の表の27の項",
        "事後",
        "法令改正に伴う根拠条文の修正",
    ),
    _row(
        f"{_II4}\n委託事項２",
        "",
        "委託事項２　申請受付窓口業務\n①委託内容：窓口における申請書の受付及び入力業務\n上記を新規追加",
        "事前",
        "窓口業務の委託開始",
    ),
    _row(
        f"{_II5}\n移転先２",
        "移転先２　国民健康保険課",
        "移転先２　保険年金課",
        "事後",
        "課の統合による名称の変更",
    ),
    _row(f"{_II4}\n委託事項５　滞納整理システムの運用", "", "上記を新規追加", "事前", "委託の開始"),
    _row(f"{_II5}\n移転先４", "", "上記を新規追加", "事後", "庁内連携先の追加"),
    _row(
        f"{_II5}\n提供先２：日本年金機構\n②提供先における用途",
        "年金給付に関する事務",
        "年金給付及び年金生活者支援給付金の支給に関する事務",
        "事後",
        "用途の追記",
    ),
)


def block_rows(rows: list[dict], blocks: tuple[dict, ...], rng: random.Random) -> list[dict]:
    """The rows with ``BLOCK_SHARE`` of them (at least one) given a block row's cells, each
    keeping its date (so the table's order of dates stays)."""
    out = [dict(r) for r in rows]
    picked = [k for k in range(len(out)) if rng.random() < BLOCK_SHARE] or [rng.randrange(len(out))]
    for k in picked:
        out[k].update(rng.choice(blocks))
    return out


def _case(name: str, pool: list[dict], maker: str, heldout: bool) -> Case:
    c = varied_case(name, pool, maker, heldout=heldout)
    rng = random.Random(f"piatable-block46-{name}")
    if heldout:
        c = replace(c, font=rng.choice(office.HELDOUT_FONTS))
    blocks = HELDOUT_BLOCKS if heldout else TUNING_BLOCKS
    # The held-out fonts lack ○ and □: LibreOffice draws them from another font out of the
    # text's order, so the truth check leaves them out.
    return replace(c, rows=block_rows(c.rows, blocks, rng), fallback_glyphs="○□")


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    """``HELDOUT_CASES`` or ``TUNING_CASES`` cases per maker, named ``[h]k46-<maker>-v<k>``."""
    return drawn_cases("k46", heldout, redrawn, _case, (HELDOUT_CASES, TUNING_CASES))


SETS = split_sets("block46", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
