"""The compiled parts, all optional: lines of PDF characters and the printed lines of a ruled
column (normalize/grid/_plain_lines.c), the character loop of a PDF page
(extract/_page_chars.c) and its run of plain text objects (extract/_text_objects.c).

Everything else is in pyproject.toml.  Where no C compiler is found the build leaves the
extensions out (``optional``) and ``normalize/grid/lines.py``, ``normalize/grid/ruled.py`` and
``extract/pdf.py`` run their Python twins, with the same results.  ``-ffp-contract=off``: no
fused multiply-add, so that the C arithmetic is Python's.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "piatable.normalize.grid._plain_lines",
            ["normalize/grid/_plain_lines.c"],
            extra_compile_args=["-ffp-contract=off"],
            optional=True,
        ),
        Extension(
            "piatable.extract._page_chars",
            ["extract/_page_chars.c"],
            extra_compile_args=["-ffp-contract=off"],
            optional=True,
        ),
        Extension(
            "piatable.extract._text_objects",
            ["extract/_text_objects.c"],
            extra_compile_args=["-ffp-contract=off"],
            optional=True,
        ),
    ]
)
