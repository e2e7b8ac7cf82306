"""One line per message on stderr, whatever the file names hold.

A file name may hold a newline or an escape sequence; written raw it would split the "one line
per failure" a script greps, or drive the terminal.  Every message piatable writes to stderr or
to a run's log goes through ``one_line``.
"""

from __future__ import annotations

import sys


def one_line(text: str) -> str:
    """``text`` with its C0/C1 control characters written as Python escapes (``\\n``, ``\\x1b``)."""
    return "".join(
        c.encode("unicode_escape").decode("ascii") if ord(c) < 32 or 127 <= ord(c) < 160 else c for c in text
    )


def say(message: str) -> None:
    """Write ``message`` to stderr as one line (control characters escaped), flushed."""
    print(one_line(message), file=sys.stderr, flush=True)
