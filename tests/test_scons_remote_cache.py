"""RemoteCacheDir against real servers on 127.0.0.1: a second checkout compiles nothing.

Every server is a process these tests start (cache_servers.py) and end by pid. The
first checkout fills the server; checkouts at other paths, with empty local caches,
then build from it, or fall back to compiling when the server is down, answers 500
or serves a corrupted blob.
"""

import pytest

import cache_servers
from scons_support import EXT, call, compiled, objects, retrieved, scons, sconstruct, write, SEED

LOOPBACK = "0100007F"   # 127.0.0.1 as /proc/net/tcp writes it

# the environment variable and the global CacheDir(): the tool makes RemoteCacheDir the class
GLOBAL = "env.AOTModule('my_module', 'src.py')\n"
# the construction variable and env.CacheDir(..., custom_class=...), as issue 15 shows it
EXPLICIT = """\
import aot_tool.scons
env = env.Clone(AOT_REMOTE_CACHE={url!r})
env.CacheDir({cache!r}, custom_class=aot_tool.scons.RemoteCacheDir)
env.AOTModule('my_module', 'src.py')
"""


def project(root, cache, body=GLOBAL):
    global_cache = cache if body is GLOBAL else None
    return write(root, {"src.py": SEED, "SConstruct": sconstruct(body, cache=global_cache)})


def build(root, url, *args, check=True):
    return scons(root, *args, check=check, env={"AOT_REMOTE_CACHE": url})


def warnings(output: str) -> list:
    return [line for line in output.splitlines() if "remote cache" in line and "warning" in line]


def outputs(root) -> set:
    """Every file the cache serves: the objects (the runtime's too), the module and its stub."""
    return set(objects(root)) | {"my_module" + EXT, "my_module.pyi"}


def module_of(root):
    return (root / ("my_module" + EXT)).read_bytes()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = cache_servers.start(tmp_path_factory.mktemp("server"))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def first(server, tmp_path_factory):
    """A checkout built against the server: (its root, its output)."""
    tmp = tmp_path_factory.mktemp("first")
    root = project(tmp / "one", str(tmp / "cache"))
    out = build(root, server.url).stdout
    return root, out


def test_the_first_checkout_uploads_blobs_before_action_entries(server, first):
    root, out = first
    assert compiled(out) and warnings(out) == []
    log = server.log()
    puts = [path for method, path, status in log if method == "PUT"]
    assert len({p for p in puts if p.startswith("/ac/")}) == len(outputs(root))
    for i, path in enumerate(puts):
        if path.startswith("/ac/"):
            assert any(p.startswith("/cas/") for p in puts[:i]), "an action entry before any blob"
    assert cache_servers.listening_addresses(server.proc.pid) == [LOOPBACK]


def test_a_second_checkout_with_an_empty_cache_compiles_nothing(server, first, tmp_path):
    root, _ = first
    cache = tmp_path / "cache2"
    two = project(tmp_path / "elsewhere" / "two", str(cache), EXPLICIT.format(url=server.url, cache=str(cache)))
    out = scons(two, "--debug=explain").stdout   # AOT_REMOTE_CACHE as construction variable only
    assert compiled(out) == set(), out
    # explain names each target before SCons asks the cache; every one was then fetched
    assert out.count("scons: building `") == len(retrieved(out))
    assert retrieved(out) == outputs(first[0])
    assert objects(two) == objects(root)
    assert module_of(two) == module_of(root)
    assert call(two / ("my_module" + EXT), "m.multi(6, 7)") == "42"
    # the fetched files went into the local tier: a third run without the server needs nothing
    three = project(tmp_path / "three", str(cache))
    out = build(three, "http://127.0.0.1:%d" % cache_servers.free_port()).stdout
    assert compiled(out) == set() and retrieved(out) == outputs(first[0]) and warnings(out) == []


def test_cache_readonly_fetches_but_writes_nowhere(server, first, tmp_path):
    before = len(server.log())
    cache = tmp_path / "cache"
    two = project(tmp_path / "two", str(cache))
    out = build(two, server.url, "--cache-readonly").stdout
    assert compiled(out) == set() and retrieved(out) == outputs(first[0])
    assert not any(p.is_file() and p.name != "config" and p.name != "CACHEDIR.TAG" for p in cache.rglob("*"))
    assert not [e for e in server.log()[before:] if e[0] == "PUT"]
    assert objects(two) == objects(first[0])


def test_cache_disable_asks_nothing(server, first, tmp_path):
    before = len(server.log())
    two = project(tmp_path / "two", str(tmp_path / "cache"))
    out = build(two, server.url, "--cache-disable").stdout
    assert len(compiled(out)) == 6 and retrieved(out) == set()
    assert server.log()[before:] == []


def test_cache_show_prints_the_actions_it_did_not_run(server, first, tmp_path):
    two = project(tmp_path / "two", str(tmp_path / "cache"))
    out = build(two, server.url, "--cache-show").stdout
    assert retrieved(out) == set() and len(compiled(out)) == 6, out
    assert objects(two) == objects(first[0])   # fetched, not compiled


def test_server_down_is_one_warning_and_a_local_build(tmp_path):
    root = project(tmp_path / "p", str(tmp_path / "cache"))
    out = build(root, "http://127.0.0.1:%d" % cache_servers.free_port()).stdout
    assert len(warnings(out)) == 1, out
    assert len(compiled(out)) == 6
    assert call(root / ("my_module" + EXT), "m.multi(6, 7)") == "42"
    again = project(tmp_path / "q", str(tmp_path / "cache"))   # the local tier still filled
    assert compiled(build(again, "http://127.0.0.1:1").stdout) == set()


def test_server_errors_are_one_warning_and_a_local_build(first, tmp_path):
    srv = cache_servers.start(tmp_path, "--fail")
    try:
        root = project(tmp_path / "p", str(tmp_path / "cache"))
        out = build(root, srv.url).stdout
        log = srv.log()
    finally:
        srv.stop()
    assert len(warnings(out)) == 1 and "HTTP 500" in warnings(out)[0], out
    assert len(log) == 1, "the remote tier stays off after its first failure"
    assert objects(root) == objects(first[0])


@pytest.mark.slow
def test_a_corrupted_blob_is_a_miss(first, tmp_path):
    srv = cache_servers.start(tmp_path, "--corrupt")
    try:
        one = project(tmp_path / "one", str(tmp_path / "cache1"))
        build(one, srv.url)
        two = project(tmp_path / "two", str(tmp_path / "cache2"))
        out = build(two, srv.url).stdout
    finally:
        srv.stop()
    assert warnings(out) == [] and len(compiled(out)) == 6 and retrieved(out) == set()
    assert objects(two) == objects(first[0])


@pytest.fixture(scope="module")
def nginx_binary(tmp_path_factory):
    binary, why = cache_servers.nginx_binary(tmp_path_factory.mktemp("nginx-package"))
    if binary is None:
        pytest.skip(why)
    return binary


@pytest.mark.slow
def test_nginx_webdav_serves_a_second_checkout(nginx_binary, first, tmp_path):
    srv = cache_servers.start_nginx(nginx_binary, tmp_path / "nginx")
    try:
        assert cache_servers.listening_addresses(srv.proc.pid) == [LOOPBACK]
        one = project(tmp_path / "one", str(tmp_path / "cache1"))
        out = build(one, srv.url).stdout
        assert warnings(out) == [] and len(compiled(out)) == 6, out
        two = project(tmp_path / "a" / "b" / "two", str(tmp_path / "cache2"))
        out = build(two, srv.url).stdout
    finally:
        srv.stop()
    assert compiled(out) == set() and retrieved(out) == outputs(first[0]), out
    assert objects(two) == objects(first[0]) and module_of(two) == module_of(first[0])
    assert len(list((tmp_path / "nginx" / "store" / "cas").iterdir())) >= len(outputs(first[0])) - 1


def test_a_server_that_never_answers_times_out_once(first, tmp_path):
    import socket
    with socket.socket() as silent:   # accepts connections (the backlog) and never answers
        silent.bind(("127.0.0.1", 0))
        silent.listen(64)
        root = project(tmp_path / "p", str(tmp_path / "cache"))
        out = scons(root, env={"AOT_REMOTE_CACHE": "http://127.0.0.1:%d" % silent.getsockname()[1],
                               "AOT_REMOTE_CACHE_TIMEOUT": "1"}).stdout
    assert len(warnings(out)) == 1 and "timed out" in warnings(out)[0], out
    assert objects(root) == objects(first[0])
