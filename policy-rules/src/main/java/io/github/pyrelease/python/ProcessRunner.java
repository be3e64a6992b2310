package io.github.pyrelease.python;

import io.github.pyrelease.PyreleaseException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external tool the way frontend-maven-plugin's ProcessExecutor does: output (stdout and
 * stderr merged, so their order is kept) streams line by line to the caller as it is printed, the
 * last lines are kept for the error message, and the process tree is killed at the timeout.
 */
public final class ProcessRunner {

  /** Lines of output an error message quotes. */
  public static final int TAIL_LINES = 25;

  private ProcessRunner() {}

  /**
   * Runs {@code command} in {@code directory} with {@code environment} added to this process's (a
   * {@code null} value removes that variable).
   *
   * @throws PyreleaseException when the program cannot be started at all
   */
  public static ProcessResult run(
      List<String> command,
      Path directory,
      Map<String, String> environment,
      Duration timeout,
      ProcessOutput output) {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    if (directory != null) {
      builder.directory(directory.toFile());
    }
    // A null value removes the variable, so a child runs without settings it must not inherit.
    environment.forEach(
        (name, value) -> {
          if (value == null) {
            builder.environment().remove(name);
          } else {
            builder.environment().put(name, value);
          }
        });
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    String display = display(command);
    long start = System.nanoTime();
    Process process;
    try {
      process = builder.start();
      process.getOutputStream().close();
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot run " + command.get(0) + ": " + e.getMessage(),
          display,
          "check that " + command.get(0) + " is installed and executable");
    }
    Deque<String> tail = new ArrayDeque<>();
    Thread pump =
        new Thread(
            () -> pump(process, output, tail), "pyrelease-output-" + command.get(0).hashCode());
    pump.setDaemon(true);
    pump.start();
    boolean finished;
    try {
      finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
      pump.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new PyreleaseException("interrupted while running " + display, null, null);
    }
    List<String> lines;
    synchronized (tail) {
      lines = new ArrayList<>(tail);
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    return new ProcessResult(display, finished ? process.exitValue() : -1, !finished, lines, took);
  }

  private static void pump(Process process, ProcessOutput output, Deque<String> tail) {
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        synchronized (tail) {
          tail.addLast(line);
          if (tail.size() > TAIL_LINES) {
            tail.removeFirst();
          }
        }
        output.line(line);
      }
    } catch (IOException | UncheckedIOException e) {
      // The process was killed or closed its output: what was read is what there is.
    }
  }

  /** The command as a shell would show it, arguments with spaces quoted. */
  public static String display(List<String> command) {
    StringBuilder out = new StringBuilder();
    for (String part : command) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(part.isEmpty() || part.matches(".*[\\s'\"].*") ? "'" + part + "'" : part);
    }
    return out.toString();
  }
}
