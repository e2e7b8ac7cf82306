"""Text that is no table content inside a table's stretch (issues 10 / 12, branch furniture66):
a browser's print header and footer, and a paragraph parting two tables.

    python tools/make_furniture66_samples.py                               # both sets
    python tools/make_furniture66_samples.py --set office-furniture66      # or heldout-furniture66

Session 65's unseen set XXVII showed two kinds of text read into a table's cells:

- ``hf``: an HTML table printed by headless Chromium *without* ``--no-pdf-header-footer``: every
  page prints a header (the date and time, ``12/7/26, 12:23 AM``, and the page's ``<title>``)
  and a footer (the page's address, ``file:///…/t09.html`` or ``http://…``, and ``1/3``).  In
  the texts these lines stood inside the last row's cell of each page (or the first row's).
  ``plain`` is the same page printed with ``--no-pdf-header-footer`` (no furniture: the control);
- ``split``: a python-docx table (printed by Writer) of amendments, newest first, cut in two by
  a body paragraph such as ``【令和６年度以前の変更】`` (the older rows under it, with their own
  label row or without): the paragraph was read into the previous table's last row's cell.

Each Chromium case reuses ``make_chromium54_samples``'s page (its CSS, merged dates) with a
``<title>`` of ``TITLES`` and an address of ``ADDRESS_FORMS`` (a ``file://`` path under folders
named as a user's, or ``http://127.0.0.1:PORT/…`` served by a local server while printing).  Each
Writer case is ``make_office_samples.plain_case`` with ``split_after`` / ``split_heading``.  The
truth is the rows as written (every row of both tables, in printed order).  Each case keeps its
PDF and the texts of ``TEXTS``.  ``office-furniture66`` (tuning) draws from the tuning tables,
titles, paths and headings; ``heldout-furniture66`` (measure only, never tune on it) from the
held-out ones (other seeds, titles, address forms and headings).
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import random
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_chromium54_samples import HELDOUT_CSS, TUNING_CSS, _expected, _html, _plan
from make_pdfs import EXTRACTORS, chromium_binary

SETS = {"office-furniture66": False, "heldout-furniture66": True}
TEXTS = (*EXTRACTORS, "pdfplumber", "pypdf", "pymupdf", "pypdfium2+nl")
ROWS = (12, 16, 20)
TUNING_TITLES = (
    "特定個人情報保護評価書 変更箇所",
    "令和６年度 評価書の変更箇所一覧",
    "t09",
)
HELDOUT_TITLES = (
    "全項目評価書（変更箇所）",
    "令和７年 保護評価 変更履歴",
    "別添２ 変更箇所 - 評価書",
)
# (scheme, folders under the scratch folder, file name): ``file`` pages are opened from the disk,
# ``http`` pages from a local server.
TUNING_ADDRESSES = (
    ("file", ("home", "user", "documents"), "t09.html"),
    ("http", ("pia", "2024"), "henko.html"),
    ("file", ("home", "tanaka", "Downloads"), "table.html"),
)
HELDOUT_ADDRESSES = (
    ("http", ("hyoka", "r7", "docs"), "index.html"),
    ("file", ("mnt", "share", "soumu"), "変更箇所.html"),
    ("file", ("home", "yamada"), "t12.htm"),
)
TUNING_HEADINGS = ("【令和６年度以前の変更】", "以下は前回評価書からの変更", "【令和５年度の変更】")
HELDOUT_HEADINGS = ("【令和５年度以前の変更】", "以下は前回の評価書からの変更です。", "【過去の変更履歴】")
# Kinds per table (tables cycle through ``office._four_tables``).
TUNING_KINDS = ("hf", "split", "hf", "split", "hf", "plain", "split", "hf")
HELDOUT_KINDS = ("hf", "split", "hf", "split", "hf", "split")


@contextlib.contextmanager
def _server(root: Path) -> Iterator[int]:
    """A local HTTP server of ``root`` on a free port while open (its port)."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd.server_address[1]
    finally:
        httpd.shutdown()
        httpd.server_close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


def _print_page(page: str, pdf: Path, address: tuple, furniture: bool, work: Path) -> str:
    """Print ``page`` to ``pdf`` by headless Chromium from ``address`` (with its own header and
    footer when ``furniture``); returns the address it was opened from."""
    scheme, folders, fname = address
    root = work / "site"
    folder = root.joinpath(*folders)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / fname).write_text(page, "utf-8")
    binary = chromium_binary()
    if binary is None:
        raise SystemExit("chromium is missing")
    flags = ["--headless", "--no-sandbox", "--disable-gpu"]
    if not furniture:
        flags.append("--no-pdf-header-footer")
    pdf.parent.mkdir(parents=True, exist_ok=True)

    def run(url: str) -> str:
        subprocess.run(
            [binary, *flags, f"--print-to-pdf={pdf}", url], check=True, capture_output=True, timeout=180
        )
        return url

    if scheme == "http":
        with _server(root) as port:
            return run(f"http://127.0.0.1:{port}/{'/'.join(folders)}/{fname}")
    return run((folder / fname).as_uri())


def _chromium_case(name: str, table: list[dict], kind: str, k: int, heldout: bool, work: Path) -> tuple:
    rng = random.Random(f"piatable-furniture66-{name}")
    fonts, sizes, paddings, borders, widths = HELDOUT_CSS if heldout else TUNING_CSS
    n = rng.choice(ROWS)
    first = rng.randrange(max(min(len(table) - n, 6), 0) + 1)
    c = office.plain_case(
        name, table[first : first + n], "writer", heldout, rng.choice(("slash", "wareki", "seireki"))
    )
    rows, runs = _plan(c.rows, "mx", rng)
    look = {
        "font": rng.choice(fonts),
        "size": rng.choice(sizes),
        "padding": rng.choice(paddings),
        "border": rng.choice(borders),
        "widths": rng.choice(widths),
        "valign": rng.choice(("top", "middle")),
        "date_valign": "top",
        "timing_valign": rng.choice(("top", "middle")),
        "lists": False,
        "break": rng.choice(("auto", "avoid")),
    }
    title = (HELDOUT_TITLES if heldout else TUNING_TITLES)[k % 3]
    address = (HELDOUT_ADDRESSES if heldout else TUNING_ADDRESSES)[k % 3]
    page = _html(rows, runs, look).replace("<head>", f"<head><title>{title}</title>", 1)
    pdf = work / f"{name}.pdf"
    url = _print_page(page, pdf, address, kind == "hf", work)
    expected = _expected(pdf, rows)
    entry = {
        "program": "Chromium --headless --print-to-pdf (.html)"
        + ("" if kind == "hf" else " --no-pdf-header-footer"),
        **look,
        "title": title,
        "address": url.split("/site/")[-1] if url.startswith("file") else url.split(":", 2)[0],
        "rows": len(expected),
        "pages": expected[-1]["page_end"] if expected else 0,
    }
    return name, pdf, expected, entry


def _writer_case(name: str, table: list[dict], k: int, heldout: bool) -> office.Case:
    rng = random.Random(f"piatable-furniture66-{name}")
    n = rng.choice((8, 10, 12))
    first = rng.randrange(max(min(len(table) - n, 6), 0) + 1)
    c = office.plain_case(name, table[first : first + n], "writer", heldout)
    rows = office.printed_rows(
        table[first : first + n], rng.choice(office.DATE_STYLES[:5]), newest_first=True
    )
    headings = HELDOUT_HEADINGS if heldout else TUNING_HEADINGS
    return replace(
        c,
        rows=rows,
        split_after=rng.randint(3, max(3, len(rows) - 3)),
        split_heading=headings[k % len(headings)],
        split_labels=rng.random() < 0.6,
        repeat_header=True,
        fallback_glyphs="○□",
    )


def build(name: str) -> None:
    """``samples/<name>`` made anew: each case's PDF, texts, truth and ``cases.json``."""
    heldout = SETS[name]
    root = office.SAMPLES / name
    tables = office._four_tables(heldout)
    kinds = HELDOUT_KINDS if heldout else TUNING_KINDS
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made = []
        writer_cases = []
        for k, kind in enumerate(kinds):
            tname, _ = tables[k % len(tables)]
            case_name = f"{'h' if heldout else ''}fu66-{kind}-{tname}-v{k + 1}"
            # The table's rows, then the next tables' (a pool table holds 6–20 printable rows).
            table = [
                r
                for j in range(len(tables))
                for r in office._printable(office.load_table(tables[(k + j) % len(tables)][1]))
            ]
            if kind == "split":
                writer_cases.append(_writer_case(case_name, table, k, heldout))
            else:
                made.append(_chromium_case(case_name, table, kind, k, heldout, work))
        rendered = office.render(writer_cases, work)
        for case in writer_cases:
            _, pdf, expected = rendered[case.name]
            made.append((case.name, pdf, expected, office.settings_of(case) | {"rows": len(expected)}))
        if root.exists():
            shutil.rmtree(root)
        manifest = {}
        for case_name, pdf, expected, entry in sorted(made, key=lambda m: m[0]):
            office.write_pdf_and_texts(root, case_name, pdf, expected, TEXTS)
            entry["pages"] = max(r["page_end"] for r in expected)
            manifest[case_name] = entry
            print(f"{name}/{case_name}: {len(expected)} rows, {entry['pages']} pages", file=sys.stderr)
    office.write_manifest(root, manifest)
    (root / "README.md").write_text(README[name], "utf-8")


README = {
    "office-furniture66": "# office-furniture66 (tuning)\n\nChromium-printed tables with the browser's"
    " print header and footer (date and time, title; address, `n/m`) on every page, one printed without"
    " them, and python-docx → Writer tables cut in two by a body paragraph (`【令和６年度以前の変更】`),"
    " their PDFs and texts, made by `tools/make_furniture66_samples.py`.\n",
    "heldout-furniture66": "# heldout-furniture66 (held out)\n\nAs office-furniture66, from the held-out"
    " tables, titles, address forms and headings, made by `tools/make_furniture66_samples.py`. Measure on"
    " it, never tune on it.\n",
}


def main(argv: list[str] | None = None) -> int:
    return office.build_named(argv, __doc__, tuple(SETS), build)


if __name__ == "__main__":
    raise SystemExit(main())
