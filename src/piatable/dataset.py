"""The bulk dataset of ``piatable extract … --dataset DIR``, and what makes it resumable.

    DIR/records/SRC-KEY.parquet   one file per input: its rows (perhaps none), schema ``arrow_schema``
    DIR/documents.parquet         one row per input (``DOCUMENT_COLUMNS``), rebuilt from records/
    DIR/piatable.log              one line per finished input
    DIR/.piatable.lock            held by the run writing DIR

A document's file carries, besides its rows, the document's row of ``documents.parquet`` in the
Parquet key-value metadata (``DOC_META_KEY``).  The file is written under a hidden temporary
name and renamed: the rename is the single moment the document becomes done, so its rows and its
done marker cannot disagree, and a ``kill -9`` at any moment leaves each input either done (all
its rows) or not done (none).  ``documents.parquet`` is only a summary: it is rebuilt from the
files' metadata at the start and end of a run and every ``DOCUMENTS_EVERY_S`` seconds.

``SRC`` is a hash of the input's path as given, ``KEY`` of its content (sha256), the piatable
version and the settings (and ``--kind``): a rerun skips inputs whose file has the current key,
reuses the rows of a renamed (or copied) file without reading it again, and redoes a changed one.
Superseded files of an input are removed after the new one is in place; if a kill comes between
the two, the start of the next run keeps the newest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from piatable.messages import one_line
from piatable.models.writers import records_to_table, rows_to_table

from .documents import COVER_FIELDS, document_row
from .outputs import atomic_path

if TYPE_CHECKING:
    import pyarrow as pa

    from piatable.models import DocumentResult

    from .settings import Settings

DOC_META_KEY = b"piatable.document"
RECORDS_DIR = "records"
DOCUMENTS_FILE = "documents.parquet"
LOG_FILE = "piatable.log"
LOCK_FILE = ".piatable.lock"
# documents.parquet is rewritten at least this often during a run (s).
DOCUMENTS_EVERY_S = 60.0
# ... in row groups of this many rows (bounds the parent's memory while it writes).
DOCUMENTS_CHUNK_ROWS = 1000
HASH_CHUNK = 1 << 20
# Hex digits of the hashes in a document file's name.
NAME_HASH_DIGITS = 16

# The one definition of documents.parquet: (column, Arrow type name, nullable).  The cover facts
# (``documents.COVER_FIELDS``) and the table's first and last page follow these.
DOCUMENT_COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("source", "string", False),
    ("sha256", "string", False),
    ("bytes", "int64", False),
    ("kind", "string", False),
    ("status", "string", False),
    ("rows", "int64", False),
    ("pages", "int64", False),
    ("seconds", "float64", False),
    ("error", "string", True),
    ("notes", "list<string>", False),
    ("piatable_version", "string", False),
    ("settings_hash", "string", False),
    ("key", "string", False),
    ("finished", "string", False),
    *((name, "string", True) for name in COVER_FIELDS),
    ("table_page_start", "int64", True),
    ("table_page_end", "int64", True),
)


class DatasetLocked(RuntimeError):
    """Another run is writing the dataset folder."""


def documents_schema() -> pa.Schema:
    import pyarrow as pa

    types = {"string": pa.string(), "int64": pa.int64(), "float64": pa.float64()}
    types["list<string>"] = pa.list_(pa.string())
    return pa.schema([pa.field(n, types[t], nullable=nl) for n, t, nl in DOCUMENT_COLUMNS])


def settings_hash(settings: Settings, kind: str) -> str:
    """A short hash of every setting's value and the reader kind: what else decides the rows."""
    data = json.dumps({"settings": settings.to_dict(), "kind": kind}, sort_keys=True, default=str)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:NAME_HASH_DIGITS]


def file_sha256(path: str | Path) -> tuple[str, int]:
    """(sha256 hex, size in bytes) of a file, read in 1 MB chunks."""
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(HASH_CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def _short(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:NAME_HASH_DIGITS]


@dataclass(slots=True)
class InputInfo:
    """What the parent knows of an input before it runs: path, content hash and size, key."""

    source: str
    sha256: str  # "" when the file could not be read (it is then always run again)
    size: int
    key: str

    @property
    def file_name(self) -> str:
        return f"{_short(self.source)}-{self.key}.parquet"


@dataclass(frozen=True, slots=True)
class Target:
    """Where a document run for a dataset goes, as the parent knows it before the run: the
    input (``InputInfo``), the dataset's piatable version and settings digest (of the parent,
    which keys the dataset, also when a Dask worker has another version)."""

    info: InputInfo
    version: str
    settings_digest: str


@dataclass(slots=True)
class Finished:
    """A document made ready for the dataset where it ran (``encode``, in the worker): its result
    without the records (status, errors, notes: for the parent's lines), its documents row, and
    the bytes of its Parquet file (its rows, the row in the file's metadata).  The parent only
    writes the bytes under the file's name: converting records to Arrow and Parquet in the
    parent cost it about 8 ms of CPU a document, which two workers on two cores compete with."""

    result: DocumentResult
    row: dict[str, Any]
    data: bytes


def encode(target: Target, result: DocumentResult, seconds: float) -> Finished:
    """The documents row and the Parquet file of one finished document (see ``Finished``);
    ``seconds``: the document's time in its worker."""
    import dataclasses

    info = target.info
    facts = document_row(result)
    row: dict[str, Any] = {
        "source": info.source,
        "sha256": info.sha256,
        "bytes": info.size,
        "kind": result.kind,
        "status": result.status,
        "rows": len(result.records),
        "pages": result.pages,
        "seconds": round(seconds, 3),
        "error": facts["error"],
        "notes": facts["notes"],
        "piatable_version": target.version,
        "settings_hash": target.settings_digest,
        "key": info.key,
        "finished": _now(),
    }
    for name in (*COVER_FIELDS, "table_page_start", "table_page_end"):
        row[name] = facts[name]
    data = _file_bytes(records_to_table(result.records), row)
    return Finished(dataclasses.replace(result, records=[]), row, data)


def _file_bytes(table: pa.Table, row: dict[str, Any]) -> bytes:
    """A document's Parquet file: ``table`` with the documents ``row`` in its metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    meta = {DOC_META_KEY: json.dumps(row, ensure_ascii=False).encode("utf-8")}
    sink = pa.BufferOutputStream()
    pq.write_table(table.replace_schema_metadata(meta), sink)
    return sink.getvalue().to_pybytes()


class Dataset:
    """An open dataset folder, locked for this run (use as a context manager)."""

    def __init__(self, folder: str | Path, version: str, settings_digest: str) -> None:
        self.folder = Path(folder)
        self.records = self.folder / RECORDS_DIR
        self.version = version
        self.settings_digest = settings_digest
        self.entries: dict[str, dict[str, Any]] = {}  # source → its documents row (+ "_file")
        self.sources_of_key: dict[str, set[str]] = {}  # key → every source done with it
        self._lock: Any = None
        self._log: Any = None
        self._documents_written = 0.0

    # -- opening and closing

    def __enter__(self) -> Dataset:
        self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def open(self) -> None:
        """Lock the folder, drop temporary files a killed run left, and read what is done."""
        from filelock import FileLock, Timeout

        self.records.mkdir(parents=True, exist_ok=True)
        self._lock = FileLock(str(self.folder / LOCK_FILE))
        try:
            self._lock.acquire(timeout=0)
        except Timeout as exc:
            raise DatasetLocked(f"{self.folder} is being written by another piatable run") from exc
        for tmp in self.records.glob(".*.tmp"):
            tmp.unlink(missing_ok=True)
        self._scan()
        self._log = open(self.folder / LOG_FILE, "a", encoding="utf-8", buffering=1)

    def close(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def _scan(self) -> None:
        import pyarrow.parquet as pq

        found: dict[str, list[dict[str, Any]]] = {}
        for path in self.records.glob("*.parquet"):
            try:
                meta = pq.read_schema(path).metadata or {}
                row = json.loads(meta[DOC_META_KEY].decode("utf-8"))
            except Exception:  # not one of ours, or unreadable: leave it out of the dataset
                continue
            row["_file"] = path.name
            found.setdefault(row["source"], []).append(row)
        for source, rows in found.items():
            rows.sort(key=lambda r: (r["finished"], r["_file"]))
            for stale in rows[:-1]:
                (self.records / stale["_file"]).unlink(missing_ok=True)
            self._remember(source, rows[-1])

    def _remember(self, source: str, row: dict[str, Any]) -> None:
        old = self.entries.get(source)
        if old is not None:
            self._forget_key(source, old["key"])
        self.entries[source] = row
        if row["sha256"]:
            self.sources_of_key.setdefault(row["key"], set()).add(source)

    def _forget_key(self, source: str, key: str) -> None:
        """``source`` no longer holds ``key``."""
        others = self.sources_of_key.get(key, set())
        others.discard(source)
        if not others:
            self.sources_of_key.pop(key, None)

    def donor(self, key: str) -> str | None:
        """The source whose rows an input of ``key`` reuses: the first by name of those done with
        it (the same on every run), or None."""
        sources = self.sources_of_key.get(key)
        return min(sources) if sources else None

    # -- deciding

    def info(self, source: str) -> InputInfo:
        """Hash an input (``sha256`` is "" when it cannot be read) and give its key."""
        try:
            sha, size = file_sha256(source)
        except OSError:
            sha, size = "", 0
        key = _short(f"{sha}|{self.version}|{self.settings_digest}")
        return InputInfo(source, sha, size, key)

    def plan(self, info: InputInfo, retry_failed: bool) -> str:
        """``done`` (nothing to do), ``reuse`` (copy the rows of the same content) or ``run``."""
        if not info.sha256:
            return "run"
        row = self.entries.get(info.source)
        if row is not None and row["key"] == info.key:
            return "run" if retry_failed and row["status"] == "failure" else "done"
        donor = self.donor(info.key)
        if donor is not None and not (retry_failed and self.entries[donor]["status"] == "failure"):
            return "reuse"
        return "run"

    # -- writing

    def add(self, info: InputInfo, result: DocumentResult | Finished, seconds: float) -> dict[str, Any]:
        """Write one finished document (rows + its documents row), atomically; return the row.
        ``result`` is ``Finished`` when its worker encoded it, else (a worker that failed) the
        parent encodes it here."""
        if not isinstance(result, Finished):
            result = encode(Target(info, self.version, self.settings_digest), result, seconds)
        row, data = result.row, result.data
        lost = self.replaced_rows_note(info, row["status"])
        if lost:  # the note goes into the file's own documents row too (read back on a rerun)
            import pyarrow as pa
            import pyarrow.parquet as pq

            row = {**row, "notes": [*row["notes"], lost]}
            data = _file_bytes(pq.read_table(pa.BufferReader(data)), row)
        self._write(info, data, row)
        return row

    def replaced_rows_note(self, info: InputInfo, status: str) -> str | None:
        """The note of a changed input whose new version fails while its earlier version gave rows
        (a good file replaced by a truncated download): those rows leave the dataset with the old
        version, and the input's documents row says how many (else None)."""
        old = self.entries.get(info.source)
        if old is None or old["key"] == info.key or not old["rows"] or status != "failure":
            return None
        return (
            f"changed since it was read on {old['finished']} and now fails: the {old['rows']} rows of"
            f" its earlier version (sha256 {old['sha256'][:12]}…) were removed from the dataset"
        )

    def reuse(self, info: InputInfo) -> dict[str, Any]:
        """Copy the rows of a finished input with the same key under this input's name."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        donor = self.donor(info.key)
        assert donor is not None, info.source  # plan() said reuse
        old = self.entries[donor]
        table = pq.read_table(self.records / old["_file"])
        # The column keeps the schema's type: pa.array([]) alone is of type null, and one such file
        # (a reused input with no rows) made the whole records/ dataset unreadable.
        at = table.schema.get_field_index("source")
        sources = pa.array([info.source] * table.num_rows, type=table.schema.field(at).type)
        table = table.set_column(at, table.schema.field(at), sources)
        row = {k: v for k, v in old.items() if k != "_file"}
        row.update(source=info.source, bytes=info.size, finished=_now())
        if row["error"]:
            row["error"] = row["error"].replace(donor, info.source)
        self._write(info, _file_bytes(table, row), row)
        # A renamed file: its old name is gone, and its rows go with it.  Every old name of this
        # content is looked at, not only the donor's: with copies of a file in the corpus, the
        # donor may be a copy still on disk, and the renamed file's rows stayed under both names
        # (a bulk user's crawl).
        for gone in sorted(self.sources_of_key.get(info.key, set()) - {info.source}):
            if not os.path.exists(gone):
                self.drop(gone)
        return row

    def drop(self, source: str) -> None:
        """Remove an input from the dataset (its file and its documents row)."""
        row = self.entries.pop(source, None)
        if row is None:
            return
        self._forget_key(source, row["key"])
        (self.records / row["_file"]).unlink(missing_ok=True)

    def _write(self, info: InputInfo, data: bytes, row: dict[str, Any]) -> None:
        final = self.records / info.file_name
        with atomic_path(final) as tmp:
            tmp.write_bytes(data)
        old = self.entries.get(info.source)
        row["_file"] = final.name
        self._remember(info.source, row)
        if old is not None and old["_file"] != final.name:
            (self.records / old["_file"]).unlink(missing_ok=True)

    def log(self, line: str) -> None:
        """Append one line to DIR/piatable.log (flushed at once). Control characters (a newline
        in a file name) are written escaped (``\\n``), so the log keeps one line per input."""
        if self._log is not None:
            self._log.write(f"{_now()} {one_line(line)}\n")

    def write_documents(self, force: bool = True) -> Path:
        """Rewrite documents.parquet from what is done (at most every ``DOCUMENTS_EVERY_S``
        seconds unless ``force``)."""
        import time

        import pyarrow.parquet as pq

        path = self.folder / DOCUMENTS_FILE
        now = time.monotonic()
        if not force and now - self._documents_written < DOCUMENTS_EVERY_S:
            return path
        self._documents_written = now
        schema = documents_schema()
        done = sorted(self.entries.items(), key=lambda kv: kv[0])
        with atomic_path(path) as tmp, pq.ParquetWriter(tmp, schema) as writer:
            # A row group of DOCUMENTS_CHUNK_ROWS at a time: the Arrow table (and the JSON it is
            # read from) of tens of thousands of inputs at once took over 100 MB at its peak.
            for at in range(0, max(len(done), 1), DOCUMENTS_CHUNK_ROWS):
                rows = [
                    {name: row.get(name) for name in schema.names}
                    for _, row in done[at : at + DOCUMENTS_CHUNK_ROWS]
                ]
                writer.write_table(rows_to_table(rows, schema))
        return path

    def document_result(self, source: str) -> DocumentResult:
        """What the input ``source`` gave, read back from the dataset: its records (from its
        Parquet file), status, notes, error and cover facts.  For the report of a dataset run;
        a document whose records file is gone comes back without records."""
        import pyarrow.parquet as pq

        from piatable.models import DocumentResult, Record

        row = self.entries[source]
        records = []
        path = self.records / row["_file"]
        if path.exists():
            for d in pq.read_table(path).to_pylist():
                if d.get("change_date") is not None:
                    d["change_date"] = d["change_date"].isoformat()
                records.append(Record.from_dict(d))
        return DocumentResult(
            source,
            records,
            row["status"],
            row.get("kind") or "",
            row.get("pages") or 0,
            [("extract", None, row["error"])] if row.get("error") else [],
            list(row.get("notes") or []),
            {k: row[k] for k in COVER_FIELDS if row.get(k)},
        )

    def statuses(self, sources: Iterable[str]) -> dict[str, str]:
        """The status of each of ``sources`` that is in the dataset."""
        return {s: self.entries[s]["status"] for s in sources if s in self.entries}


def _now() -> str:
    return dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
