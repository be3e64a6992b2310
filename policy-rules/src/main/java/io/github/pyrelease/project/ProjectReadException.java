package io.github.pyrelease.project;

import io.github.pyrelease.PyreleaseException;

/**
 * The Python project on disk cannot be read: a missing or malformed file, a version that is
 * declared but cannot be found, a file too large or not UTF-8. It names the file and line and says
 * how to fix the project.
 */
public final class ProjectReadException extends PyreleaseException {

  private static final long serialVersionUID = 1L;

  public ProjectReadException(String what, String where, String fix) {
    super(what, where, fix);
  }

  /** A problem whose fix names settings each front end spells its own way. */
  public ProjectReadException(
      io.github.pyrelease.Hint fix, String what, String where, Throwable cause) {
    super(fix, what, where, cause);
  }

  public ProjectReadException(String what, String where, String fix, Throwable cause) {
    super(what, where, fix, cause);
  }
}
