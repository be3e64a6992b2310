package io.github.pyrelease.python;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.io.FileTrees;
import io.github.pyrelease.python.InterpreterCandidates.Candidate;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Asks an interpreter, without building anything, whether it could run a build: one start of the
 * build hooks script's {@code probe} hook, which reports its version, whether it meets
 * requires-python and, for each requirement, the installed version, judged as the build judges
 * them. Answers are kept for the life of this object (one run: the goals of one Maven build, one
 * CLI command), so an interpreter is asked once however many goals need one.
 */
public final class InterpreterProbe {

  /** The script shared with the PEP 517 front end, so the probe and the build agree. */
  private static final String SCRIPT = "/io/github/pyrelease/build/pep517_hooks.py";

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  /**
   * What a candidate answered.
   *
   * @param candidate who was asked
   * @param executable the interpreter's own {@code sys.executable} (a pyenv shim or {@code py -3}
   *     resolved), or the launcher when it did not run
   * @param version {@code major.minor.micro}, or {@code null} when it did not run
   * @param requirements each requirement that applies to it
   * @param requiresPython whether it meets the project's requires-python ({@code null}: none
   *     declared, or not checkable without packaging)
   * @param failure why it cannot be used at all, or {@code null}
   */
  public record Answer(
      Candidate candidate,
      Path executable,
      String version,
      List<RequirementState> requirements,
      Boolean requiresPython,
      String failure) {

    public Answer {
      requirements = List.copyOf(requirements);
    }

    public boolean runs() {
      return failure == null;
    }

    public List<RequirementState> unmet() {
      return requirements.stream().filter(r -> !r.met()).toList();
    }

    /** Runs, meets requires-python (when checked) and every requirement. */
    public boolean fits() {
      return runs() && !Boolean.FALSE.equals(requiresPython) && unmet().isEmpty();
    }
  }

  private record Key(List<String> launcher, Path directory, List<String> requires, String python) {}

  private final Map<Key, Answer> answers = new ConcurrentHashMap<>();

  /**
   * Asks {@code candidate} about {@code requires} and {@code requiresPython}, running it in {@code
   * directory} (a pyenv shim chooses its version by the directory's .python-version).
   */
  public Answer ask(
      Candidate candidate, Path directory, List<String> requires, String requiresPython) {
    Key key =
        new Key(
            candidate.launcher(),
            directory.toAbsolutePath().normalize(),
            List.copyOf(requires),
            requiresPython);
    return answers.computeIfAbsent(key, k -> run(candidate, k));
  }

  private static Answer run(Candidate candidate, Key key) {
    Path launcher = Path.of(candidate.launcher().get(0));
    Path scratch;
    try {
      scratch = Files.createTempDirectory("pyrelease-probe-");
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot create a temporary directory: " + e.getMessage(),
          System.getProperty("java.io.tmpdir"),
          "check that the temporary directory is writable");
    }
    try {
      Path script = scratch.resolve("pep517_hooks.py");
      Path request = scratch.resolve("probe-request.json");
      Path result = scratch.resolve("probe-result.json");
      try (InputStream in = InterpreterProbe.class.getResourceAsStream(SCRIPT)) {
        if (in == null) {
          throw new IllegalStateException(SCRIPT + " is missing from the pyrelease jar");
        }
        Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hook", "probe");
        body.put("requires", key.requires());
        body.put("requires_python", key.python());
        JSON.writeValue(request.toFile(), body);
      } catch (IOException e) {
        throw new PyreleaseException(
            "cannot write " + scratch + ": " + e.getMessage(),
            scratch.toString(),
            "check that the temporary directory is writable");
      }
      List<String> command = new ArrayList<>(candidate.launcher());
      command.addAll(List.of(script.toString(), request.toString(), result.toString()));
      ProcessResult ran;
      try {
        ran =
            ProcessRunner.run(command, key.directory(), Map.of(), TIMEOUT, ProcessOutput.discard());
      } catch (PyreleaseException e) {
        return failed(candidate, launcher, "does not start");
      }
      if (ran.timedOut()) {
        return failed(candidate, launcher, "did not answer within " + TIMEOUT.toSeconds() + " s");
      }
      JsonNode answer = read(result);
      if (!ran.succeeded() || answer == null || !answer.path("version").isTextual()) {
        return failed(candidate, launcher, "does not run as Python 3.8 or newer");
      }
      String version = answer.get("version").asText();
      String[] parts = version.split("\\.");
      if (!version.matches("\\d{1,4}\\.\\d{1,4}\\.\\d{1,4}")
          || !parts[0].equals("3")
          || Integer.parseInt(parts[1]) < PythonInterpreter.MIN_MINOR) {
        return new Answer(
            candidate,
            launcher,
            version,
            List.of(),
            null,
            "is Python "
                + version
                + ", older than the 3."
                + PythonInterpreter.MIN_MINOR
                + " needed");
      }
      JsonNode fits = answer.get("requires_python");
      return new Answer(
          candidate,
          answer.path("executable").asText("").isBlank()
              ? launcher
              : Path.of(answer.path("executable").asText()),
          version,
          RequirementState.fromJson(answer.path("requirements")),
          fits == null || fits.isNull() ? null : fits.asBoolean(),
          null);
    } finally {
      FileTrees.deleteQuietly(scratch);
    }
  }

  private static Answer failed(Candidate candidate, Path launcher, String why) {
    return new Answer(candidate, launcher, null, List.of(), null, why);
  }

  private static JsonNode read(Path result) {
    try {
      return Files.isRegularFile(result) ? JSON.readTree(result.toFile()) : null;
    } catch (IOException e) {
      return null;
    }
  }
}
