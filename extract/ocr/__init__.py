"""Scanned pages (image-only PDF pages, PNG, JPEG, TIFF) → OCR words in points → the grid.

Per page (rendered, read and released one at a time; a page without ink is skipped before any
tesseract call): greyscale image → ink mask → glyph height → quarter or half turn undone → small
rotation undone (from the ruling
lines' slope, else the text lines' projection profile) → ruling lines by morphology (in points
for the grid) → the rulings erased → tesseract ``jpn``.  With a ruled table, each cell is cut out
and the cells are pasted one under another onto a single strip that tesseract reads in one call
(``--psm 6``): text never runs across a cell border and the per-call start-up is paid once per
page.  Without rulings the whole page is read.  Tesseract's words come back as pixel boxes; they
are moved back to where their cell is on the page and converted to points (72/dpi).

The table pages of a long scanned document are found cheaply first: pages are rendered small,
and only pages with a ruled grid (or every page, when none has one) have their top band read at
low resolution for the title 変更箇所 and the column labels.

Modules, in the order a page goes through them:

- ``render``: image files loaded (EXIF orientation applied), PDF pages rendered (greyscale,
  with their dpi), one at a time;
- ``ink``: ink mask, glyph height, erasing, paper tone, the ink share (blank pages);
- ``orient``: a page turned 90°, 180° or 270° found (text lines' direction, flush side,
  tesseract OSD) and put upright;
- ``deskew``: the page's small rotation measured and undone;
- ``rulings``: ruling lines by morphology;
- ``engine``: tesseract (installation check, TSV and hOCR calls, ``TsvWord``);
- ``page_scan``: ``PageScan``, what the image steps learnt of one page;
- ``strips``: the ruled grid's cells cut out and read on strips;
- ``widths``: character boxes snapped to their ink, full/half width from the ink;
- ``pages``: one page scanned, pixel words → ``PageWords``, the table pages found, a file's pages
  scanned;
- ``corrections``, ``heading_fixes``, ``structure_fixes``: dictionary- and form-checked
  corrections of OCR misreads (words; headings; numbering, brackets, placeholders);
- ``suspects``: cells whose OCR text breaks their column's grammar (flag ``ocr_suspect:<field>``);
- ``reader``: a scanned document or a PDF's pages without text → a ``Reading`` (``read_scan``).
"""
