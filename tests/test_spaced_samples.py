"""Spaced-out office texts (samples/office-spaced23, heldout-spaced23; tools/make_spaced23_samples.py):
the committed cases are what the generator makes of the committed LibreOffice texts, and the
hygiene gives back the unspaced text where the spacing left the evidence to (issue 10).

Real components: the committed extractor texts of LibreOffice-made PDFs, piatable's reader."""

from __future__ import annotations

import sys

import pytest

from piatable import extract_document
from piatable.extract.text import read_text_with_notes
from piatable.normalize.glued_cells import paired_spaces
from piatable.normalize.hygiene import repeat_spaces
from piatable.normalize.spacing_evidence import SPACES_LOST_NOTE

from .conftest import ROOT, SAMPLES

sys.path.insert(0, str(ROOT / "tools"))
import make_spaced23_samples as mss

TUNING = SAMPLES / "office-spaced23"
SOURCE = SAMPLES / "office-raw22"


@pytest.mark.parametrize("set_name", sorted(mss.SOURCES))
def test_committed_cases_are_the_generators_output(set_name, tmp_path):
    count = mss.build(set_name, tmp_path)
    made = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    committed = SAMPLES / set_name
    assert count == len(list(committed.glob("*/input.txt"))) == 8 * 5 * len(mss.SPACINGS)
    for rel in made:
        assert (committed / rel).read_bytes() == (tmp_path / rel).read_bytes(), rel


def test_spacings_do_what_they_say():
    line = "2023/2/6 市民課  事後"
    assert mss.SPACINGS["every"](line) == "2 0 2 3 / 2 / 6   市 民 課     事 後"
    assert mss.SPACINGS["nonspace"](line) == "2 0 2 3 / 2 / 6 市 民 課  事 後"
    assert mss.SPACINGS["nonspace2"](line) == "2 0 2 3 / 2 / 6  市 民 課    事 後"
    assert mss.SPACINGS["japanese"](line) == "2023/2/6 市 民 課  事 後"
    assert mss.SPACINGS["ideographic"]("事後") == "事\u3000後"


@pytest.mark.parametrize("tool", mss.EXTRACTORS)
@pytest.mark.parametrize("case", ["calc-raw22-juki", "writer-raw22-kokuho"])
def test_ideographic_spacing_gives_back_the_text(case, tool):
    """``"\\u3000".join(line)`` is undone as exactly as ``" ".join(line)``: before, no row of
    these texts was read ("no amendment table found")."""
    want, _ = read_text_with_notes(SOURCE / f"{case}-{tool}" / "input.txt")
    got, notes = read_text_with_notes(TUNING / f"{case}-ideographic-{tool}" / "input.txt")
    # an ideographic space of the source's own comes back as a space
    assert got == want.replace("\u3000", " ")
    assert any("space between every character" in n for n in notes)


@pytest.mark.parametrize("tool", mss.EXTRACTORS)
def test_doubled_own_spaces_are_halved_back(tool):
    """A viewer that doubled the text's own spaces (``nonspace2``, ``japanese2``) leaves them
    tellable from the spacing's single ones: the despaced text is the source (before: two
    spaces where one stood, and the single spaces between cells on a line lost)."""
    source, _ = read_text_with_notes(SOURCE / f"calc-raw22-juki-{tool}" / "input.txt")
    for spacing in ("nonspace2", "japanese2"):
        got, _ = read_text_with_notes(TUNING / f"calc-raw22-juki-{spacing}-{tool}" / "input.txt")
        assert got == source, spacing


def test_ideographic_spaced_text_reads_its_rows():
    res = extract_document(TUNING / "calc-raw22-juki-ideographic-pypdfium2" / "input.txt")
    plain = extract_document(SOURCE / "calc-raw22-juki-pypdfium2" / "input.txt")
    assert len(res.records) == len(plain.records) == 8
    assert [r.to_dict()["after"] for r in res.records] == [r.to_dict()["after"] for r in plain.records]


def test_rows_a_lost_space_may_have_run_together_are_flagged():
    """Spaced between non-space characters only, the text's single spaces between the before, the
    after and the explanation cell of a pypdfium2 line are lost: the after cell takes them all.
    Where the values do not read as one value amended (``株式会社○○システムサービス`` →
    ``○○情報システム株式会社`` end differently) the row says so; a row that says it adds its
    item (an empty before cell beside an after cell closed by 上記を新規追加, or an explanation
    naming an addition) does not."""
    res = extract_document(TUNING / "writer-raw22-juki-nonspace-pypdfium2" / "input.txt")
    assert SPACES_LOST_NOTE in res.notes
    glued = [r for r in res.records if r.after.startswith("株式会社○○システムサービス○○情報")]
    assert len(glued) == 1 and not glued[0].before
    assert "column_guess" in glued[0].flags
    assert any("cannot be told from the spacing" in e for e in glued[0].evidence)
    added = extract_document(TUNING / "writer-raw22-zeimu-nonspace-pypdfium2" / "input.txt").records
    new = [r for r in added if r.after.startswith("・給与支払報告書等の電子データを")]
    assert len(new) == 1 and not new[0].before and new[0].explanation.endswith("追加")
    assert not any("cannot be told from the spacing" in e for e in new[0].evidence)


@pytest.mark.parametrize("spacing", ["nonspace", "japanese"])
@pytest.mark.parametrize("tool", ["pypdfium2", "pdftotext-raw"])
def test_a_value_and_its_amendment_glued_by_the_spacing_are_parted(spacing, tool):
    """``保険年金課国保年金課組織改正による部署``: two values ending alike and matching in order
    (``glued_cells.paired_spaces``) are the before and the after cell, the rest opens the
    explanation; before, the after cell took all three and the before cell stayed empty."""
    res = extract_document(TUNING / f"writer-raw22-kokuho-{spacing}-{tool}" / "input.txt")
    rows = {r.before: r for r in res.records if r.after in ("国保年金課", "国保年金課長")}
    assert set(rows) == {"保険年金課", "保険年金課長"}
    assert rows["保険年金課"].explanation == "組織改正による部署名の変更"
    assert rows["保険年金課長"].explanation == "組織改正による役職名の変更"
    assert paired_spaces("市民部市民課市民生活部市民課組織改正による部") == (
        "市民部市民課 市民生活部市民課 組織改正による部"
    )
    # one value alone, a count range, an item's line and a label row stay whole
    whole = ["市民部市民課長", "10万人以上100万人未満", "システム３①システムの名称"]
    for line in [*whole, "提出時期提出時期に係る説明"]:
        assert paired_spaces(line) == line


def test_an_after_cell_repeating_its_before_cell_is_parted():
    """``国民健康保険情報ファイル国民健康保険情報ファイル``: a despaced piece repeating its opening
    is two cells (``hygiene.repeat_spaces``); before, the after cell took both."""
    res = extract_document(TUNING / "writer-raw22-kokuho-nonspace-pypdfium2" / "input.txt")
    rows = [r for r in res.records if r.after.startswith("国民健康保険情報ファイル")]
    assert len(rows) == 1
    assert rows[0].before == "国民健康保険情報ファイル"
    assert rows[0].after == "国民健康保険情報ファイル\n中間サーバー副本ファイル"
    assert repeat_spaces("年１回、評価書の年１回、評価書の記載") == "年１回、評価書の 年１回、評価書の記載"
    assert repeat_spaces("市民部市民課市民生活部市民課") == "市民部市民課市民生活部市民課"


@pytest.mark.parametrize("spacing", ["every", "nonspace2", "japanese2", "ideographic"])
def test_text_whose_spaces_the_spacing_kept_is_not_flagged(spacing):
    res = extract_document(TUNING / f"writer-raw22-kokuho-{spacing}-pypdfium2" / "input.txt")
    assert SPACES_LOST_NOTE not in res.notes
    assert not any("cannot be told from the spacing" in e for r in res.records for e in r.evidence)


@pytest.mark.parametrize("spacing", ["nonspace", "japanese"])
@pytest.mark.parametrize(
    ("case", "rows"),
    [
        # 令和3年9 / Ⅱ特定個人情報… : a torn date glued to its item, read as prose between tables
        ("office-flow22/f22-writer-juki-pypdfium2", 9),
        # 2019/4/1 事前Ⅰ関連情報 : the timing glued to the item (0 rows, 'no amendment table found')
        ("office-colorder18/co18-writer-4-pypdfium2", 8),
    ],
)
def test_cells_glued_after_a_date_are_parted(case, rows, spacing, tmp_path):
    """Spaced out so that the spaces between a date line's cells were lost, the rows are read as
    in the unspaced text: the date's timing and the item after a torn date are parted again
    (``hygiene.cell_spaces``), and no row is taken for text between two tables."""
    src = SAMPLES / case / "input.txt"
    spaced = tmp_path / "input.txt"
    spaced.write_text(mss.space_text(src.read_text("utf-8"), spacing), "utf-8")
    res = extract_document(spaced)
    plain = extract_document(src)
    assert len(res.records) == len(plain.records) == rows
    assert [r.change_date for r in res.records] == [r.change_date for r in plain.records]
    assert not any("two tables" in n and "Ⅱ" in n for n in res.notes)


def test_glued_cells_are_no_prose_between_tables(tmp_path):
    """A line of a before, an after and an explanation glued by the lost spaces is one run as
    wide as a paragraph; in such a text a paragraph between two tables must end as a sentence
    does, so the row is read (was: the row dropped as 'text between two tables')."""
    src = SAMPLES / "office-colhead17" / "ch17-writer-4-pypdfium2" / "input.txt"
    spaced = tmp_path / "input.txt"
    spaced.write_text(mss.space_text(src.read_text("utf-8"), "japanese"), "utf-8")
    res = extract_document(spaced)
    assert len(res.records) == 6
    assert not any("two tables" in n for n in res.notes)
    assert any("50人以上100人未満" in (r.before or "") + (r.after or "") for r in res.records)


def test_choice_values_and_a_deleting_mark_glued_by_the_spacing_are_parted():
    """pypdfium2 text spaced between every two characters glues a row's one-line cells:
    ``[50人以上100人未満][100人以上500人未満]支所における…`` and ``削除収納事務の…に伴う削除``.  A
    bracketed choice value and a 削除 / 新規追加 opening the run are cells of their own
    (``glued_cells.marked_spaces``): these rows come out whole and unflagged (before: before,
    after and explanation wrong, column_guess).  A check box and its label stay one."""
    import json
    import re

    from piatable.normalize.glued_cells import marked_spaces

    assert marked_spaces("[50人以上100人未満][100人以上500人未満]支所における") == (
        "[50人以上100人未満] [100人以上500人未満] 支所における"
    )
    assert marked_spaces("削除収納事務の委託の終了に伴う削除") == "削除 収納事務の委託の終了に伴う削除"
    for same in ("[○]紙[ ]電子", "[]その他（）", "削除する", "削除等の処理", "[十分である]", "[選択]により"):
        assert marked_spaces(same) == same
    for name, rows in (("calc-kokuho-pypdfium2", (10, 11)), ("calc-zeimu-pypdfium2", (6, 7))):
        case = SAMPLES / "office" / name
        expected = json.loads((case / "expected" / "records.json").read_text("utf-8"))
        text = (case / "input.txt").read_text("utf-8")
        spaced = "\n".join(re.sub(r"(?<=\S)(?=\S)", " ", ln) for ln in text.split("\n"))
        got = [r.to_dict() for r in extract_document_text(spaced)]
        for i in rows:
            for f in ("change_date", "item", "before", "after", "timing", "explanation"):
                assert "".join(str(got[i][f] or "").split()) == "".join(str(expected[i][f] or "").split()), (
                    name,
                    i,
                    f,
                )
            assert "column_guess" not in got[i]["flags"]


def extract_document_text(text: str):
    """Records of ``text`` read as a file would be."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "input.txt"
        path.write_text(text, "utf-8")
        return extract_document(path).records
