package io.github.pyrelease.upload;

import io.github.pyrelease.PyreleaseException;

/**
 * An upload that did not end with the file on the index. Its {@link Kind} says what the caller can
 * do about it; its message never holds a credential.
 */
public final class UploadException extends PyreleaseException {

  private static final long serialVersionUID = 1L;

  /** What went wrong, by what fixes it. */
  public enum Kind {
    /**
     * The index holds another file under this name: nothing published is ever overwritten, so the
     * version must change.
     */
    CONFLICT,
    /**
     * The index says the file exists, but would not say with which digest: whether it is this very
     * file is unknown.
     */
    UNVERIFIED,
    /** The index refused the file or its metadata (PyPI's text says why). */
    REJECTED,
    /** No credentials, or the index refused them. */
    CREDENTIALS,
    /** The upload URL is wrong: a redirect, a 405, a 404. */
    CONFIGURATION,
    /** No answer, or only failures a later run may not meet (timeouts, resets, 5xx, 429). */
    TRANSPORT
  }

  private final Kind kind;

  public UploadException(Kind kind, String what, String where, String fix) {
    this(kind, what, where, fix, null);
  }

  public UploadException(Kind kind, String what, String where, String fix, Throwable cause) {
    super(what, where, fix, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
