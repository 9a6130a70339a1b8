"""A small Starlette application: a streaming route, and a catch-all route that echoes the request."""
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse, StreamingResponse
from starlette.routing import Route

METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]


async def stream(request):
    # An async generator body, the way Starlette's docs stream a response.
    async def parts():
        for i in range(3):
            yield "part %d\n" % i
    return StreamingResponse(parts(), media_type="text/plain")


async def echo(request):
    body = await request.body()
    return PlainTextResponse("%s %s %r body=%d\n" % (request.method, request.url.path, dict(request.query_params), len(body)))


application = Starlette(routes=[Route("/stream", stream), Route("/{path:path}", echo, methods=METHODS)])
