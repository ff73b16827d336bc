# Run PyInstaller's own run-time hooks for PySide6, inspect and pkgutil when their module is
# first imported, not at every start (see ../rthooks.dat). The hooks' files are bundled as they
# are (packaging/visitdesk.spec, DEFERRED_RTHOOKS) and run unchanged, after the module they
# serve is imported and before anything of the program uses it: PySide6's sets Qt's plugin path
# and embeds qt.conf before any QApplication exists; inspect's and pkgutil's teach those modules
# about frozen files.
# ruff: noqa
# mypy: ignore-errors


def _pyi_rthook():
    import os
    import sys

    if getattr(sys, "_visitdesk_deferred_rthooks", False):
        return  # listed for three modules: PyInstaller may run it once for each
    sys._visitdesk_deferred_rthooks = True
    folder = os.path.join(sys._MEIPASS, "visitdesk_rthooks")
    deferred = {
        "PySide6": "pyi_rth_pyside6.py",
        "inspect": "pyi_rth_inspect.py",
        "pkgutil": "pyi_rth_pkgutil.py",
    }

    def run(module_name):
        name = deferred.pop(module_name)
        path = os.path.join(folder, name)
        with open(path, "rb") as handle:
            code = compile(handle.read(), path, "exec")
        exec(code, {"__name__": "__main__", "__file__": path})

    class DeferredHooks:
        """A finder that finds nothing itself: it wraps the loader of a module whose hook
        waits, so the hook runs right after the module's own code."""

        def find_spec(self, fullname, path=None, target=None):
            if fullname not in deferred:
                return None
            for finder in sys.meta_path:
                if finder is self or not hasattr(finder, "find_spec"):
                    continue
                spec = finder.find_spec(fullname, path, target)
                if spec is not None:
                    break
            else:
                return None
            if spec.loader is None:
                return spec
            loader = spec.loader

            class Loader:
                def create_module(self, spec):
                    return loader.create_module(spec)

                def exec_module(self, module):
                    loader.exec_module(module)
                    run(fullname)
                    if not deferred and hooks in sys.meta_path:
                        sys.meta_path.remove(hooks)

                def __getattr__(self, attribute):  # get_resource_reader, is_package, ...
                    return getattr(loader, attribute)

            spec.loader = Loader()
            return spec

    for module_name in list(deferred):
        if module_name in sys.modules:  # imported by PyInstaller's own start: run it now
            run(module_name)
    hooks = DeferredHooks()
    if deferred:
        sys.meta_path.insert(0, hooks)


_pyi_rthook()
del _pyi_rthook
