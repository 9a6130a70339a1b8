"""Serve the probe with eventlet.wsgi.server (one green thread per connection, no monkey-patching)."""
import sys
import eventlet
import eventlet.wsgi

probe_dir, port = sys.argv[1], int(sys.argv[2])
sys.path.insert(0, probe_dir)
from gwi_probe import application  # noqa: E402

eventlet.wsgi.server(eventlet.listen(("127.0.0.1", port)), application)
