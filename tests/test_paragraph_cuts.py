"""Before/after and after/explanation cuts of row-ordered text at a paragraph break one cell may
as well hold (normalize/paragraph_cuts.py; issues 10 and 12, branch stream48).  Real texts of
samples/office-stream48 (LibreOffice Calc and Writer, pypdfium2 and ``pdftotext -raw``, made by
tools/make_stream48_samples.py) and samples/office-raw46."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from piatable import extract_document
from piatable.models import CellLine, RawRow
from piatable.normalize.paragraph_cuts import (
    GLUED_WHY,
    LEAD_WHY,
    LIST_BACK_WHY,
    LIST_WHY,
    SENTENCES_WHY,
    TORN_WHY,
    doubt_paragraph_cuts,
    lead_before_list,
    torn_item,
    unlike_sentences,
)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"


def _read(case: str) -> tuple[list, list[dict]]:
    path = SAMPLES / case / "input.txt"
    truth = json.loads((path.parent / "expected" / "records.json").read_text("utf-8"))
    return extract_document(path).records, truth


def _why(rec) -> str:
    return " ".join(rec.to_dict()["evidence"])


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_an_after_list_read_into_the_explanation_goes_back(tool):
    recs, truth = _read(f"office-stream48/s48-calc-{tool}")
    assert len(recs) == len(truth) == 6
    # Row 4: 変更前 empty, the after a lead and a list (１．２．); Calc's pass 2 prints the lines
    # one under the other, and the reader cut them into before, after and explanation, ``２．…``
    # opening the explanation.  The list's next item goes back to the after cell; the lead stays
    # in the before cell, doubted.
    assert truth[4]["before"] == ""
    assert truth[4]["after"].endswith(
        "１．連携する項目を必要最小限に限定している。\n２．連携の記録を３年間保存している。"
    )
    assert recs[4].before == "宛名システムとの連携は、次の方法により制限している。"
    assert (
        recs[4].after == "１．連携する項目を必要最小限に限定している。\n２．連携の記録を３年間保存している。"
    )
    assert recs[4].explanation == truth[4]["explanation"] == "記載漏れの追記"
    assert LIST_BACK_WHY in _why(recs[4])
    assert "column_guess" in recs[4].flags
    # The rows read right carry no column_guess of this module.
    for rec, t in zip(recs, truth, strict=True):
        if (rec.before, rec.after, rec.explanation) == (t["before"], t["after"], t["explanation"]):
            assert not any(w in _why(rec) for w in (LIST_WHY, LEAD_WHY, SENTENCES_WHY, TORN_WHY))


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_a_before_read_as_the_lead_of_the_after_list_is_doubted(tool):
    recs, truth = _read(f"office-stream48/s48-writer-{tool}")
    # Row 1: a one-paragraph before, an after list (１．２．３．) that rewrites it; Writer prints
    # the before's lines, then the after's, and the reader took the before as the after's lead.
    assert truth[1]["before"] == "採用時の研修において、個人情報の取扱いについて説明している。"
    assert recs[1].before == ""
    assert recs[1].after.startswith("採用時の研修において、個人情報の取扱いについて説明している。\n１．")
    assert "column_guess" in recs[1].flags
    assert LEAD_WHY in _why(recs[1])


@pytest.mark.parametrize("tool", ["pdftotext-raw", "pypdfium2"])
def test_an_after_cells_own_lead_is_not_doubted(tool):
    recs, truth = _read(f"office-raw46/r46-writer-zeimu-{tool}")
    # Row 1: 変更前 empty, the after a lead (…賦課に関する事務を行う。) and a list about other
    # things (①給与支払報告書…): read right, no doubt of this module.
    assert truth[1]["before"] == "" and recs[1].before == ""
    assert "".join(recs[1].after.split()) == "".join(truth[1]["after"].split())
    assert not any(w in _why(recs[1]) for w in (LIST_WHY, LEAD_WHY, SENTENCES_WHY, TORN_WHY))


def _lines(*texts: str, start: int = 1) -> list[CellLine]:
    return [CellLine(t, 1, start + k) for k, t in enumerate(texts)]


def test_the_shapes():
    # One cell's two paragraphs: plain sentences, opening otherwise, few words shared.
    one = ["標準準拠システムの稼働後も、業務データの管理責任は", "本市が負う。"]
    two = ["運用事業者は、本市の許可なく業務データを閲覧しない", "旨を契約で定めている。"]
    assert unlike_sentences(one, two)
    # A changed text: the same opening, or most of the words again.
    assert not unlike_sentences(
        ["情報政策課が、各課の運用状況を書面により確認する。"], ["情報政策課が、書面及び実地により確認する。"]
    )
    assert not unlike_sentences(["半年に一度、点検する。"], ["毎年、半年に一度、点検する。"])
    # A before that opens with a marker, or an after that closes as 削除: not plain sentences.
    assert not unlike_sentences(["・端末を施錠している。"], ["運用事業者は閲覧しない。"])
    assert not unlike_sentences(["端末を施錠している。"], ["削除"])
    # A lead the list rewrites, and an after's own lead.
    lead = "採用時の研修において、個人情報の取扱いについて説明している。"
    rewritten = [
        "１．採用時及び配属時に、個人情報保護に関する研修を行っている。",
        "２．研修の受講状況を記録している。",
    ]
    assert lead_before_list([lead, *rewritten])
    assert not lead_before_list([lead, "１．端末の更新", "２．回線の増強"])
    assert not lead_before_list(
        ["宛名システムとの連携は、次の方法により制限している。", "１．連携する項目を限定している。"]
    )


def test_a_list_item_torn_in_two():
    item = ["・端末は施錠している。", "①クラウドサービスは、政府の評価制度に登録された", "事業者から"]
    # The item's sentence runs on into the after cell's first line.
    assert torn_item(item, ["調達する。", "②データセンターは国内にある。"])
    # The item ends its sentence, or the after opens a paragraph of its own: no doubt.
    assert not torn_item([*item[:2], "事業者から調達する。"], ["運用を委託する。"])
    assert not torn_item(item, ["②データセンターは国内にある。"])
    # A before that is one plain paragraph is no list item.
    assert not torn_item(["クラウドサービスは、政府の評価制度に登録された", "事業者から"], ["調達する。"])


def test_a_cut_the_text_marks_is_left_alone():
    row = RawRow()
    row.cells["before"] = _lines("標準準拠システムの稼働後も、本市が負う。")
    row.cells["after"] = _lines("運用事業者は、閲覧しない旨を定めている。", start=2)
    doubt_paragraph_cuts([row])
    assert [d.why for d in row.doubts] == [SENTENCES_WHY, SENTENCES_WHY]
    # On one printed line (two cells on one baseline) the text itself marks the cut.
    row = RawRow()
    row.cells["before"] = _lines("標準準拠システムの稼働後も、本市が負う。")
    row.cells["after"] = _lines("運用事業者は、閲覧しない旨を定めている。")
    doubt_paragraph_cuts([row])
    assert row.doubts == []
    # A row cut by positions is not this module's.
    row = RawRow(positioned=True)
    row.cells["before"] = _lines("標準準拠システムの稼働後も、本市が負う。")
    row.cells["after"] = _lines("運用事業者は、閲覧しない旨を定めている。", start=5)
    doubt_paragraph_cuts([row])
    assert row.doubts == []


def test_an_explanation_opening_with_a_list():
    row = RawRow()
    row.cells["after"] = _lines("半年に一度、点検し、結果を", "記録する。")
    row.cells["explanation"] = _lines(
        "(1)点検の結果は、課内で", "共有する。", "(2)改善する。", "点検方法の明確化", start=3
    )
    doubt_paragraph_cuts([row])
    # The list's items follow one another and a reason of the row's own follows them: back.
    assert [cl.text for cl in row.cells["after"]][2:] == [
        "(1)点検の結果は、課内で",
        "共有する。",
        "(2)改善する。",
    ]
    assert [cl.text for cl in row.cells["explanation"]] == ["点検方法の明確化"]
    assert [(d.kind, d.why) for d in row.doubts] == [("cut_guess", LIST_BACK_WHY)]
    # An explanation that is a list to its end stays, doubted.
    row = RawRow()
    row.cells["after"] = _lines("外部記録媒体の持出しを禁止する。")
    row.cells["explanation"] = _lines("①規程の改正による追記", "②重大な変更に該当しない", start=2)
    doubt_paragraph_cuts([row])
    assert [cl.text for cl in row.cells["explanation"]] == [
        "①規程の改正による追記",
        "②重大な変更に該当しない",
    ]
    assert [(d.kind, d.field) for d in row.doubts] == [
        ("column_guess", "after"),
        ("column_guess", "explanation"),
    ]
    # A timing printed between the after cell and the explanation marks the cut: nothing done.
    row = RawRow()
    row.cells["after"] = _lines("外部記録媒体の持出しを禁止する。")
    row.cells["timing"] = _lines("事後", start=2)
    row.cells["explanation"] = _lines("①規程の改正による追記", "②重大な変更に該当しない", start=3)
    doubt_paragraph_cuts([row])
    assert row.doubts == []


def test_a_one_line_before_glued_to_the_after_is_parted():
    # Writer prints a one-line before and the after's first line on one baseline; the reader
    # took that printed line and the after's next lines as the before.
    row = RawRow()
    row.cells["before"] = _lines("監査を行う。 情報政策課が年に一度", "監査を行う。")
    row.cells["after"] = _lines("結果は委員会に報告する。", start=3)
    doubt_paragraph_cuts([row])
    assert [cl.text for cl in row.cells["before"]] == ["監査を行う。"]
    assert [cl.text for cl in row.cells["after"]] == [
        "情報政策課が年に一度",
        "監査を行う。",
        "結果は委員会に報告する。",
    ]
    assert [(d.kind, d.why) for d in row.doubts] == [("cut_guess", GLUED_WHY)]
    # A before of one printed line (nothing below it) is left as it is.
    row = RawRow()
    row.cells["before"] = _lines("監査を行う。 情報政策課が行う。")
    row.cells["after"] = _lines("結果は委員会に報告する。", start=3)
    doubt_paragraph_cuts([row])
    assert [cl.text for cl in row.cells["before"]] == ["監査を行う。 情報政策課が行う。"]


def test_marked_paragraphs_after_the_list_go_back_with_it():
    row = RawRow()
    row.cells["after"] = _lines("＜庁舎における措置＞")
    row.cells["explanation"] = _lines(
        "①サーバ室は施錠する。",
        "②入室を記録する。",
        "＜委託先における措置＞",
        "・立入りを制限する。",
        "移行に伴う",
        "変更",
        start=2,
    )
    doubt_paragraph_cuts([row])
    assert [cl.text for cl in row.cells["explanation"]] == ["移行に伴う", "変更"]
    assert [cl.text for cl in row.cells["after"]][-2:] == ["＜委託先における措置＞", "・立入りを制限する。"]
    # Marked paragraphs to the explanation's end leave it no reason of its own: nothing moves.
    row = RawRow()
    row.cells["after"] = _lines("＜庁舎における措置＞")
    row.cells["explanation"] = _lines(
        "①サーバ室は施錠する。", "＜委託先における措置＞", "・立入りを制限する。", start=2
    )
    doubt_paragraph_cuts([row])
    assert [cl.text for cl in row.cells["after"]] == ["＜庁舎における措置＞"]
    assert "column_guess" in [d.kind for d in row.doubts]
