"""The same project served through ASGI: django.core.asgi.get_asgi_application(), as startproject's asgi.py does."""
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gwisite.settings")
application = get_asgi_application()
