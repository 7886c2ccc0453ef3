"""Running a blocking store call so that a deadline and Ctrl-C can stop the wait for it.

Why a thread: pyoxigraph evaluates a query in Rust with the GIL released, so Python code in
the calling thread never runs until the query is done: neither a signal handler (Ctrl-C)
nor a clock check. Run in a worker thread, the call leaves the calling thread free to wait
in short joins, where KeyboardInterrupt arrives at once and the deadline is checked.

The worker cannot be stopped: Rust offers no way to cancel a running query. After a timeout
or an interrupt it goes on in the background until it finishes, so a command line tool
should end its process (``os._exit``) rather than return to work beside it.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import TypeVar

from kg.store.base import QueryTimeout

T = TypeVar("T")

#: How often the waiting thread wakes: the latency of a timeout (Ctrl-C is immediate).
POLL_SECONDS = 0.05


def call_with_deadline(call: Callable[[], T], timeout: float) -> T:
    """``call()`` in a worker thread; its result or its exception.

    Raises QueryTimeout after ``timeout`` seconds (``math.inf``: never), and lets
    KeyboardInterrupt through as soon as it arrives, in both cases leaving the worker to run
    on as a daemon thread.
    """
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting thread
            outcome["error"] = exc

    worker = threading.Thread(target=work, name="kg-query", daemon=True)
    start = time.monotonic()
    worker.start()
    while worker.is_alive():
        left = math.inf if math.isinf(timeout) else timeout - (time.monotonic() - start)
        if left <= 0:
            raise QueryTimeout(timeout)
        worker.join(min(POLL_SECONDS, left))
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
