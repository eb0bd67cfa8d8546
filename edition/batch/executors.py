"""Where jobs run: in this process, in worker processes, or on a Dask cluster.

Each executor takes jobs one after another and gives back each job with
what it made (or the error it met) as soon as it is done, in whatever order
jobs finish; only a bounded number of jobs is in flight at a time, so a
corpus of thousands is never held in memory at once.  Every executor runs
the same function on the same bytes, so the outputs are the same bytes
whichever one ran them.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, Protocol

from edition.batch.jobs import Job, Made, Options, make_or_error, warm
from edition.errors import EditionError, ToolError
from edition.render.pdf import Report

if TYPE_CHECKING:  # the process pool is imported only by the builds that use it
    import multiprocessing.context
    from concurrent.futures import Future

Result = tuple[Job, Made | EditionError]


class Executor(Protocol):
    """Runs ``make_or_error`` on every job and yields each as it finishes."""

    def run(self, jobs: Iterable[Job], options: Options) -> Iterator[Result]: ...


class InProcess:
    """One job after another in this process (``--jobs 1``); ``report`` hears
    how a long typesetting is going."""

    def __init__(self, report: Report | None = None) -> None:
        self.report = report

    def run(self, jobs: Iterable[Job], options: Options) -> Iterator[Result]:
        for job in jobs:
            yield job, make_or_error(job, options, self.report)


def _quiet_worker() -> None:
    """A worker ignores Ctrl-C: the terminal sends it to the whole process
    group, and the parent alone decides to stop (and waits for the jobs in
    flight, so no output is left half-made)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


class Processes:
    """Jobs spread over worker processes of this machine (``--jobs N``).

    Forked workers share the compiled stylesheet, schemas and language model
    this process made before forking; others make their own on their first job.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers

    def run(self, jobs: Iterable[Job], options: Options) -> Iterator[Result]:
        from concurrent.futures import ProcessPoolExecutor

        context = _context()
        if context.get_start_method() == "fork":
            warm(options)  # made once here, shared by every forked worker
        pool = ProcessPoolExecutor(self.workers, mp_context=context, initializer=_quiet_worker)
        try:
            yield from _windowed(pool.submit, jobs, options, self.workers * 2 + 2)
        finally:
            # Stopped early (an interruption): drop what has not started, let
            # the jobs in flight finish, and leave no process behind.
            pool.shutdown(wait=True, cancel_futures=True)


def _context() -> multiprocessing.context.BaseContext:
    """How workers start.  On Linux, from a single-threaded process, by
    forking it: a worker starts in milliseconds with the pipeline already
    imported, and with whatever the caller set up in-process.  Elsewhere, or
    with threads about (forking them is unsafe), from a fork server that has
    imported the pipeline once, else afresh."""
    import multiprocessing

    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and "fork" in methods and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in methods:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["edition.batch.jobs"])
        return context
    return multiprocessing.get_context("spawn")


def _windowed(submit: Any, jobs: Iterable[Job], options: Options, window: int) -> Iterator[Result]:
    """Keep ``window`` jobs in flight; yield each as it completes."""
    from concurrent.futures import FIRST_COMPLETED, wait

    pending: dict[Future[Made | EditionError], Job] = {}
    queue = iter(jobs)
    exhausted = False
    while pending or not exhausted:
        while not exhausted and len(pending) < window:
            job = next(queue, None)
            if job is None:
                exhausted = True
                break
            pending[submit(make_or_error, job, options)] = job
        if not pending:
            break
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            yield pending.pop(future), future.result()


class Cluster:
    """Jobs sent to a Dask distributed scheduler (``--scheduler ADDRESS``).

    The jobs carry the sources' bytes and come back with the outputs' bytes,
    so the workers need ``edition`` installed (the same version) but no
    access to the editor's files.
    """

    def __init__(self, address: str) -> None:
        self.address = address

    def run(self, jobs: Iterable[Job], options: Options) -> Iterator[Result]:
        try:
            from distributed import Client, as_completed
        except ImportError:
            raise ToolError("--scheduler needs Dask distributed: pip install 'edition[cluster]'") from None
        try:
            client = Client(self.address, timeout="10s", set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise ToolError(f"cannot reach the Dask scheduler at {self.address}: {exc}") from None
        try:
            _check_workers(client)
            queue = iter(jobs)
            window = max(4, 2 * sum(client.nthreads().values()) + 2)
            pending: dict[Any, Job] = {}
            first = []
            for job in queue:
                future = client.submit(make_or_error, job, options, pure=False)
                pending[future.key] = job
                first.append(future)
                if len(pending) >= window:
                    break
            if not first:
                return
            running = as_completed(first, loop=client.loop)
            for future in running:
                job = pending.pop(future.key)
                yield job, future.result()
                future.release()
                nxt = next(queue, None)
                if nxt is not None:
                    new = client.submit(make_or_error, nxt, options, pure=False)
                    pending[new.key] = nxt
                    running.add(new)
        finally:
            client.close()


def _check_workers(client: Any) -> None:
    """Refuse a cluster with no workers, or whose workers run another
    version of ``edition`` (their outputs would differ from a local build's)."""
    from edition import __version__

    versions = client.run(_edition_version)
    if not versions:
        raise ToolError("the Dask cluster has no workers")
    other = sorted({v for v in versions.values() if v != __version__})
    if other:
        raise ToolError(f"the Dask workers run edition {', '.join(other)}, this is {__version__}: "
                        "install the same version on every worker")


def _edition_version() -> str:
    from edition import __version__

    return __version__


def default_workers() -> int:
    """Every core this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def executor_for(workers: int, scheduler: str | None, sources: int, report: Report | None = None) -> Executor:
    """The executor for ``--jobs``/``--scheduler``: a cluster when asked;
    else processes when more than one job can run at once; else this
    process, whose long typesetting is said to ``report``."""
    if scheduler:
        return Cluster(scheduler)
    if min(workers, sources) > 1:
        return Processes(min(workers, sources))
    return InProcess(report)
