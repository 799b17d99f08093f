"""Settings shared by every environment."""

import os
from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF, UNSAFE_INLINE

from scorecard.settings import env

PACKAGE_DIR = Path(__file__).resolve().parent.parent
PROJECT_DIR = PACKAGE_DIR.parent
NODE_MODULES = PROJECT_DIR / "node_modules"
GOVUK_FRONTEND_DIR = NODE_MODULES / "govuk-frontend" / "dist" / "govuk"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "scorecard.tenancy",
    "scorecard.framework",
    "scorecard.measures",
    "scorecard.benchmarking",
    "scorecard.people",
    "scorecard.delivery",
    "scorecard.risks",
    "scorecard.papers",
    "scorecard.scoring",
    "scorecard.audit",
    "scorecard.cycles",
    "scorecard.publishing",
    "scorecard.api",
    "rest_framework",
    # API tokens: only a digest of each is stored; they expire and can be revoked (ADR 0005).
    "knox",
    # Sign-in lockout and the record of attempts (ADR 0004, scorecard/people/signin.py).
    "axes",
    "csp",
    "django_filters",
    "drf_spectacular",
]

MIDDLEWARE = [
    "scorecard.middleware.ServerTimingMiddleware",
    "scorecard.middleware.RejectNullCharactersMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a sign-in unless its view says otherwise (the public scorecard, sign-in).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # Keeps the page's own answer to a locked-out sign-in (AXES_LOCKOUT_CALLABLE); last of the
    # sign-in middleware, as axes asks.
    "axes.middleware.AxesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # request.tenant: the council the visitor belongs to; every query is limited to it.
    "scorecard.tenancy.middleware.TenantMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Who makes each change (the audit trail), and ?as_at= on the scorecard pages: last, so
    # that a past view's rolled-back transaction holds only the view.
    "scorecard.audit.middleware.AuditMiddleware",
    "scorecard.audit.middleware.AsAtMiddleware",
]

ROOT_URLCONF = "scorecard.urls"
WSGI_APPLICATION = "scorecard.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "scorecard.context_processors.service",
                "scorecard.people.context_processors.editing",
            ],
        },
    },
]

DATABASES = {"default": env.database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
# Only production collects static files; elsewhere WhiteNoise serves them from their folders.
STATIC_ROOT = os.environ.get("SCORECARD_STATIC_ROOT") or None
STATICFILES_DIRS: list[Path | tuple[str, Path]] = [PACKAGE_DIR / "static"]
if GOVUK_FRONTEND_DIR.exists():
    STATICFILES_DIRS.append(("govuk", GOVUK_FRONTEND_DIR))
# GOV.UK Frontend's compiled CSS asks for its fonts and images at /assets/: WhiteNoise serves
# the package's folder at the site root, so /assets/fonts/... is found where the CSS looks.
WHITENOISE_ROOT = GOVUK_FRONTEND_DIR if GOVUK_FRONTEND_DIR.exists() else None
# Serve straight from the package and app folders, so no collectstatic step is needed to run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = False

SECRET_KEY = os.environ.get("SCORECARD_SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env.listed("SCORECARD_ALLOWED_HOSTS", "127.0.0.1,localhost")

# `scorecard serve --production` (gunicorn): seconds an idle connection is kept open for the
# next request (longer than gunicorn's 2, so a proxy that pauses reuses its connection rather
# than racing its close), and the proxies whose X-Forwarded-* headers are trusted.
GUNICORN_KEEP_ALIVE = os.environ.get("SCORECARD_KEEP_ALIVE", "5")
GUNICORN_FORWARDED_ALLOW_IPS = os.environ.get("SCORECARD_FORWARDED_ALLOW_IPS", "127.0.0.1")

# The name of the instance's first council, made when there is none yet (`scorecard tenant`).
SCORECARD_DEFAULT_TENANT_NAME = os.environ.get("SCORECARD_DEFAULT_TENANT_NAME", "")

# Open data (docs/publishing.md): who publishes it, blank for the organisations of the
# published plans; its licence, blank for the Open Government Licence v3.0.
SCORECARD_OPEN_DATA_PUBLISHER = os.environ.get("SCORECARD_OPEN_DATA_PUBLISHER", "")
SCORECARD_OPEN_DATA_LICENCE = {
    "name": os.environ.get("SCORECARD_OPEN_DATA_LICENCE_NAME", ""),
    "url": os.environ.get("SCORECARD_OPEN_DATA_LICENCE_URL", ""),
}

# Tests only: `BATCHES FILE` makes an import pause after writing that many batches of figures
# until FILE is removed (scorecard/interchange/importer.py). Blank in use.
IMPORT_PAUSE_FOR_TESTS = os.environ.get("SCORECARD_TEST_IMPORT_PAUSE", "")

# The tag in the phase banner ("Demo", "Beta"); blank for no banner.
PHASE_BANNER = os.environ.get("SCORECARD_PHASE_BANNER", "")

# Risk bands by lowest score (DESIGN §3), e.g. "low:1, medium:5, high:10, very high:15";
# blank keeps those defaults.
SCORECARD_RISK_BANDS = env.risk_bands()

# Every password check is counted first by the lockout, then checked: the sign-in page and the
# API's token endpoint alike (scorecard/people/signin.py, docs/accounts.md, ADR 0004).
AUTHENTICATION_BACKENDS = [
    "scorecard.people.signin.CountFirstBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "scorecard.people.signin.CountFirstHandler"
# Five failures for one username from one address lock that pair for 15 minutes; the owner
# signing in from anywhere else is not held back.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# Attempts refused during a lockout do not restart it: "wait 15 minutes" stays true.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
# Every failure and every sign-in kept for the security audit (axes' failure and access logs).
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_USERNAME_CALLABLE = "scorecard.people.signin.username_of"
AXES_CLIENT_IP_CALLABLE = "scorecard.people.signin.address_of"
AXES_LOCKOUT_CALLABLE = "scorecard.people.signin.lockout_response"
AXES_SENSITIVE_PARAMETERS = ["password", "old_password", "new_password1", "new_password2"]
AXES_VERBOSE = False
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "overview"
LOGOUT_REDIRECT_URL = "overview"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# A working day's sign-in: the session ends after eight hours or when the browser closes.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True

# Reminders and invitations: printed to the console unless a backend is configured
# (SCORECARD_EMAIL_FILE_PATH writes each message to a file in that folder instead).
EMAIL_FILE_PATH = os.environ.get("SCORECARD_EMAIL_FILE_PATH", "")
EMAIL_BACKEND = os.environ.get(
    "SCORECARD_EMAIL_BACKEND",
    "django.core.mail.backends.filebased.EmailBackend"
    if EMAIL_FILE_PATH
    else "django.core.mail.backends.console.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("SCORECARD_FROM_EMAIL", "scorecard@localhost")
# For the SMTP backend (SCORECARD_EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend).
EMAIL_HOST = os.environ.get("SCORECARD_EMAIL_HOST", "localhost")
EMAIL_PORT = env.count("SCORECARD_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("SCORECARD_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("SCORECARD_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env.flag("SCORECARD_EMAIL_TLS")

# The JSON API (scorecard/api): same rules as the pages, token or session sign-in.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "knox.auth.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    # Each API view says who may read and write (scorecard.api.permissions); anything that
    # does not say needs a sign-in.
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    # The token endpoint takes passwords: few tries a minute from one address.
    "DEFAULT_THROTTLE_RATES": {"token": "10/minute"},  # a rate, not a secret  # nosec B105
    # The address a throttle counts is the connection's, never a client's X-Forwarded-For
    # (anyone can write one). Behind proxies, SCORECARD_PROXIES says how many to trust: the
    # address is then the one the outermost trusted proxy saw.
    "NUM_PROXIES": env.count("SCORECARD_PROXIES", 0),
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Civic Scorecard API",
    "DESCRIPTION": "Plans, measures, observations, projects, actions, highlight reports and risks.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SCHEMA_PATH_PREFIX": "/api",
    # Separate request and response shapes, so read-only fields are never asked for.
    "COMPONENT_SPLIT_REQUEST": True,
    "ENUM_NAME_OVERRIDES": {
        "RagStatusEnum": "scorecard.delivery.fields.STATUS_CHOICES",
        "ObservationStatusEnum": "scorecard.measures.choices.ObservationStatus",
    },
}

# The largest file any page takes; an upload is dropped as it arrives once it passes this, so
# nothing larger is held in memory or written to disk (scorecard/uploads.py).
SCORECARD_MAX_UPLOAD_BYTES = 5 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "scorecard.uploads.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]

# API tokens (django-rest-knox): a token lasts 30 days unless revoked sooner; only its digest
# is kept in the database, so neither the database nor a backup holds a usable token.
REST_KNOX = {
    "TOKEN_TTL": timedelta(days=30),
    "AUTH_HEADER_PREFIX": "Token",
    "TOKEN_LIMIT_PER_USER": 20,  # nosec B105 - a count of tokens, not a password
}

# Content-Security-Policy on every response: scripts and styles from this site only, no inline
# script (base.html's are files in scorecard/static). Inline styles stay allowed: the HTML
# papers carry their style sheet inside them, to be saved and sent as one file.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
