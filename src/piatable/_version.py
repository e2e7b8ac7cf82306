"""The package version, and the source commit when piatable runs from a git checkout."""

import subprocess
from pathlib import Path

__version__ = "0.1.0"


def version_text() -> str:
    """``piatable 0.1.0`` plus ``(git 0086a3c)`` — ``+dirty`` when files differ from that commit —
    when the package runs from a git checkout (an editable install), so a result can be tied to
    the code that made it.  An installed wheel, or a machine without git, gives the version alone.
    """
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
        return text
    return f"{text} (git {commit}{'+dirty' if dirty else ''})" if commit else text
