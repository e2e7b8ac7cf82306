"""Half-width katakana (ｼｽﾃﾑ) is printed by some forms: cells keep it as printed; item keys and
lexicon matches fold it, so one item printed both ways gets one key (``normalize/unicode.py``).
It was folded to full-width in every cell with no flag (a new user's 児童手当ｼｽﾃﾑ came out as
児童手当システム at confidence 0.96)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.normalize.item_key import item_key
from piatable.normalize.unicode import clean_text, fold_halfwidth_kana

from .conftest import SAMPLES

# tools/make_office_samples.py --set office-hwkana18: a Calc and a Writer table whose before /
# after cells print katakana words half-width.
CASES = sorted(p for p in (SAMPLES / "office-hwkana18").iterdir() if p.is_dir())
FIELDS = ("item", "before", "after", "explanation")


def test_cells_keep_halfwidth_katakana_and_keys_fold_it() -> None:
    assert clean_text("児童手当ｼｽﾃﾑ") == "児童手当ｼｽﾃﾑ"
    assert clean_text("⽬的") == "目的"  # a Kangxi radical is still damage
    assert fold_halfwidth_kana("ｼﾞｭｳﾐﾝ･ｶｰﾄﾞ") == "ジュウミン・カード"
    full = "Ⅱ 特定個人情報ファイルの概要\n３．特定個人情報の入手・使用\n⑧使用方法\nシステム"
    assert item_key(full.replace("システム", "ｼｽﾃﾑ")) == item_key(full)


def _squash(text: str | None) -> str:
    return "".join((text or "").split())


def _halfwidth(text: str | None) -> int:
    return sum(1 for ch in text or "" if "\uff65" <= ch <= "\uff9f")


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_cells_keep_the_halfwidth_katakana_printed(case: Path) -> None:
    path = next(case.glob("input.*"))
    truth = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    got = [r.to_dict() for r in extract_document(path).records]
    printed = sum(_halfwidth(e[f]) for e in truth for f in FIELDS)
    assert printed >= 8
    if path.suffix == ".pdf":
        assert [[_squash(g[f]) for f in FIELDS] for g in got] == [
            [_squash(e[f]) for f in FIELDS] for e in truth
        ]
    # Every family keeps them (its reading errors aside): none is folded to full-width.
    assert sum(_halfwidth(g[f]) for g in got for f in FIELDS) >= 0.9 * printed
