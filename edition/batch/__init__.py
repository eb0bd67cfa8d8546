"""Building many sources: jobs, where they run, and the build folder's manifest.

``jobs`` turns one source into the bytes of its outputs (a task that can run
anywhere); ``executors`` runs jobs in this process, on every core, or on a
Dask cluster; ``manifest`` records what each output was made from, so an
unchanged source is skipped; ``build`` ties them together for ``edition build``.
"""

from edition.batch.build import Built, Failure, Summary, build_all, find_sources
from edition.batch.executors import default_workers, executor_for
from edition.batch.jobs import Job, Made, Options

__all__ = ["Built", "Failure", "Job", "Made", "Options", "Summary", "build_all", "default_workers",
           "executor_for", "find_sources"]
