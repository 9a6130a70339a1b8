"""Serve the probe with cheroot.wsgi.Server (its default pool of 10 worker threads); SIGINT stops it."""
import sys
from cheroot.wsgi import Server

probe_dir, port = sys.argv[1], int(sys.argv[2])
sys.path.insert(0, probe_dir)
from gwi_probe import application  # noqa: E402

try:
    Server(("127.0.0.1", port), application).safe_start()
except KeyboardInterrupt:
    pass
