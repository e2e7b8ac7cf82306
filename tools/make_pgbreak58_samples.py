"""Word tables without rulings whose rows run over page breaks (issues 11, 12; branch pgbreak58).

    python tools/make_pgbreak58_samples.py                            # both sets
    python tools/make_pgbreak58_samples.py --set office-pgbreak58     # or heldout-pgbreak58

Set XIX's t06 (FAULTS.md kind 3): an HTML table made a .docx by pandoc and printed by LibreOffice
Writer has no rulings but the label row's foot, its 変更日 column is four characters wide (the
date wraps after its era: ``平成`` / ``31年`` / ``3月`` / ``31日``) and a row runs over each page
break in several columns.  piatable found no date on the second page, read the page's five rows
as one (``事後事後事前事前事後``) and said ``success``.  Kinds:

* ``pandoc``: HTML → ``pandoc -t docx`` → Writer (US Letter, pandoc's own table style: the
  label row's foot only), the date column ~7 % of the width;
* ``bare``: python-docx, every border off (``inner_rule="none"``: the label row's foot only),
  A4 portrait, a narrow date column, long 変更前 / 変更後 cells (``_long_rows``);
* ``wide``: as ``bare`` in landscape with the set's usual widths: the date fits on one line or
  two, rows still broken over pages.

Each case keeps its PDF and the texts of ``PGBREAK58_TEXTS`` (``pdftotext -layout`` / ``-raw``,
pdfplumber, pypdf, pypdfium2; library texts also with pages joined by line ends, ``+nl``).
``office-pgbreak58`` (tuning) from the tuning tables' rows; ``heldout-pgbreak58`` (measure only,
never tune on it) from the held-out tables' rows, fonts and sizes.
"""

from __future__ import annotations

import html
import random
import shutil
import subprocess
import sys
import tempfile
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_office_samples as office
from make_office_samples import Case

PGBREAK58_TEXTS = (
    "pdftotext-layout",
    "pdftotext-raw",
    "pdfplumber",
    "pdfplumber+nl",
    "pypdf+nl",
    "pypdfium2+nl",
)
SETS = ("office-pgbreak58", "heldout-pgbreak58")
TUNING_KINDS = ("pandoc", "bare", "wide", "pandoc")
HELDOUT_KINDS = ("pandoc", "bare", "wide", "bare")
# Column shares of the pandoc table (% of the text width), the date column narrow (t06: 7 %).
PANDOC_SHARES = ((7, 16, 21, 21, 5, 30), (8, 18, 22, 22, 6, 24))
# A4 portrait, 17 cm between the margins: the date column 1.3–1.6 cm (its era wraps alone).
PORTRAIT_WIDTHS = ((1.4, 3.4, 4.1, 4.1, 1.0, 3.0), (1.6, 3.0, 4.3, 4.3, 1.1, 2.7))


def pandoc_html(case: Case, shares: tuple[int, ...]) -> str:
    """The case's table as an HTML page (title paragraph, label row in ``<thead>``, a cell's
    lines as ``<br>``), column widths as ``<col>`` percentages, as pandoc reads them."""
    cols = "".join(f'<col style="width: {s}%" />' for s in shares)
    head = "".join(f"<th>{html.escape(label)}</th>" for label in case.labels)
    body = []
    for r in case.rows:
        cells = "".join(
            "<td>" + "<br />".join(html.escape(x) for x in r[k].split("\n")) + "</td>" for k in office.SIX
        )
        body.append(f"<tr>{cells}</tr>")
    return (
        "<html><head><meta charset='utf-8'/></head><body>"
        f"<p>（別添{case.appendix}）変更箇所</p>"
        f"<table><colgroup>{cols}</colgroup><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table></body></html>"
    )


README = {
    "office-pgbreak58": "# office-pgbreak58 (tuning)\n\nWord tables without rulings whose rows run over page"
    " breaks (pandoc HTML → .docx → Writer; python-docx with every border off), their PDFs and texts, made by"
    " `tools/make_pgbreak58_samples.py`.\n",
    "heldout-pgbreak58": "# heldout-pgbreak58 (held out)\n\nAs office-pgbreak58, from the held-out tables,"
    " fonts and sizes, made by `tools/make_pgbreak58_samples.py`. Measure on it, never tune on it.\n",
}


def _pandoc_render(case: Case, shares: tuple[int, ...], work: Path) -> tuple[Path, list[dict]]:
    """``case`` through pandoc (HTML → .docx) and Writer (.docx → PDF): the PDF and its truth."""
    if not shutil.which("pandoc"):
        raise SystemExit("pandoc is missing: apt-get install -y --no-install-recommends pandoc")
    src_html = work / f"{case.name}.html"
    src_html.write_text(pandoc_html(case, shares), "utf-8")
    docx = work / f"{case.name}.docx"
    subprocess.run(["pandoc", "-f", "html", "-t", "docx", "-o", str(docx), str(src_html)], check=True)
    office.convert([docx], work)
    pdf = work / f"{case.name}.pdf"
    return pdf, office.expected_records(pdf, case)


def _case(name: str, table: list[dict], kind: str, k: int, heldout: bool) -> Case:
    rng = random.Random(f"piatable-pgbreak58-{name}")
    n = rng.choice((8, 9, 10))
    start = rng.randrange(max(len(table) - n, 0) + 1)
    c = office.plain_case(name, table[start : start + n], "writer", heldout=heldout, date_style="wareki")
    c = replace(c, merge=False, valign="top", fallback_glyphs="○□△", inner_rule="none")
    if kind == "pandoc":
        return replace(c, rows=office._long_rows(c.rows, rng, (1, 2)))
    if kind == "bare":
        widths = PORTRAIT_WIDTHS[k % len(PORTRAIT_WIDTHS)]
        return replace(c, portrait=True, widths=widths, rows=office._long_rows(c.rows, rng, (2, 3)))
    return replace(c, rows=office._long_rows(c.rows, rng, (2, 3, 4)))


def cases(heldout: bool) -> list[tuple[Case, str]]:
    """(case, kind) for each kind of the set, its table cycling through ``office._four_tables``."""
    tables = office._four_tables(heldout)
    out = []
    for k, kind in enumerate(HELDOUT_KINDS if heldout else TUNING_KINDS):
        tname, path = tables[k % len(tables)]
        name = f"{'h' if heldout else ''}pb58-{kind}-{tname}-v{k + 1}"
        table = office._printable(office.load_table(path))
        out.append((_case(name, table, kind, k, heldout), kind))
    return out


def build(name: str) -> None:
    """``samples/<name>`` made anew: each case's PDF, texts and truth, and ``cases.json``."""
    root = office.SAMPLES / name
    made_cases = cases(name.startswith("heldout"))
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        made: dict[str, tuple[Path, list[dict]]] = {}
        docx_cases = [c for c, kind in made_cases if kind != "pandoc"]
        for case_name, (_, pdf, expected) in office.render(docx_cases, work).items():
            made[case_name] = (pdf, expected)
        for k, (case, kind) in enumerate(made_cases):
            if kind == "pandoc":
                made[case.name] = _pandoc_render(case, PANDOC_SHARES[k % len(PANDOC_SHARES)], work)
        if root.exists():
            shutil.rmtree(root)
        manifest: dict = {}
        for case, kind in made_cases:
            pdf, expected = made[case.name]
            manifest[case.name] = office.write_case_with_texts(root, case, pdf, expected, PGBREAK58_TEXTS)
            manifest[case.name]["kind"] = kind
            pages = manifest[case.name]["pages"]
            print(f"{name}/{case.name}: {len(expected)} rows, {pages} pages", file=sys.stderr)
    office.write_manifest(root, manifest)
    (root / "README.md").write_text(README[name], "utf-8")


def main(argv: list[str] | None = None) -> int:
    return office.build_named(argv, __doc__, SETS, build)


if __name__ == "__main__":
    raise SystemExit(main())
