"""The package version, and the source commit when piatable runs from a git checkout."""

import importlib
import subprocess
from pathlib import Path

__version__ = "0.1.0"


# The compiled loops ``setup.py`` builds when a C compiler and Python's headers are found (each
# has a Python twin that gives the same records, slower).
COMPILED_LOOPS = (
    "piatable.normalize.grid._plain_lines",
    "piatable.extract._page_chars",
    "piatable.extract._text_objects",
)


def compiled_loops() -> str:
    """``compiled loops`` when all of COMPILED_LOOPS import, else which are missing (the Python
    twins run instead, as the readers fall back on ImportError: a pip install without a C
    compiler, or a build for another Python)."""

    def imports(name: str) -> bool:
        try:
            importlib.import_module(name)
        except ImportError:
            return False
        return True

    missing = [name.rsplit(".", 1)[1] for name in COMPILED_LOOPS if not imports(name)]
    if not missing:
        return "compiled loops"
    return f"Python loops for {', '.join(missing)} (no C compiler at install: same records, slower)"


def version_text() -> str:
    """``piatable 0.1.0`` plus ``(git 0086a3c)`` — ``+dirty`` when files differ from that commit —
    when the package runs from a git checkout (an editable install), so a result can be tied to
    the code that made it, then ``; compiled loops`` or which loops run in Python
    (``compiled_loops``).  An installed wheel, or a machine without git, gives no commit."""
    text = f"piatable {__version__}"
    here = Path(__file__).resolve().parent

    def git(*args: str) -> str:
        run = subprocess.run(
            ["git", "-C", str(here), *args], capture_output=True, text=True, timeout=5, check=True
        )
        return run.stdout.strip()

    try:
        commit = git("rev-parse", "--short", "HEAD")
        dirty = git("status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.SubprocessError):
        commit = ""
    if commit:
        text = f"{text} (git {commit}{'+dirty' if dirty else ''})"
    return f"{text}; {compiled_loops()}"
