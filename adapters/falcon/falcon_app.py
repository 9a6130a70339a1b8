"""A small Falcon application: a streaming resource at /stream, and a sink that echoes every other request."""
import falcon


class Stream:
    def on_get(self, req, resp):
        # resp.stream takes any iterable of bytes; Falcon hands it to the server as the response iterable.
        resp.content_type = falcon.MEDIA_TEXT
        resp.stream = (b"part %d\n" % i for i in range(3))


def echo(req, resp):
    # A sink gets every method; bounded_stream stops at CONTENT_LENGTH, as Falcon's docs recommend for reading bodies.
    size = len(req.bounded_stream.read())
    resp.content_type = falcon.MEDIA_TEXT
    resp.text = "%s %s %r body=%d\n" % (req.method, req.path, req.params, size)


app = falcon.App()
app.add_route("/stream", Stream())
app.add_sink(echo, prefix="/")
application = app
