"""pdfplumber ``extract_text()`` text of tables whose authors typed short column labels (``変更前``
/ ``変更後`` / ``説明``) and of before / after lines that end alike (branch plumber52), on the real
texts of samples/office-plumber52 (tools/make_plumber52_samples.py: Gnumeric ``ssconvert``)."""

from __future__ import annotations

import json
from pathlib import Path

from piatable.extract import plumber_text
from piatable.extract.plumber_cells import twin_joins
from piatable.extract.plumber_dates import unglue_dates
from piatable.extract.plumber_labels import label_block
from piatable.pipeline import extract_document

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GNUMERIC = SAMPLES / "office-plumber52" / "p52-gnumeric-v2-pdfplumber"


def _lines(path: Path) -> list[list[str]]:
    text = path.read_text("utf-8")
    return [plumber_text._fragments(ln) for ln in text.replace("\f", "\n").split("\n")]


def test_short_labels_wrapped_over_two_lines_are_the_label_row():
    """Gnumeric prints ``変更日 項目 変更前 変更後 提出 説明`` / ``時期``: the short labels spell the
    row (on the base only 変更日, 項目 and 提出時期 did: no label row, the text was not taken for
    pdfplumber's and no row was read)."""
    lines = _lines(GNUMERIC / "input.txt")
    assert lines[1] == ["変更日", "項目", "変更前", "変更後", "提出", "説明"] and lines[2] == ["時期"]
    block = label_block(lines, 1)
    assert block == [{0: "変更日", 1: "項目", 2: "変更前", 3: "変更後", 4: "提出", 5: "説明"}, {4: "時期"}]
    assert plumber_text.is_plumber_text((GNUMERIC / "input.txt").read_text("utf-8"))


def test_a_label_row_still_needs_four_labels_in_full():
    assert label_block([["変更前", "変更後", "説明"]], 0) is None
    assert label_block([["変更", "項目", "記載", "説明"]], 0) is None


def test_gnumeric_table_with_short_labels_is_read():
    """All four rows, every cell right; ``平成31年4月1日 時点 令和3年4月1日 時点`` is cut between
    before and after where the lines end alike (``時点``: ``twin_joins``), not after the first."""
    result = extract_document(GNUMERIC / "input.txt")
    expected = json.loads((GNUMERIC / "expected" / "records.json").read_text("utf-8"))
    assert result.status == "success"
    got = [(r.change_date_raw, r.before, r.after, r.timing) for r in result.records]
    want = [(e["change_date_raw"], e["before"], e["after"], e["timing"]) for e in expected]
    assert got == [tuple(v.replace("\u3000", " ") for v in w) for w in want]
    assert result.records[0].item == "Ⅱしきい値判断項目\n１．対象人数\nいつ時点の計数か"
    assert result.records[0].flags == []


def test_lines_ending_alike_join_as_twins():
    frags = ["R3.4.1", "いつ時点の計数か", "平成31年4月1日", "時点", "令和3年4月1日", "時点", "事後"]
    assert twin_joins(frags, (0, 1, 2, 2, 3, 3, 4)) == {3, 5}
    assert twin_joins(frags, (0, 1, 2, 3, 3, 3, 4)) == set()
    # Different tails join as twins only when the lines open alike.
    assert twin_joins(["a", "b", "c", "d"], (2, 2, 3, 3)) == set()


def test_a_date_head_glued_to_an_items_wrapped_line_is_cut_off():
    """Calc's narrow 変更日 prints ``令和2年10`` beside the item's second line, glued
    (``令和2年10システムによる情報連携``), over ``月1日 ②法令上の根拠``: the date's head is cut off,
    and the row reads its date whole (on the base its date was ``月1日``, unparsed)."""
    path = SAMPLES / "office-plumber52" / "p52-calc-v2-pdfplumber" / "input.txt"
    lines = [plumber_text._fragments(ln) for ln in path.read_text("utf-8").split("\n")]
    i = next(k for k, f in enumerate(lines) if f and f[0].startswith("令和2年10システム"))
    assert unglue_dates(lines[i : i + 2])[0][:2] == ["令和2年10", "システムによる情報連携"]
    # No date's rest under it: nothing is cut.
    assert unglue_dates([["令和2年10システムによる"], ["②法令上の根拠"]]) == [
        ["令和2年10システムによる"],
        ["②法令上の根拠"],
    ]
    first = extract_document(path).records[0]
    assert (first.change_date_raw, str(first.change_date)) == ("令和2年10月1日", "2020-10-01")
    assert first.item == "Ⅰ関連情報\n５．情報提供ネットワークシステムによる情報連携\n②法令上の根拠"
