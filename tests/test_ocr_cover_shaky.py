"""A cover's agency or name still read with Latin letters after the re-reads
(extract/ocr/cover_page.doubt_shaky)."""

from __future__ import annotations

from piatable.extract.ocr.cover_page import doubt_shaky
from piatable.normalize.cover import DOUBT, check_cover


def test_a_misread_agency_is_left_out_with_the_read_quoted() -> None:
    cover = {"agency": "西川市長I", "assessment_name": "住民基本台帳に関する事務基礎項目評価書"}
    doubt_shaky(cover)
    assert "agency" not in cover
    assert "'西川市長I'" in cover[DOUBT + "agency"] and "left out" in cover[DOUBT + "agency"]
    facts, notes = check_cover(cover)
    assert "agency" not in facts
    assert any("西川市長I" in n for n in notes)


def test_an_earlier_doubt_is_kept_beside_it() -> None:
    earlier = "評価実施機関名 read as '西川市長I' in its cells: check it"
    cover = {"agency": "西川市長I", DOUBT + "agency": earlier}
    doubt_shaky(cover)
    assert cover[DOUBT + "agency"].startswith("評価実施機関名 read as '西川市長I' in its cells")
    assert cover[DOUBT + "agency"].endswith("left out")


def test_a_name_is_kept_doubted_and_a_clean_agency_untouched() -> None:
    cover = {"assessment_name": "ＤＶ等支援措置に関する事務基礎項目評価書", "agency": "西川市長"}
    doubt_shaky(cover)
    assert cover["assessment_name"].startswith("ＤＶ") and "check it" in cover[DOUBT + "assessment_name"]
    assert cover["agency"] == "西川市長" and DOUBT + "agency" not in cover
