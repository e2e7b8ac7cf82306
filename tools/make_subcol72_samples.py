"""Tables whose 項目 is printed over sub-columns keeping one to three heading lines in the left
one, under a sub-label row (項目 / 細項目, 大項目 / 中項目 / 小項目, 評価書の項目 / 細目), some with
comment balloons printed in the page's right margin (branch subcol72).

    python tools/make_subcol72_samples.py                          # both sets
    python tools/make_subcol72_samples.py --set office-subcol72    # or heldout-subcol72

Set XXXIII's w01 kept TWO heading lines left (``Ⅱ特定個人情報ファイルの概要`` / ``６．特定個人情報の
保管・消去``) and the 小項目 right (``①保管場所``) under 項目 / 細項目: the layout texts read the 小項目
into 変更前 (``①部署福祉部 生活福祉課``) or onto the first item line, unwarned.  Its n07 printed
comment balloons in the right margin (Word's markup print): the layout texts glued them to the
explanation, unwarned.  Here the left sub-column holds ``left_lines`` headings of the path
(``make_twocol68_samples._parts``), and a ``comments`` case's pages are widened to make a right
margin where balloons (``担当課: 確認済み`` …) stand beside some rows, drawn with PyMuPDF as
LibreOffice cannot export margin comments; the truth leaves them out.  The writers, cells and
truth are ``make_twocol68_samples``'s; each case is the PDF and the layout family of texts.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_twocol69_samples as tc69
from make_office_samples import SetCase, made_sets_main

SETS = {"office-subcol72": False, "heldout-subcol72": True}
TEXTS = ("pdftotext-layout", "pdftotext-layout-cp932", "pypdf-layout", "pdfplumber-layout", "pypdfium2")
ROWS = (7, 11)
# name -> (maker, label over the sub-columns, sub-labels, sub-column shares, item widening,
# 大項目 merged down, heading lines in the left sub-column, comment balloons in the margin)
TUNING = {
    "sc72-calc-saikoumoku2": ("calc", "項目", ("項目", "細項目"), (0.55, 0.45), 1.4, False, 2, False),
    "sc72-writer-saikoumoku2c": ("writer", "項目", ("項目", "細項目"), (0.6, 0.4), 1.3, False, 2, True),
    "sc72-calc-three": (
        "calc",
        "項目",
        ("大項目", "中項目", "小項目"),
        (0.3, 0.36, 0.34),
        1.5,
        False,
        1,
        False,
    ),
    "sc72-writer-hyoka2": ("writer", "項目", ("評価書の項目", "細目"), (0.58, 0.42), 1.35, True, 2, False),
    "sc72-calc-saikoumoku1c": ("calc", "項目", ("項目", "細項目"), (0.4, 0.6), 1.3, False, 1, True),
}
HELDOUT = {
    "hsc72-writer-saikoumoku2": ("writer", "項目", ("項目", "細項目"), (0.57, 0.43), 1.35, False, 2, False),
    "hsc72-calc-hyoka2c": ("calc", "項目", ("評価書の項目", "細目"), (0.55, 0.45), 1.4, False, 2, True),
    "hsc72-writer-three": (
        "writer",
        "項目",
        ("大項目", "中項目", "小項目"),
        (0.32, 0.34, 0.34),
        1.5,
        False,
        1,
        True,
    ),
    "hsc72-calc-saikoumoku3": ("calc", "項目", ("項目", "細項目"), (0.62, 0.38), 1.45, True, 3, False),
}
# Balloons: who wrote them and what (Word prints ``name: text`` in the margin).
AUTHORS = ("情報政策課", "総務課", "山田", "審査担当", "課長補佐")
REMARKS = (
    "課長確認済み（2/3）",
    "法令番号を再確認",
    "表現を統一すること",
    "前回評価書と照合済み",
    "要確認：施行日",
)
# The width (points) the page gains on the right for the balloons, and the balloons' size.
MARGIN_PT = 170.0
BALLOON_PT = 7.0


def _look(name: str, heldout: bool) -> dict:
    rng = random.Random(f"piatable-subcol72-{name}")
    maker, over, sublabels, shares, widen, merged, left, comments = (HELDOUT if heldout else TUNING)[name]
    look = tc69.make_look(rng, heldout, (maker, len(sublabels), sublabels, shares, widen, merged), ROWS)
    # Every row's path deep enough for the left sub-column's headings and one under them.
    look["rows"] = [r for r in look["rows"] if len(r["item"].split("\n")) > left] or look["rows"]
    return look | {"item_label": over, "flat": False, "left_lines": left, "comments": comments}


def _font() -> str:
    """A Japanese TrueType font's file to embed in the balloons (a text extractor without the
    Adobe-Japan1 pack reads no unembedded CJK font)."""
    import subprocess

    return subprocess.run(["fc-match", "-f", "%{file}", "IPAexGothic"], capture_output=True, text=True).stdout


def _balloons(pdf: Path, look: dict, rng: random.Random) -> None:
    """Widen each page by ``MARGIN_PT`` on the right (the content untouched, as Word's markup
    print lays the page beside a balloon pane) and write a comment balloon there beside about
    every third row (found by its explanation's first characters), with a dashed leader line
    from the table's edge, as Word prints markup."""
    import fitz

    doc = fitz.open(pdf)
    for page in doc:
        rect = page.rect
        page.set_mediabox(fitz.Rect(0, 0, rect.width + MARGIN_PT, rect.height))
        seen: list[float] = []
        for r in look["rows"]:
            if rng.random() > 0.4:
                continue
            hits = page.search_for(str(r["explanation"])[:6])
            if not hits or any(abs(hits[0].y0 - y) < 30 for y in seen):
                continue
            y = hits[0].y0
            seen.append(y)
            x = rect.width + 8
            text = f"{rng.choice(AUTHORS)}: {rng.choice(REMARKS)}"
            box = fitz.Rect(x, y - 2, rect.width + MARGIN_PT - 10, y + 2 * BALLOON_PT + 4)
            page.draw_rect(box, color=(0.8, 0.2, 0.2), width=0.6)
            page.draw_line((rect.width - 30, y + 4), (x, y + 4), color=(0.8, 0.2, 0.2), dashes="[2] 0")
            page.insert_textbox(
                box, text, fontsize=BALLOON_PT, fontname="balloon", fontfile=_font(), color=(0.4, 0, 0)
            )
    doc.subset_fonts()
    data = doc.tobytes(garbage=3, deflate=True)
    doc.close()
    pdf.write_bytes(data)


def _cases(work: Path, heldout: bool) -> Iterator[SetCase]:
    """Each case (``make_twocol69_samples.look_cases``), balloons drawn on a ``comments`` case's PDF."""

    def touch(name: str, pdf: Path, look: dict) -> None:
        if look["comments"]:
            _balloons(pdf, look, random.Random(f"piatable-subcol72-balloons-{name}"))

    return tc69.look_cases(work, HELDOUT if heldout else TUNING, lambda name: _look(name, heldout), touch)


README = """# {name}: 項目 sub-columns keeping 1–3 headings left, margin comments (branch subcol72)

Tables whose 項目 is printed over sub-columns under a sub-label row (項目 / 細項目, 大項目 / 中項目 /
小項目, 評価書の項目 / 細目), the left sub-column keeping one to three heading lines of the path
(`left_lines`; set XXXIII w01 kept two), the 大項目 merged down or repeated, Calc and Writer; a
`comments` case has its pages widened and comment balloons drawn in the right margin (set XXXIII
n07), which the truth leaves out.  The truth item is the sub-columns' text joined top to bottom
with line breaks.  Each case is the PDF and the layout family of texts (and pypdfium2's).

`samples/office-subcol72` (tuning); `samples/heldout-subcol72` (held out: measure on it, never
tune on it).

    python tools/make_subcol72_samples.py
    python tools/eval_office.py samples/office-subcol72 samples/heldout-subcol72 --total
"""


def main(argv: list[str] | None = None) -> int:
    """Make the sets named with ``--set`` (both by default); 0."""
    return made_sets_main(argv, __doc__, SETS, _cases, TEXTS, README)


if __name__ == "__main__":
    raise SystemExit(main())
