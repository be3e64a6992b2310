package io.github.pyrelease.deps;

/** The kinds of inventory, in the order the audit prefers them: the first present is read. */
public enum InventorySource {
  /** A lock file: pylock.toml, uv.lock, poetry.lock, Pipfile.lock. */
  LOCK_FILE,
  /** Pinned requirements files. */
  REQUIREMENTS,
  /** The installed environment of an interpreter or a virtual environment. */
  INSTALLED,
  /** The project's declared dependencies, which are requirements rather than versions. */
  DECLARED
}
