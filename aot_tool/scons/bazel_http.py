"""A client for Bazel's HTTP remote-cache protocol, standard library only.

The protocol is two key-value stores under one base URL:

    PUT/GET <base>/cas/<sha256 of the bytes>     the bytes (content-addressed blobs)
    PUT/GET <base>/ac/<sha256 of an action key>  an ActionResult naming output blobs

bazel-remote, nginx with WebDAV and cloud buckets serve it. The ActionResult is
stored as JSON in the field names of the remote-execution API's JSON mapping:
`{"outputFiles": [{"path": ..., "digest": {"hash": ..., "sizeBytes": ...},
"isExecutable": ...}]}`. A 404 is a miss; any other failure raises CacheServerError,
which the caller turns into "remote tier off for this run".
"""

from __future__ import annotations

import base64
import hashlib
import json
import urllib.error
import urllib.parse
import urllib.request


class CacheServerError(Exception):
    """The server could not be reached or answered with an error other than 404."""


class BazelHttpCache:
    """`base_url` (http or https, optionally `user:password@`) with a per-request timeout."""

    def __init__(self, base_url: str, timeout: float = 10.0) -> None:
        parts = urllib.parse.urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"not an http(s) URL: {base_url!r}")
        self.headers = {}
        if parts.username is not None:
            token = f"{urllib.parse.unquote(parts.username)}:{urllib.parse.unquote(parts.password or '')}"
            self.headers["Authorization"] = "Basic " + base64.b64encode(token.encode()).decode()
        netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
        if parts.port:
            netloc += f":{parts.port}"
        self.base = urllib.parse.urlunsplit((parts.scheme, netloc, parts.path.rstrip("/"), "", ""))
        self.timeout = timeout

    def describe(self) -> str:
        """The URL without credentials, for messages."""
        return self.base

    # -- the two stores -------------------------------------------------------------
    def get_blob(self, digest: str, size: int) -> bytes | None:
        """The blob `digest`, or None when absent or not what its digest says."""
        data = self._get(f"cas/{digest}")
        if data is None or len(data) != size or hashlib.sha256(data).hexdigest() != digest:
            return None
        return data

    def put_blob(self, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        self._put(f"cas/{digest}", data)
        return digest

    def get_action(self, key: str) -> list | None:
        """The output files [(path, digest, size, executable)] of action `key`, or None."""
        data = self._get(f"ac/{key}")
        if data is None:
            return None
        try:
            result = json.loads(data)
            return [(f["path"], f["digest"]["hash"], int(f["digest"]["sizeBytes"]), bool(f.get("isExecutable")))
                    for f in result["outputFiles"]]
        except (ValueError, KeyError, TypeError):
            return None   # not an entry we wrote: a miss, rebuilt and overwritten

    def put_action(self, key: str, outputs: list) -> None:
        """Record outputs [(path, digest, size, executable)]; their blobs must be stored first."""
        result = {"outputFiles": [{"path": p, "digest": {"hash": d, "sizeBytes": str(n)}, "isExecutable": x}
                                  for p, d, n, x in outputs]}
        self._put(f"ac/{key}", json.dumps(result, sort_keys=True).encode())

    # -- HTTP -----------------------------------------------------------------------
    def _get(self, path: str) -> bytes | None:
        request = urllib.request.Request(f"{self.base}/{path}", headers=self.headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as err:
            if err.code == 404:
                return None
            raise CacheServerError(f"GET {self.base}/{path}: HTTP {err.code} {err.reason}") from None
        except (OSError, ValueError) as err:   # URLError, refused, reset, timeout, bad answer
            raise CacheServerError(f"GET {self.base}/{path}: {_reason(err)}") from None

    def _put(self, path: str, data: bytes) -> None:
        headers = dict(self.headers, **{"Content-Type": "application/octet-stream"})
        request = urllib.request.Request(f"{self.base}/{path}", data=data, method="PUT", headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as err:
            raise CacheServerError(f"PUT {self.base}/{path}: HTTP {err.code} {err.reason}") from None
        except (OSError, ValueError) as err:
            raise CacheServerError(f"PUT {self.base}/{path}: {_reason(err)}") from None


def _reason(err: Exception) -> str:
    reason = getattr(err, "reason", None)
    return str(reason if reason is not None else err) or type(err).__name__
