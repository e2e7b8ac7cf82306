"""The one compiled part: lines of PDF characters (normalize/grid/_plain_lines.c), optional.

Everything else is in pyproject.toml.  Where no C compiler is found the build leaves the
extension out (``optional``) and ``normalize/grid/lines.py`` runs its Python twin, with the same
results.  ``-ffp-contract=off``: no fused multiply-add, so that the C arithmetic is Python's.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "piatable.normalize.grid._plain_lines",
            ["normalize/grid/_plain_lines.c"],
            extra_compile_args=["-ffp-contract=off"],
            optional=True,
        )
    ]
)
