"""Check the bulk job's recovery (issue 13's Done-when) on about 200 mixed inputs.

    python tools/check_bulk_recovery.py [--work DIR] [--jobs 2] [--only NAME,...]

The folder: good texts (``samples/gen``, three copies each) and PDFs (``samples/pdf``, four
copies), two scans (``samples/scan``), among truncated, corrupt, encrypted, empty, binary and
non-table inputs and two huge ones (an 80-page assessment, a 5 MB text without a table); each
copy made distinct by trailing bytes.  The reference is ``extract_document`` on one file at a
time in this process.  Each scenario is a fresh ``--dataset`` run of the real CLI:

- ``plain``: one run;
- ``kill-run``: ``kill -9`` of the whole run (its process group) once 30–60 % of the inputs are
  written, then the same command again;
- ``kill-workers``: a random worker SIGKILLed every 0.2–0.8 s, busy or not, then ``--retry-failed``;
- ``kill-idle``: a worker sleeping outside a document (waiting for or taking its next input,
  as /proc shows) SIGKILLed every 0.02 s, then ``--retry-failed``.

For each: whether every run ended by itself, documents rows vs inputs (and duplicates), the
failures the kills caused, and whether the dataset's rows and statuses equal the reference.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

CLI = "import sys; from piatable.cli import main; sys.exit(main(sys.argv[1:]))"


def make_inputs(folder: Path) -> list[Path]:
    """About 200 mixed inputs in ``folder`` (see the module's docstring)."""
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    folder.mkdir(parents=True)
    for copy in range(3):
        for t in sorted((ROOT / "samples" / "gen").glob("*/input.txt")):
            (folder / f"{t.parent.name}-{copy}.txt").write_bytes(t.read_bytes() + b"\n" * (copy + 1))
    pdfs = sorted((ROOT / "samples" / "pdf").glob("*/input.pdf"))
    for copy in range(4):
        for p in pdfs:
            data = p.read_bytes() + f"\n%copy {copy}\n".encode()
            (folder / f"{p.parent.name}-{copy}.pdf").write_bytes(data)
    for s in sorted((ROOT / "samples" / "scan").glob("*/input.*"))[:2]:
        (folder / f"scan-{s.parent.name}{s.suffix}").write_bytes(s.read_bytes())
    good = pdfs[0].read_bytes()
    for i in range(10):
        (folder / f"truncated-{i}.pdf").write_bytes(good[: len(good) * (i + 1) // 12])
        (folder / f"corrupt-{i}.pdf").write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * (20 + i))
        (folder / f"prose-{i}.txt").write_text(f"これは表ではない文章です。{i}\n" * (i + 1), "utf-8")
    for i in range(5):
        c = canvas.Canvas(str(folder / f"encrypted-{i}.pdf"), encrypt=pdfencrypt.StandardEncryption(f"pw{i}"))
        c.drawString(100, 100, f"secret {i}")
        c.save()
        (folder / f"empty-{i}.txt").write_bytes(b"" if i == 0 else b"\n" * i)
        (folder / f"blob-{i}.txt").write_bytes(bytes(range(256)) * (4 + i))
    from make_pdfs import make_long

    make_long(folder / "huge-80-pages.pdf", pages=80)
    line = "本文のみで表のない長い文書の一行です。" * 4 + "\n"
    (folder / "huge-text.txt").write_text(line * (5_000_000 // len(line.encode())), "utf-8")
    return sorted(p for p in folder.iterdir() if p.is_file())


def reference(paths: list[Path]) -> tuple[list[dict], dict[str, str]]:
    """Rows and statuses of one-file-at-a-time runs."""
    from piatable.models.writers import records_to_table
    from piatable.pipeline import extract_document

    records, statuses = [], {}
    for p in paths:
        res = extract_document(str(p))
        statuses[str(p)] = res.status
        if res.status != "failure":
            records += res.records
    return _sorted(records_to_table(records).to_pylist()), statuses


def _sorted(rows: list[dict]) -> list[dict]:
    return sorted(rows, key=lambda r: (r["source"], r["row_index"]))


def dataset_state(ds: Path) -> tuple[list[dict], dict[str, str], int]:
    """(rows, status by source, documents rows) of a dataset."""
    import pandas as pd
    import pyarrow.parquet as pq

    rows = pq.read_table(ds / "records").to_pylist() if any((ds / "records").glob("*.parquet")) else []
    docs = pd.read_parquet(ds / "documents.parquet")
    return _sorted(rows), dict(zip(docs["source"], docs["status"], strict=True)), len(docs)


def start(args: list[str]) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", CLI, "extract", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


def workers(proc: subprocess.Popen) -> list:
    import psutil

    try:
        me = psutil.Process(proc.pid)
        return [c for c in me.children() if c.cmdline() == me.cmdline()]
    except psutil.Error:
        return []


def idle(w) -> bool:  # type: ignore[no-untyped-def]
    try:
        state = Path(f"/proc/{w.pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        wchan = Path(f"/proc/{w.pid}/wchan").read_text()
    except OSError:
        return False
    return state == "S" and (wchan.startswith("poll") or "futex" in wchan)


def written(ds: Path) -> int:
    return len(list((ds / "records").glob("*.parquet"))) if (ds / "records").exists() else 0


def run(args: list[str], limit_s: float, killer: str | None = None, n: int = 0) -> dict:
    """Run the CLI; with ``killer``, kill the run or its workers as the scenario says."""
    proc = start(args)
    ds = Path(args[args.index("--dataset") + 1])
    t0, kills, target = time.monotonic(), 0, int(n * random.uniform(0.3, 0.6))
    next_kill = t0 + random.uniform(0.2, 0.8)
    while proc.poll() is None and time.monotonic() - t0 < limit_s:
        now = time.monotonic()
        if killer == "run" and written(ds) >= target:
            os.killpg(proc.pid, signal.SIGKILL)
            kills += 1
            break
        if killer == "workers" and now >= next_kill:
            ws = workers(proc)
            if ws:
                random.choice(ws).send_signal(signal.SIGKILL)
                kills += 1
            next_kill = now + random.uniform(0.2, 0.8)
        if killer == "idle":
            for w in [w for w in workers(proc) if idle(w)][:1]:
                w.send_signal(signal.SIGKILL)
                kills += 1
        time.sleep(0.02 if killer in ("idle", "run") else 0.05)
    ended = proc.poll() is not None
    if not ended:
        os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    err = proc.stderr.read() if proc.stderr else ""
    return {
        "rc": proc.returncode,
        "ended_by_itself": ended and killer != "run",
        "seconds": round(time.monotonic() - t0, 1),
        "kills": kills,
        "written_at_kill": written(ds) if killer == "run" else None,
        "restarts": err.count("worker pool restarted"),
        "inputs_killed": err.count("worker killed by signal"),
        "inputs_lost_twice": err.count("worker pools that had to be restarted"),
        "traceback": "Traceback" in err,
    }


def compare(ds: Path, ref_rows: list[dict], ref_status: dict[str, str]) -> dict:
    rows, statuses, ndocs = dataset_state(ds)
    wrong = {s: (st, ref_status.get(s)) for s, st in statuses.items() if st != ref_status.get(s)}
    return {
        "documents_rows": ndocs,
        "inputs": len(ref_status),
        "every_input_once": ndocs == len(ref_status) and set(statuses) == set(ref_status),
        "records_equal": rows == ref_rows,
        "rows": len(rows),
        "reference_rows": len(ref_rows),
        "statuses_differing": len(wrong),
        "differing_examples": dict(list(wrong.items())[:3]),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--work", type=Path, default=None)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--only", default="plain,kill-run,kill-workers,kill-idle")
    ap.add_argument("--limit", type=float, default=900, help="seconds before a run counts as stalled")
    a = ap.parse_args()
    work = a.work or Path(tempfile.mkdtemp(prefix="piatable-recovery-"))
    folder = work / "in"
    paths = make_inputs(folder) if not folder.exists() else sorted(p for p in folder.iterdir() if p.is_file())
    t0 = time.monotonic()
    ref_rows, ref_status = reference(paths)
    print(json.dumps({"inputs": len(paths), "reference_s": round(time.monotonic() - t0, 1)}), flush=True)
    base = [str(folder), "--jobs", str(a.jobs)]
    for name in a.only.split(","):
        ds = work / f"ds-{name}"
        args = [*base, "--dataset", str(ds)]
        out: dict = {"scenario": name}
        if name == "plain":
            out["run"] = run(args, a.limit)
        elif name == "kill-run":
            out["run"] = run(args, a.limit, "run", len(paths))
            out["rerun"] = run(args, a.limit)
        else:
            out["run"] = run(args, a.limit, name.removeprefix("kill-"), len(paths))
            out["after_run"] = compare(ds, ref_rows, ref_status)
            out["retry"] = run([*args, "--retry-failed"], a.limit)
        out["result"] = compare(ds, ref_rows, ref_status)
        print(json.dumps(out, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
