"""A small Pyramid application: a streaming view, and a catch-all route whose view echoes the request."""
from pyramid.config import Configurator
from pyramid.response import Response


def stream(request):
    # app_iter takes any iterable of bytes; Pyramid (WebOb) returns it to the server as is.
    return Response(app_iter=(b"part %d\n" % i for i in range(3)), content_type="text/plain", charset="utf-8")


def echo(request):
    size = len(request.body)  # WebOb reads wsgi.input within CONTENT_LENGTH and keeps a seekable copy
    text = "%s %s %r body=%d\n" % (request.method, request.path, dict(request.GET), size)
    return Response(text, content_type="text/plain", charset="utf-8")


with Configurator() as config:
    config.add_route("stream", "/stream")
    config.add_view(stream, route_name="stream")
    # A catch-all route (any method); routes match in the order added, so /stream wins first.
    config.add_route("echo", "/{path:.*}")
    config.add_view(echo, route_name="echo")
    # No exception view for Exception, as in Pyramid's own starters: an error with no matching exception view
    # (an undecodable path or query, a short body) leaves the WSGI call for the server to turn into a 500.
    application = config.make_wsgi_app()
