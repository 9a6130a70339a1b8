"""Start gunicorn on a Unix socket and nginx in front of it; stay until both have ended.

Usage: start.py PYTHON PROBE_DIR TMP_DIR WORKERS
gwi-test runs this in its own process group and stops the whole group with SIGTERM: nginx and gunicorn get
the signal themselves (nginx: fast shutdown, gunicorn: graceful), this script only waits for them. If either
ends on its own (failed start), the other is stopped and the script exits with its code.
"""
import os
import signal
import subprocess
import sys
import time

python, probe_dir, tmp_dir, workers = sys.argv[1:5]
socket_path = os.path.join(tmp_dir, "g.sock")

gunicorn = subprocess.Popen([
    python, "-m", "gunicorn", "--chdir", probe_dir, "--bind", "unix:" + socket_path,
    "--workers", workers, "--worker-tmp-dir", tmp_dir, "--log-level", "warning", "gwi_probe:application",
])
# nginx answers 502 until the socket exists; gwi-test waits for a real probe answer anyway
nginx = subprocess.Popen(["/usr/sbin/nginx", "-p", tmp_dir, "-c", os.path.join(tmp_dir, "nginx.conf"), "-e", "stderr"])
children = [gunicorn, nginx]

stopping = False


def on_signal(signum, frame):
    global stopping
    stopping = True
    for child in children:
        if child.poll() is None:
            try:
                child.send_signal(signal.SIGTERM)
            except ProcessLookupError:
                pass


for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
    signal.signal(sig, on_signal)

code = 0
while any(child.poll() is None for child in children):
    ended = [child for child in children if child.poll() is not None]
    if ended and not stopping:
        code = ended[0].returncode or 1
        print("nginx-gunicorn: %s ended with %s, stopping the other" % (ended[0].args[0], ended[0].returncode), file=sys.stderr)
        on_signal(None, None)
    time.sleep(0.05)
sys.exit(code)
