"""Compiles on a Dask distributed cluster: the client side a build uses (client.py) and
the function the cluster's workers run (worker.py).

Set `AOT_EXECUTOR='tls://scheduler:8786'` (environment or SCons construction
variable) and `scons -j N` sends export and init compiles to the scheduler; links,
the C runtime and `target_cpu='host'` objects stay local, and any failure of the
cluster compiles the object locally instead. Needs the `remote` extra
(`pip install aot_tool[remote]`) on the client and on every worker, with the same
aot_tool, LLVM and Python there (a worker refuses a job from another compiler).
See docs/scons.md for the settings and the security model.
"""
