"""The before/after echo (normalize/echo.py, branch equalcols69): where 変更前 and 変更後 share one
column width, row-ordered text's before/after cut is told by how much of the before cell the after
cell repeats.  Texts: samples/office-equalcols69 (tools/make_equal_widths69_samples.py: Writer and
Calc tables whose before / after columns have one width)."""

from __future__ import annotations

import re

import pytest

from piatable.models import CellLine, RawRow
from piatable.normalize.echo import Echo
from piatable.normalize.paragraph_choice import MOVED_PARAGRAPH_WHY, moved_paragraph_why
from piatable.pipeline import extract_document

from .conftest import SAMPLES

CASE = str(SAMPLES / "office-equalcols69" / "eq69-writer-juki-5-{}" / "input.txt")
BEFORE = "・サーバー室には監視カメラを設置している。②課税台帳に基づき税額を算定し、納税通知書を送付する。"
AFTER = "原則として、" + BEFORE + "なお、記録は5年間保存する。"


def _squash(value: object) -> str:
    return re.sub(r"\s", "", "" if value is None else str(value))


def test_echo_peaks_at_the_amended_cut():
    """An after cell that repeats its before cell with a word added: the bonus is highest where
    the before lines end, and nothing where a side is empty."""
    lines = [
        "・システム上、管理権限を与",
        "えられた者以外は情報の複製",
        "ができない仕組みとしている",
        "・標準準拠システム上、管理",
        "権限を与えられた者以外は情",
        "報の複製ができない仕組みと",
        "している",
    ]
    bonus = Echo(lines).from_item(0)
    assert max(range(len(bonus)), key=bonus.__getitem__) == 3
    assert bonus[0] == 0.0 and bonus[-1] == 0.0
    assert bonus[3] > bonus[2] + 0.5 and bonus[3] > bonus[4] + 0.5


def test_unlike_cells_earn_nothing():
    """Two cells that share no more than the document's common words earn no bonus anywhere."""
    lines = [
        "市ホームページへの掲載及び市民",
        "課窓口での閲覧により意見を募集",
        "した。",
        "財政部市民税課、資産税課、納税",
        "課、収納対策課",
    ]
    assert not any(Echo(lines).from_item(0))


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw", "pypdf"])
def test_amended_row_cut_where_the_after_cell_repeats_the_before(tool):
    """Writer's equal before / after columns: the amendment (an opening and a sentence added to
    two paragraphs) is cut where the after cell's copy begins (main read the before cell's
    second paragraph into the after cell)."""
    records = extract_document(CASE.format(tool)).records
    row = next(
        r for r in records if _squash(r.after).endswith("納税通知書を送付する。なお、記録は5年間保存する。")
    )
    assert _squash(row.before) == BEFORE
    assert _squash(row.after) == AFTER


def _row(before: list[str], after: list[str], confidence: float = 0.8) -> RawRow:
    """A row-ordered row of these before / after lines, read by the partition at ``confidence``."""
    row = RawRow(confidence=confidence)
    row.cells["before"] = [CellLine(t, 1) for t in before]
    row.cells["after"] = [CellLine(t, 1) for t in after]
    return row


def test_unlike_cells_with_another_paragraph_break_are_a_guess():
    """Unlike before / after cells, the before of two paragraphs: the cut could fall after its
    first paragraph as well (the text shows only paragraph breaks)."""
    before = [
        "・サーバー室には監視カメラを設",
        "置している。",
        "・年１回、全職員を対象とした個",
        "人情報保護研修を実施している。",
    ]
    after = [
        "年１回、評価書の記載内容どおり",
        "の運用がなされているか、チェッ",
        "クリストを用いて自己点検する",
    ]
    assert moved_paragraph_why(_row(before, after)) == MOVED_PARAGRAPH_WHY
    # A cut the partition took by a wide margin is left alone.
    assert moved_paragraph_why(_row(before, after, 0.95)) == ""


def test_a_changed_text_or_one_paragraph_each_is_no_guess():
    """A changed text (the after repeats the before) and unlike cells of one paragraph each
    (no other break to cut at) are not doubted."""
    before = [
        "・システム上、管理権限を与",
        "えられた者以外は情報の複製",
        "ができない仕組みとしている。",
        "・年１回研修を実施する。",
    ]
    after = [
        "・標準準拠システム上、管理",
        "権限を与えられた者以外は情",
        "報の複製ができない仕組みと",
        "している。",
        "・年２回研修を実施する。",
    ]
    assert moved_paragraph_why(_row(before, after)) == ""
    one = ["市ホームページへの掲載及び市民", "課窓口での閲覧により意見を募集"]
    other = ["財政部市民税課、資産税課、納税", "課、収納対策課"]
    assert moved_paragraph_why(_row(one, other)) == ""


@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw", "pypdf"])
def test_unlike_paragraph_cut_is_warned(tool):
    """eq69-writer-juki-5 (Writer, before / after of one width): a row whose before cell holds two
    bulleted paragraphs beside an unlike after cell is read with the cut one paragraph off; the
    text cannot tell, and the row says so (main: 0.865, unwarned)."""
    records = extract_document(CASE.format(tool)).records
    row = next(r for r in records if "年１回、評価書の記載内容どおりの運用" in _squash(r.after))
    assert _squash(row.before).startswith("・サーバー室には監視カメラを設置している。")
    assert "column_guess" in row.flags
    assert any("another paragraph break" in e for e in row.evidence)


def _bonus_by_definition(texts: list[str], i: int, j: int) -> float:
    """The echo bonus of the cut (i, j) as the module's docstring defines it, counted afresh."""
    from collections import Counter

    from piatable.normalize.echo import ECHO_FLOOR, ECHO_FULL_PAIRS, ECHO_MAX_LINES, ECHO_WEIGHT

    def pairs(lines: list[str]) -> Counter[str]:
        return Counter(x[k : k + 2] for x in lines for k in range(len(x) - 1))

    before, after = pairs(texts[i:j]), pairs(texts[j:])
    size_b, size_a = sum(before.values()), sum(after.values())
    small = min(size_b, size_a)
    if len(texts) > ECHO_MAX_LINES or j in (i, len(texts)) or not small:
        return 0.0
    share = 2 * sum((before & after).values()) / (size_b + size_a)
    return ECHO_WEIGHT * max(0.0, share - ECHO_FLOOR) * min(1.0, small / ECHO_FULL_PAIRS)


def test_echo_walk_gives_the_defined_bonus_of_every_cut():
    """``Echo`` counts the shared pairs cut by cut (and skips, in one walk up the lines, the item
    lines from which no cut can share above the floor, speed70): every cut of real blocks gets
    exactly the bonus counted afresh from the definition, amended blocks and unlike ones alike."""
    lines = [x for x in (SAMPLES / "seed" / "input.txt").read_text("utf-8").splitlines() if x.strip()]
    blocks = [lines[k : k + 14] for k in range(0, 60, 7)]  # unlike cells: mostly no echo
    amended = ["・システム上、管理権限を与", "えられた者以外は情報の複製", "ができない仕組みとしている"]
    blocks.append(["Ⅰ基本情報", *amended, "・標準準拠" + amended[0][1:], *amended[1:], "している"])
    echoed = 0
    for texts in blocks:
        echo = Echo(texts)
        for i in reversed(range(len(texts) + 1)):  # any order of asking
            got = echo.from_item(i)
            assert got == [_bonus_by_definition(texts, i, j) for j in range(i, len(texts) + 1)]
            echoed += any(got)
    assert echoed >= 2
