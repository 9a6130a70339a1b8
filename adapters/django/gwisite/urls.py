"""The views and their routes: a streaming view, and a catch-all that echoes the request."""
from django.http import HttpResponse, StreamingHttpResponse
from django.urls import re_path
from django.views.decorators.csrf import csrf_exempt


def stream(request):
    # A generator body: Django hands it to the server chunk by chunk.
    def parts():
        for i in range(3):
            yield "part %d\n" % i
    return StreamingHttpResponse(parts(), content_type="text/plain; charset=utf-8")


# An API-style echo endpoint: POSTs come from scripts without a CSRF token, so it is exempt, as such views usually are.
@csrf_exempt
def echo(request):
    size = len(request.body) if request.method in ("POST", "PUT", "PATCH") else 0
    text = "%s %s?%s body=%d\n" % (request.method, request.path, request.META.get("QUERY_STRING", ""), size)
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


urlpatterns = [
    re_path(r"^stream/?$", stream),
    re_path(r"", echo),
]
