"""Bench of the bulk job (``piatable extract … --dataset DIR``), each run a fresh CLI process.

    python tools/bench_bulk.py [--n 200] [--big 2000] [--no-dask] [--no-long | --only-long] [--runs N]

1. files/s on ``--n`` PDFs (copies of ``samples/pdf/*/input.pdf``, each made distinct by a
   trailing comment so that every one has its own resume key) at ``--jobs 1``, ``--jobs 2`` and
   through a Dask cluster started here on loopback (one worker, two threads).  "wall" counts
   the whole command (start-up included); "warm" counts from the first finished document to
   the last (from DIR/piatable.log).
2. The parent's peak RSS (``getrusage(RUSAGE_SELF)`` in the CLI process: the workers are not
   counted) for ``--n`` and ``--big`` text inputs (one in ten a copy of the seed table, the rest
   short texts without a table), ``--jobs 2``.
3. Pages/s on real-size assessments (40 and 80 pages, the table at the end, made by
   ``tools/make_pdfs.make_long``), warm, one worker, beside ``pdftotext`` extracting the whole
   text of the same files one after another; and the CPU time of both (the worker's over all
   the files, its first read cold; ``pdftotext``'s user + system), which other jobs on the
   machine move far less.  ``--runs N``: part 3 N times, each run's figures and their medians.

piatable's modules are byte-compiled first (``compile_bytecode``), as an installed piatable has them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

WRAPPER = """
import json, resource, sys, time
from piatable.cli import main
t0 = time.monotonic()
rc = main(sys.argv[2:])
me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
json.dump({"rc": rc, "wall": time.monotonic() - t0, "maxrss_mb": me.ru_maxrss / 1024,
           "parent_cpu_s": me.ru_utime + me.ru_stime, "workers_cpu_s": kids.ru_utime + kids.ru_stime},
          open(sys.argv[1], "w"))
"""


def compile_bytecode() -> None:
    """Byte-compile piatable's modules once, as ``pip install`` does for a user: an editable
    install run with ``PYTHONDONTWRITEBYTECODE=1`` (set on the development machine) otherwise
    compiles its ~120 modules from source at every start of every CLI process timed here
    (about 0.5 s of CPU each, 2026-12-02), which no installed piatable pays."""
    import compileall

    for folder in ("src", "extract", "normalize", "models"):
        compileall.compile_dir(str(ROOT / folder), quiet=1)


def run_cli(args: list[str], tmp: Path, env: dict | None = None) -> dict:
    """Run ``piatable extract ARGS`` in a fresh process; wall time, exit status, parent peak RSS."""
    stats = tmp / f"stats-{time.monotonic_ns()}.json"
    t0 = time.monotonic()
    subprocess.run(
        [sys.executable, "-c", WRAPPER, str(stats), "extract", *args],
        check=False,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    out = json.loads(stats.read_text())
    out["process_wall"] = time.monotonic() - t0
    return out


def log_span(ds: Path) -> tuple[int, float]:
    """(documents, seconds from the first finished to the last) from DIR/piatable.log."""
    times = [
        dt.datetime.strptime(ln.split(" ", 1)[0], "%Y-%m-%dT%H:%M:%S.%fZ")
        for ln in (ds / "piatable.log").read_text("utf-8").splitlines()
    ]
    return len(times), (max(times) - min(times)).total_seconds()


def make_pdf_inputs(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True)
    samples = sorted((ROOT / "samples" / "pdf").glob("*/input.pdf"))
    out = []
    for i in range(n):
        src = samples[i % len(samples)]
        p = folder / f"{i:05d}-{src.parent.name}.pdf"
        p.write_bytes(src.read_bytes() + f"\n%piatable-bench {i}\n".encode())
        out.append(p)
    return out


def make_text_inputs(folder: Path, n: int) -> None:
    folder.mkdir(parents=True)
    seed = (ROOT / "samples" / "seed" / "input.txt").read_bytes()
    for i in range(n):
        if i % 10 == 0:
            (folder / f"{i:05d}.txt").write_bytes(seed + b"\n" * (i // 10 + 1))
        else:
            (folder / f"{i:05d}.txt").write_text(f"本文のみ、表はない。{i}\n", "utf-8")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def dask_cluster() -> tuple[str, list[subprocess.Popen]]:
    from distributed import Client

    dask = str(Path(sys.executable).parent / "dask")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    quiet = ["--no-dashboard", "--host", "127.0.0.1"]
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    procs = [
        subprocess.Popen(
            [dask, "scheduler", "--port", str(port), *quiet],
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        ),
        subprocess.Popen(
            [dask, "worker", address, "--nthreads", "2", *quiet],
            stderr=subprocess.DEVNULL,
            env=env,
            start_new_session=True,
        ),
    ]
    with Client(address, timeout="30s") as client:
        client.wait_for_workers(1, timeout=60)
    return address, procs


def stop(procs: list[subprocess.Popen]) -> None:
    for p in reversed(procs):
        os.killpg(p.pid, signal.SIGKILL)
        p.wait()


def bench_throughput(tmp: Path, n: int, use_dask: bool) -> list[dict]:
    folder = tmp / "pdfs"
    make_pdf_inputs(folder, n)
    rows = []
    runs: list[tuple[str, list[str]]] = [("--jobs 1", ["--jobs", "1"]), ("--jobs 2", ["--jobs", "2"])]
    procs: list[subprocess.Popen] = []
    if use_dask:
        address, procs = dask_cluster()
        runs.append(("Dask, 1 worker × 2 threads", ["--scheduler", address]))
    try:
        for name, extra in runs:
            ds = tmp / f"ds-{len(rows)}"
            st = run_cli([str(folder), "--dataset", str(ds), *extra], tmp)
            docs, span = log_span(ds)
            rows.append(
                {
                    "run": name,
                    "inputs": n,
                    "rc": st["rc"],
                    "wall_s": round(st["process_wall"], 1),
                    "files_per_s": round(n / st["process_wall"], 2),
                    "warm_files_per_s": round((docs - 1) / span, 2) if span else None,
                    "parent_maxrss_mb": round(st["maxrss_mb"], 1),
                    "parent_cpu_s": round(st["parent_cpu_s"], 1),
                    "workers_cpu_s": round(st["workers_cpu_s"], 1),
                    "load_avg_1min": round(os.getloadavg()[0], 1),
                }
            )
            print(json.dumps(rows[-1]), flush=True)
    finally:
        stop(procs)
    return rows


def bench_parent_memory(tmp: Path, sizes: list[int]) -> list[dict]:
    rows = []
    for n in dict.fromkeys(sizes):
        folder = tmp / f"texts-{n}"
        make_text_inputs(folder, n)
        ds = tmp / f"ds-texts-{n}"
        st = run_cli([str(folder), "--dataset", str(ds), "--jobs", "2"], tmp)
        rows.append(
            {
                "inputs": n,
                "rc": st["rc"],
                "wall_s": round(st["process_wall"], 1),
                "parent_maxrss_mb": round(st["maxrss_mb"], 1),
                "parent_cpu_s": round(st["parent_cpu_s"], 1),
            }
        )
        print(json.dumps(rows[-1]), flush=True)
    return rows


def _children_cpu() -> float:
    """User + system CPU seconds of this process's finished children."""
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def bench_long_runs(tmp: Path, runs: int) -> None:
    """``bench_long`` ``runs`` times (the machine may be shared: one run's wall clock moves by up
    to 2x), then the medians of its figures, each run's ratios among them."""
    rows = [bench_long(tmp / f"run-{k}") for k in range(runs)]
    keys = ("piatable_warm_pages_per_s", "pdftotext_pages_per_s", "ratio", "piatable_worker_cpu_s")
    keys += ("pdftotext_cpu_s", "cpu_ratio", "load_average")
    medians = {f"median_{k}": round(statistics.median(r[k] for r in rows), 3) for k in keys}
    print(json.dumps({"runs": runs, **medians}))


def bench_long(tmp: Path, copies: int = 3) -> dict:
    import pypdfium2 as pdfium
    from make_pdfs import make_long

    folder = tmp / "long"
    folder.mkdir(parents=True)
    pages_of: dict[str, int] = {}
    for size in (40, 80):
        base = tmp / f"assessment-{size}p.pdf"
        make_long(base, size)
        for i in range(copies):
            p = folder / f"a{size}-{i}.pdf"
            p.write_bytes(base.read_bytes() + f"\n%piatable-bench {i}\n".encode())
            pages_of[str(p)] = len(pdfium.PdfDocument(str(p)))
    ds = tmp / f"ds-long-{time.monotonic_ns()}"
    cli = run_cli([str(folder), "--dataset", str(ds), "--jobs", "1"], tmp)
    lines = (ds / "piatable.log").read_text("utf-8").splitlines()
    stamps = sorted(
        (dt.datetime.strptime(ln.split(" ", 1)[0], "%Y-%m-%dT%H:%M:%S.%fZ"), ln.rsplit(" ", 1)[1])
        for ln in lines
    )
    warm_pages = sum(pages_of[src] for _, src in stamps[1:])
    span = (stamps[-1][0] - stamps[0][0]).total_seconds()
    t0, c0 = time.monotonic(), _children_cpu()
    for p in pages_of:
        subprocess.run(["pdftotext", p, str(tmp / "out.txt")], check=True)
    pdftotext_s, pdftotext_cpu = time.monotonic() - t0, _children_cpu() - c0
    pages = sum(pages_of.values())
    row = {
        "files": len(pages_of),
        "pages": pages,
        "piatable_warm_pages_per_s": round(warm_pages / span, 1),
        "pdftotext_pages_per_s": round(pages / pdftotext_s, 1),
        "ratio": round(warm_pages / span / (pages / pdftotext_s), 3),
        # CPU seconds: the worker's over all the files (the first, cold, read included: the
        # worker is forked warm from the parent's imports) and ``pdftotext``'s (user + system).
        "piatable_worker_cpu_s": round(cli["workers_cpu_s"], 3),
        "pdftotext_cpu_s": round(pdftotext_cpu, 3),
        "cpu_ratio": round(pdftotext_cpu / cli["workers_cpu_s"], 3) if cli["workers_cpu_s"] else None,
        "load_average": os.getloadavg()[0],
    }
    print(json.dumps(row), flush=True)
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200, help="inputs for files/s and the first memory figure")
    ap.add_argument("--big", type=int, default=2000, help="inputs for the second memory figure")
    ap.add_argument("--no-dask", action="store_true", help="leave out the Dask run")
    ap.add_argument("--no-long", action="store_true", help="leave out the 40/80-page assessments")
    ap.add_argument("--only-long", action="store_true", help="only the 40/80-page assessments (part 3)")
    ap.add_argument("--runs", type=int, default=1, help="part 3 this many times, then the medians")
    ns = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="piatable-bench-bulk-"))
    compile_bytecode()
    try:
        if ns.only_long:
            bench_long_runs(tmp, ns.runs) if ns.runs > 1 else bench_long(tmp)
            return
        rows = bench_throughput(tmp, ns.n, not ns.no_dask)
        one = next(r for r in rows if r["run"] == "--jobs 1")
        two = next(r for r in rows if r["run"] == "--jobs 2")
        print(f"speed-up at 2 workers: {two['wall_s'] and one['wall_s'] / two['wall_s']:.2f}× (wall)")
        bench_parent_memory(tmp, [ns.n, ns.big])
        if not ns.no_long:
            bench_long_runs(tmp, ns.runs) if ns.runs > 1 else bench_long(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
