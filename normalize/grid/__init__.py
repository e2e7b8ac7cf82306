"""Grid reconstruction: positioned words (PDF chars, OCR words, layout-text segments) → raw rows.

Shared by every source that knows where its words are.  Per page:

1. the column boundaries come from vertical ruling lines, else from the x positions of the column
   labels (変更日 / 項目 / 変更前の記載 / 変更後の記載 / 提出時期 / 提出時期に係る説明) with the body's
   whitespace gaps between them, else from the whitespace gaps alone, else from the previous page;
2. the row boundaries come from horizontal rulings (a boundary missing under one column means the
   cell is merged vertically over several rows), else from the dates of the first column;
3. each word goes to the cell holding its centre; the words of a cell are grouped into printed
   lines by their vertical centre.

Then, over the whole document: repeated header rows are dropped, a row whose 変更日 and 項目 are
empty at the top of a page continues the previous page's last row, and each line gets its
soft-wrap verdict (``CellLine.wraps``): the break after a line is a wrap when the first piece of
the next line would not have fitted after it before the column's right edge.

Coordinates follow ``models.page``: ``x0, x1, top, bottom`` with a top-left origin; ``pt`` pages in
points (one em = the median glyph height), ``cell`` pages in display columns and text lines (one
em = 2 columns wide and 1 line high).

Modules, in import order (each imports only those before it):
``lines`` (words → printed lines, segments, ems), ``common`` (shared small types), ``labels``
(the column-label row), ``columns`` (column boundaries from labels and gaps), ``paths_down``
(a 項目 path above a centred or bottom date goes down to its row), ``merged_fill``
(the rows a merged 提出時期 / explanation covers, from where it stands), ``merged_items`` (a
項目 merged over date-anchored rows of layout text), ``anchored`` (rows
anchored at dates or 項目 paths), ``unseen`` (PDF text clipped away at a cell's edge, tied to
the cell it continues), ``ocr_room`` (where an OCR line ends, read with its own pitch),
``between_rulings`` (a paragraph between two ruled tables of a page), ``ruled`` (one page of
positioned words: rulings → columns and rows), ``layout_words`` (autospacing, wrap widths of
-layout text), ``layout_text`` (one page of ``pdftotext -layout`` text), ``layout_between``
(a second table on a -layout page, the prose above it), ``carry`` (a page's first row under a
merged cell its rulings cannot show), ``rows`` (the whole document:
``pages_to_rows``, page continuation, wrap verdicts).
"""
