"""Output paths checked before any work, and files written whole or not at all.

Rules (issue 13): a named output that is also an input, or two outputs with one path, is a usage
error before any input is read; the report's JSON twin is ``NAME.data.json`` beside
``NAME.html`` so it cannot be taken for records written as ``NAME.json``; ``-o -`` writes JSON or
JSON Lines to stdout; every file is written to a hidden temporary name in its own folder and
renamed over the target, so a crash or a kill leaves the old file or the new one, never half.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from piatable.models import FIELDS, Record
from piatable.models.writers import FORMATS, format_for, write_records

from .documents import DOCUMENT_FIELDS

STDOUT = "-"
# Formats that can go to stdout: a stream of text.
STDOUT_FORMATS = ("json", "jsonl")


class UsageError(ValueError):
    """A command line that cannot be carried out as given (exit status 2)."""


@dataclass(slots=True)
class Output:
    """One ``-o`` target: a path (or ``-`` for stdout) and the format written there."""

    path: Path | None  # None: stdout
    fmt: str

    @property
    def name(self) -> str:
        return STDOUT if self.path is None else str(self.path)


@dataclass(slots=True)
class OutputPlan:
    """Every file a run will write, checked against each other and the inputs."""

    outputs: list[Output] = field(default_factory=list)
    report: Path | None = None
    documents: Path | None = None

    def files(self) -> list[Path]:
        """All files written, including the report's JSON twin."""
        out = [o.path for o in self.outputs if o.path is not None]
        if self.report is not None:
            out += [self.report, report_twin(self.report)]
        if self.documents is not None:
            out.append(self.documents)
        return out


def report_twin(path: Path) -> Path:
    """The JSON twin of an HTML report: ``report.html`` → ``report.data.json``."""
    return path.with_name(f"{path.stem}.data.json")


def _key(path: Path) -> str:
    """A path as it will be opened: absolute, symlinks resolved, case kept."""
    return os.path.realpath(path)


def plan_outputs(
    outputs: Sequence[str],
    fmt: str,
    report: Path | None,
    documents: Path | None,
    inputs: Sequence[str],
) -> OutputPlan:
    """Check the outputs of a run before it starts; raise ``UsageError`` naming the clash.

    ``fmt`` is ``auto`` (each output's suffix decides) or one of ``FORMATS`` for every output.
    ``inputs`` are the input files and folders as given: an output may sit in an input folder
    (the walk skips piatable's own outputs) but may never be an input file itself.
    """
    plan = OutputPlan(report=report, documents=documents)
    input_files = {_key(Path(p)): p for p in inputs if not Path(p).is_dir()}
    for name in outputs:
        if name == STDOUT:
            f = fmt if fmt != "auto" else "json"
            if f not in STDOUT_FORMATS:
                raise UsageError(f"-o - writes {' or '.join(STDOUT_FORMATS)} only, not {f}")
            plan.outputs.append(Output(None, f))
            continue
        path = Path(name)
        clash = input_files.get(_key(path))
        if clash is not None:  # said first: a graver mistake than the output's suffix
            raise UsageError(f"output {path} is also an input ({clash}); it would be overwritten")
        try:
            f = format_for(path, fmt)
        except ValueError as exc:
            raise UsageError(str(exc)) from exc
        if path.is_dir():
            raise UsageError(f"output {name} is a folder")
        plan.outputs.append(Output(path, f))
    if sum(o.path is None for o in plan.outputs) > 1:
        raise UsageError("-o - is given twice")
    seen: dict[str, Path] = {}
    for path in plan.files():
        k = _key(path)
        if k in seen:
            raise UsageError(f"two outputs would be written to one file: {seen[k]} and {path}")
        seen[k] = path
    for k, path in seen.items():
        if k in input_files:
            raise UsageError(f"output {path} is also an input ({input_files[k]}); it would be overwritten")
        # An output's folder is made now (as the writers would): one that cannot be is said
        # before the run, not after hours of it.
        folder = path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"output {path}: cannot make its folder {folder} ({exc.strerror})") from exc
        if not os.access(folder, os.W_OK):
            raise UsageError(f"output {path}: folder {folder} is not writable")
    return plan


@contextlib.contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path in ``path``'s folder, renamed to ``path`` when the block ends cleanly.

    The temporary name starts with a dot and ends with ``.tmp``, so neither a folder walk nor a
    ``*.parquet`` glob takes it for a file; on an error it is removed and ``path`` is untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()


def write_atomic(path: Path, writer: Callable[[Path], object]) -> None:
    """Call ``writer(tmp)`` and rename ``tmp`` over ``path``."""
    with atomic_path(path) as tmp:
        writer(tmp)


def write_output(
    records: list[Record], output: Output, csv_encoding: str = "utf-8-sig", csv_errors: str = "strict"
) -> None:
    """Write ``records`` to one output (a file, atomically, or stdout)."""
    if output.path is None:
        with atomic_stdout() as buf:
            _write_stream(records, output.fmt, buf)
        return
    write_atomic(
        output.path,
        lambda tmp: write_records(records, tmp, output.fmt, csv_encoding, csv_errors),
    )


@contextlib.contextmanager
def atomic_stdout() -> Iterator[io.StringIO]:
    """Collect text and send it to stdout (UTF-8) in one go at the end."""
    buf = io.StringIO()
    yield buf
    out = getattr(sys.stdout, "buffer", None)
    if out is not None:
        out.write(buf.getvalue().encode("utf-8"))
        out.flush()
    else:
        sys.stdout.write(buf.getvalue())
        sys.stdout.flush()


def _write_stream(records: list[Record], fmt: str, fh: io.StringIO) -> None:
    import json

    if fmt == "json":
        fh.write(json.dumps([r.to_dict() for r in records], ensure_ascii=False, indent=2) + "\n")
    else:
        for r in records:
            fh.write(json.dumps(r.to_dict(), ensure_ascii=False) + "\n")


# The first line of a CSV that piatable wrote (records or --documents), without the BOM; the
# documents header of releases before ``error`` and ``notes`` were added too.
_OLD_DOCUMENT_FIELDS = tuple(f for f in DOCUMENT_FIELDS if f not in ("error", "notes"))
OWN_CSV_HEADERS = frozenset({",".join(FIELDS), ",".join(DOCUMENT_FIELDS), ",".join(_OLD_DOCUMENT_FIELDS)})


def is_own_output(path: Path) -> bool:
    """True for a file piatable wrote: a CSV whose header row is one of piatable's own."""
    if path.suffix.lower() != ".csv":
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError:
        return False
    for enc in ("utf-8-sig", "cp932"):
        try:
            first = head.decode(enc, errors="ignore").splitlines()[0].strip()
        except IndexError:
            return False
        if first in OWN_CSV_HEADERS:
            return True
    return False


__all__ = [
    "FORMATS",
    "STDOUT",
    "Output",
    "OutputPlan",
    "UsageError",
    "atomic_path",
    "is_own_output",
    "plan_outputs",
    "report_twin",
    "write_atomic",
    "write_output",
]
