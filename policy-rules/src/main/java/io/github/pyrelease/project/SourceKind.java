package io.github.pyrelease.project;

/** The kinds of place a Python project keeps its version in. */
public enum SourceKind {
  /** {@code [project].version} in pyproject.toml (PEP 621). */
  PYPROJECT,
  /** {@code [tool.poetry].version} in pyproject.toml. */
  POETRY,
  /** {@code current_version} of bump-my-version or bumpversion configuration. */
  BUMPVERSION,
  /** {@code [metadata] version} in setup.cfg. */
  SETUP_CFG,
  /** A file whose whole content is the version, such as {@code VERSION}. */
  VERSION_FILE,
  /** An assignment in a Python module, such as {@code __version__ = "1.0"}. */
  MODULE,
  /** A version computed from git tags at build time (setuptools_scm, hatch-vcs, ...). */
  VCS
}
