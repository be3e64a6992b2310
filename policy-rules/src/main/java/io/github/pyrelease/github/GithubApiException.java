package io.github.pyrelease.github;

import io.github.pyrelease.PyreleaseException;
import java.util.List;

/**
 * GitHub answered with an error. The message says what was asked, GitHub's own {@code message} and
 * {@code errors[]}, and what to do; it never holds the token.
 */
public final class GithubApiException extends PyreleaseException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final List<String> errorCodes;

  GithubApiException(String what, String where, String fix, int status, List<String> errorCodes) {
    super(what, where, fix);
    this.status = status;
    this.errorCodes = List.copyOf(errorCodes);
  }

  /** The HTTP status GitHub answered with. */
  public int status() {
    return status;
  }

  /**
   * The {@code code} of each entry of GitHub's {@code errors[]}, such as {@code already_exists}.
   */
  public List<String> errorCodes() {
    return errorCodes;
  }

  /** Whether asking again may succeed: a server error, or an upload that may have landed. */
  boolean transientFailure() {
    return status >= 500 || (status == 422 && errorCodes.contains("already_exists"));
  }
}
