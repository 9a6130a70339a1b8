"""Serve the probe with paste.httpserver.serve (its default pool of 10 worker threads, HTTP/1.0)."""
import sys
from paste.httpserver import serve

probe_dir, port = sys.argv[1], int(sys.argv[2])
sys.path.insert(0, probe_dir)
from gwi_probe import application  # noqa: E402

serve(application, host="127.0.0.1", port=port)
