"""Session 48's scan kinds (issues 11/12, set VIII: OCR text rewritten without a warning): a
placeholder's circle (〇〇 or ○○, which a scan cannot tell) flagged rather than guessed, a 和暦
date's full-width digits kept beside half-width 西暦 dates, the list mark エ kept katakana, a
katakana word after a bracket kept whole (（マイナンバー…）) and a numbering's stop in its digits'
width.  samples/office-ocr48 is made by tools/make_ocr48_samples.py (tuning set); read from the
committed tesseract reads."""

from __future__ import annotations

import pytest

from piatable.extract.ocr.corrections import drop_double_reads
from piatable.extract.ocr.engine import TsvWord
from piatable.extract.ocr.lone_katakana import lone_katakana_in_lines
from piatable.extract.ocr.number_widths import ERA_DATE, even_counted_numbers, kind_votes
from piatable.extract.ocr.placeholder_forms import flag_placeholder_forms
from piatable.extract.ocr.structure_fixes import even_numbering
from piatable.extract.ocr.symbol_fixes import fix_symbols
from piatable.extract.ocr.widths import normalize_widths
from piatable.models import CellLine, RawRow
from piatable.settings import Settings

from .conftest import SAMPLES
from .test_scan_own_numbering import read_scan_folder, scan_set_cells

SET = SAMPLES / "office-ocr48"
CASES = ["writer-mincho-200-t1", "calc-gothic-300-t2"]


@pytest.fixture(scope="module")
def reads() -> dict[str, tuple[list[dict], list[dict]]]:
    return {name: read_scan_folder(SET / name) for name in CASES}


@pytest.mark.parametrize("name", CASES)
def test_a_placeholder_circle_is_flagged_not_guessed(reads, name):
    got, _ = reads[name]
    assert got[0]["before"].startswith(("○○市市民部", "○市市民部"))
    assert "ocr_suspect:before" in got[0]["flags"]


@pytest.mark.parametrize("name", CASES)
def test_an_era_date_keeps_its_full_width_digits(reads, name):
    got, expected = reads[name]
    assert got[0]["explanation"] == expected[0]["explanation"]
    assert got[0]["explanation"] == "システム更改に伴う変更（令和５年１月運用開始）"
    assert got[2]["explanation"] == "認証方法の強化（令和６年４月実施）"
    assert got[1]["explanation"] == "2023年11月24日付けの事務の追加"


@pytest.mark.parametrize("name", CASES)
def test_list_marks_and_a_bracketed_katakana_word_stay(reads, name):
    got, _ = reads[name]
    lines = got[1]["after"].split("\n")
    assert [line[:1] for line in lines[:4]] == ["ア", "イ", "ウ", "エ"]
    assert lines[3].startswith("エ転出届の特例（マイナンバーカードを利用")


def test_the_tuning_set_figures():
    """Measured (tools/bench_scan_sets.py samples/office-ocr48): 25 → 30 of 36 cells right,
    every wrong row warned, no row lost."""
    right, cells = scan_set_cells(SET, CASES)
    assert right >= 30 and cells == 36


def _row(**cells: str) -> RawRow:
    return RawRow({c: [CellLine(t, 1, k) for k, t in enumerate(v.split("\n"))] for c, v in cells.items()})


def test_placeholder_cells_get_a_doubt_and_check_boxes_do_not():
    rows = [_row(before="〇〇市総務課", after="[○]紙\n[ ]その他")]
    rows.append(_row(before="○の市市民課", after="○住民票"))
    rows.append(_row(before="○市総務部総務課", after="〒234-5678\n○C町役場通り", explanation="○市民課の新設"))
    notes = flag_placeholder_forms(rows)
    assert [(d.kind, d.field) for d in rows[0].doubts] == [("ocr_suspect", "before")]
    assert [(d.kind, d.field) for d in rows[1].doubts] == [("ocr_suspect", "before")]
    assert [d.field for d in rows[2].doubts] == ["before", "after"]
    assert "U+3007" in rows[0].doubts[0].why and notes == [
        "4 OCR cell(s) with a placeholder whose circle (○ or 〇) is a guess (ocr_suspect)"
    ]


def test_era_dates_are_a_width_kind_of_their_own():
    assert set(kind_votes("（令\n和５年１月運用開始）")) == {ERA_DATE}
    assert set(kind_votes("2023年11月24日")) == {"date"}
    # The western dates' longer numbers (half width) say nothing of an era date's lone digits.
    text = "（令和５年１月運用開始）"
    assert even_counted_numbers(text, longer={"date": [6, 0]}) == text
    # An era date's own longer numbers still do (令和5年11月: the 11 measured by its pitch).
    assert even_counted_numbers("令和５年11月２日") == "令和5年11月2日"


def test_a_list_mark_stays_katakana_in_joined_lines():
    lines = ["ア住民票の記載等", "イ住民票の写し等の交付", "ウ転出証明書の交付", "エ転出届の特例"]
    assert lone_katakana_in_lines(lines) == "".join(lines)
    # Not a list (no ア … ウ before it): エ between kanji is the kanji 工.
    assert lone_katakana_in_lines(["製品の加", "エ工程"]) == "製品の加工工程"


def test_a_katakana_word_after_a_bracket_is_kept_whole():
    assert drop_double_reads("エ転出届の特例（マイナンバー") == "エ転出届の特例（マイナンバー"
    assert drop_double_reads("＜ズサービス検索・電子申請") == "＜サービス検索・電子申請"


def test_a_numbering_stop_takes_its_full_width_digits_width():
    rows = [_row(after="１.新規採用職員\n２.全職員を対象に")]
    assert even_numbering(rows) == 2
    assert [cl.text for cl in rows[0].cells["after"]] == ["１．新規採用職員", "２．全職員を対象に"]


def test_letters_on_a_line_not_set_to_ink_take_their_sure_width():
    """Set VIII's w1 (200 dpi Gothic Writer), its boxes as tesseract gave them: 退職者の1Dは on a
    line whose boxes it stretched (not set to ink; 1D measured 0.72 em a letter, under
    ``full_advance_em``) read half width while the page's 1D set to their ink stand an em apart."""
    words = [
        TsvWord(ch, 700 + 24 * k, 100, 20, 20, 99.0, (1, 1, 1), k, True) for k, ch in enumerate("職員は")
    ]
    words += [TsvWord("1", 780, 100, 4, 18, 99.0, (1, 1, 1), 3, True)]
    words += [TsvWord("D", 798, 100, 16, 18, 99.0, (1, 1, 1), 4, True)]
    words += [
        TsvWord(ch, 820 + 24 * k, 100, 20, 20, 99.0, (1, 1, 1), 5 + k, True)
        for k, ch in enumerate("及びパス")
    ]
    stretched = [("退", 760, 22), ("職", 785, 40), ("者", 827, 24), ("の", 852, 17), ("1", 868, 20)]
    stretched += [("D", 887, 17), ("は", 903, 32), ("速", 934, 30), ("や", 963, 10)]
    words += [
        TsvWord(ch, x, 140, w, 20, 99.0, (1, 1, 2), 20 + k, False) for k, (ch, x, w) in enumerate(stretched)
    ]
    text = "".join(w.text for w in normalize_widths(words, Settings().ocr))
    assert text == "職員は１Ｄ及びパス退職者の１Ｄは速や"


def test_a_slash_read_as_no_and_an_underscore_between_kanji():
    # Set VII's c01: ＩＤ／パスワード read ＩＤノパスワード, 設置 wrapped with an underline's speck.
    assert fix_symbols("アクセスはＩＤノパスワードによる") == "アクセスはＩＤ／パスワードによる"
    assert fix_symbols("IDノパスワード") == "ID/パスワード"
    assert fix_symbols("データセンターに設_\n置した") == "データセンターに設\n置した"
    assert fix_symbols("アノマリー検知") == "アノマリー検知"
