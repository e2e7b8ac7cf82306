"""Added rows of bracket paragraphs, and Calc dates wrapped in a narrow 変更日 column (issues 10
and 12, raw40), made by LibreOffice Calc and Writer.

    python tools/make_raw40_samples.py                         # both sets
    python tools/make_raw40_samples.py --set office-raw40      # or heldout-raw40

Two faults met in ``pdftotext -raw`` and pypdfium2 text, where a row's wrapped cells follow one
another (item, before, after, explanation) with nothing to say where one ends:

* an added row (変更前 empty) whose 変更後 holds several paragraphs, each opening with a heading
  in brackets (``＜住民基本台帳ネットワークシステム＞ … ＜中間サーバー＞ …``): read as before
  (the first paragraphs) and after (the rest) unless something tells the before cell is empty.
  The tables mix such rows, their explanation saying the text was added (新規追加, …の追記) or
  not (…に伴う修正), some closing with 上記を新規追加, with changed rows whose before and after
  list the same headings;
* a 変更日 column so narrow that the date wraps (``令和5年`` over ``4月1日``), after 年, after
  月 or inside the digits, in era, slash and 年月日 styles (Calc only).

The looks come from the pools of tools/make_office_samples.py, whose helpers (writing, converting,
truth) this tool uses.  ``office-raw40`` (tuning) takes the tuning tables and the tuning pools of
headings and sentences below; ``heldout-raw40`` (measure only, never tune on it) the held-out
tables, pools and widths.  Each case keeps its PDF and the five extractors' texts.
"""

from __future__ import annotations

import random
import sys
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_flow22_samples import build_redrawn, split_sets, table_cases
from make_office_samples import HELDOUT_DIR, TUNING_TABLES, Case, load_table, plain_case

# Rows of each table kept (before the added rows go in).
ROWS_MAX = 6
# Rows whose before / after hold these are left out (as tools/make_raw22_samples.py does).
UNFOUND = "[△□〒"
FALLBACK_GLYPHS = "○□△"
# The systems whose measures the bracket paragraphs list, and the sentences under them.
TUNING_SYSTEMS = (
    "住民基本台帳ネットワークシステム",
    "中間サーバー",
    "既存住基システム",
    "団体内統合宛名システム",
    "ガバメントクラウド",
)
HELDOUT_SYSTEMS = (
    "申請管理システム",
    "コンビニ交付システム",
    "庁内連携基盤",
    "標準準拠システム",
    "情報提供ネットワークシステム",
)
TUNING_SENTENCES = (
    "・操作者の認証は、生体認証により行う。",
    "・端末の操作履歴を記録し、定期的に確認している。",
    "・サーバーは施錠された電算室に設置し、入室を許可された職員に限定している。",
    "・通信は暗号化した専用回線により行う。",
    "・バックアップデータは遠隔地に保管している。",
    "・アクセス権限は所属長の承認を得て付与し、異動時に見直している。",
)
HELDOUT_SENTENCES = (
    "・利用者ごとにＩＤとパスワードを発行し、定期的に変更させている。",
    "・不正アクセスを防ぐため、ファイアウォールを設置している。",
    "・記録媒体の持ち出しは禁止している。",
    "・委託先との契約において秘密保持を義務付けている。",
    "・ウイルス対策ソフトのパターンファイルを毎日更新している。",
    "・保存期間を過ぎたデータは、システムにより自動で消去する。",
)
# Explanations of an added row that say so, and ones that do not.
TELLS = ("新規追加", "{s}の導入に伴う記載の追加", "{s}における措置の追記")
SILENT = ("{s}の導入に伴う修正", "システム更改による変更", "運用の見直しに伴う記載の変更")
# Of a changed row whose before and after list the same headings.
CHANGED = ("{s}の運用開始に伴う修正", "措置の見直しによる変更")
# Column widths (date, item, before, after, timing, explanation): Calc's Excel units, Writer's cm.
TUNING_CALC = ((11, 24, 34, 34, 8, 26), (10, 22, 30, 30, 7, 22))
HELDOUT_CALC = ((12, 26, 36, 36, 9, 24), (13, 20, 28, 28, 8, 20))
TUNING_WRITER = ((2.6, 4.6, 6.0, 6.0, 1.8, 4.7), (2.4, 5.0, 6.4, 6.4, 1.7, 4.1))
HELDOUT_WRITER = ((2.9, 4.2, 6.6, 6.6, 2.0, 3.4), (2.5, 5.2, 5.8, 5.8, 1.8, 4.6))
# Narrow date columns (Excel units) that wrap dates after 年, after 月 or inside the digits, and
# the date styles drawn for them.
TUNING_DATE_WIDTHS = (5, 6, 6.5, 7, 8, 9, 11)
HELDOUT_DATE_WIDTHS = (5.5, 6.2, 7.5, 8.5, 10, 12)
# Looks of each table with a narrow date column.
WRAP_LOOKS = 3
WRAP_STYLES = ("wareki", "wareki_fw", "slash", "slash0", "seireki")
VALIGNS = ("top", "center", "bottom")


def _paragraph(system: str, rng: random.Random, sentences: tuple[str, ...]) -> str:
    """One bracket paragraph: its heading and one or two sentences."""
    heading = f"＜{system}における措置＞" if rng.random() < 0.6 else f"＜{system}＞"
    return "\n".join([heading, *rng.sample(sentences, rng.choice((1, 2)))])


def added_row(like: dict, rng: random.Random, heldout: bool) -> dict:
    """A row adding two or three bracket paragraphs (its before empty), under ``like``'s item and
    date; its explanation says the text was added or does not, some close with 上記を新規追加."""
    systems = rng.sample(HELDOUT_SYSTEMS if heldout else TUNING_SYSTEMS, rng.choice((2, 3)))
    sentences = HELDOUT_SENTENCES if heldout else TUNING_SENTENCES
    after = "\n".join(_paragraph(s, rng, sentences) for s in systems)
    if rng.random() < 0.2:
        after += "\n上記を新規追加"
    said = rng.choice(TELLS if rng.random() < 0.5 else SILENT).format(s=systems[-1])
    return dict(like, before="", after=after, explanation=said, timing=rng.choice(("事前", "事後")))


def changed_row(like: dict, rng: random.Random, heldout: bool) -> dict:
    """A row whose before and after list the same bracket headings (the after one more)."""
    systems = rng.sample(HELDOUT_SYSTEMS if heldout else TUNING_SYSTEMS, 3)
    sentences = HELDOUT_SENTENCES if heldout else TUNING_SENTENCES
    paras = [_paragraph(s, random.Random(f"{s}{rng.random()}"), sentences) for s in systems]
    before = "\n".join(paras[:2])
    after = "\n".join([paras[0], _paragraph(systems[1], rng, sentences), paras[2]])
    said = rng.choice(CHANGED).format(s=systems[2])
    return dict(like, before=before, after=after, explanation=said)


def _with_bracket_rows(rows: list[dict], rng: random.Random, heldout: bool) -> list[dict]:
    """``rows`` with two added rows and one changed row of bracket paragraphs put in among
    them, each taking the date and item of the row above it."""
    out = [dict(r) for r in rows]
    for at, make in ((1, added_row), (3, changed_row), (5, added_row)):
        at = min(at, len(out))
        out.insert(at, make(out[at - 1], rng, heldout))
    return out


def _kept(table: list[dict]) -> list[dict]:
    return [r for r in table if not any(c in r["after"] + r["before"] for c in UNFOUND)][:ROWS_MAX]


def _added_case(name: str, table: list[dict], maker: str, heldout: bool, n: int) -> Case:
    rng = random.Random(f"piatable-raw40-{name}")
    rows = _with_bracket_rows(_kept(table), rng, heldout)
    c = plain_case(name, rows, maker, heldout=heldout)
    if maker == "calc":
        pool = HELDOUT_CALC if heldout else TUNING_CALC
    else:
        pool = HELDOUT_WRITER if heldout else TUNING_WRITER
    return replace(
        c,
        widths=pool[n % len(pool)],
        valign=VALIGNS[n % len(VALIGNS)],
        real_dates=False,
        fallback_glyphs=FALLBACK_GLYPHS,
    )


def _wrap_case(name: str, table: list[dict], heldout: bool, n: int) -> Case:
    """Calc's table ``n`` (table k's look m: n = WRAP_LOOKS * k + m) in a narrow date column."""
    rng = random.Random(f"piatable-raw40-{name}")
    style = WRAP_STYLES[(n + 2 * heldout) % len(WRAP_STYLES)]
    c = plain_case(name, _kept(table), "calc", heldout=heldout, date_style=style)
    pool = HELDOUT_CALC if heldout else TUNING_CALC
    widths = (rng.choice(HELDOUT_DATE_WIDTHS if heldout else TUNING_DATE_WIDTHS), *pool[n % len(pool)][1:])
    return replace(
        c,
        widths=widths,
        merge=n % 4 < 2,
        valign=VALIGNS[n % len(VALIGNS)],
        rows_per_page=(None, 3, 4)[(n // 3) % 3],
        real_dates=False,
        fallback_glyphs=FALLBACK_GLYPHS,
    )


def _cases(heldout: bool, redrawn: frozenset[str] = frozenset()) -> list[Case]:
    added = table_cases("r40add", heldout, redrawn, _added_case)
    # A narrow date column is a Calc table's (Writer wraps a date as any other cell).
    tables = {p.stem: p for p in sorted(HELDOUT_DIR.glob("*.json"))} if heldout else dict(TUNING_TABLES)
    wrapped = []
    for k, (table, path) in enumerate(tables.items()):
        for m in range(WRAP_LOOKS):
            name = f"{'h' if heldout else ''}r40wrap-calc{m or ''}-{table}"
            while name in redrawn:
                name += "-r"
            wrapped.append(_wrap_case(name, load_table(path), heldout, WRAP_LOOKS * k + m))
    return added + wrapped


SETS = split_sets("raw40", _cases)


def main(argv: list[str] | None = None) -> int:
    return build_redrawn(SETS, __doc__, argv)


if __name__ == "__main__":
    raise SystemExit(main())
