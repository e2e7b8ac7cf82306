"""Data-quality flags: the seed's clipped cells, synthetic clipped and whole cells, the other
flags, and the confidence formula."""

from __future__ import annotations

import datetime as dt
import json
import unicodedata

import pytest

from piatable.models import CellLine, RawRow
from piatable.normalize.confidence import features, logit_of
from piatable.normalize.flags import (
    FLAG_NAMES,
    ending_open,
    flag_duplicates,
    heading_cut,
    truncation_evidence,
)
from piatable.normalize.records import row_to_record, rows_to_records
from piatable.pipeline import extract_document
from piatable.settings import Settings

from .conftest import SAMPLES

# The seed's cells clipped by the printed row height (samples/seed/NOTES.md).
SEED_CLIPPED = {(6, "after"), (8, "before"), (8, "after"), (10, "after"), (11, "before")}
SEED_CLIPPED_ENDS = {
    (6, "after"): "のデータについ",
    (8, "before"): "ネットワークを介し",
    (8, "after"): "入力を抑止す",
    (10, "after"): "管理者が確",
    (11, "before"): "進捗状況に合わせて",
}
TEXT_FIELDS = ("item", "before", "after", "explanation")


@pytest.fixture(scope="module")
def seed_records():
    res = extract_document(SAMPLES / "seed" / "input.txt")
    assert res.status == "success"
    return res.records


def truncated_cells(records) -> set[tuple[int, str]]:
    return {(r.row_index, f.split(":", 1)[1]) for r in records for f in r.flags if f.startswith("truncated:")}


def test_seed_clipped_cells_are_flagged(seed_records):
    got = truncated_cells(seed_records)
    # The brief's bar: at least four of the five clipped cells, at most two whole cells.
    assert len(got & SEED_CLIPPED) >= 4, got
    assert len(got - SEED_CLIPPED) <= 2, got
    # What it measures today: all five, none by mistake.
    assert got == SEED_CLIPPED
    for (row, field), end in SEED_CLIPPED_ENDS.items():
        assert getattr(seed_records[row], field).endswith(end)


def test_seed_has_no_other_findings_and_clipped_cells_cost_confidence(seed_records):
    for r in seed_records:
        assert all(f.startswith("truncated:") for f in r.flags), (r.row_index, r.flags)
        # Each truncation verdict says why in the evidence (F8: it once gave no line at all).
        said = {(r.row_index, e.split(":", 1)[0]) for e in r.evidence if ": truncated: " in e}
        assert said == {(r.row_index, f.split(":", 1)[1]) for f in r.flags}, r.evidence
        assert all("close_cut" in e or ": truncated: " in e for e in r.evidence), r.evidence
        assert all(e.split(": truncated: ", 1)[1] for e in r.evidence if ": truncated: " in e)
    # A clipped cell is less sure than the same cell whole would be, and than its row's others.
    for row, field in SEED_CLIPPED:
        cells = seed_records[row].cell_confidence
        assert cells[field] < max(cells.values()), (row, field, cells)


# ----------------------------------------------------------------------------- synthetic cells

NO_START = set("、。，．）」』】＞・ーっゃゅょァィゥェォッャュョ")


def _w(ch: str) -> int:
    return 2 if unicodedata.east_asian_width(ch) in "WFA" else 1


def wrap(text: str, width: int) -> list[str]:
    """Wrap at ``width`` display units with the simplest kinsoku (written apart from normalize/)."""
    lines: list[str] = []
    for para in text.split("\n"):
        cur, cw = "", 0
        for ch in para:
            if cw + _w(ch) > width:
                if ch in NO_START and cur:
                    lines.append(cur[:-1])
                    cur, cw = cur[-1], _w(cur[-1])
                else:
                    lines.append(cur)
                    cur, cw = "", 0
            cur += ch
            cw += _w(ch)
        if cur:
            lines.append(cur)
    return lines


def make_row(cells: dict[str, str], widths: dict[str, int], clip: int | None = None, **kw) -> RawRow:
    row = RawRow(flags=list(kw.get("flags", [])))
    row.cells["change_date"] = [CellLine(kw.get("date", "令和5年2月6日"))]
    timing = kw.get("timing", "事後")
    row.cells["timing"] = [CellLine(timing)] if timing else []
    for f in TEXT_FIELDS:
        lines = wrap(cells.get(f, ""), widths[f])
        row.cells[f] = [CellLine(t) for t in (lines[:clip] if clip else lines)]
    row.widths = dict(widths)
    return row


WIDTHS = {"item": 24, "before": 40, "after": 40, "explanation": 24}
ITEM = "Ⅲリスク対策\n３．特定個人情報の使用\n具体的な管理方法"


def record_of(cells, widths=WIDTHS, clip=None, **kw):
    return rows_to_records([make_row(cells, widths, clip, **kw)], "synthetic.txt", Settings())[0]


# Clipped cells as printed: two full lines of 20 full-width characters that stop mid-word or
# mid-phrase (inside a verb, after a particle or a comma, inside a compound particle, inside a
# katakana word, on a verb stem).
CLIPPED = [
    "・職員は、業務上必要な範囲でのみ端末を操作し、操作の記録を定期的に確",
    "庁舎の入退室はＩＣカードによって管理し、さらに執務室への入室は所属の職員に限定し",
    "届出書類等は、処理の進捗状況に合わせて所定の保管庫へ移すこととし、年限経過後に",
    "端末の利用は所属長の承認を受けた職員に限る。利用の都度、管理簿に記録した上で、",
    "申請データは暗号化した上で送信され、受信後は速やかに基幹システムから情報提供ネットワ",
    "個人番号の利用は法令の範囲内に限り、庁内の他の部署への特定個人情報の提供に関する",
    "取扱いを終えた個人番号付の電子申請データは、担当課において定期的に削除した上で廃棄す",
    "委託先には、再委託の禁止、目的外利用の禁止及び秘密保持の義務を契約書で定めるとと",
]
SHORT_ITEM = "Ⅰ基本情報\n①部署"


def _two_full_lines(text: str) -> tuple[list[str], dict[str, int]]:
    """``text`` printed on two full lines: the body columns as wide as half of it."""
    half = 2 * -(-len(text) // 2)
    for width in (half, half + 2, half + 4):  # kinsoku may push a character down
        lines = wrap(text, width)
        if len(lines) == 2 and all(sum(map(_w, ln)) >= width - 4 for ln in lines):
            return lines, {"item": 24, "before": width, "after": width, "explanation": 24}
    raise AssertionError(f"{text} does not print on two full lines")


@pytest.mark.parametrize("text", CLIPPED)
def test_synthetic_clipped_cells_are_flagged(text):
    _, widths = _two_full_lines(text)
    cells = {"item": SHORT_ITEM, "before": text, "after": "上記を新規追加", "explanation": "運用の見直し"}
    rec = record_of(cells, widths)
    assert rec.before == text
    assert [f for f in rec.flags if f.startswith("truncated:")] == ["truncated:before"], rec.flags
    # The same words printed whole, ending with 。: not flagged.
    whole = text.rstrip("、") + "。"
    rec = record_of({**cells, "before": whole}, widths)
    assert "truncated:before" not in rec.flags
    # Clipped, but with a taller cell beside it (so the row had room below) and no full line:
    # the open ending alone is not enough.
    narrow = {**widths, "before": 120, "after": 120}
    rec = record_of({**cells, "after": "上記を\n新規追加\nした"}, narrow)
    assert "truncated:before" not in rec.flags, rec.flags


@pytest.mark.parametrize(
    "text",
    [
        # Whole cells whose last line is full (the wrap width is the text's own width), ending
        # with a noun, 。, ）, ＞, 新規追加, a verb's plain form, a negation, a question.
        "特定個人情報ファイルの取扱いに関する事務",
        "個人番号カードの交付申請書を印刷し、送付する。",
        "（平成26年11月20日総務省令第85号）",
        "＜サービス検索・電子申請機能における措置＞",
        "上記を新規追加",
        "新規追加",
        "既存住基システムにより管理",
        "記録項目の内容自体には変更はなく、重大な変更に該当しない",
        "評価対象の事務の対象人数は何人か",
        "住民基本台帳ネットワークシステムを利用する",
        "ＬＧＷＡＮ回線を利用したＬＧＷＡＮ",
        "個人番号利用事務等実施者",
    ],
)
def test_synthetic_whole_cells_are_not_flagged(text):
    width = sum(_w(c) for c in text)  # one full line: the hardest case for the rule
    widths = {"item": 24, "before": width, "after": width, "explanation": 24}
    rec = record_of(
        {"item": ITEM, "before": text, "after": text, "explanation": "組織改正による修正"}, widths
    )
    assert not [f for f in rec.flags if f.startswith("truncated:")], (text, rec.flags)
    # The same texts wrapped over several lines, with a taller cell beside them.
    rec = record_of({"item": ITEM, "before": text * 2, "after": "", "explanation": text}, WIDTHS)
    assert not [f for f in rec.flags if f.startswith("truncated:")], (text, rec.flags)


def test_written_tables_clipped_and_whole(tmp_path):
    """The rule generalises: the hand-written tables (not the seed) wrapped at several widths,
    whole (no cell may be flagged) and clipped at every height (mid-paragraph cuts flagged)."""
    s = Settings()
    whole_flagged = whole = cut_flagged = cut = 0
    for name in ("kiso_kokuho", "zenkoumoku_juki", "zenkoumoku_zeimu"):
        for rec in json.loads((SAMPLES / "tables" / f"{name}.json").read_text("utf-8")):
            for bw in (30, 40):
                widths = {"item": 24, "before": bw, "after": bw, "explanation": 24}
                full = {f: wrap(rec[f], widths[f]) for f in TEXT_FIELDS}
                r = row_to_record(make_row(rec, widths), "t", 0, s)
                for f in TEXT_FIELDS:
                    if full[f]:
                        whole += 1
                        whole_flagged += f"truncated:{f}" in r.flags
                for clip in range(1, max(len(v) for v in full.values())):
                    r = row_to_record(make_row(rec, widths, clip), "t", 0, s)
                    for f in TEXT_FIELDS:
                        shown = "".join(full[f][:clip])
                        if len(full[f]) <= clip or any(shown.endswith(p) for p in rec[f].split("\n")):
                            continue  # not clipped, or clipped at a paragraph end (looks whole)
                        cut += 1
                        cut_flagged += f"truncated:{f}" in r.flags
    assert whole > 300 and cut > 400
    assert whole_flagged == 0
    # Measured 56%: a cut inside a noun (…ファイル, …個人情報) reads as whole; 45% is the floor.
    assert cut_flagged / cut >= 0.45, (cut_flagged, cut)


@pytest.mark.parametrize(
    ("text", "open_"),
    [
        ("のデータについ", 1.0),
        ("ネットワークを介し", 1.0),
        ("入力を抑止す", 1.0),
        ("必要に応じて管理者が確", 1.0),
        ("進捗状況に合わせて", 1.0),
        ("個人情報の保護に関する", 1.0),
        ("氏名、住所、", 1.0),
        ("情報提供ネットワ", 0.5),
        ("送付する。", 0.0),
        ("新規追加", 0.0),
        ("重大な変更に該当しない", 0.0),
        ("（機構））", 0.0),
        ("事務の内容", 0.0),
        ("何人か", 0.0),
        ("ＬＧＷＡＮ", 0.0),
        ("その他", 0.0),
        ("住民基本台帳法第７条第８号の２", 0.0),  # a numeral after の is whole (new user F8)
        ("…に関", 0.5),
    ],
)
def test_ending_open(text, open_):
    assert ending_open(text) == open_


def test_heading_cut():
    assert heading_cut("３．入手の際に特定個")
    assert heading_cut("⑦時期・頻")
    assert heading_cut("３．特定個人情報の使")
    assert not heading_cut("②入手方法")
    assert not heading_cut("３．特定個人情報の入手・使用")
    # A whole heading that a longer one extends with a bracketed note is whole.
    assert not heading_cut("リスク１：特定個人情報の漏えい・滅失・毀損リスク")
    # A longer heading goes on from this one (…リスクへの対策は十分か), but not inside a word.
    assert not heading_cut("特定個人情報の漏えい・滅失・毀損リスク")


def test_geometry_evidence():
    """Geometry sources: a last line reaching the right edge and the bottom is clipped; the same
    open ending with room below it is not enough."""
    q = Settings().quality
    text = ["・職員は、業務上必要な範囲でのみ端末を操作し、", "操作の記録を定期的に確"]
    other = ["市民課"]

    def row(reaches_bottom: bool) -> RawRow:
        r = RawRow()
        r.cells["change_date"] = [CellLine("2023/2/6")]
        r.cells["timing"] = [CellLine("事後")]
        r.cells["item"] = [CellLine("Ⅰ基本情報", wraps=False)]
        r.cells["before"] = [CellLine(t, wraps=True) for t in text]
        r.cells["before"][-1].reaches_bottom = reaches_bottom
        r.cells["after"] = [CellLine(t, wraps=False, reaches_bottom=True) for t in other]
        r.widths = dict.fromkeys(r.cells)
        return r

    rec = row_to_record(row(True), "g.pdf", 0, Settings())
    assert "truncated:before" in rec.flags
    ev = truncation_evidence(row(True), rec, "before", q)
    assert {"open", "full_line", "bottom"} <= set(ev)
    rec = row_to_record(row(False), "g.pdf", 0, Settings())
    ev = truncation_evidence(row(False), rec, "before", q)
    assert "room_below" in ev
    # An open ending alone with room below: open + room_below = 2.0 < 2.5 … plus the full
    # line it reaches 3.0; without the full line it is not flagged.
    r = row(False)
    r.cells["before"][-1].wraps = False
    rec = row_to_record(r, "g.pdf", 0, Settings())
    assert "truncated:before" not in rec.flags


# ----------------------------------------------------------------------------- other flags

BASE = {"item": ITEM, "before": "市民部市民課", "after": "市民生活部市民課", "explanation": "組織改正"}


def test_clean_row_has_no_flags():
    rec = record_of(BASE)
    assert rec.flags == []
    assert rec.evidence == []
    # Quiet: no flag, and well above the 0.5 that would ask for a look (a text row's prior is
    # what the samples measure for text rows without a finding).
    assert rec.confidence >= 0.8
    assert min(rec.cell_confidence.values()) >= 0.9


@pytest.mark.parametrize(
    ("kw", "cells", "flag"),
    [
        ({"date": "令和X年2月6日"}, {}, "date_unparsed"),
        ({"date": ""}, {}, "date_unparsed"),
        ({"date": "2012/4/1"}, {}, "date_implausible"),
        ({"date": "2099/4/1"}, {}, "date_implausible"),
        ({"timing": ""}, {}, "timing_missing"),
        ({"timing": "事中"}, {}, "timing_invalid"),
        ({}, {"before": "市民課", "after": "市民課 "}, "before_equals_after"),
        ({}, {"before": "", "after": ""}, "empty_change"),
        ({}, {"item": "よろしくお願いします"}, "item_unknown"),
        ({}, {"item": ""}, "item_unknown"),
        ({"flags": ["row_continued"]}, {}, "row_continued"),
        ({"flags": ["merged_cell_filled"]}, {}, "merged_cell_filled"),
        ({"flags": ["unplaced_text"]}, {}, "unplaced_text"),
    ],
)
def test_row_flags(kw, cells, flag):
    rec = record_of({**BASE, **cells}, **kw)
    assert flag in rec.flags
    # Each flag costs its named weight.
    assert getattr(Settings().quality, f"weight_{flag}") > 0
    assert rec.confidence < record_of(BASE).confidence


def test_dates_inside_the_plausible_range_are_not_flagged():
    assert "date_implausible" not in record_of(BASE, date="2014/1/1").flags
    today = dt.date.today()
    assert "date_implausible" not in record_of(BASE, date=f"{today.year}/{today.month}/{today.day}").flags


def test_ocr_low_confidence():
    row = make_row(BASE, WIDTHS)
    for cells in row.cells.values():
        for k, cl in enumerate(cells):
            cl.conf = 30.0 if k % 2 == 0 else 95.0
    rec = row_to_record(row, "scan.png", 0, Settings())
    assert "ocr_low_confidence" in rec.flags
    for cells in row.cells.values():
        for cl in cells:
            cl.conf = 92.0
    assert "ocr_low_confidence" not in row_to_record(row, "scan.png", 0, Settings()).flags


def test_duplicate_row_and_confidence_formula():
    s = Settings()
    rows = [make_row(BASE, WIDTHS), make_row(BASE, WIDTHS), make_row({**BASE, "after": "市民課"}, WIDTHS)]
    rows[0].confidence = rows[1].confidence = 0.9
    recs = rows_to_records(rows, "d.txt", s)
    assert [("duplicate_row" in r.flags) for r in recs] == [False, True, False]
    assert recs[1].confidence < recs[0].confidence
    # Already-flagged records are not flagged twice.
    assert flag_duplicates(recs, s.quality)[1].flags.count("duplicate_row") == 1


def test_confidence_is_a_logistic_model_of_named_weights():
    q = Settings().quality
    row = make_row(BASE, WIDTHS)
    row.confidence = 0.9
    flags = ["truncated:after", "truncated:before", "timing_missing", "column_order"]
    x = features(row, flags, [])
    want = q.prior_logit - sum(getattr(q, f"weight_{k}", 0.0) * v for k, v in x["row"].items())
    assert logit_of(x["row"], q.prior_logit, q) == pytest.approx(want)
    assert x["row"]["truncated"] == 2  # one term per clipped cell
    # The cell a flag names carries it; the others do not.
    assert "truncated" in x["after"] and "truncated" not in x["item"]
    assert "timing_missing" in x["timing"] and "timing_missing" not in x["before"]
    # A weight of 0 takes the evidence out.
    q2 = Settings().quality
    q2.weight_truncated = 0.0
    assert logit_of({"truncated": 2.0}, 3.0, q2) == 3.0


def test_thresholds_are_settings():
    _, widths = _two_full_lines(CLIPPED[0])
    rows = [make_row({**BASE, "item": SHORT_ITEM, "before": CLIPPED[0]}, widths)]
    assert "truncated:before" in rows_to_records(rows, "x", Settings())[0].flags
    s = Settings()
    s.set("quality.truncated_threshold=99")
    assert not any(f.startswith("truncated:") for f in rows_to_records(rows, "x", s)[0].flags)
    s = Settings()
    s.set("quality.earliest_year=2024")
    assert "date_implausible" in rows_to_records(rows, "x", s)[0].flags


def test_flag_names_are_documented():
    readme = (SAMPLES.parent / "README.md").read_text("utf-8")
    section = readme.split("## Quality flags and report", 1)[1].split("\n## ", 1)[0]
    for name in FLAG_NAMES:
        assert f"`{name}`" in section, name


class _NoTokenizer:
    """A tokenizer that must not be asked."""

    def surfaces(self, text: str):  # type: ignore[no-untyped-def]
        raise AssertionError("tokenizer asked")

    def ends_open(self, text: str) -> bool:
        raise AssertionError("tokenizer asked")


def test_geometry_clears_a_ruled_cell_without_the_tokenizer():
    """A cell between rulings whose last line stops above its bottom was not clipped: the
    truncation flags do not ask the tokenizer (its dictionary is not loaded)."""
    row = RawRow(ruled=True)
    row.cells["change_date"] = [CellLine("2020/4/1", wraps=False)]
    row.cells["after"] = [CellLine("個人番号の入力を抑止す", wraps=True, reaches_bottom=False)]
    row.cells["before"] = [CellLine("なし", wraps=False, reaches_bottom=False)]
    rec = row_to_record(row, "x", 0, Settings(), _NoTokenizer())
    assert not any(f.startswith("truncated") for f in rec.flags)


def test_equal_cells_cut_by_positions_are_content_not_doubt():
    """A grid (PDF, scan, -layout) that placed both cells prints them equal: change_kind says
    ``unchanged`` and no warning is raised; text cut without positions keeps the flag (one cell
    may have been read twice)."""
    cells = {**BASE, "before": "市民課", "after": "市民課"}
    row = make_row(cells, WIDTHS)
    row.positioned = True
    placed = rows_to_records([row], "synthetic.pdf", Settings())[0]
    assert "before_equals_after" not in placed.flags
    assert placed.change_kind == "unchanged"
    streamed = record_of(cells)
    assert "before_equals_after" in streamed.flags and streamed.change_kind == "unchanged"
    assert streamed.confidence < placed.confidence


def _numbered(row: RawRow) -> RawRow:
    """Every line of ``row`` given its place in the text (page 1, one line after another)."""
    n = 0
    for lines in row.cells.values():
        for k, cl in enumerate(lines):
            n += 1
            lines[k] = CellLine(cl.text, 1, n)
    return row


def test_equal_cells_of_their_own_printed_text_are_not_one_cell_read_twice():
    """Flattened text cut without positions: equal before and after cells warn only when they
    may be a mistake (a printed line in both, lines of unknown place, or an explanation that
    states no reason).  Each cell its own piece of a line cut in two (``市民課 市民課``), or its
    own lines, beside a reason is what the table prints."""
    cells = {**BASE, "before": "市民課", "after": "市民課"}
    row = _numbered(make_row(cells, WIDTHS))
    row.cells["before"] = [CellLine("市民課", 1, 70)]
    row.cells["after"] = [CellLine("市民課", 1, 70)]  # the other half of line 70
    own = rows_to_records([row], "synthetic.txt", Settings())[0]
    assert "before_equals_after" not in own.flags and own.change_kind == "unchanged"
    twice = _numbered(make_row(cells, WIDTHS))
    twice.cells["after"] = list(twice.cells["before"])  # the same printed line in both cells
    read_twice = rows_to_records([twice], "synthetic.txt", Settings())[0]
    assert "before_equals_after" in read_twice.flags
    # The explanation opening with no reason (the after cell's rest run into it?) keeps it too.
    spilled = _numbered(make_row({**cells, "explanation": "中間サーバー副本ファイル"}, WIDTHS))
    spilled.cells["before"] = [CellLine("市民課", 1, 70)]
    spilled.cells["after"] = [CellLine("市民課", 1, 70)]
    assert "before_equals_after" in rows_to_records([spilled], "synthetic.txt", Settings())[0].flags


def test_a_section_that_is_a_whole_item_is_not_unknown():
    """基礎項目's Ⅲ しきい値判断結果 is a whole item of its form, printed alone in the 項目 cell: no
    ``item_unknown`` (a new user's 基礎項目 table was warned on right rows); a section that has
    sub-headings in the forms (Ⅱ特定個人情報ファイルの概要), printed alone, still is."""
    from piatable.models import Record
    from piatable.normalize.heading_lexicon import whole_sections
    from piatable.normalize.items import item_path
    from piatable.normalize.records import add_research_fields

    assert whole_sections() == frozenset({"しきい値判断結果"})

    def flags(item: str) -> list[str]:
        r = Record(
            source="x", row_index=0, page_start=1, page_end=1, change_date_raw="2023/4/1",
            item_path=item_path(item), change_date="2023-04-01", item=item, before="[ 基礎項目評価 ]",
            after="[ 重点項目評価 ]", timing="事前", explanation="対象人数の増加",
        )  # fmt: skip
        add_research_fields(r)
        return r.flags

    assert "item_unknown" not in flags("Ⅲしきい値判断結果")
    assert "item_unknown" not in flags("Ⅲ しきい値判断結果")
    assert "item_unknown" in flags("Ⅱ特定個人情報ファイルの概要")
