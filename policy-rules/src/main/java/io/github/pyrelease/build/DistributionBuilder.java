package io.github.pyrelease.build;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.io.FileTrees;
import io.github.pyrelease.python.InterpreterCandidates;
import io.github.pyrelease.python.InterpreterChoice;
import io.github.pyrelease.python.InterpreterProbe;
import io.github.pyrelease.python.ProcessFailedException;
import io.github.pyrelease.python.ProcessResult;
import io.github.pyrelease.python.ProcessRunner;
import io.github.pyrelease.python.PythonInterpreter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds a project's sdist and wheel: the one entry point the {@code build} goal and the CLI share.
 * It finds the interpreter, sets SOURCE_DATE_EPOCH, runs the chosen front end and returns the two
 * files, or says exactly what went wrong and how to fix it.
 */
public final class DistributionBuilder {

  private final Map<String, String> environment;
  private final InterpreterCandidates candidates;
  private final InterpreterProbe probe;

  public DistributionBuilder() {
    this(new InterpreterProbe());
  }

  /**
   * A builder that shares {@code probe}'s answers with the other steps of the same run.
   *
   * @param probe what the candidate interpreters answered so far
   */
  public DistributionBuilder(InterpreterProbe probe) {
    this(System.getenv(), InterpreterCandidates.ofThisMachine(), probe);
  }

  /** A builder that sees {@code environment} as the process environment (for tests). */
  public DistributionBuilder(Map<String, String> environment) {
    this(environment, InterpreterCandidates.ofThisMachine(), new InterpreterProbe());
  }

  /**
   * A builder that sees {@code environment} and chooses among {@code candidates} when the request
   * names no interpreter.
   */
  public DistributionBuilder(
      Map<String, String> environment, InterpreterCandidates candidates, InterpreterProbe probe) {
    this.environment = Map.copyOf(environment);
    this.candidates = candidates;
    this.probe = probe;
  }

  /**
   * Builds the distributions.
   *
   * @throws PyreleaseException when the interpreter, the backend or a requirement is missing, the
   *     backend fails (with its exit code, command and last lines of output) or times out
   */
  public BuildResult build(BuildRequest request, BuildLog log) {
    long start = System.nanoTime();
    // A named interpreter is never second-guessed, and checked before the project is read.
    PythonInterpreter named =
        request.python() == null
            ? null
            : PythonInterpreter.locate(request.python(), request.pythonProperty());
    BuildSystem buildSystem = BuildSystem.read(request.projectDir());
    PythonInterpreter python = named != null ? named : choose(request, buildSystem, log);
    log.info(
        "Python "
            + python.version()
            + " at "
            + python.executable()
            + ", backend "
            + buildSystem.backend()
            + (buildSystem.declared() ? "" : " (no [build-system]: PEP 517's legacy default)")
            + ", front end "
            + request.frontend().id()
            + (request.isolated() ? ", isolated" : ""));
    prepare(request.outDir(), request.clean());
    Path scratch = scratch(request.outDir());
    try {
      Map<String, String> env = new HashMap<>();
      Long epoch =
          SourceDateEpoch.find(request.projectDir(), environment, log)
              .map(
                  e -> {
                    env.put(SourceDateEpoch.VARIABLE, Long.toString(e));
                    return e;
                  })
              .orElse(null);
      env.put("PYTHONIOENCODING", "utf-8");
      env.put("PYTHONDONTWRITEBYTECODE", "1");
      PythonInterpreter runner =
          request.isolated() ? isolatedEnvironment(python, scratch, request, log) : python;
      Set<Path> before = distributions(request.outDir());
      Path sdist;
      Path wheel;
      if (request.frontend() == Frontend.PYRELEASE) {
        Path[] built = new Pep517Frontend(request, buildSystem, env, log).build(runner, scratch);
        sdist = built[0];
        wheel = built[1];
      } else {
        new DelegatedFrontend(request, env, log).build(runner);
        sdist = produced(request.outDir(), before, ".tar.gz", request.frontend());
        wheel = produced(request.outDir(), before, ".whl", request.frontend());
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      log.info(
          "built " + sdist.getFileName() + " and " + wheel.getFileName() + " in " + seconds(took));
      return new BuildResult(sdist, wheel, buildSystem.backend(), epoch, took);
    } finally {
      FileTrees.deleteQuietly(scratch);
    }
  }

  /**
   * The first candidate that meets the project's requires-python and, unless the build is isolated
   * (pip then installs them), its build requirements; for {@code python -m build}, pypa/build too.
   */
  private PythonInterpreter choose(BuildRequest request, BuildSystem buildSystem, BuildLog log) {
    List<String> needs = new ArrayList<>(request.isolated() ? List.of() : buildSystem.requires());
    if (request.frontend() == Frontend.BUILD) {
      needs.add("build");
    }
    InterpreterChoice choice =
        InterpreterChoice.choose(
            candidates.of(request.projectDir()),
            probe,
            request.projectDir(),
            needs,
            buildSystem.requiresPython());
    log.info(choice.reason());
    return choice.interpreter();
  }

  private static PythonInterpreter isolatedEnvironment(
      PythonInterpreter python, Path scratch, BuildRequest request, BuildLog log) {
    Path venv = scratch.resolve("env");
    log.info("creating a virtual environment for an isolated build in " + venv);
    ProcessResult result =
        ProcessRunner.run(
            python.command("-m", "venv", venv.toString()),
            null,
            Map.of(),
            request.timeout(),
            log::output);
    if (!result.succeeded()) {
      throw new ProcessFailedException(
          "cannot create a virtual environment for the isolated build",
          result,
          "install the venv module (Debian/Ubuntu: apt-get install python3-venv), or build without"
              + " pyrelease.isolated");
    }
    Path executable = venv.resolve("bin/python");
    return new PythonInterpreter(executable.toString(), executable, python.version());
  }

  private static void prepare(Path outDir, boolean clean) {
    try {
      Files.createDirectories(outDir);
      if (clean) {
        for (Path old : distributions(outDir)) {
          Files.delete(old);
        }
      }
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot prepare " + outDir + ": " + e.getMessage(),
          outDir.toString(),
          "check that the directory is writable");
    }
  }

  private static Path scratch(Path outDir) {
    try {
      Path parent = outDir.toAbsolutePath().getParent();
      return Files.createTempDirectory(parent == null ? outDir : parent, ".pyrelease-build-");
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot create a scratch directory beside " + outDir + ": " + e.getMessage(),
          outDir.toString(),
          "check that the directory is writable");
    }
  }

  private static Set<Path> distributions(Path dir) {
    if (!Files.isDirectory(dir)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              f -> {
                String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return name.endsWith(".whl") || name.endsWith(".tar.gz");
              })
          .collect(Collectors.toSet());
    } catch (IOException e) {
      return Set.of();
    }
  }

  private static Path produced(Path outDir, Set<Path> before, String suffix, Frontend frontend) {
    List<Path> made =
        distributions(outDir).stream()
            .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(suffix))
            .filter(p -> !before.contains(p))
            .sorted()
            .toList();
    if (made.size() != 1) {
      throw new PyreleaseException(
          frontend.id()
              + " left "
              + made.size()
              + " new "
              + suffix
              + " files in "
              + outDir
              + " where one was expected",
          outDir.toString(),
          "build into an empty directory");
    }
    return made.get(0);
  }

  private static String seconds(Duration took) {
    return String.format(Locale.ROOT, "%.1f s", took.toMillis() / 1000.0);
  }
}
