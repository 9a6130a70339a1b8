"""Serve the probe with werkzeug's development server (run_simple defaults: one thread, HTTP/1.0)."""
import sys
from werkzeug.serving import run_simple

probe_dir, port = sys.argv[1], int(sys.argv[2])
sys.path.insert(0, probe_dir)
from gwi_probe import application  # noqa: E402

run_simple("127.0.0.1", port, application)
