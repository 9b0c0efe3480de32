"""Real remote-cache servers on 127.0.0.1 for tests/test_scons_remote_cache.py, ended by pid.

`python tests/cache_servers.py PORT_FILE [--fail] [--corrupt]` runs a standard-library
server for Bazel's HTTP cache protocol (in memory): `--fail` answers every request with
500, `--corrupt` flips a byte of every blob it serves. `GET /_log` returns the requests
seen so far as JSON lines `[method, path, status]`, in order.

`nginx(tmp)` starts nginx with its WebDAV module (Bazel's documented backend) from
PATH or from the Debian package fetched with `apt-get download` and unpacked with
`dpkg-deb -x` into `tmp` (no system service, no root-owned paths), or says why not.
"""

from __future__ import annotations

import http.server
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path


class _Handler(http.server.BaseHTTPRequestHandler):
    store: dict = {}
    log: list = []
    fail = corrupt = False

    def log_message(self, *args):
        pass

    def _answer(self, status: int, body: bytes = b"") -> None:
        self.log.append([self.command, self.path, status])
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_PUT(self):
        data = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.fail:
            return self._answer(500)
        self.store[self.path] = data
        self._answer(200)

    def do_GET(self):
        if self.path == "/_log":
            body = "".join(json.dumps(entry) + "\n" for entry in list(self.log)).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return self.wfile.write(body)
        if self.fail:
            return self._answer(500)
        data = self.store.get(self.path)
        if data is None:
            return self._answer(404)
        if self.corrupt and "/cas/" in self.path:
            data = bytes([data[0] ^ 0xFF]) + data[1:]
        self._answer(200, data)

    do_HEAD = do_GET


def serve(port_file: str, fail: bool, corrupt: bool) -> None:
    _Handler.fail, _Handler.corrupt = fail, corrupt
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    tmp = port_file + ".tmp"
    Path(tmp).write_text(str(server.server_address[1]))
    os.replace(tmp, port_file)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    server.serve_forever()


class Server:
    """A server process on 127.0.0.1: `url`, `log()`, `stop()` (by its pid)."""

    def __init__(self, proc: subprocess.Popen, port: int) -> None:
        self.proc, self.port = proc, port
        self.url = f"http://127.0.0.1:{port}"

    def log(self) -> list:
        import urllib.request
        with urllib.request.urlopen(self.url + "/_log", timeout=10) as response:
            return [json.loads(line) for line in response.read().decode().splitlines()]

    def stop(self) -> None:
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


def start(tmp: Path, *flags: str) -> Server:
    """The standard-library server, with `flags` (--fail, --corrupt)."""
    port_file = tmp / f"port-{time.monotonic_ns()}"
    proc = subprocess.Popen([sys.executable, __file__, str(port_file), *flags])
    for _ in range(200):
        if port_file.exists():
            return Server(proc, int(port_file.read_text()))
        if proc.poll() is not None:
            break
        time.sleep(0.05)
    proc.kill()
    raise RuntimeError("the cache server did not start")


def free_port() -> int:
    """A port nothing listens on right now (for a server that cannot take port 0, or none at all)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


NGINX_CONF = """\
daemon off;
master_process off;
pid {d}/nginx.pid;
error_log {d}/error.log;
events {{ worker_connections 64; }}
http {{
    access_log off;
    client_body_temp_path {d}/body;
    proxy_temp_path {d}/proxy;
    fastcgi_temp_path {d}/fastcgi;
    uwsgi_temp_path {d}/uwsgi;
    scgi_temp_path {d}/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {d}/store;
        client_max_body_size 0;
        location / {{
            dav_methods PUT;
            create_full_put_path on;
            dav_access user:rw;
        }}
    }}
}}
"""


def nginx_binary(tmp: Path) -> tuple[str | None, str]:
    """(path of an nginx with the WebDAV module, '') or (None, why not)."""
    found = shutil.which("nginx")
    if found is None:
        if not (shutil.which("apt-get") and shutil.which("dpkg-deb")):
            return None, "no nginx, and no apt-get/dpkg-deb to fetch one"
        tmp.mkdir(parents=True, exist_ok=True)
        try:
            subprocess.run(["apt-get", "download", "-q", "nginx"], cwd=tmp, check=True, timeout=120,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            deb = next(tmp.glob("nginx_*.deb"))
            subprocess.run(["dpkg-deb", "-x", str(deb), str(tmp / "root")], check=True, timeout=60)
        except (subprocess.SubprocessError, StopIteration, OSError) as err:
            return None, f"could not fetch nginx with apt-get download: {err}"
        found = str(tmp / "root" / "usr" / "sbin" / "nginx")
    version = subprocess.run([found, "-V"], stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if "--with-http_dav_module" not in version.stdout:
        return None, f"{found} has no WebDAV module"
    return found, ""


def start_nginx(binary: str, tmp: Path) -> Server:
    """nginx serving a WebDAV store under tmp on 127.0.0.1 (its log at tmp/error.log)."""
    for sub in ("store/ac", "store/cas", "body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (tmp / sub).mkdir(parents=True, exist_ok=True)
    for _ in range(5):   # the port may be taken between choosing it and nginx binding it
        port = free_port()
        (tmp / "nginx.conf").write_text(NGINX_CONF.format(d=tmp, port=port))
        proc = subprocess.Popen([binary, "-p", str(tmp), "-e", str(tmp / "error.log"), "-c", str(tmp / "nginx.conf")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if proc.poll() is not None:
                break
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                return Server(proc, port)
            except OSError:
                time.sleep(0.05)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    raise RuntimeError(f"nginx did not start: {(tmp / 'error.log').read_text()[-2000:]}")


def listening_addresses(pid: int) -> list:
    """Local addresses of the TCP sockets process `pid` listens on (from /proc), or []."""
    inodes = set()
    try:
        for fd in os.listdir(f"/proc/{pid}/fd"):
            target = os.readlink(f"/proc/{pid}/fd/{fd}")
            if target.startswith("socket:["):
                inodes.add(target[8:-1])
        lines = Path("/proc/net/tcp").read_text().splitlines()[1:] + Path("/proc/net/tcp6").read_text().splitlines()[1:]
    except OSError:
        return []
    found = []
    for line in lines:
        fields = line.split()
        if fields[3] == "0A" and fields[9] in inodes:   # 0A: LISTEN
            address = fields[1].split(":")[0]
            found.append(address)
    return found


if __name__ == "__main__":
    serve(sys.argv[1], "--fail" in sys.argv[2:], "--corrupt" in sys.argv[2:])
