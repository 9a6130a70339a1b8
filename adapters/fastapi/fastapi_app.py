"""A small FastAPI application: a typed JSON route, a streaming route, and a catch-all route that echoes the request."""
from fastapi import FastAPI, Request
from fastapi.responses import PlainTextResponse, StreamingResponse

application = FastAPI()
METHODS = ["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]


@application.get("/items/{item_id}")
async def item(item_id: int, q: str = ""):
    return {"item_id": item_id, "q": q}


@application.get("/stream")
async def stream():
    async def parts():
        for i in range(3):
            yield "part %d\n" % i
    return StreamingResponse(parts(), media_type="text/plain")


@application.api_route("/{path:path}", methods=METHODS)
async def echo(path: str, request: Request):
    body = await request.body()
    return PlainTextResponse("%s /%s %r body=%d\n" % (request.method, path, dict(request.query_params), len(body)))
