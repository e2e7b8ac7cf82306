"""Punctuation look-alikes of OCR'd text put right from the script and the document's style
(extract/ocr/punctuation.py).

The two scans' words are tesseract's own reads (jpn, through piatable's strips), kept gzipped in
tests/data/ocr_punctuation: samples/office-scanmerge/calc-sm-zeimu and samples/office-era17/
calc-era-juki, each scanned at 200 dpi by tools/bench_scan.py (turned, noise, JPEG).
"""

from __future__ import annotations

import gzip
import json

import pytest

from piatable.extract.ocr.punctuation import document_style, fix_line, pair_bracket_widths
from piatable.normalize.tokenizer import default_tokenizer

from .conftest import ROOT
from .truth_files import truth_files, verdicts

DATA = ROOT / "tests" / "data" / "ocr_punctuation"


def _records(name: str) -> list[dict]:
    from piatable.extract.ocr.page_scan import PageScan
    from piatable.extract.ocr.reader import scans_to_reading
    from piatable.pipeline import reading_to_result
    from piatable.settings import Settings

    folder = DATA / name
    scans = []
    for meta in sorted(folder.glob("page-*.json.gz")):
        tsv = meta.with_name(meta.name.replace(".json.gz", ".tsv.gz"))
        scans.append(
            PageScan.from_json(
                json.loads(gzip.decompress(meta.read_bytes()).decode("utf-8")),
                gzip.decompress(tsv.read_bytes()).decode("utf-8"),
            )
        )
    pages = int((folder / "done").read_text("utf-8"))
    settings = Settings()
    reading = scans_to_reading(scans, "pdf-ocr", pages, settings.ocr)
    return [r.to_dict() for r in reading_to_result(reading, name, settings).records]


def _raw_text(name: str) -> str:
    return "".join(
        line.split("\t")[11]
        for tsv in sorted((DATA / name).glob("page-*.tsv.gz"))
        for line in gzip.decompress(tsv.read_bytes()).decode("utf-8").splitlines()[1:]
    )


def test_a_ruling_read_as_a_bar_after_the_text_is_dropped() -> None:
    # Tesseract read the cell's right ruling as ``|`` after 修正.
    assert "修正|" in _raw_text("sm_zeimu_200")
    explanations = [r["explanation"] for r in _records("sm_zeimu_200")]
    assert explanations.count("委託内容の拡大に伴う修正") == 6
    assert not [e for e in explanations if "|" in (e or "")]


def test_a_bullet_read_as_a_dash_opens_its_line_as_a_bullet() -> None:
    # The bullet ・ before システム上 was read as a hyphen.
    assert "。-システム上" in _raw_text("era_juki_200")
    records = _records("era_juki_200")
    befores = [r["before"] for r in records]
    assert "・システム上、管理権限を与えられた者以外は情報の複製ができない仕組みとしている。" in befores
    corrected = next(r for r in records if r["before"].startswith("・システム上"))
    assert "ocr_corrected" in corrected["flags"]


@pytest.mark.parametrize(
    ("line", "previous", "fixed"),
    [
        ("市民窓口課|", "", "市民窓口課"),
        ("－システム上、管理", "", "・システム上、管理"),
        ("ー室への入室は", "サーバ", "ー室への入室は"),  # a long vowel wrapped
        ("ータセンター", "デし", "ータセンター"),
        ("－サーバーラック", "し", "・サーバーラック"),
        ("- USBメモリ等の外部記録媒体", "", "・USBメモリ等の外部記録媒体"),
        ("-1", "", "-1"),
        ("より管理している.・データ", "", "より管理している。・データ"),
        ("部署名の変更．重大な", "", "部署名の変更重大な"),
        ("【内部監査】.情報", "", "【内部監査】情報"),
        ("５．.特定個人情報", "", "５．特定個人情報"),
        ("を．特定個人情報", "", "を．特定個人情報"),  # perhaps ４． misread
        ("１．運用における措置", "", "１．運用における措置"),
        ("〒123-4567 電話 0123-45-6789", "", "〒123-4567 電話 0123-45-6789"),
        ("情報提供，照会", "", "情報提供、照会"),
        ("保管･消去", "", "保管・消去"),
        ("注意喚起している。、", "", "注意喚起している。"),
        ("意見が１件あった。の", "", "意見が１件あった。"),
        ("あった。その後", "", "あった。その後"),
    ],
)
def test_lines(line: str, previous: str, fixed: str) -> None:
    assert fix_line(line, True, True, default_tokenizer(), previous) == fixed


def test_a_document_that_writes_dots_keeps_them() -> None:
    assert fix_line("変更した．次に，", False, False, default_tokenizer()) == "変更した．次に，"


def test_bracket_pairs_take_the_width_of_what_they_enclose() -> None:
    assert pair_bracket_widths("（委託に伴うものを除く。)") == "（委託に伴うものを除く。）"
    assert pair_bracket_widths("(１．研修）\n・年１回") == "（１．研修）\n・年１回"
    assert pair_bracket_widths("（1)被保険者") == "(1)被保険者"
    assert pair_bracket_widths("[○］紙") == "[○］紙"  # a check box's brackets are the form's
    assert pair_bracket_widths("除く。)") == "除く。)"


def test_the_document_style_counts_its_stops() -> None:
    from piatable.models import CellLine, RawRow

    def row(text: str) -> RawRow:
        r = RawRow()
        r.cells["before"] = [CellLine(text=text)]
        return r

    assert document_style([row("行う。管理する。保存する。")]) == (True, False)
    assert document_style([row("行う．管理する．保存する．"), row("行う。")]) == (False, False)


def test_no_truth_cell_of_the_samples_is_changed() -> None:
    st = default_tokenizer()

    def changes(r: dict) -> list[tuple[str, str]]:
        out = []
        for f in ("item", "before", "after", "explanation"):
            lines = str(r.get(f) or "").split("\n")
            fixed = [fix_line(t, True, True, st, lines[j - 1] if j else "") for j, t in enumerate(lines)]
            text = pair_bracket_widths("\n".join(fixed))
            if text != "\n".join(lines):
                out.append((f, text))
        return out

    # Each distinct truth file checked once, its answers counted for every copy (tests/truth_files.py).
    of = verdicts(changes)
    changed = [(path.parent.parent.name, *c) for path, text in truth_files() for cs in of(text) for c in cs]
    assert changed == []


def test_a_colon_between_japanese_and_a_number_is_full_width() -> None:
    # Set XII's 250 dpi scan read 電話：03-1234-5111 with a half-width colon.
    st = default_tokenizer()
    assert fix_line("電話:03-1234-5111", True, True, st) == "電話：03-1234-5111"
    assert fix_line("TEL:03-1234-5111", True, True, st) == "TEL:03-1234-5111"  # after Latin: as read
    assert fix_line("時刻 10:30", True, True, st) == "時刻 10:30"
