"""pyrelease's PEP 517 front end: runs one build hook of a project's build backend.

pyrelease (Java) starts this script with the interpreter it drives:

    python pep517_hooks.py REQUEST.json RESULT.json

REQUEST holds {"hook": "sdist" | "wheel-from-sdist", "directory", "out", "backend",
"backend_path", "requires", "install_missing", "config_settings", "sdist"}. The backend's own output
goes to stdout/stderr (pyrelease streams it into the build log); the outcome goes to RESULT as JSON:
{"file": name} on success, or {"error": kind, ...} with exit code 3 when the environment lacks
something (the backend, a build requirement). A hook that raises exits 1 with its traceback.

The hook "probe" builds nothing: it tells pyrelease, when it chooses among interpreters, whether
this one could run the build, with the same checks the build makes. REQUEST {"hook": "probe",
"requires", "requires_python"}; RESULT {"version", "executable", "requirements": [{"requirement",
"name", "installed", "problem"?, "too_old"?}], "requires_python": true | false | null (not checked)}.
Python 3.8+, standard library only: packaging is used when importable, to check versions.
"""
import importlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import traceback


class EnvironmentProblem(Exception):
    def __init__(self, result):
        super().__init__(result.get("error"))
        self.result = result


def _packaging(module="requirements"):
    for prefix in ("packaging", "pip._vendor.packaging", "setuptools._vendor.packaging",
                   "pkg_resources.extern.packaging"):
        try:
            return importlib.import_module(prefix + "." + module)
        except Exception:  # noqa: BLE001 - any failure means "not usable"
            continue
    return None


def examine(requirements):
    """Each requirement that applies here with the installed version and, when unmet, why."""
    try:
        import importlib.metadata as metadata
    except ImportError:  # Python < 3.8 is refused by pyrelease before this runs
        return []
    packaging_requirements = _packaging()
    requirement_class = packaging_requirements.Requirement if packaging_requirements else None
    states = []
    for text in requirements:
        name = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", text)
        name = name.group(1) if name else text
        specifier = None
        if requirement_class is not None:
            try:
                parsed = requirement_class(text)
            except Exception as error:  # noqa: BLE001
                states.append({"requirement": text, "name": name, "installed": None,
                               "problem": "invalid requirement: %s" % error})
                continue
            if parsed.marker is not None and not parsed.marker.evaluate({"extra": ""}):
                continue
            name, specifier = parsed.name, parsed.specifier
        try:
            installed = metadata.version(name)
        except metadata.PackageNotFoundError:
            states.append({"requirement": text, "name": name, "installed": None,
                           "problem": "not installed"})
            continue
        state = {"requirement": text, "name": name, "installed": installed}
        if specifier is not None and installed is not None and \
                not specifier.contains(installed, prereleases=True):
            state["problem"] = "version %s is installed" % installed
            state["too_old"] = _below(installed, specifier)
        states.append(state)
    return states


def _below(installed, specifier):
    """Whether a newer version is what the specifier asks for (a lower bound above installed)."""
    version = _packaging("version")
    try:
        have = version.Version(installed)
        return any(clause.operator in (">=", ">", "~=", "==", "===")
                   and not clause.version.endswith("*")
                   and version.Version(clause.version) > have for clause in specifier)
    except Exception:  # noqa: BLE001 - an unparsable version: say only that it is excluded
        return False


def unmet(requirements):
    """The requirements the interpreter does not satisfy, each with the reason."""
    return [state for state in examine(requirements) if "problem" in state]


def probe(request):
    """Whether this interpreter could run the build: its version, requires-python, requirements."""
    version = "%d.%d.%d" % sys.version_info[:3]
    fits = None
    requires_python = request.get("requires_python")
    specifiers = _packaging("specifiers") if requires_python else None
    if specifiers is not None:
        try:
            fits = specifiers.SpecifierSet(requires_python).contains(version, prereleases=True)
        except Exception:  # noqa: BLE001 - an invalid requires-python is the dist rules' to report
            fits = None
    return {"version": version, "executable": sys.executable,
            "requirements": examine(request.get("requires") or []), "requires_python": fits}


def ensure(requirements, install_missing):
    problems = unmet(requirements)
    if problems and install_missing:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "--disable-pip-version-check",
                               *[p["requirement"] for p in problems]])
        importlib.invalidate_caches()
        problems = unmet(requirements)
    if problems:
        raise EnvironmentProblem({"error": "requirements", "unmet": problems})


def load_backend(spec, backend_path):
    if backend_path:
        roots = [os.path.abspath(p) for p in backend_path]
        sys.path[:0] = roots
    module_name, _, attribute = spec.partition(":")
    try:
        backend = importlib.import_module(module_name.strip())
    except ImportError as error:
        raise EnvironmentProblem({"error": "backend", "module": module_name.strip(),
                                  "message": str(error),
                                  "missing": getattr(error, "name", None) or ""})
    for part in filter(None, attribute.strip().split(".")):
        backend = getattr(backend, part)
    if backend_path:
        origin = os.path.abspath(getattr(sys.modules[module_name.strip()], "__file__", "") or "")
        if not any(origin.startswith(root + os.sep) for root in roots):
            raise EnvironmentProblem({"error": "backend-path", "module": module_name.strip(),
                                      "origin": origin})
    return backend


def extract_sdist(sdist, into):
    """Unpacks the sdist like a careful front end: nothing outside the target, no links out."""
    with tarfile.open(sdist) as archive:
        members = archive.getmembers()
        target = os.path.realpath(into)
        for member in members:
            path = os.path.realpath(os.path.join(target, member.name))
            if not (path == target or path.startswith(target + os.sep)):
                raise EnvironmentProblem({"error": "unsafe-sdist", "member": member.name})
            if member.issym() or member.islnk():
                link = os.path.realpath(os.path.join(os.path.dirname(path), member.linkname))
                if not link.startswith(target + os.sep):
                    raise EnvironmentProblem({"error": "unsafe-sdist", "member": member.name})
            if member.isdev() or member.isfifo():
                raise EnvironmentProblem({"error": "unsafe-sdist", "member": member.name})
        if hasattr(tarfile, "data_filter"):
            archive.extractall(into, members, filter="data")
        else:
            archive.extractall(into, members)
    roots = os.listdir(into)
    if len(roots) != 1:
        raise EnvironmentProblem({"error": "sdist-layout", "roots": sorted(roots)})
    return os.path.join(into, roots[0])


def run(request):
    if request["hook"] == "probe":
        return probe(request)
    config = request.get("config_settings") or None
    out = os.path.abspath(request["out"])
    os.makedirs(out, exist_ok=True)
    install_missing = request.get("install_missing", False)
    if request["hook"] == "sdist":
        os.chdir(request["directory"])
        ensure(request["requires"], install_missing)
        backend = load_backend(request["backend"], request.get("backend_path"))
        hook = getattr(backend, "get_requires_for_build_sdist", None)
        if hook is not None:
            ensure(hook(config), install_missing)
        return {"file": backend.build_sdist(out, config)}
    scratch = tempfile.mkdtemp(prefix="pyrelease-wheel-")
    try:
        root = extract_sdist(request["sdist"], scratch)
        os.chdir(root)
        backend = load_backend(request["backend"], request.get("backend_path"))
        hook = getattr(backend, "get_requires_for_build_wheel", None)
        if hook is not None:
            ensure(hook(config), install_missing)
        return {"file": backend.build_wheel(out, config)}
    finally:
        os.chdir(out)
        shutil.rmtree(scratch, ignore_errors=True)


def main():
    # setuptools' build_meta rewrites sys.argv while it runs, so take the paths first
    request_file, result_file = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    with open(request_file, encoding="utf-8") as handle:
        request = json.load(handle)
    try:
        result = run(request)
        code = 0
    except EnvironmentProblem as problem:
        result, code = problem.result, 3
    except Exception:  # noqa: BLE001 - the traceback is the backend's message to the user
        traceback.print_exc()
        result, code = {"error": "hook"}, 1
    sys.stdout.flush()
    sys.stderr.flush()
    with open(result_file, "w", encoding="utf-8") as handle:
        json.dump(result, handle)
    sys.exit(code)


if __name__ == "__main__":
    main()
