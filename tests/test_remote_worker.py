"""The remote worker's entry point run in this process (no Dask): a job reads only the
shipped file set, gives the bytes a local compile gives, renders compile errors as a
local build does, refuses another compiler, and sends back what it cannot read."""

from __future__ import annotations

import hashlib

import pytest

from aot_tool import pipeline
from aot_tool.frontend.errors import CompileError
from aot_tool.frontend.file_set import DiskFiles, ShippedFiles, UnshippedFile
from aot_tool.options import Options
from aot_tool.remote.shipping import needed_files
from aot_tool.remote.worker import Job, compile_job

KERNELS = ("from aot_tool import CC\nfrom mypkg.helpers import twice\nfrom .scale import FACTOR\n"
           "cc = CC('kern')\n"
           "@cc.export('f', 'f8(f8)')\ndef f(x):\n    return twice(x) * FACTOR\n"
           "@cc.export('bad', 'f8(f8)')\ndef bad(x):\n    return x + undefined_name\n")
FILES = {"mypkg/__init__.py": "", "mypkg/sub/__init__.py": "",
         "mypkg/helpers.py": "def twice(x):\n    return 2.0 * x\n",
         "mypkg/sub/scale.py": "FACTOR = 3.0\n", "mypkg/sub/kern.py": KERNELS}
OPTIONS = Options()


@pytest.fixture(scope="module")
def tree(tmp_path_factory):
    """The package on disk, read as a build reads it, and the file set it would ship."""
    root = tmp_path_factory.mktemp("tree")
    for rel, text in FILES.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text)
    path = str(root / "mypkg/sub/kern.py")
    source = pipeline.read_source_text(KERNELS, path, "mypkg/sub/kern.py", files=DiskFiles(str(root)))
    return source, ShippedFiles(str(root), needed_files(source))


def _job(name: str, identity=None) -> Job:
    return Job("export", OPTIONS, identity or pipeline.compiler_identity(OPTIONS), "mypkg/sub/kern.py",
               "mypkg/sub/kern.py", "kern", name, 0)


def test_the_shipped_files_are_the_source_its_helpers_and_the_paths_tried_first(tree):
    _, shipped = tree
    assert shipped.files["mypkg/sub/kern.py"] == KERNELS
    assert shipped.files["mypkg/helpers.py"] == FILES["mypkg/helpers.py"]
    assert shipped.files["mypkg/sub/scale.py"] == FILES["mypkg/sub/scale.py"]
    assert "mypkg/sub/mypkg/helpers.py" in shipped.files and shipped.files["mypkg/sub/mypkg/helpers.py"] is None


def test_a_remote_compile_gives_the_local_bytes(tree):
    source, shipped = tree
    status, data, digest = compile_job(dict(shipped.files), _job("f"))   # as Dask hands them over
    assert status == "ok", data
    assert data == pipeline.compile_export(source, "kern", "f", 0, OPTIONS)
    assert digest == hashlib.sha256(data).hexdigest()


def test_init_jobs_need_no_files():
    job = Job("init", OPTIONS, pipeline.compiler_identity(OPTIONS), module="kern", exports=(("f", 1),))
    status, data, _ = compile_job(None, job)
    assert status == "ok" and data == pipeline.compile_init("kern", [("f", 1)], OPTIONS)


def test_compile_errors_come_back_rendered_as_locally(tree):
    source, shipped = tree
    with pytest.raises(CompileError) as local:
        pipeline.compile_export(source, "kern", "bad", 0, OPTIONS)
    status, message, _ = compile_job(shipped, _job("bad"))
    assert status == "error"
    assert message == local.value.render()
    assert message.startswith("mypkg/sub/kern.py:")


def test_another_compiler_is_refused(tree):
    _, shipped = tree
    status, why, _ = compile_job(shipped, _job("f", identity="aot_tool 0.0.0 files 0; llvm 1; target x; python y"))
    assert status == "refused" and "another compiler" in why


def test_a_file_the_client_did_not_ship_goes_back(tree):
    _, shipped = tree
    partial = ShippedFiles(shipped.root, {k: v for k, v in shipped.files.items() if k != "mypkg/sub/scale.py"})
    status, what, _ = compile_job(partial, _job("f"))
    assert (status, what) == ("unshipped", "mypkg/sub/scale.py")
    with pytest.raises(UnshippedFile):
        partial.lookup(shipped.root + "/mypkg/sub/scale.py")


def test_shipped_sets_name_nothing_outside_their_root(tree):
    _, shipped = tree
    from aot_tool.frontend.file_set import OUTSIDE
    assert shipped.lookup("/elsewhere/x.py") is OUTSIDE
    assert shipped.rebased("/other").lookup("/other/mypkg/helpers.py") == FILES["mypkg/helpers.py"]


def test_host_cpu_jobs_and_the_runtime_stay_local():
    from aot_tool.scons.jobs import InitJob, RuntimeJob
    assert InitJob("kern", (("f", 1),), Options(target_cpu="host")).remote() is None
    assert RuntimeJob(OPTIONS).remote() is None
    job, source = InitJob("kern", (("f", 1),), OPTIONS).remote()
    assert source is None and job.identity == pipeline.compiler_identity(OPTIONS)
