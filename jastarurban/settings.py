"""The one settings module; production differs from a laptop only by environment.

With nothing set, the portal runs on a laptop with no server at all: SQLite,
Celery tasks run in-process, e-mail printed to the console, media on disk. Set
DATABASE_URL, CELERY_BROKER_URL and REDIS_URL to use real services.
"""

import sys
from pathlib import Path
from urllib.parse import urlparse

import dj_database_url
from celery.schedules import crontab
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from jastarurban import queues
from jastarurban.env import env, env_bool, env_int, env_list, env_required
from jastarurban.storage import default_storage_backend, signed_url_seconds

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

# Build-time commands run where no secrets exist (an image build, a lint job);
# they never sign anything nor answer a request, so they need neither value.
BUILD_COMMANDS = {"collectstatic", "compilemessages", "makemessages", "makemigrations"}
IS_BUILD_COMMAND = (
    sys.argv[0].endswith("manage.py") and len(sys.argv) > 1 and sys.argv[1] in BUILD_COMMANDS
)

if DEBUG or IS_BUILD_COMMAND:
    SECRET_KEY = env("SECRET_KEY") or "django-insecure-development-only-never-in-production"
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver")
else:
    SECRET_KEY = env_required(
        "SECRET_KEY", "With DEBUG off the portal needs a long random secret (50+ characters)."
    )
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        env_required(
            "ALLOWED_HOSTS", "With DEBUG off list the portal's host names, comma-separated."
        )

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # modeltranslation must come before the admin to patch its forms.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    # Swagger UI's files for /api/v1/docs/, served from our own origin (no CDN, strict CSP).
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    # Two-factor sign-in: authenticator apps, recovery codes and passkeys.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    # Operations commands (backup, restore); no models.
    "ops",
    "accounts",
    # SMS, Telegram and e-mail to people, with a log of every attempt.
    "notifications",
    # The grant project's passport, calendar plan, budget and indicators.
    "projects",
    "competitions",
    "applications",
    "reviews",
    "mentoring",
    "media_campaign",
    "exhibition",
    "reports",
    # The portal-wide audit log: auditlog stores it, audit/registry.py says what is logged.
    "auditlog",
    "audit",
]

# The demo and the tools that measure the portal (demo/: load_demo, demo_code, seed_scale,
# bench, seed_load, verify_load). On with DEBUG, so `make demo` and a laptop need no second
# switch; off in production, where `load_demo` would create logins with a published
# password. The benchmark and the load test run with DEBUG off and set it themselves.
DEMO_APP = env_bool("DEMO_APP", DEBUG)
if DEMO_APP:
    INSTALLED_APPS.append("demo")

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed (a third of their size on a 3G phone); below WhiteNoise, which serves
    # static files already compressed, and above everything that writes a body. Safe from
    # BREACH since Django 4.2 pads compressed responses randomly: see README, "Compression".
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "jastarurban.middleware.KazakhFirstMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Names the logged-in person as the actor of every audit-log entry the request makes.
    "auditlog.middleware.AuditlogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.TwoFactorRequiredMiddleware",
    "jastarurban.middleware.RejectNulMiddleware",
    "jastarurban.middleware.OperatorReadOnlyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Axes must be last: it turns a lockout raised anywhere above into a response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "jastarurban.urls"
WSGI_APPLICATION = "jastarurban.wsgi.application"
ASGI_APPLICATION = "jastarurban.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "accounts.context_processors.roles",
            ],
            "builtins": [
                "jastarurban.templatetags.languages",
                "jastarurban.templatetags.money",
                "jastarurban.templatetags.moments",
                "jastarurban.templatetags.pages",
                "jastarurban.templatetags.phones",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A transaction takes SQLite's write lock when it begins, and a second one waits
    # for it (up to 20 s) instead of failing with "database is locked" when it later
    # tries to write: two clicks on "Submit" then meet as they do on PostgreSQL.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"transaction_mode": "IMMEDIATE", "timeout": env_int("SQLITE_TIMEOUT", 20)}
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Celery: without a broker every task runs in-process, at once.
CELERY_BROKER_URL = env("CELERY_BROKER_URL")
CELERY_RESULT_BACKEND = env("CELERY_RESULT_BACKEND") or CELERY_BROKER_URL or None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not CELERY_BROKER_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = "Asia/Aqtau"
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A queue per kind of task, each with its workers and time limits: jastarurban/queues.py.
CELERY_TASK_ROUTES = queues.task_routes()
CELERY_TASK_ANNOTATIONS = queues.task_annotations()
CELERY_TASK_DEFAULT_QUEUE = queues.NOTIFICATIONS
# A worker takes one task at a time from its queue, so a long one never holds others back.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BEAT_SCHEDULE = {
    "review-reminders": {
        "task": "reviews.tasks.send_review_reminders",
        "schedule": crontab(hour=9, minute=0),
    },
    "mentoring-reminders": {
        "task": "mentoring.tasks.send_mentoring_reminders",
        "schedule": crontab(hour=9, minute=30),
    },
    "report-due-reminders": {
        "task": "mentoring.tasks.send_report_due_reminders",
        "schedule": crontab(hour=9, minute=45),
    },
    "exhibition-release-holds": {
        "task": "exhibition.tasks.release_unconfirmed_registrations",
        "schedule": crontab(minute="*/5"),
    },
    "personal-data-anonymisation": {
        "task": "applications.tasks.anonymise_personal_data",
        "schedule": crontab(hour=3, minute=15),
    },
    "sms-delivery-status": {
        "task": "notifications.tasks.poll_sms_statuses",
        "schedule": crontab(minute="*/10"),
    },
    "telegram-updates": {
        "task": "notifications.tasks.poll_telegram_updates",
        "schedule": crontab(minute="*"),
    },
    "draft-reminders": {
        "task": "applications.tasks.send_draft_reminders",
        "schedule": crontab(minute=5),
    },
    "indicator-snapshots": {
        "task": "reports.tasks.snapshot_indicators",
        "schedule": crontab(hour=23, minute=50),
    },
    # Sign-in codes count towards the hourly limits for an hour, then go.
    "phone-codes-clean-up": {
        "task": "accounts.tasks.delete_old_phone_codes",
        "schedule": crontab(minute=7),
    },
}

AUTH_USER_MODEL = "accounts.User"
# Years after a grant project ends before its applicants' and team members' IINs,
# names, phones and e-mails are anonymised (applications.tasks.anonymise_personal_data).
PERSONAL_DATA_RETENTION_YEARS = env_int("PERSONAL_DATA_RETENTION_YEARS", 5)
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "accounts.backends.EmailPasswordBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "accounts:home"
LOGOUT_REDIRECT_URL = "competitions:home"
# Days an e-mail confirmation or password-reset link stays valid.
PASSWORD_RESET_TIMEOUT = 3 * 24 * 3600

# Failed logins: five tries per account and address, then an hour's pause.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 1
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# The login form names its e-mail field "username", as Django's own form does.
AXES_USERNAME_FORM_FIELD = "username"
# Counted per e-mail in lower case, as login compares it.
AXES_USERNAME_CALLABLE = "accounts.lockout.axes_username"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_IPWARE_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)
AXES_VERBOSE = False

# Uploaded pictures with more pixels than this are refused before decoding.
UPLOAD_MAX_IMAGE_PIXELS = env_int("UPLOAD_MAX_IMAGE_PIXELS", 40_000_000)

# Rate limits outside sign-in (django-ratelimit, in the cache); see jastarurban/ratelimits.py.
RATELIMIT_IP_META_KEY = "jastarurban.ratelimits.client_ip"
EXHIBITION_REGISTER_RATE_IP = env("EXHIBITION_REGISTER_RATE_IP", "10/h")
EXHIBITION_REGISTER_RATE_CONTACT = env("EXHIBITION_REGISTER_RATE_CONTACT", "3/h")
EXHIBITION_CONFIRM_RATE_IP = env("EXHIBITION_CONFIRM_RATE_IP", "30/h")
# Two-factor sign-in (accounts/two_factor.py): staff, the operator, experts and mentors.
OTP_TOTP_ISSUER = "JastarUrban"
# Wrong codes double the wait before the next try (1 s, 2 s, 4 s, ...).
OTP_TOTP_THROTTLE_FACTOR = 1
OTP_STATIC_THROTTLE_FACTOR = 1
# Nobody, a superuser neither, reads another person's app key or QR code in the admin.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# Passkeys are a second factor only: the password (and its lockout) always comes first.
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
OTP_WEBAUTHN_RP_NAME = "JastarUrban"
# Browsers accept passkeys only over HTTPS or on http://localhost (never on an IP address):
# a laptop's portal offers them at http://localhost:<port>.
_site = urlparse(SITE_URL)
_passkey_origin = (
    SITE_URL
    if _site.scheme == "https"
    else "http://localhost" + (f":{_site.port}" if _site.port else "")
)
OTP_WEBAUTHN_RP_ID = env("OTP_WEBAUTHN_RP_ID", "") or urlparse(_passkey_origin).hostname
OTP_WEBAUTHN_ALLOWED_ORIGINS = env_list("OTP_WEBAUTHN_ALLOWED_ORIGINS") or [_passkey_origin]

LANGUAGE_CODE = "kk"
LANGUAGES = [
    ("kk", _("Kazakh")),
    ("ru", _("Russian")),
    ("en", _("English")),
]
# The first path wins over the second, and both over Django's own catalogues.
# locale/ is the portal's catalogue, kept by makemessages. locale-django/ holds the Kazakh
# for Django's own strings (form and password errors, pagination, formsets, admin) that
# Django's kk catalogue lacks: makemessages would drop those msgids from locale/ because the
# portal's code does not contain them, so they live in a hand-kept catalogue that
# makemessages never writes to (its name is not "locale", and locale/ comes first) and that
# `make messages` compiles. tests/jastarurban/test_django_strings.py fails when a Django
# upgrade brings a string neither Django's kk nor this catalogue translates.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale-django"]
FORMAT_MODULE_PATH = ["jastarurban.formats"]
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600
MODELTRANSLATION_DEFAULT_LANGUAGE = "kk"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("kk", "ru")
TIME_ZONE = "Asia/Aqtau"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("STATIC_ROOT") or BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
# Uploads are served by the portal's own views after an access check, never
# by the web server straight from this folder.
MEDIA_ROOT = Path(env("MEDIA_ROOT") or BASE_DIR / "media")
STORAGES = {
    # MEDIA_ROOT, or an S3-compatible bucket when AWS_STORAGE_BUCKET_NAME is set.
    "default": default_storage_backend(),
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
FILE_UPLOAD_PERMISSIONS = 0o640
# With a bucket, an access-checked download may answer with a redirect to a signed link
# valid this many seconds, so a web process does not hold the download; 0 streams it.
MEDIA_SIGNED_URL_SECONDS = signed_url_seconds()

# Report PDFs carry a PAdES signature when these name the organisation's PKCS#12 key (a .p12
# or .pfx file with its RSA key and certificate chain) and its passphrase; unset, they are
# plain PDF/A-3b. A file that does not load fails the system check (reports/checks.py).
REPORT_SIGNING_P12 = env("REPORT_SIGNING_P12")
REPORT_SIGNING_PASSPHRASE = env("REPORT_SIGNING_PASSPHRASE")

# Called with the competition whenever published awards change (publication, a
# withdrawal), so the apps built on the awards follow without reviews importing them.
AWARD_HOOKS = ["mentoring.services.projects.grantee_projects_sync"]

# Open data (/open-data/, reports/open_data): the awarded grants as 360Giving data.
# A grant's identifier is "<prefix>-<competition>-<registration number>". 360Giving issues a
# publisher its own "360G-…" prefix on registration: set it here before the first file goes
# to 360Giving, and never change it afterwards (identifiers must stay the same forever).
OPEN_DATA_GRANT_PREFIX = env("OPEN_DATA_GRANT_PREFIX", "360G-GAMO")
# The funder's identifier is "<scheme>-<BIN>" (org-id.guide style): KZ-BIN-051140010597.
OPEN_DATA_ORG_ID_SCHEME = env("OPEN_DATA_ORG_ID_SCHEME", "KZ-BIN")
OPEN_DATA_LICENSE_URL = env("OPEN_DATA_LICENSE_URL", "https://creativecommons.org/licenses/by/4.0/")
# How long browsers, proxies and aggregators may keep a file before asking again (ETag).
OPEN_DATA_MAX_AGE = env_int("OPEN_DATA_MAX_AGE", 3600)

# What `load_demo` (demo app) runs after the project itself, in order; each takes the demo
# context.
DEMO_LOADERS = [
    "demo.steps.applications.load_applicant_profile",
    "demo.steps.applications.load_applications",
    "demo.steps.phone_applicants.load_phone_applicants",
    "demo.steps.commission.load_commission",
    "demo.steps.implementation.load_implementation",
    "demo.steps.media.load_media",
    "demo.steps.exhibition.load_exhibition",
    "demo.steps.reports.load_reports",
    "demo.steps.applications.load_team_draft",
    "demo.steps.implementation.load_agreement_by_codes",
]

# The operator's read-only API (reports/api): session or token, operator and staff only.
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Token first: an anonymous call is answered 401 with a WWW-Authenticate header.
        # The tokens are stored hashed (accounts.ApiToken), not as DRF's authtoken keeps them.
        "reports.api.authentication.HashedTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["reports.api.permissions.IsOperatorOrStaff"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "JastarUrban operator API",
    "DESCRIPTION": "Read-only: indicators, budget execution, competitions and their results.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["reports.api.permissions.IsOperatorOrStaff"],
    # /api/v1/docs/: Swagger UI from drf-spectacular-sidecar's files, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "SWAGGER_UI_SETTINGS": {
        # Otherwise Swagger UI sends the schema to validator.swagger.io for a badge.
        "validatorUrl": None,
        "deepLinking": True,
        "persistAuthorization": False,
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

EMAIL_HOST = env("EMAIL_HOST")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
# notifications/sms: the console backend prints each SMS (the demo, the tests); set
# SMS_BACKEND to the HTTP gateway's backend in production.
SMS_BACKEND = env("SMS_BACKEND", "notifications.sms.console.ConsoleBackend")
# notifications.sms.file.FileBackend writes each message under this folder (load tests).
SMS_FILE_PATH = env("SMS_FILE_PATH", str(BASE_DIR / "sms-outbox"))
# SMSC.kz (SMS_BACKEND=notifications.sms.smsc.SmscBackend): account, password (or API
# key), the registered sender name, the API's address and how long to wait for it.
SMSC_LOGIN = env("SMSC_LOGIN", "")
SMSC_PASSWORD = env("SMSC_PASSWORD", "")
SMSC_SENDER = env("SMSC_SENDER", "")
SMSC_URL = env("SMSC_URL", "https://smsc.kz/sys/")
SMSC_TIMEOUT = env_int("SMSC_TIMEOUT", 10)
# The Telegram bot (notifications/telegram.py). Without a token the profile offers no
# Telegram. Updates come by the webhook (Telegram sends TELEGRAM_WEBHOOK_SECRET in the
# X-Telegram-Bot-Api-Secret-Token header; register it with setWebhook) or, with
# TELEGRAM_POLLING=1, by the polling beat task.
TELEGRAM_BOT_TOKEN = env("TELEGRAM_BOT_TOKEN", "")
TELEGRAM_BOT_USERNAME = env("TELEGRAM_BOT_USERNAME", "")
TELEGRAM_WEBHOOK_SECRET = env("TELEGRAM_WEBHOOK_SECRET", "")
TELEGRAM_POLLING = env_bool("TELEGRAM_POLLING", False)
TELEGRAM_API_URL = env("TELEGRAM_API_URL", "https://api.telegram.org")
TELEGRAM_TIMEOUT = env_int("TELEGRAM_TIMEOUT", 10)
TELEGRAM_WEBHOOK_RATE = env("TELEGRAM_WEBHOOK_RATE", "300/m")
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "JastarUrban <noreply@jastarurban.kz>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

SESSION_COOKIE_AGE = 14 * 24 * 3600
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Content-Security-Policy (django-csp): everything from our own origin, nothing inline and
# no eval, so an injected <script>, on*= handler or style="" does nothing. Pages keep their
# code in static/js and their looks in static/css (tests/jastarurban/test_csp.py checks).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap draws its icons (select arrow, menu button) as data: SVG.
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
# Set when a reverse proxy terminates TLS and sends X-Forwarded-Proto.
BEHIND_TLS_PROXY = env_bool("BEHIND_TLS_PROXY", False)
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    # A load balancer asks for /healthz over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
    if BEHIND_TLS_PROXY:
        SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
        # Only when the proxy sets it itself (it passes the Host header otherwise).
        USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        # Axes logs every login and logout at INFO; lockouts come at WARNING.
        "axes": {"level": "WARNING"},
        # WeasyPrint and fontTools narrate every PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
