"""What a PDF's Creator / Producer says of how its tables break over pages (issues 11, 12).

A spreadsheet (Excel, its PDFMaker, LibreOffice Calc) never breaks a row over a page
(``Reading.rows_whole``), and it, like Chromium, leaves a merged cell open at a page's foot while
closing every other cell there (``Reading.feet_close_cells``).
"""

from __future__ import annotations

import re
from typing import Any

# Creator / Producer of a PDF exported by a spreadsheet program (Excel, its PDFMaker, Calc):
# these never break a row of the sheet over a page.
SPREADSHEET_PRODUCER = re.compile(r"\bExcel\b|\bCalc\b|for Excel")
# Chromium's printer (Skia): a ``rowspan`` cell broken over a page is left open at the page's
# foot (no ruling under its part), a cell of one row is closed there (branch carry54, measured
# on the tables of tools/make_chromium54_samples.py: top, middle and bottom aligned).
FEET_CLOSING_PRODUCER = re.compile(r"\bSkia/PDF\b")


def made_by_spreadsheet(doc: Any) -> bool:
    """True when the PDF's Creator or Producer names a spreadsheet program (``Calc`` with
    ``LibreOffice 7.4``; ``Microsoft® Excel® 2016``; ``Acrobat PDFMaker 11 for Excel``).  A
    document without that metadata (or with a Word / Writer one) gets False."""
    try:
        meta = doc.get_metadata_dict()
    except Exception:  # damaged info dictionary: nothing known
        return False
    return any(SPREADSHEET_PRODUCER.search(meta.get(k) or "") for k in ("Creator", "Producer"))


def feet_close_cells(doc: Any) -> bool:
    """True when the PDF was made by a spreadsheet (``made_by_spreadsheet``) or by Chromium
    (Producer ``Skia/PDF``): programs that leave only a merged cell open at a page's foot
    (``Reading.feet_close_cells``)."""
    if made_by_spreadsheet(doc):
        return True
    try:
        meta = doc.get_metadata_dict()
    except Exception:  # damaged info dictionary: nothing known
        return False
    return bool(FEET_CLOSING_PRODUCER.search(meta.get("Producer") or ""))
