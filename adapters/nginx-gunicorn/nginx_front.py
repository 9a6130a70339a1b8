"""Start a backend (the command after --) and nginx in front of it; stay until both have ended.

Usage: nginx_front.py TMP_DIR -- BACKEND COMMAND...
nginx runs from TMP_DIR/nginx.conf in the foreground. gwi-test runs this in its own process group and stops
the whole group with SIGTERM: nginx and the backend get the signal themselves, this script only waits for
them. If either ends on its own (a failed start), the other is stopped and the script exits with its code.
Used by adapters/nginx-gunicorn and adapters/nginx-uwsgi.
"""
import os
import signal
import subprocess
import sys
import time

tmp_dir, separator, *backend_command = sys.argv[1:]
if separator != "--" or not backend_command:
    sys.exit("usage: nginx_front.py TMP_DIR -- BACKEND COMMAND...")

backend = subprocess.Popen(backend_command)
# nginx answers 502 until the backend's socket exists; gwi-test waits for a real probe answer anyway
nginx = subprocess.Popen(["/usr/sbin/nginx", "-p", tmp_dir, "-c", os.path.join(tmp_dir, "nginx.conf"), "-e", "stderr"])
children = [backend, nginx]
stopping = False


def stop_all(signum=None, frame=None):
    global stopping
    stopping = True
    for child in children:
        if child.poll() is None:
            try:
                child.send_signal(signal.SIGTERM)
            except ProcessLookupError:
                pass


for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(sig, stop_all)

code = 0
while any(child.poll() is None for child in children):
    ended = [child for child in children if child.poll() is not None]
    if ended and not stopping:
        code = ended[0].returncode or 1
        print("nginx_front: %s ended with %s, stopping the other" % (ended[0].args[0], ended[0].returncode), file=sys.stderr)
        stop_all()
    time.sleep(0.05)
sys.exit(code)
