"""Serve the probe with wsgiref.simple_server, the reference server of Python's standard library."""
import sys
from wsgiref.simple_server import make_server

probe_dir, port = sys.argv[1], int(sys.argv[2])
sys.path.insert(0, probe_dir)
from gwi_probe import application  # noqa: E402

make_server("127.0.0.1", port, application).serve_forever()
