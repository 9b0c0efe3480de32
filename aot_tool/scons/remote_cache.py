"""`RemoteCacheDir`: SCons' CacheDir with a second tier on a Bazel HTTP remote-cache server.

    env = Environment(tools=['default', 'aot'], AOT_REMOTE_CACHE='https://cache.internal/aot')
    env.CacheDir('/var/tmp/scons-cache')        # the tool makes RemoteCacheDir the class

The local directory is the first tier and behaves exactly as a plain CacheDir. A
target missing there is looked up on the server (bazel_http.py): the action entry
`/ac/<sha256 of the node's cache signature>` names the blob, `/cas/<sha256>` holds
it; a blob whose size or digest is wrong is a miss. A fetched blob is written to the
local tier too, so the next run does not ask again. Built targets go to both tiers,
the remote one from background threads (blob first, then its action entry) that the
run waits for at exit. Any server failure prints one warning and turns the remote
tier off for the rest of the run: the build itself never fails because of the cache.
`--cache-disable`, `--cache-readonly` (no writes to either tier), `--cache-show`,
`--cache-debug` and `-n` (the server is not asked) behave as for a plain CacheDir.

The server comes from the construction variable AOT_REMOTE_CACHE, which the tool
fills from the environment variable of that name; environments without the tool
read the environment variable directly.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import stat
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor

import SCons.Action
import SCons.CacheDir
import SCons.Warnings

from ..drivers.files import write_atomically

ACTION_KEY_PREFIX = b"aot_tool scons cache v1\0"   # namespaces our entries on a shared server
_PUSH_THREADS = 4


class RemoteCacheWarning(SCons.Warnings.WarningOnByDefault):
    """The remote cache server failed; the run goes on without it."""


class _Tier:
    """One server for the whole run: its client, whether it still works, pending uploads."""

    def __init__(self, url: str, timeout: float) -> None:
        from .bazel_http import BazelHttpCache
        self.client = BazelHttpCache(url, timeout)
        self.off = False
        self.lock = threading.Lock()
        self.uploads: ThreadPoolExecutor | None = None

    def call(self, method, *args):
        """client.method(*args), or None once the server has failed (warned once)."""
        from .bazel_http import CacheServerError
        if self.off:
            return None
        try:
            return method(*args)
        except CacheServerError as err:
            with self.lock:
                first, self.off = not self.off, True
            if first:
                SCons.Warnings.warn(RemoteCacheWarning,
                                    f"remote cache {self.client.describe()} failed ({err}); "
                                    "the rest of this run builds without it")
            return None

    def fetch(self, key: str):
        """(bytes, executable) of the one output of action `key`, or None."""
        outputs = self.call(self.client.get_action, key)
        if not outputs or len(outputs) != 1:
            return None
        _path, digest, size, executable = outputs[0]
        data = self.call(self.client.get_blob, digest, size)
        return None if data is None else (data, executable)

    def store_later(self, key: str, name: str, path: str) -> None:
        with self.lock:
            if self.uploads is None:
                self.uploads = ThreadPoolExecutor(_PUSH_THREADS, thread_name_prefix="aot-cache-push")
                atexit.register(self.uploads.shutdown, wait=True)
        self.uploads.submit(self._store, key, name, path)

    def _store(self, key: str, name: str, path: str) -> None:
        try:
            with open(path, "rb") as f:
                data = f.read()
            executable = bool(os.stat(path).st_mode & stat.S_IXUSR)
        except OSError:
            return   # removed meanwhile: nothing to share
        digest = self.call(self.client.put_blob, data)
        if digest is not None:   # the action entry only once its blob is there
            self.call(self.client.put_action, key, [(name, digest, len(data), executable)])


_tiers: dict = {}
_tiers_lock = threading.Lock()


def remote_tier(env) -> _Tier | None:
    """The remote tier `env` asks for ($AOT_REMOTE_CACHE, else the environment variable), or None."""
    if "AOT_REMOTE_CACHE" in env:
        url = env.subst("$AOT_REMOTE_CACHE").strip()
        timeout = env.subst("$AOT_REMOTE_CACHE_TIMEOUT").strip()
    else:
        url = os.environ.get("AOT_REMOTE_CACHE", "").strip()
        timeout = os.environ.get("AOT_REMOTE_CACHE_TIMEOUT", "").strip()
    if not url:
        return None
    with _tiers_lock:
        if url not in _tiers:
            try:
                _tiers[url] = _Tier(url, float(timeout or 10))
            except ValueError as err:
                SCons.Warnings.warn(RemoteCacheWarning, f"AOT_REMOTE_CACHE: {err}; building without it")
                _tiers[url] = None
        return _tiers[url]


def action_key(node) -> str:
    """The /ac/ key of a node: a sha256 of its CacheDir signature (no path of the checkout)."""
    return hashlib.sha256(ACTION_KEY_PREFIX + node.get_cachedir_bsig().encode()).hexdigest()


def _write_fetched(target, source, env) -> int:
    node = target[0]
    data, executable = node.attributes.aot_fetched
    del node.attributes.aot_fetched
    if SCons.Action.execute_actions:
        path = node.get_abspath()
        write_atomically(path, data)
        os.chmod(path, 0o755 if executable else 0o644)
    return 0


def _describe_fetched(target, source, env) -> str:
    return "Retrieved `%s' from cache" % target[0].get_internal_path()


_RETRIEVE = SCons.Action.Action(_write_fetched, _describe_fetched)
_RETRIEVE_SILENT = SCons.Action.Action(_write_fetched, None)


class RemoteCacheDir(SCons.CacheDir.CacheDir):
    """A CacheDir whose misses are looked up on $AOT_REMOTE_CACHE and whose pushes reach it."""

    def retrieve(self, node) -> bool:
        if not self.is_enabled():
            return False
        _cachedir, cachefile = self.cachepath(node)
        env = node.get_build_env()
        tier = remote_tier(env) if SCons.Action.execute_actions else None
        if tier is None or tier.off or os.path.exists(cachefile):
            return super().retrieve(node)
        self.requests += 1
        fetched = tier.fetch(action_key(node))
        if fetched is None:
            self.CacheDebug("CacheRetrieve(%s):  %s not in the local or the remote cache\n", node, cachefile)
            return False
        self.hits += 1
        self.CacheDebug("CacheRetrieve(%s):  retrieving %s from the remote cache\n", node, cachefile)
        if not self.is_readonly():
            self._store_locally(cachefile, fetched)
        node.attributes.aot_fetched = fetched
        show = SCons.CacheDir.cache_show
        if (_RETRIEVE_SILENT if show else _RETRIEVE)(node, [], env, execute=1) != 0:
            return False
        if show:
            node.build(presub=0, execute=0)
        return True

    def push(self, node):
        result = super().push(node)
        if self.is_readonly() or not self.is_enabled() or node.nocache:
            return result
        tier = remote_tier(node.get_build_env())
        path = node.get_abspath()
        if tier is not None and not tier.off and not os.path.islink(path) and os.path.isfile(path):
            tier.store_later(action_key(node), node.name, path)
        return result

    def _store_locally(self, cachefile: str, fetched) -> None:
        """Put a fetched blob into the local tier (atomically; a failure only costs the next run)."""
        data, executable = fetched
        directory = os.path.dirname(cachefile)
        try:
            os.makedirs(directory, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=directory, prefix=".aot-fetch-")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.chmod(tmp, 0o755 if executable else 0o644)
                os.replace(tmp, cachefile)
            finally:
                if os.path.exists(tmp):
                    os.unlink(tmp)
        except OSError:
            pass
