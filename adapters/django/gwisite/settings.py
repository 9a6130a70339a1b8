"""Settings of the smallest Django project that serves a couple of views: no database, no apps, no templates."""
SECRET_KEY = "gwi-test-not-secret"
DEBUG = False
# The hosts gwi-test puts in SERVER_NAME / HTTP_HOST (with ports 80, 8000, 443); Django strips the port itself.
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "example.test"]
ROOT_URLCONF = "gwisite.urls"
WSGI_APPLICATION = "gwisite.wsgi.application"
INSTALLED_APPS = []
# startproject's defaults minus sessions, auth and messages, which need apps and a database.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
DATABASES = {}
USE_TZ = True
TIME_ZONE = "UTC"
# Unhandled errors go to the console (stderr, i.e. the driver's stderr), as startproject's default logging does.
