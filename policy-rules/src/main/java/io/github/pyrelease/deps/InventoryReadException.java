package io.github.pyrelease.deps;

import io.github.pyrelease.PyreleaseException;

/**
 * A lock file, requirements file, environment or pyproject.toml could not be read as what it claims
 * to be; the message names the file and line and says how to fix it.
 */
public final class InventoryReadException extends PyreleaseException {

  private static final long serialVersionUID = 1L;

  public InventoryReadException(String what, String where, String fix) {
    super(what, where, fix);
  }

  public InventoryReadException(String what, String where, String fix, Throwable cause) {
    super(what, where, fix, cause);
  }
}
