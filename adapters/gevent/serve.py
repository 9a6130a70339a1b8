"""Serve the probe with gevent.pywsgi.WSGIServer (one greenlet per connection, no monkey-patching)."""
import sys
from gevent.pywsgi import WSGIServer

probe_dir, port = sys.argv[1], int(sys.argv[2])
sys.path.insert(0, probe_dir)
from gwi_probe import application  # noqa: E402

WSGIServer(("127.0.0.1", port), application).serve_forever()
