package io.github.pyrelease.publish;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.io.FileTrees;
import io.github.pyrelease.publish.plan.PublishStage;
import io.github.pyrelease.python.ProcessFailedException;
import io.github.pyrelease.python.ProcessResult;
import io.github.pyrelease.python.ProcessRunner;
import io.github.pyrelease.python.PythonInterpreter;
import io.github.pyrelease.version.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The {@code verify-install} gate as a user would check a test index by hand: a fresh virtual
 * environment, {@code pip install --no-cache-dir} of exactly the version just published from that
 * index, an import of its top-level modules from an empty directory, and the installed version
 * compared with the release's under PEP 440.
 */
public final class VenvInstallCheck implements InstallCheck {

  private static final String SCRIPT = "verify_install.py";

  private final String python;
  private final String pythonProperty;
  private final Function<PublishStage.Index, String> simpleUrl;
  private final Duration timeout;
  private final PublishLog log;

  /**
   * @param python the interpreter that makes the virtual environment
   * @param pythonProperty the setting that names it, for messages
   * @param simpleUrl the simple API URL of a stage's index
   */
  public VenvInstallCheck(
      String python,
      String pythonProperty,
      Function<PublishStage.Index, String> simpleUrl,
      Duration timeout,
      PublishLog log) {
    this.python = python;
    this.pythonProperty = pythonProperty;
    this.simpleUrl = simpleUrl;
    this.timeout = timeout;
    this.log = log;
  }

  @Override
  public String verify(PublishStage.Index stage, Release release) {
    PythonInterpreter interpreter = PythonInterpreter.locate(python, pythonProperty);
    Path scratch = scratch();
    try {
      Path venv = scratch.resolve("env");
      run(
          interpreter.command("-m", "venv", venv.toString()),
          scratch,
          "cannot create a virtual environment to verify the install",
          "install the venv module (Debian/Ubuntu: apt-get install python3-venv), or point "
              + pythonProperty
              + " at an interpreter that has it");
      Path venvPython = venv.resolve("bin").resolve("python");
      String index = simpleUrl.apply(stage);
      List<String> pip =
          new ArrayList<>(
              List.of(
                  venvPython.toString(),
                  "-m",
                  "pip",
                  "install",
                  "--no-cache-dir",
                  "--disable-pip-version-check",
                  "--no-input",
                  "--index-url",
                  index));
      if (stage.verifyExtraIndex() != null) {
        pip.addAll(List.of("--extra-index-url", stage.verifyExtraIndex()));
      } else {
        pip.add("--no-deps");
      }
      pip.add(release.project() + "==" + release.version());
      log.info("[" + stage.name() + "] verify-install: " + ProcessRunner.display(pip));
      run(
          pip,
          scratch,
          release.project() + " " + release.version() + " does not install from " + index,
          stage.verifyExtraIndex() == null
              ? "check what pip says above; if the package needs its dependencies to import, set"
                  + " verify-extra-index on stage '"
                  + stage.name()
                  + "' to an index that has them (such as https://pypi.org/simple/)"
              : "check what pip says above");
      Path script = copyScript(scratch);
      Path empty = Files.createDirectories(scratch.resolve("cwd"));
      ProcessResult imported =
          run(
              List.of(venvPython.toString(), "-I", script.toString(), release.project()),
              empty,
              release.project()
                  + " "
                  + release.version()
                  + " installs from "
                  + index
                  + " but does not import",
              "run the failing import yourself in a fresh environment; the package may miss a file"
                  + " or a dependency");
      String last =
          imported.tail().isEmpty() ? "" : imported.tail().get(imported.tail().size() - 1);
      String[] fields = last.split("\t", -1);
      Optional<Version> installed = Version.tryParse(fields[0]);
      if (installed.isEmpty() || !installed.get().equals(Version.parse(release.version()))) {
        throw new PyreleaseException(
            "the index "
                + index
                + " installed "
                + release.project()
                + " '"
                + fields[0]
                + "', not "
                + release.version(),
            stage.at().toString(),
            "check which files the index serves for " + release.project());
      }
      String modules = fields.length > 1 && !fields[1].isEmpty() ? fields[1] : "no modules";
      return release.project()
          + " "
          + installed.get()
          + " installed from "
          + index
          + ", imported "
          + modules;
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot prepare the install check in " + scratch + ": " + e.getMessage(),
          scratch.toString(),
          "check that the temporary directory is writable");
    } finally {
      FileTrees.deleteQuietly(scratch);
    }
  }

  private ProcessResult run(List<String> command, Path dir, String what, String fix) {
    ProcessResult result =
        ProcessRunner.run(command, dir, environment(), timeout, line -> log.info("  " + line));
    if (!result.succeeded()) {
      throw new ProcessFailedException(what, result, fix);
    }
    return result;
  }

  /**
   * This process's environment without pip's own settings, which could send pip to another index or
   * to local wheels ({@code PIP_INDEX_URL}, {@code PIP_FIND_LINKS}, ...), and without any
   * configuration file; the network settings (proxies, certificates) stay.
   */
  private static Map<String, String> environment() {
    Map<String, String> environment = new HashMap<>();
    System.getenv().keySet().stream()
        .filter(name -> name.startsWith("PIP_") && !name.equals("PIP_CERT"))
        .forEach(name -> environment.put(name, null));
    environment.put("PIP_CONFIG_FILE", "/dev/null");
    environment.put("PYTHONDONTWRITEBYTECODE", "1");
    return environment;
  }

  private static Path copyScript(Path dir) throws IOException {
    Path script = dir.resolve(SCRIPT);
    try (InputStream in = VenvInstallCheck.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is missing from the pyrelease jar");
      }
      Files.copy(in, script);
    }
    return script;
  }

  private static Path scratch() {
    try {
      return Files.createTempDirectory("pyrelease-verify-install-");
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot create a temporary directory: " + e.getMessage(),
          System.getProperty("java.io.tmpdir"),
          "check that the temporary directory is writable");
    }
  }
}
