"""A small Quart application: a streaming route, and a catch-all route that echoes the request."""
from quart import Quart, Response, request

app = Quart(__name__)
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]


@app.route("/stream")
async def stream():
    async def parts():
        for i in range(3):
            yield b"part %d\n" % i
    return Response(parts(), mimetype="text/plain")


@app.route("/", defaults={"path": ""}, methods=METHODS)
@app.route("/<path:path>", methods=METHODS)
async def echo(path):
    size = len(await request.get_data())
    return Response("%s /%s %r body=%d\n" % (request.method, path, request.args.to_dict(flat=False), size), mimetype="text/plain")


# The ASGI callable: the Quart object itself.
application = app
