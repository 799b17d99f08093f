"""The embedded default: one machine, served on loopback only, no secrets to configure."""

import os

from django.core.management.utils import get_random_secret_key

from scorecard.settings.base import *  # noqa: F403

# A key made afresh each time the process starts (nothing secret is committed); production
# refuses to start without SCORECARD_SECRET_KEY (see production.py).
SECRET_KEY = os.environ.get("SCORECARD_SECRET_KEY") or get_random_secret_key()
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]", "testserver"]
# The embedded default is where the demo runs: say so on every page.
PHASE_BANNER = os.environ.get("SCORECARD_PHASE_BANNER", "Demo")
