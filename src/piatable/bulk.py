"""Running many inputs: to output files (``-o``) or into a resumable dataset (``--dataset``).

Both modes run every input in an isolated worker (``batch``), handle results as they complete,
print each input's errors and notes as they arrive (above a progress bar when stderr is a
terminal; a kind of note seen on many inputs is counted after its first few: ``NoteLog``) and
return the exit status: 0 when every input was processed, 1 when one failed.
"""

from __future__ import annotations

import re
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from piatable.messages import one_line, say
from piatable.models import DocumentResult

from ._version import __version__
from .batch import Job, Limits, make_runner, run_jobs
from .outputs import OutputPlan, is_own_output, write_output
from .settings import Settings

# Suffixes of what piatable writes (JSON, JSON Lines, Parquet, the HTML report, a dataset's log
# and lock): never inputs of a folder walk.
OUTPUT_SUFFIXES = frozenset({".json", ".jsonl", ".parquet", ".html", ".log", ".lock"})


def expand_inputs(inputs: Sequence[str], skip: Sequence[Path] = ()) -> Iterator[str]:
    """Files as given; folders walked for every file, in a stable order.

    The walk leaves out hidden files, ``skip`` (this run's outputs) and what piatable writes
    (``OUTPUT_SUFFIXES``: records, reports, datasets; a CSV with piatable's header), so that a run
    into its own input folder never reads its output.  Every other file is an input, whatever its
    suffix: a PDF or an image is known by its first bytes (a PDF saved as ``.xlsx`` is read), and
    a binary file of another kind comes back ``skipped`` with the reason
    (``pipeline.extract_document``), never left out unsaid.
    """
    import os

    skipped = {os.path.realpath(p) for p in skip}
    for name in inputs:
        p = Path(name)
        if p.is_dir():
            links: list[Path] = []
            for child in sorted(p.rglob("*")):
                dead = child.is_symlink() and not child.exists()
                if not (child.is_file() or dead) or child.suffix.lower() in OUTPUT_SUFFIXES:
                    continue
                if child.name.startswith(".") or os.path.realpath(child) in skipped:
                    continue
                if child.is_symlink():
                    links.append(child)  # after the folder's own files: a file is read under its own name
                    continue
                if is_own_output(child):
                    continue
                yield str(child)
            # Links last; one whose target is gone is an input too, and fails naming it.
            yield from (str(link) for link in links if not link.exists() or not is_own_output(link))
        else:
            yield name


# Repeated files named in the note about a folder that holds files already given.
REPEATS_SHOWN = 3


def unique_inputs(inputs: Sequence[str], skip: Sequence[Path] = ()) -> tuple[list[str], list[str]]:
    """The files of ``inputs`` (``expand_inputs``), each file once, and one note per argument
    that names files already given.

    "The same file" is the same file on disk (device and inode), so ``x``, ``./x``, a symbolic
    link to ``x``, a hard link and a folder holding ``x`` are one input: it is read once, under
    the first name given (its rows' ``source``; a folder's links come after its files, so a file
    linked from elsewhere in the walk keeps its own name).  A name that cannot be opened is compared by
    its resolved path and still runs (and fails with its reason).  Two different files with the
    same content stay two inputs.
    """
    import os

    # file identity → (the argument that gave it first, the file's name as read)
    first_by_file: dict[object, tuple[str, str]] = {}
    unique: list[str] = []
    notes: list[str] = []
    for arg in inputs:
        files = repeated = 0
        earlier: list[tuple[str, str, str]] = []  # (name read now, first argument, first name)
        for path in expand_inputs([arg], skip):
            files += 1
            try:
                st = os.stat(path)
                ident: object = (st.st_dev, st.st_ino)
            except OSError:
                ident = os.path.realpath(path)
            if ident in first_by_file:
                repeated += 1
                earlier.append((path, *first_by_file[ident]))
                continue
            first_by_file[ident] = (arg, path)
            unique.append(path)
        if repeated:
            notes.append(_repeat_note(arg, files, repeated, earlier))
    return unique, notes


def _repeat_note(arg: str, files: int, repeated: int, earlier: list[tuple[str, str, str]]) -> str:
    """The line about argument ``arg`` whose ``repeated`` of ``files`` files were given before
    (``earlier``: each one's name now, and the argument and name it was first read under)."""
    if not Path(arg).is_dir():
        _, first_arg, first = earlier[0]
        if first_arg == first:
            return f"{arg}: the same file as {first}; read once, as {first}"
        if arg == first:
            return f"{arg}: already in the folder {first_arg}; read once"
        return f"{arg}: the same file as {first} in the folder {first_arg}; read once, as {first}"
    shown = earlier[:REPEATS_SHOWN]
    pairs = ", ".join(now if now == first else f"{now} = {first}" for now, _, first in shown)
    pairs += " …" if len(earlier) > REPEATS_SHOWN else ""
    if repeated == files:
        some = f"its {files} files are" if files > 1 else "its one file is"
    else:
        some = f"{repeated} of its {files} files {'is' if repeated == 1 else 'are'}"
    return f"{arg}: {some} already given ({pairs}); each is read once, under the name given first"


class Progress:
    """A tqdm bar (rate, ETA) on a terminal; messages printed above it as they come.

    The bar is redrawn every ``HEARTBEAT_S`` seconds, so a long input still shows time passing."""

    HEARTBEAT_S = 1.0

    def __init__(self, total: int, unit: str = "file") -> None:
        self.bar: Any = None
        self._stop = threading.Event()
        if total >= 1 and sys.stderr.isatty():
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit=unit, file=sys.stderr, smoothing=0.1)
            threading.Thread(target=self._heartbeat, daemon=True).start()

    def _heartbeat(self) -> None:
        while not self._stop.wait(self.HEARTBEAT_S):
            self.bar.refresh()

    def say(self, message: str) -> None:
        if self.bar is not None:
            self.bar.write(one_line(message), file=sys.stderr)
        else:
            say(message)

    def advance(self, n: int = 1) -> None:
        if self.bar is not None:
            self.bar.update(n)

    def close(self) -> None:
        self._stop.set()
        if self.bar is not None:
            self.bar.close()


# Failures of earlier runs, not run again, said with their reasons at the end of a rerun.
EARLIER_FAILURES_SHOWN = 5
# A kind of note (its text with the numbers taken out) is printed as it comes for this many
# inputs; the same kind on later inputs is counted and said once at the end of the run.
NOTES_SHOWN_PER_KIND = 3
NAMED_PER_KIND = 3  # inputs named per status on the summary line
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


class NoteLog:
    """Each input's errors and notes on stderr as the input finishes.

    Errors are always printed.  A note is printed for the first ``NOTES_SHOWN_PER_KIND`` inputs
    that give its kind; later ones are counted, and ``close`` prints one line per kind held back
    with the count, the first ``NAMED_PER_KIND`` of those inputs by name, and where every input's
    notes are (``where``: the documents table or the
    report this run writes, else how to ask for one).  A batch of thousands of inputs that were
    read the same way (``the text is not in row order …``) then gives a few lines, not one per
    input, and no note is lost: each stays with its input in the documents table and report."""

    def __init__(self, progress: Progress, where: str) -> None:
        self.progress = progress
        self.where = where
        self.shown: dict[str, int] = {}
        self.held: dict[str, tuple[int, str, list[str]]] = {}

    def say(self, res: DocumentResult) -> None:
        for err in res.errors:
            self.progress.say(f"piatable: {err[2]}")
        if res.status == "failure":
            return
        for kind, note in {_NUMBER.sub("N", n): n for n in res.notes}.items():
            if self.shown.get(kind, 0) < NOTES_SHOWN_PER_KIND:
                self.shown[kind] = self.shown.get(kind, 0) + 1
                for n in res.notes:
                    if _NUMBER.sub("N", n) == kind:
                        self.progress.say(f"piatable: {res.source}: {_partial(res)}{n}")
            else:
                count, _, names = self.held.get(kind, (0, note, []))
                if len(names) < NAMED_PER_KIND:
                    names.append(res.source)
                self.held[kind] = (count + 1, note, names)

    def close(self) -> None:
        for count, note, names in self.held.values():
            more = "input" if count == 1 else "inputs"
            which = ", ".join(names) + (f" and {count - len(names)} more" if count > len(names) else "")
            say(
                f"piatable: and {count} more {more} with a note like '{note}'"
                f" ({which}; each input's notes: {self.where})"
            )


def run_to_outputs(
    paths: list[str],
    plan: OutputPlan,
    *,
    kind: str,
    settings: Settings,
    limits: Limits,
    jobs: int,
    scheduler: str | None,
    csv_encoding: str,
    csv_errors: str,
) -> int:
    """Extract ``paths`` and write every output of ``plan`` once, from one pass."""
    from piatable.models.writers import UnencodableText, cannot_hold, unencodable_chars

    order = {p: i for i, p in enumerate(paths)}
    results: list[DocumentResult] = []
    runner = make_runner(jobs, scheduler)  # before the bar's thread: workers are forked
    progress = Progress(len(paths))
    runner.say = progress.say
    where = plan.documents or plan.report
    notes = NoteLog(progress, str(where) if where else "--documents FILE")
    try:
        for _, res, _ in run_jobs((Job(p, kind, settings, limits) for p in paths), runner):
            assert isinstance(res, DocumentResult)  # a job without a dataset target
            notes.say(res)
            results.append(res)
            progress.advance()
    finally:
        progress.close()
        runner.close()
        notes.close()
    results.sort(key=lambda r: order.get(r.source, len(order)))
    records = [r for res in results if res.status != "failure" for r in res.records]
    failed = sum(res.status == "failure" for res in results)
    status = 1 if failed else 0
    written: list[str] = []
    for output in plan.outputs:
        try:
            write_output(records, output, csv_encoding, csv_errors)
        except UnencodableText as exc:
            # A file of an earlier run there stays as it was: say so, lest it be taken for this run's.
            left = (
                " (the file there is an earlier run's, left as it was)" if Path(output.name).exists() else ""
            )
            say(f"piatable: {output.name}: not written{left}: {exc}")
            status = 1
            continue
        written.append(f"{output.name} ({output.fmt})")
        if output.fmt == "csv" and csv_errors == "replace":
            # Nothing is replaced in silence: say which characters became '?' or a look-alike.
            chars, rows = unencodable_chars(records, csv_encoding)
            if chars:
                say(
                    f"piatable: {output.name}: {cannot_hold(csv_encoding, chars, rows)};"
                    " written as '?' or a look-alike (--csv-errors replace)"
                )
    if plan.outputs:  # one summary line, naming every output written
        say(
            f"piatable: {len(records)} rows from {len(results) - failed} of {len(results)} inputs"
            f"{_not_all_read(results)} → {', '.join(written) or 'nothing written'}"
        )
    if plan.report:
        from .report import write_report

        write_report(results, plan.report, settings)
    if plan.documents:
        from .documents import write_documents

        write_documents(results, plan.documents)
    return status


def run_to_dataset(
    paths: list[str],
    folder: Path,
    *,
    kind: str,
    settings: Settings,
    limits: Limits,
    jobs: int,
    scheduler: str | None,
    retry_failed: bool,
    report: Path | None = None,
) -> int:
    """Extract the inputs of ``paths`` not yet done into the dataset ``folder`` (see ``dataset``);
    with ``report``, write the quality report of all of ``paths`` (done now or before) there."""
    from .dataset import Dataset, Finished, InputInfo, Target, settings_hash

    unique = list(dict.fromkeys(paths))  # an input named twice is one input
    with Dataset(folder, __version__, settings_hash(settings, kind)) as ds:
        ds.write_documents()
        infos: dict[str, InputInfo] = {}
        ran: dict[str, bool] = {}  # inputs run now → whether they had failed before
        counts = {"done": 0, "reuse": 0, "run": 0}
        runner = make_runner(jobs, scheduler)  # before the bar's thread: workers are forked
        progress = Progress(len(unique))
        runner.say = progress.say
        notes = NoteLog(progress, f"{folder}/documents.parquet")

        def todo() -> Iterator[Job]:
            """Jobs of the inputs to run, hashed as the pool asks for more: the first results
            come at once, also when a rerun finds thousands of inputs already done."""
            for p in unique:
                info = ds.info(p)
                action = ds.plan(info, retry_failed)
                if action == "run":
                    infos[p] = info
                    prev = ds.entries.get(p)  # a retry of the same content that had failed?
                    ran[p] = prev is not None and prev["key"] == info.key and prev["status"] == "failure"
                    counts["run"] += 1
                    yield Job(p, kind, settings, limits, target=Target(info, ds.version, ds.settings_digest))
                    continue
                if action == "reuse":
                    row = ds.reuse(info)
                    ds.log(f"{row['status']} {row['rows']} rows, reused (same content) {p}")
                counts[action] += 1
                progress.advance()

        started = time.monotonic()
        try:
            for job, res, seconds in run_jobs(todo(), runner):
                info = infos.pop(job.path)
                status = res.row["status"] if isinstance(res, Finished) else res.status
                lost = ds.replaced_rows_note(info, status)
                if lost:
                    progress.say(f"piatable: {job.path}: {lost}")
                row = ds.add(info, res, seconds)
                ds.log(f"{row['status']} {row['rows']} rows {row['seconds']} s {job.path}")
                notes.say(res.result if isinstance(res, Finished) else res)
                progress.advance()
                ds.write_documents(force=False)
        finally:
            progress.close()
            runner.close()
            notes.close()
            ds.write_documents()
        statuses = ds.statuses(dict.fromkeys(paths))
        if report is not None:
            from .report import write_report

            write_report([ds.document_result(s) for s in statuses], report, settings)
        failed = [s for s, st in statuses.items() if st == "failure"]
        earlier = [s for s in failed if s not in ran]
        rows = sum(ds.entries[s]["rows"] for s in statuses)
        say(
            f"piatable: {folder}: {len(statuses)} inputs ({len(failed)} failed: "
            f"{len(failed) - len(earlier)} in this run, {len(earlier)} earlier), {rows} rows;"
            f" {counts['done']} already done, {counts['reuse']} reused,"
            f" {counts['run']} run in {time.monotonic() - started:.1f} s"
        )
        _say_failures(folder, failed, earlier, [s for s in failed if ran.get(s)], ds.entries)
        return 1 if failed else 0


def _say_failures(
    folder: Path, failed: list[str], earlier: list[str], again: list[str], entries: dict[str, Any]
) -> None:
    """The closing lines of a dataset run with failed inputs: the failures of this run (each
    already said on its own line), then those of earlier runs that this run did not retry, each
    with its reason (the first ``EARLIER_FAILURES_SHOWN``), so that a rerun's exit status 1
    says whether anything new went wrong."""
    new = len(failed) - len(earlier)
    if new:
        retried = f"{len(again)} of them had failed before; " if again else ""
        say(f"piatable: {_inputs(new)} failed in this run ({retried}see {folder}/documents.parquet)")
    if not earlier:
        return
    for source in earlier[:EARLIER_FAILURES_SHOWN]:
        error = entries[source].get("error") or "failed"
        say(f"piatable: earlier failure: {error}")
    if len(earlier) > EARLIER_FAILURES_SHOWN:
        say(f"piatable: and {len(earlier) - EARLIER_FAILURES_SHOWN} more earlier failures")
    one = len(earlier) == 1
    say(
        f"piatable: {'' if new else 'nothing new failed; '}{_inputs(len(earlier))} failed in an"
        f" earlier run and {'was' if one else 'were'} not run again (same content, version and"
        f" settings; see {folder}/documents.parquet); --retry-failed runs {'it' if one else 'them'} again"
    )


def _inputs(n: int) -> str:
    return f"{n} input" if n == 1 else f"{n} inputs"


def _not_all_read(results: list[DocumentResult]) -> str:
    """`` (1 failed: bad.txt; 2 partial: a.txt, b.pdf: see the notes above)`` for the summary
    line, or "" when every input was read whole.  Each kind names its inputs (the first
    ``NAMED_PER_KIND``, then how many more), so a count can be traced to its inputs without
    ``--documents`` (break22: "2 partial" named none); a skipped file (not a PDF, image or text)
    is counted among the inputs read and named too."""
    kinds = ("failed", "partial", "skipped")
    parts = []
    for what in kinds:
        names = [r.source for r in results if _status(r) == what]
        if names:
            shown = ", ".join(names[:NAMED_PER_KIND])
            more = len(names) - NAMED_PER_KIND
            parts.append(f"{len(names)} {what}: {shown}" + (f" and {more} more" if more > 0 else ""))
    if not parts:
        return ""
    return " (" + "; ".join(parts) + ": see the notes above)"


def _partial(res: DocumentResult) -> str:
    """``partial: `` before the notes of an input read in part, so its stderr line says so."""
    return "partial: " if res.status == "partial" else ""


def _status(res: DocumentResult) -> str:
    return "failed" if res.status == "failure" else res.status
