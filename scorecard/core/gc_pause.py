"""Building many small objects at once without the cycle collector's pauses.

Rating ten thousand measures makes hundreds of thousands of small objects (readings, ratings,
rows, cells), none of them in a reference cycle: each is freed by its count as soon as it is
done with. Python's cycle collector does not know that. It runs every few hundred new objects
and, as they pile up, looks through every object the process holds, again and again: close to
half the time of the overview and of the corporate paper for a large council. Paused while
they are built, it runs as usual afterwards and finds anything that did form a cycle then.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cycle collector off for the block, and on again after it if it was on before. Of
    two threads inside at once, the one that switched it off switches it on: the other's
    remainder runs with the collector as usual, never without it for longer than the block."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()
