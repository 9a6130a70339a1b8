"""A small Flask application: a streaming route, and a catch-all route that echoes the request."""
from flask import Flask, Response, request

app = Flask(__name__)
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]


@app.route("/stream")
def stream():
    # A generator body, the way Flask's docs stream a response.
    def parts():
        for i in range(3):
            yield "part %d\n" % i
    return Response(parts(), mimetype="text/plain")


@app.route("/", defaults={"path": ""}, methods=METHODS)
@app.route("/<path:path>", methods=METHODS)
def echo(path):
    size = len(request.get_data())  # reads wsgi.input within CONTENT_LENGTH (werkzeug's LimitedStream)
    text = "%s /%s %r body=%d\n" % (request.method, path, request.args.to_dict(flat=False), size)
    return Response(text, mimetype="text/plain")


# The WSGI callable; app itself would do too, app.wsgi_app is the same thing without middleware.
application = app
