"""The read cache (aot_tool/scons/read_cache.py): a no-op run takes what reading a source
found from `.aot-read-cache.json`, and never a stale entry."""

import json

from scons_support import compiled, edit, scons, sconstruct, write

SOURCE = '''\
from numba.pycc import CC
from helpers.scale import factor

cc = CC('m')


@cc.export('f', 'f8(f8)')
@cc.export('fi', 'i8(i8)')
def f(x):
    return x * factor(2)


@cc.export('g', 'f8(f8)')
def g(x):
    return x + 1.0
'''
HELPER = "def factor(k):\n    return k * 3\n"
CACHE = ".aot-read-cache.json"


def project(root, body="env.AOTModule('m', 'src.py')\n"):
    return write(root, {"src.py": SOURCE, "helpers/scale.py": HELPER, "SConstruct": sconstruct(body)})


def entries(root):
    return json.loads((root / CACHE).read_text())


def test_a_second_run_reads_the_cache_not_the_source(tmp_path):
    root = project(tmp_path / "p")
    assert len(compiled(scons(root).stdout)) == 5   # f, fi, g, init, runtime
    data = entries(root)
    exports = data["sources"]["src.py"]["modules"]["m"]["exports"]
    assert [sig[0] for sig in exports["f"]] == ["f8(f8)"] and len(exports["fi"]) == 1
    assert exports["f"][0][1] == exports["fi"][0][1], "one reach digest per function"
    assert set(data["sources"]["src.py"]["helpers"]) == {"helpers/scale.py"}
    # a forged reach digest is believed while the source is unchanged: proof that it was not re-parsed
    exports["g"][0][1] = "0" * 64
    (root / CACHE).write_text(json.dumps(data))
    assert compiled(scons(root).stdout) == {"m.aot/g.0.os"}
    # ... and dropped as soon as the source changes (a comment: same keys as the honest ones)
    edit(root / "src.py", "def g(x):", "def g(x):  # edited")
    assert compiled(scons(root).stdout) == {"m.aot/g.0.os"}
    assert entries(root)["sources"]["src.py"]["modules"]["m"]["exports"]["g"][0][1] != "0" * 64
    assert compiled(scons(root).stdout) == set()


def test_an_edited_helper_invalidates_the_entry(tmp_path):
    root = project(tmp_path / "p")
    scons(root)
    edit(root / "helpers" / "scale.py", "k * 3", "k * 4")
    assert compiled(scons(root).stdout) == {"m.aot/f.0.os", "m.aot/fi.0.os"}
    assert compiled(scons(root).stdout) == set()


def test_a_helper_that_appears_later_is_found(tmp_path):
    root = project(tmp_path / "p")
    (root / "helpers" / "scale.py").unlink()
    out = scons(root, "-k", check=False).stdout
    assert "cannot find module 'helpers.scale'" in out
    kept = entries(root)["sources"] if (root / CACHE).exists() else {}
    assert "src.py" not in kept, "a source with an unresolved import is not kept"
    write(root, {"helpers/scale.py": HELPER})
    scons(root)
    assert "src.py" in entries(root)["sources"]


def test_another_compiler_or_a_damaged_file_is_ignored(tmp_path):
    root = project(tmp_path / "p")
    scons(root)
    data = entries(root)
    data["compiler"] = "someone else"
    data["sources"]["src.py"]["modules"]["m"]["exports"]["g"][0][1] = "0" * 64
    (root / CACHE).write_text(json.dumps(data))
    assert compiled(scons(root).stdout) == set()
    assert entries(root)["compiler"] != "someone else"
    (root / CACHE).write_text("{not json")
    assert compiled(scons(root).stdout) == set()
    assert entries(root)["sources"]["src.py"]


def test_an_empty_AOT_READ_CACHE_keeps_no_file(tmp_path):
    root = project(tmp_path / "p", "env.AOTModule('m', 'src.py', AOT_READ_CACHE='')\n")
    scons(root)
    assert not (root / CACHE).exists()
    assert compiled(scons(root).stdout) == set()


def test_a_new_file_that_shadows_a_helper_is_seen(tmp_path):
    root = write(tmp_path / "p", {"pkg/src.py": SOURCE, "helpers/scale.py": HELPER,
                                  "SConstruct": sconstruct("env.AOTModule('pkg/m', 'pkg/src.py')\n")})
    scons(root)
    assert "pkg/helpers/scale.py" in entries(root)["sources"]["pkg/src.py"]["absent"]
    write(root, {"pkg/helpers/scale.py": "def factor(k):\n    return k * 5\n"})   # found before helpers/
    assert compiled(scons(root).stdout) == {"pkg/m.aot/f.0.os", "pkg/m.aot/fi.0.os"}


def test_the_summary_gives_the_pipelines_export_keys(tmp_path):
    """Every part of pipeline.export_key that comes from the source is in the summary, also
    after the JSON round trip of the cache (a new part of the key must be kept there too)."""
    from aot_tool import pipeline
    from aot_tool.options import Options
    from aot_tool.scons import summaries

    class Node:   # what a Summary asks of its SCons node
        def get_internal_path(self):
            return "src.py"

    text = SOURCE + "\n\n@cc.export('h', 'f8(f8)', nogil=True)\ndef h(x):\n    return x\n"
    write(tmp_path, {"src.py": text, "helpers/scale.py": HELPER})
    src = pipeline.read_source(str(tmp_path / "src.py"), "src.py", root=str(tmp_path))

    class Cache:
        def relative(self, path):
            return str(path)[len(str(tmp_path)) + 1:]

        def file_digest(self, rel):
            return "digest of " + rel

    summary, entry = summaries._from_source(Node(), "d", src, Cache())
    again = summaries._from_entry(Node(), "d", json.loads(json.dumps(entry)))
    options = Options()
    keys = 0
    for name, sigs in src.modules["m"].exports.items():
        for index in range(len(sigs)):
            expected = pipeline.export_key(src, "m", name, index, options)
            for found in (summary, again):
                text, reached, flags, _ = found.key_parts("m", name, index)
                assert pipeline.export_key_of(text, reached, flags, name, index, options) == expected
            # whether the function loops decides its clone objects: kept through the cache
            assert summary.key_parts("m", name, index)[3] is again.key_parts("m", name, index)[3]
            keys += 1
    assert keys == 4 and again.init_exports("m") == pipeline.init_exports(src, "m")
    assert summary.key_parts("m", "h", 0)[2], "the nogil flag is a part of the key"
