"""The embedded default: SQLite, one machine, a key made for this machine only."""

import os

from scorecard.settings.base import *  # noqa: F403

# A development key: production refuses to start without SCORECARD_SECRET_KEY (see production.py).
SECRET_KEY = os.environ.get("SCORECARD_SECRET_KEY") or "local-only-not-secret-" + "x" * 40  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
