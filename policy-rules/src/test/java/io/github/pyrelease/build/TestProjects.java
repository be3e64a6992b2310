package io.github.pyrelease.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Small Python projects for build tests, one per backend, written into a directory. */
final class TestProjects {

  static final String PYTHON = System.getProperty("pyrelease.test.python", "/usr/bin/python3");

  private TestProjects() {}

  static Path write(Path dir, Map<String, String> files) throws IOException {
    Files.createDirectories(dir);
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = dir.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue());
    }
    return dir;
  }

  static Map<String, String> hatchling() {
    return Map.of(
        "pyproject.toml",
        """
        [build-system]
        requires = ["hatchling"]
        build-backend = "hatchling.build"

        [project]
        name = "hatch-demo"
        version = "1.2.0"
        description = "A hatchling project."
        readme = "README.md"
        requires-python = ">=3.8"
        dependencies = ["requests>=2.0; python_version >= '3.8'"]

        [tool.hatch.build.targets.wheel]
        packages = ["src/hatch_demo"]
        """,
        "README.md",
        "# hatch-demo\n\nA hatchling project.\n",
        "src/hatch_demo/__init__.py",
        "__version__ = '1.2.0'\n");
  }

  static Map<String, String> setuptools() {
    return Map.of(
        "pyproject.toml",
        """
        [build-system]
        requires = ["setuptools>=61"]
        build-backend = "setuptools.build_meta"

        [project]
        name = "setup-demo"
        version = "0.3.0"
        description = "A setuptools project."
        readme = "README.rst"
        requires-python = ">=3.8"
        """,
        "README.rst",
        "setup-demo\n==========\n\nA *setuptools* project.\n",
        "src/setup_demo/__init__.py",
        "__version__ = '0.3.0'\n");
  }

  static Map<String, String> flit() {
    return Map.of(
        "pyproject.toml",
        """
        [build-system]
        requires = ["flit_core >=3.2,<4"]
        build-backend = "flit_core.buildapi"

        [project]
        name = "flitdemo"
        version = "2.0.1"
        description = "A flit project."
        readme = "README.md"
        requires-python = ">=3.8"
        """,
        "README.md",
        "# flitdemo\n",
        "flitdemo/__init__.py",
        "\"\"\"A flit project.\"\"\"\n__version__ = '2.0.1'\n");
  }

  /** A project whose in-tree backend (backend-path) runs {@code body} in build_sdist. */
  static Map<String, String> inTreeBackend(String body) {
    return Map.of(
        "pyproject.toml",
        """
        [build-system]
        requires = []
        build-backend = "local_backend"
        backend-path = ["_backend"]

        [project]
        name = "local-demo"
        version = "1.0.0"
        """,
        "_backend/local_backend.py",
        "import sys, time\n\ndef build_sdist(out, config=None):\n"
            + body.indent(4)
            + "\n"
            + "def build_wheel(out, config=None, metadata=None):\n    raise RuntimeError('no')\n");
  }
}
