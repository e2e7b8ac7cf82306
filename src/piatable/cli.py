"""The command line: a thin layer over ``bulk``; every input error becomes one line."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from piatable.messages import say
from piatable.models.writers import FORMATS

from ._version import version_text
from .batch import DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_S, Limits, SchedulerUnavailable
from .bulk import expand_inputs, run_to_dataset, run_to_outputs, unique_inputs
from .dataset import DatasetLocked
from .errors import SettingsError
from .input_kinds import INPUT_SUFFIXES
from .outputs import UsageError, plan_outputs, report_twin
from .settings import Settings

__all__ = ["INPUT_SUFFIXES", "build_parser", "expand_inputs", "main"]


class _VersionAction(argparse.Action):
    """``--version``: the git commit is looked up only when asked for (a subprocess)."""

    def __call__(self, parser, namespace, values, option_string=None) -> None:
        print(version_text())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="piatable",
        description="Amendment tables (変更箇所) of Japanese privacy impact assessments → data.",
    )
    parser.add_argument(
        "--version",
        action=_VersionAction,
        nargs=0,
        help="print the version (and the git commit of a checkout) and exit",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract the amendment table rows of the inputs")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    target = ex.add_mutually_exclusive_group(required=True)
    target.add_argument(
        "-o",
        "--output",
        action="append",
        metavar="OUTPUT",
        help="output file (repeat for several formats from one pass; - for stdout)",
    )
    target.add_argument(
        "--dataset",
        type=Path,
        metavar="DIR",
        help="bulk mode: a resumable Parquet dataset (DIR/records/, DIR/documents.parquet)",
    )
    ex.add_argument(
        "--format",
        default="auto",
        choices=("auto", *FORMATS),
        help="output format (auto: from the suffix of each OUTPUT; json for -)",
    )
    ex.add_argument(
        "--kind",
        default="auto",
        choices=("auto", "pdf", "scan", "text"),
        help="how to read the inputs (auto: from each file's content)",
    )
    where = ex.add_mutually_exclusive_group()
    where.add_argument("--jobs", type=int, default=1, help="worker processes on this machine")
    where.add_argument(
        "--scheduler", metavar="tcp://HOST:PORT", help="run on this Dask cluster (piatable[dask])"
    )
    ex.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT_S,
        metavar="S",
        help=f"seconds one input may take (default {DEFAULT_TIMEOUT_S:g})",
    )
    ex.add_argument(
        "--max-memory",
        type=int,
        default=DEFAULT_MAX_MEMORY_MB,
        metavar="MB",
        help=f"resident memory one input may use (default {DEFAULT_MAX_MEMORY_MB})",
    )
    ex.add_argument("--retry-failed", action="store_true", help="with --dataset: run the failed inputs again")
    ex.add_argument("--report", type=Path, help="write a data-quality report (HTML + NAME.data.json)")
    ex.add_argument("--documents", type=Path, help="write document facts (cover page) here")
    ex.add_argument(
        "--csv-encoding",
        default="utf-8-sig",
        choices=("utf-8-sig", "utf-8", "cp932"),
        help="CSV encoding (default UTF-8 with BOM, for Excel)",
    )
    ex.add_argument(
        "--csv-errors",
        default="strict",
        choices=("strict", "replace"),
        help="characters the CSV encoding cannot hold: an error (strict) or '?' (replace)",
    )
    ex.add_argument(
        "--set",
        dest="settings",
        action="append",
        default=[],
        metavar="SECTION.KEY=V",
        help="change a heuristic setting, e.g. rejoin.full_slack_units=4",
    )
    return parser


def run_extract(ns: argparse.Namespace) -> int:
    """Check the command line, then run; 2 for a usage error before any input is read."""
    settings = Settings()
    try:
        for assignment in ns.settings:
            settings.set(assignment)
        if ns.jobs < 1 or ns.timeout <= 0 or ns.max_memory <= 0:
            raise UsageError("--jobs, --timeout and --max-memory must be positive")
        if ns.dataset is not None:
            if ns.documents:
                raise UsageError("--documents goes with -o; --dataset has documents.parquet")
            if ns.dataset.exists() and not ns.dataset.is_dir():
                raise UsageError(f"--dataset {ns.dataset} is a file")
            plan = None
            skip = [ns.dataset]
            if ns.report is not None:
                skip += [ns.report, report_twin(ns.report)]
                _refuse_outputs_over_found_inputs(skip[1:], ns.inputs)
                named = {os.path.realpath(p) for p in ns.inputs}
                if any(os.path.realpath(p) in named for p in skip[1:]):
                    raise UsageError(f"--report {ns.report} is an input; it would be overwritten")
                _refuse_report_in_dataset(ns.report, ns.dataset)
        else:
            if ns.retry_failed:
                raise UsageError("--retry-failed goes with --dataset")
            # An output over an input is said before anything about the output's format.
            _refuse_outputs_over_found_inputs([Path(o) for o in ns.output if o != "-"], ns.inputs)
            plan = plan_outputs(ns.output, ns.format, ns.report, ns.documents, ns.inputs)
            skip = plan.files()
            _refuse_outputs_over_found_inputs(skip, ns.inputs)
    except (SettingsError, UsageError) as exc:
        say(f"piatable: {exc}")
        return 2
    paths, repeats = unique_inputs(ns.inputs, skip)
    for note in repeats:
        say(f"piatable: {note}")
    if not paths:
        say("piatable: no input files found")
        return 2
    limits = Limits(ns.timeout, ns.max_memory)
    common = dict(kind=ns.kind, settings=settings, limits=limits, jobs=ns.jobs, scheduler=ns.scheduler)
    try:
        if plan is None:
            return run_to_dataset(paths, ns.dataset, retry_failed=ns.retry_failed, report=ns.report, **common)
        return run_to_outputs(paths, plan, csv_encoding=ns.csv_encoding, csv_errors=ns.csv_errors, **common)
    except (DatasetLocked, SchedulerUnavailable) as exc:
        say(f"piatable: {exc}")
        return 2
    except OSError as exc:  # a full disk, a folder without write permission
        say(f"piatable: {exc}")
        return 1


def _refuse_outputs_over_found_inputs(outputs: Sequence[Path], inputs: Sequence[str]) -> None:
    """An output that already exists inside an input folder as a file the walk would read (a
    ``.txt``, ``.pdf`` or image that piatable did not write) is a usage error: writing it would
    destroy an input."""
    import os

    folders = [name for name in inputs if Path(name).is_dir()]
    if not folders:
        return
    found = {os.path.realpath(p): p for p in expand_inputs(folders)}
    for out in outputs:
        hit = found.get(os.path.realpath(out))
        if hit is not None:
            raise UsageError(
                f"output {out} is an input found in {', '.join(folders)}; it would be overwritten"
            )


def _refuse_report_in_dataset(report: Path, dataset: Path) -> None:
    """A report (or its JSON twin) inside the dataset folder is a usage error: it could replace
    ``documents.parquet`` or the log, and a file under ``records/`` that is not Parquet stops
    ``pandas.read_parquet(DIR/records)`` and ``pyarrow.dataset`` from reading the dataset."""
    import os

    root = os.path.realpath(dataset)
    for path in (report, report_twin(report)):
        where = os.path.realpath(path)
        if where == root or where.startswith(root + os.sep):
            raise UsageError(
                f"--report {report}: {path} would be written inside the dataset folder {dataset}; "
                "put the report outside it"
            )


def main(argv: Sequence[str] | None = None) -> int:
    ns = build_parser().parse_args(argv)
    if ns.command == "extract":
        return run_extract(ns)
    return 2


# Exit status of a run stopped by Ctrl-C (128 + SIGINT, as shells report it).
INTERRUPTED_EXIT = 130


def console_main() -> None:
    """The ``piatable`` command.  Ctrl-C stops it with one line, not a traceback: a dataset keeps
    every input finished before it (each written whole), and the same command goes on from there."""
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        say(
            "piatable: interrupted; a --dataset keeps every input finished so far: run the same"
            " command again to go on"
        )
        sys.exit(INTERRUPTED_EXIT)
