package io.github.pyrelease.python;

import io.github.pyrelease.PyreleaseException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Python interpreter pyrelease drives, found the way Spotless finds a foreign executable: on
 * the PATH or at the given path, its version checked once, and when it is missing or too old the
 * error says what to install.
 *
 * @param command what the user configured ({@code python3}, {@code /usr/bin/python3})
 * @param executable the file that runs
 * @param version {@code major.minor.micro}
 */
public record PythonInterpreter(String command, Path executable, String version) {

  /** The oldest Python the build hooks script supports. */
  public static final int MIN_MINOR = 8;

  private static final Map<String, PythonInterpreter> FOUND = new ConcurrentHashMap<>();

  /** How long probing the version may take (a cold start of a big installation). */
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(60);

  /**
   * Finds and probes the interpreter {@code command} names.
   *
   * @param property the setting that chooses it, for the fix ({@code pyrelease.python})
   * @throws PyreleaseException when it is missing, does not run, or is older than 3.8
   */
  public static PythonInterpreter locate(String command, String property) {
    PythonInterpreter known = FOUND.get(command);
    if (known != null) {
      return known;
    }
    Path executable = resolve(command, property);
    ProcessResult result =
        ProcessRunner.run(
            List.of(
                executable.toString(),
                "-c",
                "import sys; print('%d.%d.%d' % sys.version_info[:3])"),
            null,
            Map.of(),
            PROBE_TIMEOUT,
            ProcessOutput.discard());
    String version = result.tail().isEmpty() ? "" : result.tail().get(result.tail().size() - 1);
    if (!result.succeeded() || !version.matches("\\d+\\.\\d+\\.\\d+")) {
      throw new ProcessFailedException(
          executable + " does not run as a Python interpreter",
          result,
          "set " + property + " to a working Python 3 interpreter");
    }
    String[] parts = version.split("\\.");
    int major = Integer.parseInt(parts[0]);
    int minor = Integer.parseInt(parts[1]);
    if (major != 3 || minor < MIN_MINOR) {
      throw new PyreleaseException(
          executable
              + " is Python "
              + version
              + "; pyrelease needs Python 3."
              + MIN_MINOR
              + " or newer",
          property,
          "install a newer Python (Debian/Ubuntu: apt-get install python3) and point "
              + property
              + " at it");
    }
    PythonInterpreter interpreter = new PythonInterpreter(command, executable, version);
    FOUND.put(command, interpreter);
    return interpreter;
  }

  /** The command that runs {@code args} with this interpreter. */
  public List<String> command(String... args) {
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    return command;
  }

  private static Path resolve(String command, String property) {
    if (command.contains("/") || command.contains(File.separator)) {
      Path path = Path.of(command);
      if (Files.isRegularFile(path) && Files.isExecutable(path)) {
        return path;
      }
      throw notFound(command + " does not exist or is not executable", property);
    }
    return onPath(command)
        .orElseThrow(() -> notFound("'" + command + "' is not on the PATH", property));
  }

  /** Whether this interpreter is a virtual environment's ({@code pyvenv.cfg} beside its bin/). */
  public boolean isVirtualEnvironment() {
    Path bin = executable.toAbsolutePath().getParent();
    return bin != null
        && bin.getParent() != null
        && Files.isRegularFile(bin.getParent().resolve("pyvenv.cfg"));
  }

  /** The first executable file named {@code name} on the PATH. */
  public static java.util.Optional<Path> onPath(String name) {
    return onPath(name, System.getenv("PATH"));
  }

  /** The first executable file named {@code name} in the directories of {@code path}. */
  public static java.util.Optional<Path> onPath(String name, String path) {
    if (path == null) {
      return java.util.Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate;
      try {
        candidate = Path.of(dir, name);
      } catch (java.nio.file.InvalidPathException e) {
        continue; // an entry no file can be in (Windows: quotes, stray characters)
      }
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return java.util.Optional.of(candidate);
      }
    }
    return java.util.Optional.empty();
  }

  private static PyreleaseException notFound(String what, String property) {
    return new PyreleaseException(
        "no Python interpreter: " + what,
        property,
        "install Python 3.8 or newer (Debian/Ubuntu: apt-get install python3) or set "
            + property
            + " to the interpreter, such as /usr/bin/python3");
  }
}
