"""A PDF's whole text layer, every page's text as pdfium gives it (``get_text_range``), for the
honesty check of a PDF none of whose rows was read (``normalize/shown_table``): the table pages
were not found, yet the text may show the table's title, labels and dates (set XXXV k01, a sheet
four pages wide whose column labels are printed one strip a page: 0 rows and status success).
"""

from __future__ import annotations

from pathlib import Path


def whole_text(path: Path) -> str:
    """The text of every page of the PDF at ``path``, pages joined by a form feed; "" when the
    file cannot be opened (its reader has said why already)."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError):
        return ""
    parts: list[str] = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            try:
                tp = page.get_textpage()
                parts.append(tp.get_text_range())
                tp.close()
            finally:
                page.close()
    finally:
        doc.close()
    return "\f".join(parts)
