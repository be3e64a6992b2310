package io.github.pyrelease.github;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.http.HttpTransportException;
import io.github.pyrelease.http.Sleeper;
import java.time.Duration;

/**
 * Attempts at a step GitHub may have done despite an error (creating a draft, uploading an asset):
 * each is made after looking at what GitHub holds, with a growing pause between them.
 */
final class Attempts {

  static final int MAX = 3;

  private final Sleeper sleeper;
  private final Duration pause;

  /**
   * @param pause the wait after a first failed attempt, doubled after the next
   */
  Attempts(Sleeper sleeper, Duration pause) {
    this.sleeper = sleeper;
    this.pause = pause;
  }

  void pause(int attempt) {
    try {
      sleeper.sleep(pause.multipliedBy(1L << (attempt - 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PyreleaseException(
          "interrupted while publishing a GitHub release", null, "run again", e);
    }
  }

  static int status(Exception e) {
    return e instanceof GithubApiException api ? api.status() : 0;
  }

  /** A lost answer or a server error: GitHub may have done it, or may do it if asked again. */
  static boolean transientFailure(Exception e) {
    return e instanceof HttpTransportException
        || (e instanceof GithubApiException api && api.transientFailure());
  }
}
