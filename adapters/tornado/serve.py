"""Serve the probe with tornado's HTTPServer around a WSGIContainer (the application runs on the IOLoop thread)."""
import sys
from tornado.httpserver import HTTPServer
from tornado.ioloop import IOLoop
from tornado.wsgi import WSGIContainer

probe_dir, port = sys.argv[1], int(sys.argv[2])
sys.path.insert(0, probe_dir)
from gwi_probe import application  # noqa: E402

HTTPServer(WSGIContainer(application)).listen(port, address="127.0.0.1")
IOLoop.current().start()
