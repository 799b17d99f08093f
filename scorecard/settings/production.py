"""Production: every secret and host from the environment; HTTPS only."""

import os
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from scorecard.settings import env
from scorecard.settings.base import *  # noqa: F403

SECRET_KEY = os.environ.get("SCORECARD_SECRET_KEY", "")
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured(
        "Set SCORECARD_SECRET_KEY to a random string of 50 or more characters"
    )
ALLOWED_HOSTS = env.listed("SCORECARD_ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env.listed("SCORECARD_CSRF_TRUSTED_ORIGINS")
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.flag("SCORECARD_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

# Sign-in and API throttles count in the cache: one every server and worker shares, or each
# would count on its own and let through several times the attempts. `scorecard serve
# --production` creates the table when it is missing.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "scorecard_cache",
    }
}

# Static files: collected at start by `scorecard serve --production` (collectstatic) into
# SCORECARD_STATIC_ROOT, each under a name with a hash of its content and with gzip and brotli
# copies beside it; WhiteNoise serves the hashed names with a year-long, immutable cache and the
# compressed copy a browser asks for.
STATIC_ROOT = os.environ.get("SCORECARD_STATIC_ROOT") or str(Path.cwd() / "scorecard-static")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False
INSTALLED_APPS = [  # noqa: F405
    "scorecard.settings.static.StaticFiles" if app == "django.contrib.staticfiles" else app
    for app in INSTALLED_APPS  # noqa: F405
]
