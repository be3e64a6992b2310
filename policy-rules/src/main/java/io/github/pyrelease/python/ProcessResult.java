package io.github.pyrelease.python;

import java.time.Duration;
import java.util.List;

/**
 * How a child process ended.
 *
 * @param command the command line, for messages
 * @param exitCode the exit code, or -1 when it was killed for taking too long
 * @param timedOut whether it was killed at its timeout
 * @param tail its last lines of output (stdout and stderr interleaved as printed)
 * @param took how long it ran
 */
public record ProcessResult(
    String command, int exitCode, boolean timedOut, List<String> tail, Duration took) {

  public ProcessResult {
    tail = List.copyOf(tail);
  }

  public boolean succeeded() {
    return !timedOut && exitCode == 0;
  }
}
