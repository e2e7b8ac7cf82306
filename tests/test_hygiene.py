"""Input hygiene of flattened text: spaced-out text, over-printed lines, look-alike dashes."""

from __future__ import annotations

import json
import re

import pytest

from piatable.normalize.hygiene import (
    collapse_overprint,
    despace_line,
    despace_text,
    join_japanese,
    repeat_spaces,
    tidy_text,
)
from piatable.pipeline import extract_document

from .conftest import SAMPLES

SIX = ("change_date", "item", "before", "after", "timing", "explanation")


def squash(value: object) -> str:
    return re.sub(r"\s+", "", "" if value is None else str(value))


def test_despace_keeps_spaces_between_ascii_words():
    assert despace_line("特 定 個 人 情 報") == "特定個人情報"
    assert despace_line("W i n d o w s   S e r v e r") == "Windows Server"
    assert despace_line("Windows Server を 使 用") == "Windows Serverを使用"
    assert despace_line("2 0 2 3 / 2 / 6") == "2023/2/6"


def test_despace_only_a_spaced_out_document():
    plain = "通知カード 個人番号通知書\n事後 番号法改正に伴う修正\n2023/2/6\nＩＤ と パスワード\n"
    assert despace_text(plain) == (plain, 0)
    spaced = "\n".join(" ".join(ln) for ln in ["特定個人情報", "事後", "変更箇所", "2023/2/6"])
    text, n = despace_text(spaced)
    assert text.split("\n") == ["特定個人情報", "事後", "変更箇所", "2023/2/6"]
    assert n == 4


def test_lone_repeated_line_is_kept_runs_of_copies_are_collapsed():
    # A before cell whose one line is the after cell's first line: no over-printing.
    lone = "\n".join(
        [
            "2023/2/6",
            "Ⅰ基本情報",
            "国民健康保険情報ファイル",
            "国民健康保険情報ファイル",
            "中間サーバー副本ファイル",
            "事前",
        ]
    )
    assert collapse_overprint(lone) == (lone, 0)
    doubled = (
        "2019/4/1 Ⅱ特定個人情報ファイルの概要\nⅡ特定個人情報ファイルの概要\n"
        "３．特定個人情報の入手・使用\n３．特定個人情報の入手・使用\n②入手方法\n②入手方法\n"
        "通知カード 個人番号通知書\n個人番号通知書 事後 番号法改正に伴う修正"
    )
    text, n = collapse_overprint(doubled)
    assert n == 4
    assert text.split("\n") == [
        "2019/4/1 Ⅱ特定個人情報ファイルの概要",
        "３．特定個人情報の入手・使用",
        "②入手方法",
        "通知カード 個人番号通知書",
        "事後 番号法改正に伴う修正",
    ]


def test_boxed_text_keeps_equal_lines_of_cells_side_by_side():
    # Plain pdftotext of a Calc table (boxes parted by blank lines): a before cell and an after
    # cell that share their lines come out as runs of equal lines.  No copy: both are kept.
    boxed = "\n".join(
        [
            "2023/4/1",
            "",
            "Ⅱ特定個人情報ファイルの概要",
            "",
            "・住民票の写し等の交付",
            "・住民票の写し等の交付",
            "・紙媒体は施錠できる書庫に保管している。",
            "・紙媒体は施錠できる書庫に保管している。",
            "・個人番号カードの交付",
            "・個人番号カードの交付",
            "",
            "事後",
            "",
        ]
    )
    assert collapse_overprint(boxed) == (boxed, 0)
    # The same lines in content-stream order (no blank lines) read as over-printed bold.
    stream = "\n".join(ln for ln in boxed.split("\n") if ln)
    assert collapse_overprint(stream)[1] == 3


def test_no_repair_no_note():
    assert tidy_text("2023/2/6\n事後\n").notes == []


def _cells_right(records, expected) -> float:
    right = sum(
        squash(getattr(r, f)) == squash(e[f]) for r, e in zip(records, expected, strict=True) for f in SIX
    )
    return right / (6 * len(expected))


def test_spaced_out_seed_reads_like_the_seed(tmp_path):
    seed = (SAMPLES / "seed" / "input.txt").read_text("utf-8")
    path = tmp_path / "spaced.txt"
    path.write_text("\n".join(" ".join(ln) for ln in seed.split("\n")), "utf-8")
    expected = json.loads((SAMPLES / "seed" / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(path)
    assert len(result.records) == len(expected)
    assert _cells_right(result.records, expected) == 1.0
    assert any("space between every character" in n for n in result.notes)


@pytest.mark.parametrize("dash", ["\u2212", "ー", "\u2010", "－", "／", "."])
def test_look_alike_dash_dates_start_rows(tmp_path, dash):
    seed = (SAMPLES / "seed" / "input.txt").read_text("utf-8")
    text = re.sub(r"^(\d{4})/(\d{1,2})/(\d{1,2})$", rf"\1{dash}\2{dash}\3", seed, flags=re.M)
    assert text != seed
    path = tmp_path / "dashes.txt"
    path.write_text(text, "utf-8")
    expected = json.loads((SAMPLES / "seed" / "expected" / "records.json").read_text("utf-8"))
    records = extract_document(path).records
    assert [r.change_date for r in records] == [e["change_date"] for e in expected]


@pytest.mark.parametrize("family", ["pdftotext-layout", "pdftotext-raw", "pypdfium2"])
def test_text_spaced_out_a_character_at_a_time_reads_like_the_original(tmp_path, family):
    """Every character followed by a space, spaces and column gaps included (so a -layout text's
    column offsets double): each line is restored exactly, and the records are the original's."""
    src = SAMPLES / "office" / f"calc-juki-{family}" / "input.txt"
    text = src.read_text("utf-8")
    spaced = tmp_path / "spaced.txt"
    spaced.write_text("\n".join(" ".join(line) for line in text.split("\n")), "utf-8")
    six = ("change_date", "item", "before", "after", "timing", "explanation")
    want = [tuple(getattr(r, f) for f in six) for r in extract_document(src).records]
    res = extract_document(spaced)
    got = [tuple(getattr(r, f) for f in six) for r in res.records]
    assert got == want
    assert any("space between every character" in n for n in res.notes)


def test_japanese_spaced_out_with_digits_as_they_were(tmp_path):
    """A space put between every two Japanese characters only (document-sharing sites): dates
    such as ``平 成30年4月1日`` are joined, a date and a trailing 事前 / 事後 keep their space."""
    text = "平 成30年4月1日\n特 定 個 人 情 報\n新 規 追 加 事 後\n事 後\n基 本 情 報\n"
    assert despace_text(text)[0] == "平成30年4月1日\n特定個人情報\n新規追加 事後\n事後\n基本情報\n"
    seed = (SAMPLES / "seed" / "input.txt").read_text("utf-8")
    japanese = re.compile(r"(?<=[^\x00-\x7f\s])(?=[^\x00-\x7f\s])")
    path = tmp_path / "spaced.txt"
    path.write_text("\n".join(japanese.sub(" ", ln) for ln in seed.split("\n")), "utf-8")
    expected = json.loads((SAMPLES / "seed" / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(path)
    assert len(result.records) == len(expected)
    assert _cells_right(result.records, expected) >= 0.9


def test_cells_glued_by_the_spacing_get_their_space_back():
    """Spaced out without the text's own spaces (``令 和 5 年 4 月 1 日 Ⅰ 基 本 情 報``), a date
    opening the line and 事前 / 事後 opening or ending it are cells of their own; a date or 事前
    going on with a particle is a sentence."""
    lines = [
        "令和5年4月1日Ⅰ基本情報",
        "事後システム機能の追加に伴う",
        "市民課事前",
        "事前に申請した者",
        "令和5年4月1日から",
    ]
    text = "\n".join(" ".join(ln) for ln in [*lines, "特定個人情報", "基本情報"])
    got = despace_text(text)[0].split("\n")
    assert got[:5] == [
        "令和5年4月1日 Ⅰ基本情報",
        "事後 システム機能の追加に伴う",
        "市民課 事前",
        "事前に申請した者",
        "令和5年4月1日から",
    ]


def _spaced_between_characters(text: str) -> str:
    """A space between every two characters that are not spaces, the text's own spaces and
    column gaps left as they were (how document-sharing sites' viewers print a page)."""
    return "\n".join(re.sub(r"(?<=\S)(?=\S)", " ", ln) for ln in text.split("\n"))


def test_layout_gaps_not_spaced_out_keep_their_width():
    """Spaced between characters only, a ``-layout`` text's column gaps keep their width (some
    of them even): despaced, every line that had no single space of its own comes back as it
    was, its columns where they stood (they were halved before: rows fell apart)."""
    text = (SAMPLES / "office" / "calc-juki-pdftotext-layout" / "input.txt").read_text("utf-8")
    got = despace_text(_spaced_between_characters(text))[0].split("\n")
    lines = text.split("\n")
    assert len(got) == len(lines)
    own_single = re.compile(r"(?<=\S) (?=\S)")
    plain = [i for i, ln in enumerate(lines) if ln.strip() and not own_single.search(ln)]
    assert len(plain) > 20
    assert [got[i] for i in plain] == [lines[i] for i in plain]


def test_label_row_gets_its_spaces_back():
    """The label row despaced into one run (``変更日項目変更前の記載…``) is cut back into its
    labels, so the table is found; other runs of text stay."""
    from piatable.normalize.hygiene import label_spaces

    assert label_spaces("変更日項目変更前の記載変更後の記載提出時期提出時期に係る説明") == (
        "変更日 項目 変更前の記載 変更後の記載 提出時期 提出時期に係る説明"
    )
    assert label_spaces("変更日   項目   変更前の記載   提出時期提出時期に係る説明") == (
        "変更日   項目   変更前の記載   提出時期 提出時期に係る説明"
    )
    assert label_spaces("変更日項目") == "変更日項目"  # two labels are no label row
    assert label_spaces("市民課市民窓口課") == "市民課市民窓口課"


def test_rows_of_pypdfium2_text_spaced_between_characters_are_found(tmp_path):
    """pypdfium2 text of a Writer table spaced between characters: with the label row despaced
    into one run the first rows were taken for text before the table and lost with no note."""
    case = SAMPLES / "office" / "writer-municipal-pypdfium2"
    path = tmp_path / "spaced.txt"
    path.write_text(_spaced_between_characters((case / "input.txt").read_text("utf-8")), "utf-8")
    expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
    result = extract_document(path)
    assert [r.change_date for r in result.records][:2] == [e["change_date"] for e in expected][:2]
    assert len(result.records) == len(expected)


def test_a_period_spaced_out_stays_one_cell():
    """``令和元年 6 月 1 日 から 令和元年 6 月``: a date a particle goes on from is no cell of its
    own (its space goes), and a period whose two ends open alike is no value and its amendment
    (``repeat_spaces`` leaves it whole).  A Writer table's 実施日・期間 row, spaced out, had cut
    its before cell after 1 日 (or after から) at confidence 0.87–0.92 with no flag; the cut the
    reader still makes inside the period's digits now says so."""
    assert join_japanese("令和元年 6 月 1 日 か ら 令 和 元 年 6 月") == "令和元年 6 月 1 日から令和元年 6 月"
    assert join_japanese("令和 5 年 4 月 1 日 Ⅰ 基 本 情 報") == "令和 5 年 4 月 1 日 Ⅰ基本情報"
    assert repeat_spaces("令和元年6月1日から令和元年6月") == "令和元年6月1日から令和元年6月"
    assert repeat_spaces("年１回、評価書の年１回、評価書の記載") == "年１回、評価書の 年１回、評価書の記載"
    case = SAMPLES / "office-spaced23" / "writer-raw22-municipal-nonspace-pdftotext-raw"
    rows = [r for r in extract_document(case / "input.txt").records if "令和元年6月" in r.before]
    assert len(rows) == 1
    assert "column_guess" in rows[0].flags
