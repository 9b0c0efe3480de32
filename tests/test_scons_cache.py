"""Hermetic objects: identical bytes from checkouts at different paths, shared through CacheDir."""

from scons_support import EXT, call, compiled, objects, retrieved, scons, seed_project


def test_two_checkouts_share_one_cache(tmp_path):
    cache = str(tmp_path / "cache")
    one = seed_project(tmp_path / "one", cache=cache)
    two = seed_project(tmp_path / "two" / "deeper", cache=cache)
    scons(one, env={"PYTHONHASHSEED": "1"})
    out = scons(two, env={"PYTHONHASHSEED": "2"}).stdout

    built = objects(one)
    assert len(built) == 6
    assert objects(two) == built, "objects differ between checkouts"
    assert compiled(out) == set(), "the second checkout compiled instead of using the cache"
    assert retrieved(out) == set(built) | {"my_module" + EXT, "my_module.pyi"}
    assert (one / ("my_module" + EXT)).read_bytes() == (two / ("my_module" + EXT)).read_bytes()
    assert call(two / ("my_module" + EXT), "m.multi(6, 7)") == "42"


def test_no_absolute_path_reaches_an_object(tmp_path):
    root = seed_project(tmp_path / "somewhere_unusual")
    scons(root)
    for name, data in objects(root).items():
        assert b"somewhere_unusual" not in data, name
        assert str(tmp_path).encode() not in data, name


def test_cache_hit_after_clean(tmp_path):
    root = seed_project(tmp_path / "p", cache=str(tmp_path / "cache"))
    scons(root)
    scons(root, "-c")
    assert objects(root) == {}
    out = scons(root).stdout
    assert compiled(out) == set() and len(retrieved(out)) == 8   # 6 objects, the stub, the module
