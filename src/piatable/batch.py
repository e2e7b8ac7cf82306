"""Documents run in isolated worker processes, each with a time and a memory limit.

Each input is one task of a Pebble ``ProcessPool``: a task whose worker dies (a signal, the
kernel's OOM killer, a crash inside a PDF library) fails alone with ``ProcessExpired`` and the
pool starts a fresh worker, so the batch goes on.  (``concurrent.futures`` and loky break the
whole executor when one worker dies and fail every queued task with it, without saying which
one the dead worker ran; Pebble also kills a worker past its task's timeout.)  A worker killed
between tasks takes Pebble's pool down all the same: while none runs, Pebble gives the pool up;
in the task hand-over, the dead worker holds the channel's lock for good and the pool stalls
(noxdafox/pebble#163, in 5.2.3).  ``LocalRunner``'s supervisor sees both and restarts the pool
with the unfinished inputs queued again (see there).

Inside the worker a watchdog thread (``worker_watchdog``) checks, every ``WATCH_INTERVAL_S``, the
elapsed time and the resident memory of the worker above its memory at its start, with its child
processes' (tesseract); past a limit it kills the children and exits with a code that names the
limit.  An input over the memory limit in a worker that had read other inputs is read again, once,
in a fresh worker (``LocalRunner._read_again_fresh``): memory that earlier inputs left in a
worker does not fail it; only an input that is over the limit alone fails "over 2048 MB".  The
watchdog also stops the worker when the parent is gone (a ``kill -9`` of the run), so that no
worker reads on for nobody.  Pebble's own
timeout, a little later, is the backstop for a watchdog that cannot run.  The parent turns each
way of dying into one failure reason: "worker killed by signal 9", "timed out after 300 s", "over 2048 MB".

Results are handed back as they complete, not in input order, with at most
``IN_FLIGHT_PER_WORKER`` tasks queued per worker, so the parent's memory does not grow with the
number of inputs.  ``DaskRunner`` runs the same tasks on a Dask cluster: each Dask worker keeps
its own Pebble pool, so the limits and the failure reasons are the same.
"""

from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os
import shutil
import threading
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from piatable.messages import say
from piatable.models import DocumentResult

from .dataset import Finished, Target, encode
from .pipeline import extract_document
from .settings import Settings
from .worker_pool import pool_context, run_temp_folder, stop_pool
from .worker_test_hooks import TEST_HOOK_ENV as TEST_HOOK_ENV  # the tests' switch, named here too
from .worker_test_hooks import misbehave_if_asked
from .worker_watchdog import EXIT_MEMORY, EXIT_MEMORY_WARM, EXIT_TIMEOUT, start_worker, watched

DEFAULT_TIMEOUT_S = 300.0
DEFAULT_MAX_MEMORY_MB = 2048
# Pebble kills a worker this long after the task's own limit, in case the watchdog could not run.
TIMEOUT_GRACE_S = 5.0
# Tasks queued per worker beyond the one it runs: enough to keep it busy, few enough that the
# parent holds only a handful of results at a time.
IN_FLIGHT_PER_WORKER = 2
# A worker is replaced by a fresh one after this many documents (Pebble's ``max_tasks``): a warm
# worker's memory grows with what it has read (caches, the allocator's high-water mark); this
# bounds it.  (The memory limit does not fail an input for it: an input over the limit in a warm
# worker is read again in a fresh one; session 53's and 71's ``make run`` had scans late in the
# run fail "over 2048 MB" that alone read in 250-1,134 MB, a fresh worker then counted with the
# pages it shared with the parent, which holds every result of the run.)  A restart
# costs the imports and the SudachiPy dictionary (about 2 s) once per this many documents.
WORKER_MAX_TASKS = 500
# The pool's supervisor (``LocalRunner``) looks this often (s) ...
SUPERVISE_EVERY_S = 0.2
# ... and restarts a pool whose task channel's lock was never free for this long (s): a dead
# worker holds it.  Healthy workers hold it for the instant of taking an input or sending a
# result (milliseconds; seconds for a result of tens of MB on a loaded machine).
STALL_S = 5.0
# ... or in which no input was taken for this long (s) while inputs were queued and none ran
# (a stall the lock does not show; room for starting a forkserver on a loaded machine).
IDLE_STALL_S = 30.0
# ... or in which an input ran this long (s) past its --timeout: neither the worker's watchdog
# nor Pebble could end it (a worker that cannot send its result through a lock held by a dead one).
STUCK_AFTER_S = 3 * TIMEOUT_GRACE_S
# ... and settles an input whose Pebble task started in a worker that has since died, when
# Pebble itself has not failed it after this long (s).  Pebble's manager thread can find the dead
# worker before its message thread has read the worker's "task started" message; it then finds no
# task to fail, and the task waits for its timeout (300 s) although its worker is gone (the same
# limbo as noxdafox/pebble#153, there after a cancellation).
ORPHAN_AFTER_S = 1.0
# An input queued again by this many restarts (the one a dying worker may have been taking)
# fails with a reason instead of being queued once more.
MAX_RESTARTS_PER_INPUT = 2
# Seconds to wait for a Dask scheduler to answer.
SCHEDULER_TIMEOUT_S = 20


@dataclass(frozen=True, slots=True)
class Limits:
    """Per-document limits: wall time in seconds, resident memory in MB (worker + children)."""

    timeout_s: float = DEFAULT_TIMEOUT_S
    max_memory_mb: int = DEFAULT_MAX_MEMORY_MB


@dataclass(frozen=True, slots=True)
class Job:
    """One input to run: its path as given, the reader kind, the settings, the limits, the
    folder the path is relative to (the worker runs there, so that records keep the path as
    given also on a Dask worker started elsewhere), and for a dataset the ``Target`` its
    result is encoded for in the worker (``dataset.encode``)."""

    path: str
    kind: str
    settings: Settings
    limits: Limits
    cwd: str = field(default_factory=os.getcwd)
    target: Target | None = None


# ---------------------------------------------------------------- inside the worker


def run_in_worker(job: Job) -> tuple[DocumentResult | Finished, float]:
    """Run one document under the watchdog (what a pool worker executes); (result, seconds).
    The result of a job with a ``target`` comes back ``Finished``: its rows as the bytes of its
    dataset file."""
    start = time.monotonic()
    with watched(job.limits.timeout_s, job.limits.max_memory_mb):
        if os.getcwd() != job.cwd:  # one document at a time in this process: safe to move
            os.chdir(job.cwd)
        misbehave_if_asked(job.path)
        res = extract_document(job.path, job.kind, job.settings)  # type: ignore[arg-type]
        seconds = time.monotonic() - start
        if job.target is not None:
            return encode(job.target, res, seconds), seconds
        return res, seconds


# ---------------------------------------------------------------- in the parent


def failure_reason(exc: BaseException, limits: Limits) -> str:
    """One line saying how a worker failed, from the exception its future raised."""
    from pebble import ProcessExpired

    if isinstance(exc, ProcessExpired):
        code = exc.exitcode
        if code == EXIT_TIMEOUT:
            return f"timed out after {limits.timeout_s:g} s"
        if code in (EXIT_MEMORY, EXIT_MEMORY_WARM):
            return f"over {limits.max_memory_mb} MB"
        if code is None:  # its death was seen only after Pebble had reaped it (``_orphans``)
            return "worker died (its exit status was not seen)"
        if code < 0:
            return f"worker killed by signal {-code}"
        return f"worker exited with status {code}"
    if isinstance(exc, cf.TimeoutError | TimeoutError):
        return f"timed out after {limits.timeout_s:g} s"
    return f"worker error ({type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''})"


def failed_result(job: Job, exc: BaseException) -> tuple[DocumentResult, float]:
    """(result, seconds) of an input whose worker failed: status failure, the reason as its
    error; the seconds are the time limit for a timeout, else 0 (the parent cannot know)."""
    reason = failure_reason(exc, job.limits)
    res = DocumentResult(job.path, status="failure", errors=[("worker", None, f"{job.path}: {reason}")])
    return res, job.limits.timeout_s if reason.startswith("timed out") else 0.0


@dataclass(eq=False)
class _Task:
    """One job of a ``LocalRunner``: the future handed out (``outer``, kept across pool restarts),
    the future of the pool it is queued in now (``inner``), and how often a restart blamed it."""

    job: Job
    seq: int
    outer: cf.Future
    inner: Any = None
    running_since: float | None = None
    strikes: int = 0
    orphan_since: float | None = None  # when its worker was first seen dead (``_orphans``)
    fresh: bool = False  # read again in a fresh worker (``_fresh_pool``): over the memory limit in a warm one


class LocalRunner:
    """A Pebble process pool of ``workers`` processes on this machine, under a supervisor.

    Pebble fails the one task whose worker dies while running it (``ProcessExpired``) and starts
    a new worker, but two ways of dying take the whole pool down: a worker killed while no task
    runs breaks the pool (every queued task fails with ``BrokenProcessPool`` and ``schedule``
    raises), and a worker killed inside the task hand-over holds the channel's lock for good,
    so that no worker takes a task again (noxdafox/pebble#163, in 5.2.3).  The supervisor, a
    thread of the parent, looks every ``SUPERVISE_EVERY_S``; when the pool is broken, or its
    channel's lock has not been free for ``STALL_S``, or it has made no progress for
    ``IDLE_STALL_S`` (no result and no task started, with none running), or a task runs
    ``STUCK_AFTER_S`` past its limit (a result its worker cannot send), it
    stops the pool, starts a new one and queues the unfinished inputs again, in their order.
    The futures handed out are the supervisor's own, so a restart is not seen by the caller.

    A restart blames the first queued input not yet started (the one a worker dying in the
    hand-over may have been taking; inputs that run are in live workers, as one whose worker
    died has failed already) and an input stuck past its limit; an input blamed
    ``MAX_RESTARTS_PER_INPUT`` times fails with a reason instead of being queued again.
    """

    def __init__(self, workers: int, start: str = "fork") -> None:
        self.workers = max(1, workers)
        self.start = start
        self.say: Any = say  # one line to the user (the bulk job's progress bar sets its own)
        self.restarts = 0
        self._lock = threading.RLock()
        self._tasks: dict[cf.Future, _Task] = {}
        self._seq = 0
        self._generation = 0
        self._progress_at = time.monotonic()
        self._broken = False
        # Each worker's temporary files (tesseract's page images and hOCR, 1-2 MB a page) go under
        # this run's folder, removed at close: a worker killed mid-page (a timeout, --max-memory,
        # the OOM killer) left them in /tmp for good.  A run killed whole leaves its folder;
        # the next run removes it.
        self.tmp = run_temp_folder()
        self.pool = self._new_pool()
        self._fresh: Any = None  # the pool of fresh workers, started at its first input
        self._channel_free_at = time.monotonic()
        self._workers_seen: dict[int, Any] = {}  # pid -> process of the current pool's workers
        self._stop = threading.Event()
        self._supervisor = threading.Thread(target=self._supervise, name="piatable-supervisor", daemon=True)
        self._supervisor.start()

    def _new_pool(self, fresh: bool = False) -> Any:
        """The pool of ``workers`` processes, each replaced after ``WORKER_MAX_TASKS`` inputs;
        ``fresh``: one process that reads one input and is replaced (an input's second reading
        after it went over the memory limit in a worker that had read other inputs)."""
        from pebble import ProcessPool

        return ProcessPool(
            max_workers=1 if fresh else self.workers,
            max_tasks=1 if fresh else WORKER_MAX_TASKS,
            context=pool_context(self.start),
            initializer=start_worker,
            initargs=(self.tmp,),
        )

    def _fresh_pool(self) -> Any:
        if self._fresh is None:
            self._fresh = self._new_pool(fresh=True)
        return self._fresh

    @property
    def capacity(self) -> int:
        return self.workers * (1 + IN_FLIGHT_PER_WORKER)

    def submit(self, job: Job) -> cf.Future:
        outer: cf.Future = cf.Future()
        with self._lock:
            if not self._tasks:  # an idle pool's quiet time is no stall
                self._progress_at = time.monotonic()
            task = _Task(job, self._seq, outer)
            self._seq += 1
            self._tasks[outer] = task
            self._schedule(task)
        return outer

    def _schedule(self, task: _Task) -> None:
        """Queue ``task`` in the current pool (the lock held)."""
        task.running_since = None
        try:
            pool = self._fresh_pool() if task.fresh else self.pool
            task.inner = pool.schedule(
                run_in_worker, args=(task.job,), timeout=task.job.limits.timeout_s + TIMEOUT_GRACE_S
            )
        except RuntimeError:  # the pool broke since the supervisor last looked
            task.inner, self._broken = None, True
            return
        gen = self._generation
        task.inner.add_done_callback(lambda inner: self._settle(task, inner, gen))

    def _settle(self, task: _Task, inner: Any, generation: int) -> None:
        """Hand the result of ``inner`` out through ``task.outer``, unless it is a pool's
        failure (the task is queued again on the next pool) or of a pool already replaced."""
        from concurrent.futures.process import BrokenProcessPool

        with self._lock:
            if generation != self._generation or task.outer.done() or inner is not task.inner:
                return
            exc = inner.exception()
            if isinstance(exc, BrokenProcessPool | cf.CancelledError):
                self._broken = True
                return
            self._progress_at = time.monotonic()
            if self._read_again_fresh(task, exc):
                return
            self._tasks.pop(task.outer, None)
            result = inner.result() if exc is None else failed_result(task.job, exc)
        task.outer.set_result(result)

    def _read_again_fresh(self, task: _Task, exc: BaseException | None) -> bool:
        """Queue ``task`` in the pool of fresh workers when its worker went over the memory
        limit after reading other inputs (``EXIT_MEMORY_WARM``: their memory counted) and it
        has not been read fresh yet (the lock held); whether it was queued."""
        from pebble import ProcessExpired

        if task.fresh or not isinstance(exc, ProcessExpired) or exc.exitcode != EXIT_MEMORY_WARM:
            return False
        task.fresh = True
        self.say(
            f"piatable: {task.job.path}: over {task.job.limits.max_memory_mb} MB in a worker"
            " that had read other inputs; read again in a fresh worker"
        )
        self._schedule(task)
        return True

    def _supervise(self) -> None:
        while not self._stop.wait(SUPERVISE_EVERY_S):
            with self._lock:
                now = time.monotonic()
                orphans = self._orphans(now)
                why = self._fault(now)
                old = self._restart(why) if why else []
            for task, exc in orphans:  # outside the lock, as ``_settle`` does
                task.outer.set_result(failed_result(task.job, exc))
            for pool in old:  # outside the lock: the old pool's threads may be waiting for it
                stop_pool(pool)

    def _orphans(self, now: float) -> list[tuple[_Task, BaseException]]:
        """Tasks that Pebble says run in a worker that has died (the lock held), each with the
        ``ProcessExpired`` Pebble would have given; taken out of the running tasks.  Pebble's two
        manager threads race: when the one that finds dead workers runs before the one that
        reads the worker's "task started", the dead worker's task is failed by no one (see
        ``ORPHAN_AFTER_S``).  Reads Pebble's private state; with another Pebble, finds nothing."""
        from pebble import ProcessExpired

        try:
            manager = self.pool._pool_manager
            alive = dict(manager.worker_manager.workers)
            started = {id(t.future): t.worker_id for t in list(manager.task_manager.tasks.values())}
        except (AttributeError, TypeError, RuntimeError):
            return []
        self._workers_seen.update(alive)
        found = []
        for t in list(self._tasks.values()):
            pid = started.get(id(t.inner), 0) if t.inner is not None else 0
            proc = self._workers_seen.get(pid)
            if not pid or pid in alive or t.outer.done():
                t.orphan_since = None
                continue
            if t.orphan_since is None:
                t.orphan_since = now
            elif now - t.orphan_since >= ORPHAN_AFTER_S:
                self._progress_at = now
                code = None if proc is None else proc.exitcode  # None: died between two looks
                exc = ProcessExpired("Abnormal termination", code=code, pid=pid)
                if not self._read_again_fresh(t, exc):
                    self._tasks.pop(t.outer, None)
                    found.append((t, exc))
        return found

    def _fault(self, now: float) -> str | None:
        """Why the pool must be restarted, or None (the lock held)."""
        tasks = [t for t in self._tasks.values() if not t.outer.done()]
        if not tasks:
            self._progress_at = now
            return None
        if self._broken or not self.pool.active:
            return "a worker died while none was reading, and Pebble gave up the pool"
        if _channel_free(self.pool) is not False:
            self._channel_free_at = now
        elif now - self._channel_free_at > STALL_S:
            return f"its channel lock was held for {now - self._channel_free_at:.0f} s: its holder died"
        running = False
        for t in tasks:
            if t.inner is not None and t.inner.running():
                running = True
                if t.running_since is None:  # a task started: progress
                    t.running_since = self._progress_at = now
                elif now - t.running_since > t.job.limits.timeout_s + STUCK_AFTER_S:
                    t.strikes += 1  # blamed: its worker neither ends nor answers
                    return f"{t.job.path} ran {now - t.running_since:.0f} s without a result"
        if not running and now - self._progress_at > IDLE_STALL_S:
            return f"no worker took an input for {now - self._progress_at:.0f} s"
        return None

    def _restart(self, why: str) -> list[Any]:
        """Start a new pool and queue every unfinished task in it again (the lock held); the
        old pools, for the caller to stop once the lock is released."""
        old = [p for p in (self.pool, self._fresh) if p is not None]
        self._fresh = None
        self._generation += 1
        self.restarts += 1
        self._broken = False
        self._workers_seen = {}
        tasks = sorted((t for t in self._tasks.values() if not t.outer.done()), key=lambda t: t.seq)
        queued = [t for t in tasks if t.inner is None or not t.inner.running()]
        if queued:  # the next in the pipe: what a worker dying in the hand-over was taking
            queued[0].strikes += 1
        failed = [t for t in tasks if t.strikes >= MAX_RESTARTS_PER_INPUT]
        self.pool = self._new_pool()
        self._progress_at = self._channel_free_at = time.monotonic()
        for t in tasks:
            if t in failed:
                self._tasks.pop(t.outer, None)
                why_failed = f"{t.job.path}: lost by {t.strikes} worker pools that had to be restarted"
                res = DocumentResult(t.job.path, status="failure", errors=[("worker", None, why_failed)])
                t.outer.set_result((res, 0.0))
            else:
                self._schedule(t)
        self.say(
            f"piatable: worker pool restarted ({why}); {len(tasks) - len(failed)} inputs queued again"
            + (f", {len(failed)} failed" if failed else "")
        )
        return old

    def wait(self, pending: Iterable[Any]) -> set[Any]:
        done, _ = cf.wait(list(pending), return_when=cf.FIRST_COMPLETED)
        return done

    def result(self, future: Any, job: Job) -> tuple[DocumentResult | Finished, float]:
        return future.result()

    def close(self) -> None:
        self._stop.set()
        self._supervisor.join()
        for pool in (self.pool, self._fresh):
            if pool is not None:
                stop_pool(pool)
        shutil.rmtree(self.tmp, ignore_errors=True)


def _channel_free(pool: Any) -> bool | None:
    """Whether the lock of the pool's task channel is free at this instant, taken and given
    back at once as Pebble's own manager does; None when this Pebble has no such lock to see
    (a private attribute: then the supervisor's other signs alone find a stall)."""
    try:
        channel = pool._pool_manager.worker_manager.workers_channel
        if channel is None:
            return None
        with channel.lock(block=False) as locked:
            return bool(locked)
    except (AttributeError, TypeError, OSError, ValueError):
        return None


def run_jobs(jobs: Iterable[Job], runner: Any) -> Iterator[tuple[Job, DocumentResult | Finished, float]]:
    """Submit ``jobs`` to ``runner`` a few at a time; yield (job, result, seconds) as each
    completes (seconds: the document's time in its worker)."""
    it = iter(jobs)
    pending: dict[Any, Job] = {}

    def fill() -> None:
        while len(pending) < runner.capacity:
            job = next(it, None)
            if job is None:
                return
            pending[runner.submit(job)] = job

    fill()
    while pending:
        for fut in runner.wait(pending):
            job = pending.pop(fut)
            yield (job, *runner.result(fut, job))
        fill()


# ---------------------------------------------------------------- on a Dask cluster

_DASK_POOL: dict[str, Any] = {}
_DASK_POOL_LOCK = threading.Lock()


def run_in_dask_worker(job_pickle: bytes) -> tuple[DocumentResult | Finished, float]:
    """A Dask task: run a pickled ``Job`` in this Dask worker's own Pebble pool (one process
    per thread).  The job travels pickled because Dask rebuilds dataclass arguments field by
    field and loses fields with a default factory.

    The Dask worker itself never runs the document, so a document that dies or runs over its
    limits fails alone with the same reason as in a local run, and the Dask worker lives on.
    """
    import pickle

    job: Job = pickle.loads(job_pickle)
    with _DASK_POOL_LOCK:
        runner = _DASK_POOL.get("runner")
        if runner is None:
            from distributed import get_worker

            runner = LocalRunner(get_worker().state.nthreads, start="forkserver")
            _DASK_POOL["runner"] = runner
    return runner.result(runner.submit(job), job)


class SchedulerUnavailable(RuntimeError):
    """The Dask scheduler cannot be reached, has no workers, or its workers cannot be used."""


def dask_workers_can_fork() -> bool:
    """True in a process that may start child processes (a Dask worker started as daemon may not)."""
    return not multiprocessing.current_process().daemon


class DaskRunner:
    """The same jobs on an existing Dask distributed cluster (``tcp://HOST:PORT``).

    Workers need piatable installed and must see the inputs at the same paths (a shared file
    system); results come back to this process, which writes every output.
    """

    def __init__(self, address: str) -> None:
        try:
            from distributed import Client
        except ImportError as exc:
            raise SchedulerUnavailable("--scheduler needs Dask: pip install 'piatable[dask]'") from exc
        try:
            self.client = Client(address, timeout=SCHEDULER_TIMEOUT_S)
        except (OSError, TimeoutError, ValueError) as exc:
            raise SchedulerUnavailable(f"cannot reach the Dask scheduler at {address} ({exc})") from exc
        can_fork = self.client.run(dask_workers_can_fork)
        if not can_fork:
            self.client.close()
            raise SchedulerUnavailable(f"the Dask cluster at {address} has no workers")
        if not all(can_fork.values()):
            self.client.close()
            raise SchedulerUnavailable(
                "the Dask workers run as daemon processes and cannot start piatable's worker "
                "processes; start them with DASK_DISTRIBUTED__WORKER__DAEMON=False"
            )
        threads = sum(self.client.nthreads().values())
        self.say: Any = say  # unused: each Dask worker's own pool says its restarts
        self.capacity = max(1, threads) * (1 + IN_FLIGHT_PER_WORKER)

    def submit(self, job: Job) -> Any:
        import pickle

        return self.client.submit(run_in_dask_worker, pickle.dumps(job), pure=False)

    def wait(self, pending: Iterable[Any]) -> set[Any]:
        from distributed import wait

        done, _ = wait(list(pending), return_when="FIRST_COMPLETED")
        return set(done)

    def result(self, future: Any, job: Job) -> tuple[DocumentResult | Finished, float]:
        try:
            res = future.result()
        except Exception as exc:  # the Dask worker itself died or could not run the task
            res = failed_result(job, exc)
        future.release()
        return res

    def close(self) -> None:
        self.client.close()


def make_runner(jobs: int, scheduler: str | None) -> LocalRunner | DaskRunner:
    """A Dask runner when ``scheduler`` is given, else a local pool of ``jobs`` workers."""
    if scheduler:
        return DaskRunner(scheduler)
    return LocalRunner(jobs)
