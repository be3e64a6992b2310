package io.github.pyrelease.python;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Real virtual environments for tests, made by the interpreter with Debian's packages. */
public final class TestVenvs {

  /** The interpreter with Debian's build backends (hatchling, setuptools, flit_core...). */
  public static final String SYSTEM_PYTHON =
      System.getProperty("pyrelease.test.python", "/usr/bin/python3");

  private TestVenvs() {}

  /** A venv that sees the system's packages (so it has their backends), without pip. */
  public static Path withSystemPackages(Path dir) {
    return create(dir, true);
  }

  /** A venv with nothing but the standard library: it lacks every backend. */
  public static Path bare(Path dir) {
    return create(dir, false);
  }

  /** The venv's interpreter. */
  public static Path python(Path venv) {
    return venv.resolve("bin/python");
  }

  /** A directory holding one executable, {@code python3}, that runs {@code target}: a PATH. */
  public static Path pathWithPython3(Path dir, Path target) throws IOException {
    Files.createDirectories(dir);
    Path python3 = dir.resolve("python3");
    Files.writeString(python3, "#!/bin/sh\nexec '" + target + "' \"$@\"\n");
    Files.setPosixFilePermissions(python3, PosixFilePermissions.fromString("rwxr-xr-x"));
    return dir;
  }

  /** The version of {@code distribution} the system interpreter has, as importlib.metadata says. */
  public static String systemVersionOf(String distribution) {
    ProcessResult result =
        ProcessRunner.run(
            List.of(
                SYSTEM_PYTHON,
                "-c",
                "import importlib.metadata as m; print(m.version('" + distribution + "'))"),
            null,
            Map.of(),
            Duration.ofSeconds(60),
            ProcessOutput.discard());
    if (!result.succeeded()) {
      throw new IllegalStateException(SYSTEM_PYTHON + " lacks " + distribution + ": " + result);
    }
    return result.tail().get(result.tail().size() - 1);
  }

  private static Path create(Path dir, boolean systemPackages) {
    List<String> command = new ArrayList<>(List.of(SYSTEM_PYTHON, "-m", "venv", "--without-pip"));
    if (systemPackages) {
      command.add("--system-site-packages");
    }
    command.add(dir.toString());
    ProcessResult result =
        ProcessRunner.run(
            command, null, Map.of(), Duration.ofSeconds(120), ProcessOutput.discard());
    if (!result.succeeded()) {
      throw new IllegalStateException("cannot create a venv: " + result);
    }
    return dir;
  }
}
