"""The text's own spaces in spaced-out text (issue 10, spaced49; normalize/own_spaces.py):
a cell's full-width space, a wrapped date's last character, and the single space a narrow column
stands apart by in plain and ``-layout`` pdftotext text.

Real components: the committed extractor texts of LibreOffice-made PDFs (samples/office-spaced49,
tools/make_spaced49_samples.py) spaced as set IX's document-sharing sites space them (a space
between every two wide characters), piatable's despacing and reader."""

from __future__ import annotations

import json
import sys

import pytest

from piatable import extract_document
from piatable.normalize.hygiene import despace_text
from piatable.normalize.own_spaces import date_piece_spaces, own_ideographic_spaces

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
import make_spaced49_samples as ms49

TUNING = SAMPLES / "office-spaced49"


def _pair(case: str, tool: str, spacing: str = "wide") -> tuple[list[str], list[str]]:
    """(the unspaced text's lines, the despaced lines of its spaced case)."""
    plain = (TUNING / f"{case}-{tool}" / "input.txt").read_text("utf-8")
    spaced = (TUNING / f"{case}-{spacing}-{tool}" / "input.txt").read_text("utf-8")
    return plain.split("\n"), despace_text(spaced)[0].split("\n")


@pytest.mark.parametrize("set_name", ["office-spaced49", "heldout-spaced49"])
def test_committed_spaced_cases_are_the_spacing_of_the_committed_texts(set_name):
    """Every spaced case is its unspaced text spaced as the generator spaces it, with the same
    expected records."""
    root = SAMPLES / set_name
    cases = [p for p in root.iterdir() if any(f"-{s}-" in p.name for s in ms49.SPACINGS)]
    assert len(cases) == len(ms49.SPACINGS) * len(ms49.SPACED_TOOLS) * len(list(root.glob("*/input.pdf")))
    for case in cases:
        spacing = next(s for s in ms49.SPACINGS if f"-{s}-" in case.name)
        source = root / case.name.replace(f"-{spacing}-", "-", 1)
        text = (source / "input.txt").read_text("utf-8")
        assert (case / "input.txt").read_text("utf-8") == ms49.space_text(text, spacing), case.name
        assert (case / "expected" / "records.json").read_bytes() == (
            source / "expected" / "records.json"
        ).read_bytes()


def test_wide_spacing_is_set_nines():
    """A space between two wide characters only: U+3000 is one, ASCII and ○ (ambiguous) are not."""
    assert ms49.SPACINGS["wide"]("健康福祉部\u3000保険年金課 2023.4.1 ○○市") == (
        "健 康 福 祉 部 \u3000 保 険 年 金 課 2023.4.1 ○○市"
    )


def test_a_cells_full_width_space_comes_back_as_text():
    """pypdfium2 keeps a cell's full-width space; spaced, it stands between two spacing spaces
    and came back as a three-space column gap.  Every line that holds one gets it back as it was."""
    plain, got = _pair("s49-calc-v1", "pypdfium2")
    own = [i for i, ln in enumerate(plain) if "\u3000" in ln]
    assert len(own) >= 3
    # (a half-width space of the text between two wide characters looks like the spacing's and
    # goes: ``総務課 〒１２３`` comes back ``総務課〒１２３``)
    assert [got[i].replace(" ", "") for i in own] == [plain[i].replace(" ", "") for i in own]
    assert not any(" \u3000" in got[i] or "\u3000 " in got[i] for i in own)
    assert own_ideographic_spaces("市民課 \u3000 窓口での") == "市民課\u3000窓口での"
    # a gap of the text's own beside it stays
    assert own_ideographic_spaces("市民課   \u3000 窓口") == "市民課   \u3000窓口"


def test_a_wrapped_full_width_date_keeps_no_space_before_its_day():
    """``令 和 ５ 年 ４ 月 １ 日`` despaced: ``令和５年４月１`` is taken for a date too, and the space
    kept after it split ``日`` off (set IX: ``令和５年４月１ 日``)."""
    plain, got = _pair("s49-calc-v1", "pdftotext-raw")
    dated = [i for i, ln in enumerate(plain) if ln.startswith("令和") and "日" in ln[:9]]
    for i in dated:
        assert got[i].split(" ")[0] == plain[i].split(" ")[0]
    spaced = ms49.space_text("令和５年４月１日 事後 研修内容の追加", "wide")
    assert despace_text("\n".join([spaced] * 6))[0].split("\n")[0].startswith("令和５年４月１日 ")


def test_a_wrapped_dates_pieces_part_from_the_item_in_plain_text():
    """Plain pdftotext prints a narrow 変更日 column's date pieces one space before the item's
    lines (``平成３０ 取扱いの委託``); spaced, that space went with the spacing's."""
    plain, got = _pair("s49-writer-v1", "pdftotext")
    pieces = [i for i, ln in enumerate(plain) if ln[:4] in ("平成３０", "年７月１")]
    assert len(pieces) >= 6
    assert [got[i] for i in pieces] == [plain[i] for i in pieces]
    assert (
        date_piece_spaces("３月３１３．特定個人情報の入手・使用") == "３月３１ ３．特定個人情報の入手・使用"
    )
    for sentence in ("４月１日から施行", "令和５年度の事務", "令和５年以降は", "年１回（６月）"):
        assert date_piece_spaces(sentence) == sentence


def test_layout_columns_stand_where_they_stood():
    """``-layout``: the single space a narrow column stood apart by is put back at the column's
    start (``令和４年 用停止請求``), so the item and every column after it keep their offsets."""
    plain, got = _pair("s49-calc-v1", "pdftotext-layout")
    glued = [i for i, ln in enumerate(plain) if ln[:4] in ("令和４年", "４月１日", "令和元年", "５月１日")]
    assert len(glued) >= 8
    for i in glued:
        # the date piece, its one space and the item's opening as printed
        assert got[i][:9] == plain[i][:9], (plain[i][:20], got[i][:20])


def test_spaced_layout_table_reads_as_its_unspaced_text():
    """The reader gives the spaced ``-layout`` text of a Calc table with wrapped full-width dates
    and full-width spaces in its cells the rows it gives the unspaced text (8 of 9 right, the
    same rows; before: 2 rows lost with a note, the other 7 wrong)."""
    case = "s49-calc-v3"
    expected = json.loads((TUNING / f"{case}-pdftotext-layout" / "expected" / "records.json").read_text())

    def rows(name: str) -> list[dict]:
        return [r.to_dict() for r in extract_document(TUNING / name / "input.txt").records]

    def squash(v: object) -> str:
        return "".join(str(v or "").split())

    fields = ("change_date_raw", "item", "before", "after", "timing", "explanation")
    got = rows(f"{case}-wide-pdftotext-layout")
    assert len(got) == len(expected)
    right = [all(squash(g[f]) == squash(e[f]) for f in fields) for g, e in zip(got, expected, strict=True)]
    assert sum(right) >= 8
    assert got[0]["change_date_raw"] == expected[0]["change_date_raw"]
    assert squash(got[0]["item"]) == squash(expected[0]["item"])


def test_a_timing_glued_between_two_cells_stands_apart():
    """pypdfium2 / ``-raw``: a row's after cell, timing and explanation printed side by side,
    their spaces lost to the spacing; the timing is set apart where a short explanation ends
    the line, not before a particle nor inside a sentence."""
    from piatable.normalize.own_spaces import timing_spaces

    plain, got = _pair("s49-writer-v1", "pypdfium2")
    glued = [i for i, ln in enumerate(plain) if ln.endswith("。 事後 記載内容の充実")]
    assert glued
    for i in glued:
        assert got[i].endswith("。 事後 記載内容の充実")
    assert timing_spaces("事前に申請した者に限る") == "事前に申請した者に限る"
    assert timing_spaces("事業の事前評価を実施した。") == "事業の事前評価を実施した。"


def test_a_date_goes_on_with_its_words():
    """A space kept after a whole date parts it from the next cell, not from a word it goes on
    with (``平成 31 年 4 月 1 日 時点``: one before cell)."""
    from piatable.normalize.hygiene import cell_spaces, join_japanese

    line = "平 成 31 年 4 月 1 日 時 点 令 和 3 年 4 月 1 日 時 点 事 後 時 点 修 正"
    assert cell_spaces(join_japanese(line)).startswith("平成 31 年 4 月 1 日時点令和")
    assert cell_spaces(join_japanese("令 和 5 年 4 月 1 日 Ⅰ 基 本 情 報")) == "令和 5 年 4 月 1 日 Ⅰ基本情報"
