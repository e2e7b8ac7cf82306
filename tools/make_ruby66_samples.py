"""Amendment tables with ruby (furigana) printed over some of their words, and the texts other
extractors give of them (session 66, branch ruby66).

    python tools/make_ruby66_samples.py                          # both sets
    python tools/make_ruby66_samples.py --set office-ruby66      # or heldout-ruby66

The last release's unseen tester printed a table from HTML with ``<ruby>`` (``<ruby>主務省令
<rt>しゅむしょうれい</rt></ruby>``) in Chromium: the PDF's text layer holds the readings as small
characters above their base words, and every reader put them into the cells, unwarned
(``しゅむしょうれい番号法第１９条…`` at confidence 0.963).  Each set holds:

- ``rb66-chrome-<table>`` (two tables): Chromium ``--print-to-pdf`` of an HTML table (the look
  of tools/make_chromium54_samples.py) whose words carry ``<ruby><rt>``;
- ``rb66-writer-<table>`` (two tables): a Writer table (``make_office_samples.plain_case``)
  whose .docx carries ``w:ruby`` runs (python-docx has no API for them: written here as XML),
  exported by LibreOffice;
- ``<case>-<tool>``: the texts of ``TEXTS`` of each PDF;
- ``<case>-scan`` for the first Chromium and the first Writer case: its pages rendered grey by
  poppler at ``SCAN_DPI`` and saved as a PDF of JPEG pages, in the sets ``office-rubyscan66`` /
  ``heldout-rubyscan66`` (scan sets are measured by naming them).

Ruby words are kanji words of a cell (SudachiPy's split mode C words of kanji only, two or more
characters, whose reading is known) in 項目 / 変更前 / 変更後 / 説明, chosen by an RNG seeded with
the case's name: in ``RUBY_ROW_SHARE`` of the rows, ``RUBY_PER_CELL`` words in a cell.  Each case
draws a ruby style (``STYLES``): ``group`` (the word's reading over the whole word), ``mono``
(the reading cut into one piece per kanji, each over its kanji: 1-2 kana a kanji) and ``gloss``
(group ruby, and words read wider than they are printed: the reading of a two-kanji word, four
kana or more); and a ruby size (``RUBY_SIZES``, a share of the base size).  The held-out set
prints the held-out tables in the held-out looks, with other sizes (``HELD_RUBY_SIZES``) and
Chromium's ruby also under its base (``ruby-position: under``) in one case.

The truth of every case is the table without ruby (the readings are no cell's text).  Pages of
the truth are found in the text of the PDF's characters of the base size (ruby left out).
"""

from __future__ import annotations

import copy
import html
import random
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_chromium54_samples as c54
import make_office_samples as mos
from make_ocr65_samples import _jpeg, _save_pdf
from make_pdfs import EXTRACTORS, extract_text
from make_scan54_samples import pages_of

ROOT = Path(__file__).resolve().parent.parent
SETS = {"office-ruby66": False, "heldout-ruby66": True}
TEXTS = (*EXTRACTORS, "pdfplumber", "pymupdf")
ROWS = (9, 11)
STYLES = ("group", "mono", "gloss")
RUBY_SIZES = (0.5, 0.6)
HELD_RUBY_SIZES = (0.5, 0.55)
RUBY_ROW_SHARE = 0.6
RUBY_PER_CELL = (1, 2)
RUBY_FIELDS = ("item", "before", "after", "explanation")
SCAN_DPI = 300
# A PDF character smaller than this share of the page's median size is a reading (the truth's
# page search leaves it out).
SMALL_SHARE = 0.75

_KANJI = re.compile(r"^[\u4e00-\u9fff々]{2,}$")


def _hira(kata: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "ァ" <= c <= "ヶ" else c for c in kata)


def _tokenizer():  # type: ignore[no-untyped-def]
    from sudachipy import Dictionary, SplitMode

    return Dictionary(dict="small").tokenizer(SplitMode.C)


_TOK = None


def kanji_words(text: str) -> list[tuple[str, str]]:
    """The (word, reading in hiragana) of each kanji-only word of ``text`` (SudachiPy, mode C)."""
    global _TOK
    if _TOK is None:
        _TOK = _tokenizer()
    out = []
    for m in _TOK.tokenize(text):
        s, r = m.surface(), _hira(m.reading_form())
        if _KANJI.match(s) and r and r != s and re.fullmatch(r"[ぁ-ゖー]+", r):
            out.append((s, r))
    return out


def _solo(kanji: str) -> str:
    """SudachiPy's reading (hiragana) of one kanji standing alone ("" when none)."""
    global _TOK
    if _TOK is None:
        _TOK = _tokenizer()
    ms = _TOK.tokenize(kanji)
    return _hira(ms[0].reading_form()) if len(ms) == 1 else ""


def pieces(word: str, reading: str, style: str) -> list[tuple[str, str]]:
    """The (base, ruby) pieces of ``word`` read ``reading``: one piece (``group`` / ``gloss``) or
    one per kanji (``mono``): the word's reading cut where each kanji's own reading (SudachiPy's
    reading of the kanji alone, as its on-yomi often is in a compound) begins it, the last kanji
    taking the rest; a word whose reading does not cut so keeps one piece."""
    if style != "mono":
        return [(word, reading)]
    out, rest = [], reading
    for k, ch in enumerate(word):
        if k == len(word) - 1:
            if not rest:
                return [(word, reading)]
            out.append((ch, rest))
            break
        solo = _solo(ch)
        if not solo or not rest.startswith(solo) or len(solo) == len(rest):
            return [(word, reading)]
        out.append((ch, solo))
        rest = rest[len(solo) :]
    return out


def plan(rows: list[dict], style: str, rng: random.Random) -> dict[tuple[int, str], list[tuple[str, list]]]:
    """{(row, field): [(word, pieces), ...]}: the words of a cell that carry ruby, in order of
    their first place in the cell."""
    out: dict[tuple[int, str], list[tuple[str, list]]] = {}
    for i, r in enumerate(rows):
        if rng.random() >= RUBY_ROW_SHARE:
            continue
        for f in RUBY_FIELDS:
            words = list(dict.fromkeys(kanji_words(r[f])))
            if style == "gloss":
                wide = [w for w in words if len(w[1]) >= 2 * len(w[0])]
                words = wide or words
            if not words or rng.random() < 0.4:
                continue
            chosen = rng.sample(words, min(rng.choice(RUBY_PER_CELL), len(words)))
            chosen.sort(key=lambda w: r[f].find(w[0]))
            out[(i, f)] = [(w, pieces(w, rd, style)) for w, rd in chosen]
    return out


def _marked(text: str, words: list[tuple[str, list]], mark) -> list[tuple[str, object]]:  # type: ignore[no-untyped-def]
    """``text`` cut into plain pieces (str, None) and ruby words (word, pieces): each word at its
    first place after the previous one."""
    out: list[tuple[str, object]] = []
    at = 0
    for w, ps in words:
        k = text.find(w, at)
        if k < 0:
            continue
        if k > at:
            out.append((text[at:k], None))
        out.append((w, ps))
        at = k + len(w)
    if at < len(text):
        out.append((text[at:], None))
    return out


# --- Chromium ---------------------------------------------------------------------------------


def _ruby_html(text: str, words: list[tuple[str, list]]) -> str:
    """The cell's HTML: each planned word's first place in the cell under ``<ruby>`` (once a
    cell, as the Writer cells are)."""
    paras = []
    left = list(words)
    for para in text.split("\n"):
        bits = []
        parts = _marked(para, left, None)
        done = {w for w, ps in parts if ps is not None}
        left = [w for w in left if w[0] not in done]
        for piece, ps in parts:
            if ps is None:
                bits.append(html.escape(piece))
            else:
                inner = "".join(f"{html.escape(b)}<rt>{html.escape(rt)}</rt>" for b, rt in ps)  # type: ignore[union-attr]
                bits.append(f"<ruby>{inner}</ruby>")
        paras.append("".join(bits))
    return "<br>".join(paras)


def chrome_html(rows: list[dict], look: dict, ruby: dict) -> str:
    """The table page of make_chromium54_samples (each row its own date), its cells with ruby."""
    runs = [(i, i + 1, "rs", False) for i in range(len(rows))]
    marked = [dict(r) for r in rows]
    tokens: dict[str, str] = {}
    for (i, f), words in ruby.items():
        token = f"RUBYCELL{len(tokens)}X"
        tokens[token] = _ruby_html(rows[i][f], words)
        marked[i][f] = token
    page = c54._html(marked, runs, look)
    for token, cell in tokens.items():
        page = page.replace(token, cell, 1)
    css = (
        f"rt {{ font-size: {look['ruby_size'] * 100:g}%; }}\n"
        f"ruby {{ ruby-position: {look['ruby_position']}; }}\n"
    )
    return page.replace("</style>", css + "</style>", 1)


def _chrome_cases(heldout: bool) -> list[tuple[str, list[dict], dict, dict]]:
    fonts, sizes, paddings, borders, widths = c54.HELDOUT_CSS if heldout else c54.TUNING_CSS
    out = []
    for k, (table, path) in enumerate(mos._four_tables(heldout)[:2]):
        name = f"{'h' if heldout else ''}rb66-chrome-{table}"
        rng = random.Random(f"piatable-ruby66-{name}")
        pool = mos._printable(mos.load_table(path))
        n = rng.choice(ROWS)
        first = rng.randrange(max(len(pool) - n, 0) + 1)
        c = mos.plain_case(name, pool[first : first + n], "writer", heldout, rng.choice(c54.DATE_STYLES))
        style = STYLES[(k + heldout) % len(STYLES)]
        look = {
            "font": rng.choice(fonts),
            "size": rng.choice(sizes),
            "padding": rng.choice(paddings),
            "border": rng.choice(borders),
            "widths": rng.choice(widths),
            "valign": "top",
            "date_valign": "top",
            "timing_valign": "top",
            "lists": False,
            "break": "auto",
            "ruby_style": style,
            "ruby_size": (HELD_RUBY_SIZES if heldout else RUBY_SIZES)[k % 2],
            "ruby_position": "under" if heldout and k == 1 else "over",
        }
        out.append((name, c.rows, look, plan(c.rows, style, rng)))
    return out


# --- Writer -----------------------------------------------------------------------------------


def _ruby_run(base_run, base: str, rt: str, size_pt: float, share: float):  # type: ignore[no-untyped-def]
    """A ``w:r`` holding one ``w:ruby``: ``rt`` over ``base``, in the run properties of
    ``base_run`` (the ruby at ``share`` of the base size)."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    hps_base = round(size_pt * 2)
    hps = max(round(size_pt * share * 2), 2)
    xml = (
        f'<w:r {nsdecls("w")}><w:ruby><w:rubyPr><w:rubyAlign w:val="distributeSpace"/>'
        f'<w:hps w:val="{hps}"/><w:hpsRaise w:val="{hps_base}"/><w:hpsBaseText w:val="{hps_base}"/>'
        f'<w:lid w:val="ja-JP"/></w:rubyPr>'
        f'<w:rt><w:r><w:rPr><w:sz w:val="{hps}"/><w:szCs w:val="{hps}"/></w:rPr>'
        f"<w:t>{html.escape(rt)}</w:t></w:r></w:rt>"
        f'<w:rubyBase><w:r><w:rPr><w:sz w:val="{hps_base}"/><w:szCs w:val="{hps_base}"/></w:rPr>'
        f"<w:t>{html.escape(base)}</w:t></w:r></w:rubyBase></w:ruby></w:r>"
    )
    el = parse_xml(xml)
    rpr = base_run.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}rPr")
    if rpr is not None:
        el.insert(0, copy.deepcopy(rpr))
    return el


def add_docx_ruby(path: Path, case: mos.Case, ruby: dict, share: float) -> None:
    """The .docx at ``path`` (``mos.write_docx`` of ``case``) with each planned word's run cut
    into plain runs and ``w:ruby`` runs."""
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document(str(path))
    table = doc.tables[0]
    for (i, f), words in ruby.items():
        cell = table.rows[1 + i].cells[mos.SIX.index(f)]
        left = list(words)
        for p in cell.paragraphs:
            for r in list(p._p.findall(qn("w:r"))):
                t = r.find(qn("w:t"))
                if t is None or not t.text:
                    continue
                parts = _marked(t.text, left, None)
                if len(parts) == 1 and parts[0][1] is None:
                    continue
                done = {w for w, ps in parts if ps is not None}
                left = [w for w in left if w[0] not in done]
                for piece, ps in parts:
                    if ps is None:
                        new = copy.deepcopy(r)
                        new.find(qn("w:t")).text = piece
                        new.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                        r.addprevious(new)
                    else:
                        for b, rt in ps:  # type: ignore[union-attr]
                            r.addprevious(_ruby_run(r, b, rt, case.size, share))
                r.getparent().remove(r)
    doc.save(str(path))


def _writer_cases(heldout: bool) -> list[tuple[mos.Case, dict, dict]]:
    out = []
    for k, (table, path) in enumerate(mos._four_tables(heldout)[2:]):
        name = f"{'h' if heldout else ''}rb66-writer-{table}"
        rng = random.Random(f"piatable-ruby66-{name}")
        pool = mos._printable(mos.load_table(path))
        n = rng.choice(ROWS)
        first = rng.randrange(max(len(pool) - n, 0) + 1)
        case = mos.plain_case(name, pool[first : first + n], "writer", heldout=heldout)
        style = STYLES[(k + 1 + heldout) % len(STYLES)]
        look = {"ruby_style": style, "ruby_size": (HELD_RUBY_SIZES if heldout else RUBY_SIZES)[(k + 1) % 2]}
        out.append((case, look, plan(case.rows, style, rng)))
    return out


# --- truth, texts, scans ----------------------------------------------------------------------


def base_page_texts(pdf: Path) -> list[str]:
    """Each page's characters of the base size (a reading's smaller ones left out), in stream
    order, whitespace removed: the text the truth's pages are found in."""
    import statistics

    import pdfplumber

    from piatable.normalize.unicode import clean_text

    with pdfplumber.open(pdf) as doc:
        out = []
        for p in doc.pages:
            sizes = [c["size"] for c in p.chars if c["text"].strip()]
            big = statistics.median(sizes) * SMALL_SHARE if sizes else 0
            text = "".join(c["text"] for c in p.chars if c["size"] >= big)
            out.append(mos.NBSP_FREE.sub("", clean_text(text)))
        return out


def _texts(root: Path, name: str, pdf: Path, expected: list[dict]) -> None:
    for tool in TEXTS:
        folder = root / f"{name}-{tool}"
        (folder / "expected").mkdir(parents=True)
        (folder / "input.txt").write_text(extract_text(pdf, tool), "utf-8")
        mos.write_json(folder / "expected" / "records.json", expected)


def scan_root(root: Path) -> Path:
    """The set of the scans beside set ``root`` (office-ruby66 → office-rubyscan66): scan sets are
    measured by naming them (tools/eval_office.py), not with the sets of text-layer PDFs."""
    return root.with_name(root.name.replace("ruby66", "rubyscan66"))


def _scan(root: Path, name: str, pdf: Path, expected: list[dict]) -> None:
    folder = root / f"{name}-scan"
    folder.mkdir(parents=True)
    pages = pages_of(pdf, {"dpi": SCAN_DPI})
    _save_pdf([_jpeg(p) for p in pages], [SCAN_DPI] * len(pages), folder / "input.pdf")
    mos.write_json(folder / "expected" / "records.json", expected)


def _readings(ruby: dict) -> list[str]:
    """Each ruby word's reading (its pieces joined), in the plan's order."""
    return ["".join(rt for _, rt in ps) for words in ruby.values() for _, ps in words]


def _count(ruby: dict) -> int:
    return sum(len(rt) for words in ruby.values() for _, ps in words for _, rt in ps)


def build(root: Path, heldout: bool) -> None:
    scans = scan_root(root)
    for folder in (root, scans):
        if folder.exists():
            shutil.rmtree(folder)
        folder.mkdir(parents=True)
    manifest: dict = {}
    c54._page_texts = base_page_texts  # the truth's pages: ruby left out
    mos.stream_text = base_page_texts
    for k, (name, rows, look, ruby) in enumerate(_chrome_cases(heldout)):
        pdf = root / name / "input.pdf"
        c54._print(chrome_html(rows, look, ruby), pdf)
        if pdf.stat().st_size > c54.PDF_MAX_BYTES:
            fonts = (c54.HELDOUT_CSS if heldout else c54.TUNING_CSS)[0]
            look["font"] = next(f for f in fonts if f != look["font"])
            c54._print(chrome_html(rows, look, ruby), pdf)
        expected = c54._expected(pdf, rows)
        mos.write_json(root / name / "expected" / "records.json", expected)
        _texts(root, name, pdf, expected)
        if k == 0:
            _scan(scans, name, pdf, expected)
        manifest[name] = {
            "program": "Chromium --headless --print-to-pdf (.html)",
            **look,
            "ruby_words": sum(len(w) for w in ruby.values()),
            "ruby_chars": _count(ruby),
            "readings": _readings(ruby),
            "rows": len(expected),
        }
        print(f"{root.name}/{name}: {len(expected)} rows, {_count(ruby)} ruby chars", file=sys.stderr)
    cases = _writer_cases(heldout)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for k, (case, look, ruby) in enumerate(cases):
            src = work / f"{case.name}.docx"
            mos.write_docx(src, case)
            add_docx_ruby(src, case, ruby, look["ruby_size"])
            mos.convert([src], work)
            pdf = root / case.name / "input.pdf"
            pdf.parent.mkdir(parents=True)
            shutil.copy(work / f"{case.name}.pdf", pdf)
            expected = mos.expected_records(pdf, case)
            mos.write_json(root / case.name / "expected" / "records.json", expected)
            _texts(root, case.name, pdf, expected)
            if k == 0:
                _scan(scans, case.name, pdf, expected)
            manifest[case.name] = (
                mos.settings_of(case)
                | look
                | {
                    "program": "LibreOffice Writer (.docx with w:ruby)",
                    "ruby_words": sum(len(w) for w in ruby.values()),
                    "ruby_chars": _count(ruby),
                    "readings": _readings(ruby),
                    "rows": len(expected),
                }
            )
            print(f"{root.name}/{case.name}: {len(expected)} rows, {_count(ruby)} ruby", file=sys.stderr)
    held = " Held out: measure on it, never tune on it." if heldout else " Tuning set."
    mos.write_manifest(root, manifest)
    mos.write_manifest(
        scans,
        {
            f"{k}-scan": v | {"scan_dpi": SCAN_DPI}
            for k, v in manifest.items()
            if (scans / f"{k}-scan").exists()
        },
    )
    (scans / "README.md").write_text(
        f"# {scans.name}\n\nScans (poppler at {SCAN_DPI} dpi, JPEG pages in a PDF) of {root.name}'s "
        "first Chromium and first Writer table, ruby and all (tools/make_ruby66_samples.py). The "
        f"truth is the table without ruby. Measured by naming it (tools/eval_office.py "
        f"samples/{scans.name}).{held}\n",
        "utf-8",
    )
    (root / "README.md").write_text(
        f"# {root.name}\n\nTables with ruby (furigana) over some words, printed by Chromium (<ruby><rt>) "
        f"and by LibreOffice Writer (.docx w:ruby), the texts of {', '.join(TEXTS)} and one scan of "
        f"each program (tools/make_ruby66_samples.py). The truth is the table without ruby.{held}\n",
        "utf-8",
    )


def main(argv: list[str] | None = None) -> int:
    ns = mos.parse_set_args(__doc__, list(SETS), argv)
    for name in ns.set:
        build(ROOT / "samples" / name, SETS[name])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
