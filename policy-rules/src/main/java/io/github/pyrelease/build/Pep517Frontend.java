package io.github.pyrelease.build;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.Hint;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.Setting;
import io.github.pyrelease.python.InstallHints;
import io.github.pyrelease.python.ProcessFailedException;
import io.github.pyrelease.python.ProcessResult;
import io.github.pyrelease.python.ProcessRunner;
import io.github.pyrelease.python.PythonInterpreter;
import io.github.pyrelease.python.RequirementState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * pyrelease's own PEP 517 front end: it runs the project's backend through the interpreter with a
 * small hooks script (standard library only), builds the sdist in the project, then unpacks the
 * sdist and builds the wheel from it, as {@code python -m build} does, so that the wheel proves the
 * sdist is complete.
 */
final class Pep517Frontend {

  private static final String SCRIPT = "pep517_hooks.py";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final BuildRequest request;
  private final BuildSystem buildSystem;
  private final Map<String, String> environment;
  private final BuildLog log;

  Pep517Frontend(
      BuildRequest request,
      BuildSystem buildSystem,
      Map<String, String> environment,
      BuildLog log) {
    this.request = request;
    this.buildSystem = buildSystem;
    this.environment = environment;
    this.log = log;
  }

  /** Builds the sdist then the wheel; returns their paths. */
  Path[] build(PythonInterpreter python, Path scratch) {
    Path script = scratch.resolve(SCRIPT);
    copyScript(script);
    Map<String, Object> base = new LinkedHashMap<>();
    base.put("directory", request.projectDir().toAbsolutePath().toString());
    base.put("out", request.outDir().toAbsolutePath().toString());
    base.put("backend", buildSystem.backend());
    base.put("backend_path", buildSystem.backendPath());
    base.put("requires", buildSystem.requires());
    base.put("install_missing", request.isolated());
    base.put("config_settings", request.configSettings());

    log.info("building the sdist with " + buildSystem.backend());
    Map<String, Object> sdistRequest = new LinkedHashMap<>(base);
    sdistRequest.put("hook", "sdist");
    Path sdist = request.outDir().resolve(run(python, scratch, "sdist", sdistRequest));

    log.info("building the wheel from " + sdist.getFileName());
    Map<String, Object> wheelRequest = new LinkedHashMap<>(base);
    wheelRequest.put("hook", "wheel-from-sdist");
    wheelRequest.put("sdist", sdist.toAbsolutePath().toString());
    Path wheel = request.outDir().resolve(run(python, scratch, "wheel", wheelRequest));
    return new Path[] {sdist, wheel};
  }

  private String run(
      PythonInterpreter python, Path scratch, String step, Map<String, Object> hookRequest) {
    Path requestFile = scratch.resolve(step + "-request.json");
    Path resultFile = scratch.resolve(step + "-result.json");
    try {
      JSON.writeValue(requestFile.toFile(), hookRequest);
      Files.deleteIfExists(resultFile);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ProcessResult result =
        ProcessRunner.run(
            python.command(
                scratch.resolve(SCRIPT).toString(), requestFile.toString(), resultFile.toString()),
            request.projectDir(),
            environment,
            request.timeout(),
            log::output);
    JsonNode outcome = readResult(resultFile);
    if (result.succeeded() && outcome != null && outcome.hasNonNull("file")) {
      return outcome.get("file").asText();
    }
    if (outcome != null && result.exitCode() == 3) {
      throw environmentProblem(python, outcome);
    }
    throw new ProcessFailedException(
        "the build backend " + buildSystem.backend() + " failed to build the " + step,
        result,
        result.timedOut()
            ? "raise pyrelease.buildTimeout (seconds) if the build is just slow"
            : "read the backend's output above; fix the project (or its pyproject.toml) and"
                + " build again");
  }

  private PyreleaseException environmentProblem(PythonInterpreter python, JsonNode outcome) {
    String kind = outcome.path("error").asText();
    String interpreter = python.executable() + " (Python " + python.version() + ")";
    switch (kind) {
      case "backend" -> {
        String module = outcome.path("module").asText();
        String missing = outcome.path("missing").asText(module);
        String distribution = distributionOf(missing.isEmpty() ? module : missing);
        return PyreleaseException.hinted(
            "the build backend "
                + module
                + " cannot be imported by "
                + interpreter
                + ": "
                + outcome.path("message").asText(),
            "[build-system] build-backend = \"" + buildSystem.backend() + "\"",
            Hint.of(
                "install it: "
                    + InstallHints.install(List.of(distribution), List.of(distribution))
                    + "; or build in a fresh virtual environment with the build requirements"
                    + " installed (",
                Setting.ISOLATED.is("true"),
                "; needs a package index)"));
      }
      case "requirements" -> {
        List<RequirementState> unmet = RequirementState.fromJson(outcome.path("unmet"));
        String described =
            unmet.stream()
                .map(u -> u.requirement() + " (" + u.problem() + ")")
                .collect(Collectors.joining(", "));
        return PyreleaseException.hinted(
            "the build requirements are not met by " + interpreter + ": " + described,
            "[build-system] requires",
            InstallHints.unmet(
                python,
                unmet,
                buildSystem.requires(),
                request.python() != null,
                request.projectDir()));
      }
      case "backend-path" ->
          throw new PyreleaseException(
              "the build backend "
                  + outcome.path("module").asText()
                  + " was loaded from "
                  + outcome.path("origin").asText()
                  + ", not from [build-system] backend-path",
              "[build-system] backend-path",
              "PEP 517 requires an in-tree backend to be loaded from backend-path; rename the"
                  + " module or remove the installed one");
      case "unsafe-sdist", "sdist-layout" ->
          throw new PyreleaseException(
              "the sdist the backend built is not safe to unpack or has no single top-level"
                  + " directory ("
                  + outcome
                  + ")",
              request.outDir().toString(),
              "report this to the build backend's maintainers");
      default -> {
        return new PyreleaseException(
            "the build hooks script reported " + outcome, null, "build again with -X for details");
      }
    }
  }

  /** The distribution that provides {@code module} (for the well-known backends). */
  static String distributionOf(String module) {
    String top = module.split("\\.", 2)[0];
    return switch (top) {
      case "flit_core" -> "flit-core";
      case "poetry" -> "poetry-core";
      case "pdm" -> "pdm-backend";
      case "mesonpy" -> "meson-python";
      case "scikit_build_core" -> "scikit-build-core";
      default -> top.replace('_', '-');
    };
  }

  private static JsonNode readResult(Path resultFile) {
    if (!Files.isRegularFile(resultFile)) {
      return null;
    }
    try {
      return JSON.readTree(resultFile.toFile());
    } catch (IOException e) {
      return null;
    }
  }

  private static void copyScript(Path target) {
    try (InputStream in = Pep517Frontend.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException(SCRIPT + " is missing from the pyrelease jar");
      }
      Files.copy(in, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot write " + target + ": " + e.getMessage(),
          target.toString(),
          "check that the build directory is writable");
    }
  }
}
