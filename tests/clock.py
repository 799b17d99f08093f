"""timezone.now() under a test's control (the `clock` fixture, tests/conftest.py)."""

import datetime

# 3 March 2026 is in winter: UK time is UTC, so 10:02 UTC reads as 10:02 on the page.
START = datetime.datetime(2026, 3, 3, 10, 2, tzinfo=datetime.UTC)


class Clock:
    """timezone.now() under the test's control: every change gets the time the test says."""

    def __init__(self, start: datetime.datetime) -> None:
        self.now = start

    def __call__(self) -> datetime.datetime:
        return self.now

    def advance(self, **delta) -> datetime.datetime:
        self.now += datetime.timedelta(**delta)
        return self.now
