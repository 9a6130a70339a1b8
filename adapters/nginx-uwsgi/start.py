"""Start uWSGI on a Unix socket (uwsgi protocol) and nginx in front of it; stay until both have ended.

Usage: start.py PROBE_DIR TMP_DIR
gwi-test runs this in its own process group and stops the whole group with SIGTERM: nginx and uWSGI get
the signal themselves (nginx: fast shutdown, uWSGI: --die-on-term makes SIGTERM a shutdown instead of a
reload), this script only waits for them. If either ends on its own (failed start), the other is stopped
and the script exits with its code.
"""
import os
import signal
import subprocess
import sys
import time

probe_dir, tmp_dir = sys.argv[1:3]
socket_path = os.path.join(tmp_dir, "u.sock")

uwsgi = subprocess.Popen([
    "/usr/bin/uwsgi", "--strict", "--plugin", "python3", "--socket", socket_path, "--chmod-socket=666",
    "--master", "--processes", "2", "--threads", "2", "--chdir", probe_dir,
    "--wsgi-file", os.path.join(probe_dir, "gwi_probe.py"), "--callable", "application",
    "--need-app", "--die-on-term", "--disable-logging",
])
# nginx answers 502 until the socket exists; gwi-test waits for a real probe answer anyway
nginx = subprocess.Popen(["/usr/sbin/nginx", "-p", tmp_dir, "-c", os.path.join(tmp_dir, "nginx.conf"), "-e", "stderr"])
children = [uwsgi, nginx]

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
        print("nginx-uwsgi: %s ended with %s, stopping the other" % (ended[0].args[0], ended[0].returncode), file=sys.stderr)
        on_signal(None, None)
    time.sleep(0.05)
sys.exit(code)
