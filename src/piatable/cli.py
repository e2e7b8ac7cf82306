"""The command line: a thin layer over ``pipeline``; every input error becomes one line."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

from piatable.models import Record
from piatable.models.writers import FORMATS, format_for, write_records

from ._version import __version__
from .errors import SettingsError
from .pipeline import DocumentResult, extract_document
from .settings import Settings

INPUT_SUFFIXES = frozenset(
    {".txt", ".text", ".csv", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="piatable",
        description="Amendment tables (変更箇所) of Japanese privacy impact assessments → data.",
    )
    parser.add_argument("--version", action="version", version=f"piatable {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    ex = sub.add_parser("extract", help="extract the amendment table rows of the inputs")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    ex.add_argument("-o", "--output", required=True, type=Path, help="output file")
    ex.add_argument(
        "--format",
        default="auto",
        choices=("auto", *FORMATS),
        help="output format (auto: from the suffix of OUTPUT)",
    )
    ex.add_argument(
        "--kind",
        default="auto",
        choices=("auto", "pdf", "scan", "text"),
        help="how to read the inputs (auto: from each file's content)",
    )
    ex.add_argument("--jobs", type=int, default=1, help="inputs processed in parallel")
    ex.add_argument("--report", type=Path, help="write a data-quality report (HTML + JSON)")
    ex.add_argument("--documents", type=Path, help="write document facts (cover page) here")
    ex.add_argument(
        "--csv-encoding",
        default="utf-8-sig",
        choices=("utf-8-sig", "utf-8", "cp932"),
        help="CSV encoding (default UTF-8 with BOM, for Excel)",
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


def expand_inputs(inputs: Sequence[str]) -> Iterator[str]:
    """Files as given; folders walked for files of a known kind, in a stable order."""
    for name in inputs:
        p = Path(name)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                if child.is_file() and child.suffix.lower() in INPUT_SUFFIXES:
                    yield str(child)
        else:
            yield name


def _run_one(args: tuple[str, str, Settings]) -> DocumentResult:
    path, kind, settings = args
    return extract_document(path, kind, settings)  # type: ignore[arg-type]


def run_extract(ns: argparse.Namespace) -> int:
    settings = Settings()
    try:
        for assignment in ns.settings:
            settings.set(assignment)
        fmt = format_for(ns.output, ns.format)
    except (SettingsError, ValueError) as exc:
        print(f"piatable: {exc}", file=sys.stderr)
        return 2
    paths = list(expand_inputs(ns.inputs))
    if not paths:
        print("piatable: no input files found", file=sys.stderr)
        return 2
    jobs = [(p, ns.kind, settings) for p in paths]
    if ns.jobs > 1 and len(paths) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=ns.jobs) as pool:
            results_iter = pool.map(_run_one, jobs)
            results = list(_progress(results_iter, len(paths)))
    else:
        results = list(_progress(map(_run_one, jobs), len(paths)))
    records: list[Record] = []
    failed = 0
    for res in results:
        for err in res.errors:
            print(f"piatable: {err[2]}", file=sys.stderr)
        if res.status == "failure":
            failed += 1
            continue
        for note in res.notes:
            print(f"piatable: {res.source}: {note}", file=sys.stderr)
        records.extend(res.records)
    write_records(records, ns.output, fmt, ns.csv_encoding)
    print(
        f"piatable: {len(records)} rows from {len(results) - failed} of {len(results)} inputs"
        f" → {ns.output} ({fmt})",
        file=sys.stderr,
    )
    if ns.report:
        from .report import write_report

        write_report(results, ns.report, settings)
    if ns.documents:
        from .documents import write_documents

        write_documents(results, ns.documents)
    return 1 if failed else 0


def _progress(it: Iterator[DocumentResult], total: int) -> Iterator[DocumentResult]:
    """A progress bar on stderr when there are several inputs and stderr is a terminal."""
    if total > 1 and sys.stderr.isatty():
        from tqdm import tqdm

        yield from tqdm(it, total=total, unit="file", file=sys.stderr)
    else:
        yield from it


def main(argv: Sequence[str] | None = None) -> int:
    ns = build_parser().parse_args(argv)
    if ns.command == "extract":
        return run_extract(ns)
    return 2


def console_main() -> None:
    sys.exit(main())
