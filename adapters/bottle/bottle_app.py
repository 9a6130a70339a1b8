"""A small Bottle application: a streaming route, and a catch-all route that echoes the request."""
import bottle

app = bottle.Bottle()
METHODS = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]  # Bottle answers HEAD from the GET routes itself


@app.route("/stream")
def stream():
    # A generator of bytes: Bottle passes it to the server as the response iterable.
    bottle.response.content_type = "text/plain; charset=utf-8"
    for i in range(3):
        yield b"part %d\n" % i


@app.route("/", method=METHODS)
@app.route("/<path:path>", method=METHODS)
def echo(path=""):
    request = bottle.request
    size = len(request.body.read())  # request.body reads wsgi.input up to CONTENT_LENGTH and buffers it
    bottle.response.content_type = "text/plain; charset=utf-8"
    return "%s /%s %r body=%d\n" % (request.method, path, dict(request.query), size)


application = app
