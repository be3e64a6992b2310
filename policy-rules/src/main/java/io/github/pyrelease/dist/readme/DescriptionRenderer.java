package io.github.pyrelease.dist.readme;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.python.InterpreterCandidates;
import io.github.pyrelease.python.InterpreterChoice;
import io.github.pyrelease.python.InterpreterProbe;
import io.github.pyrelease.python.ProcessOutput;
import io.github.pyrelease.python.ProcessResult;
import io.github.pyrelease.python.ProcessRunner;
import io.github.pyrelease.python.PythonInterpreter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Decides whether long descriptions render as twine and PyPI render them: reStructuredText (and
 * unknown or missing content types, which both treat as reStructuredText) is checked by {@link
 * RstChecker} in Java; what it cannot decide goes, all at once, to readme_renderer through the
 * interpreter when one with readme_renderer is there (Debian: python3-readme-renderer, which comes
 * with twine). Markdown and plain text are not rendered by twine and cannot fail there.
 */
public final class DescriptionRenderer {

  private static final String OWN = "pyrelease's reStructuredText check";

  /** Built only when readme_renderer runs: Jackson's start-up is not free. */
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final String python;
  private final Path projectDir;
  private PythonInterpreter chosen;

  /**
   * @param python the interpreter for readme_renderer, or {@code null} to look for one that has it
   */
  public DescriptionRenderer(String python) {
    this(python, null);
  }

  /**
   * @param python the interpreter for readme_renderer as the user named it, used as it is; {@code
   *     null} to look for one that has readme_renderer: the project's own virtual environment,
   *     {@code $VIRTUAL_ENV}, python3 on the PATH, the system's python3
   * @param projectDir the project whose virtual environment comes first, or {@code null}
   */
  public DescriptionRenderer(String python, Path projectDir) {
    this.python = python;
    this.projectDir = projectDir;
  }

  /** What a description with this content type and text would do, one per input, in order. */
  public List<DescriptionCheck> check(List<Description> descriptions) {
    List<DescriptionCheck> decided = new ArrayList<>();
    for (Description d : descriptions) {
      decided.add(decide(d));
    }
    return completed(descriptions, decided);
  }

  /**
   * What pyrelease decides about a description by itself, or {@code null} when only readme_renderer
   * can tell. Pure and thread-safe: a check of many distributions decides them in parallel, then
   * gives the rest to {@link #completed} for one interpreter run.
   */
  public static DescriptionCheck decide(Description d) {
    if (d.text() == null || d.text().isBlank() || d.text().strip().equals("UNKNOWN")) {
      return new DescriptionCheck(DescriptionCheck.Status.ABSENT, OWN, List.of());
    }
    String type = mediaType(d.contentType());
    if (type.equals("text/markdown") || type.equals("text/plain")) {
      return new DescriptionCheck(
          DescriptionCheck.Status.NOT_RENDERED,
          OWN,
          List.of(type + " is shown as written by twine; it cannot fail to render there"));
    }
    RstVerdict verdict = RstChecker.check(d.text());
    return switch (verdict.outcome()) {
      case VALID -> new DescriptionCheck(DescriptionCheck.Status.RENDERS, OWN, List.of());
      case INVALID -> new DescriptionCheck(DescriptionCheck.Status.FAILS, OWN, verdict.messages());
      case UNDECIDED -> null;
    };
  }

  /**
   * The checks of {@code descriptions}, given what {@link #decide} made of each ({@code null} where
   * undecided): the undecided ones go, each different text once, to readme_renderer in one
   * interpreter run.
   */
  public List<DescriptionCheck> completed(
      List<Description> descriptions, List<DescriptionCheck> decided) {
    List<DescriptionCheck> results = new ArrayList<>(decided);
    Map<String, List<Integer>> undecided = new LinkedHashMap<>();
    for (int i = 0; i < results.size(); i++) {
      if (results.get(i) == null) {
        undecided.computeIfAbsent(descriptions.get(i).text(), k -> new ArrayList<>()).add(i);
      }
    }
    if (!undecided.isEmpty()) {
      List<DescriptionCheck> rendered = render(new ArrayList<>(undecided.keySet()));
      int k = 0;
      for (List<Integer> indexes : undecided.values()) {
        for (int index : indexes) {
          results.set(index, rendered.get(k));
        }
        k++;
      }
    }
    return results;
  }

  /** A description to check. */
  public record Description(String contentType, String text) {}

  static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return "text/x-rst";
    }
    return contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
  }

  /** The first interpreter that has readme_renderer, asked once for this renderer. */
  private synchronized PythonInterpreter choose() {
    if (chosen == null) {
      Path dir = projectDir != null ? projectDir : Path.of(".");
      chosen =
          InterpreterChoice.choose(
                  InterpreterCandidates.ofThisMachine().of(dir),
                  new InterpreterProbe(),
                  dir,
                  List.of("readme_renderer"),
                  null,
                  "check this long description")
              .interpreter();
    }
    return chosen;
  }

  private List<DescriptionCheck> render(List<String> texts) {
    PythonInterpreter interpreter;
    try {
      interpreter =
          python != null ? PythonInterpreter.locate(python, "pyrelease.python") : choose();
    } catch (PyreleaseException e) {
      return unchecked(texts.size(), e.getMessage());
    }
    Path dir = null;
    try {
      dir = Files.createTempDirectory("pyrelease-readme-");
      Path script = dir.resolve("render_rst.py");
      Path input = dir.resolve("descriptions.json");
      Path output = dir.resolve("verdicts.json");
      try (InputStream in = DescriptionRenderer.class.getResourceAsStream("render_rst.py")) {
        Files.copy(in, script);
      }
      List<Map<String, String>> requests = texts.stream().map(t -> Map.of("text", t)).toList();
      Json.MAPPER.writeValue(input.toFile(), requests);
      ProcessResult result =
          ProcessRunner.run(
              interpreter.command(script.toString(), input.toString(), output.toString()),
              dir,
              Map.of("PYTHONIOENCODING", "utf-8"),
              Duration.ofMinutes(5),
              ProcessOutput.discard());
      JsonNode answer =
          Files.isRegularFile(output)
              ? Json.MAPPER.readTree(Files.readString(output, StandardCharsets.UTF_8))
              : null;
      if (answer != null && answer.path("error").asText().equals("missing")) {
        return unchecked(
            texts.size(),
            interpreter.executable()
                + " cannot import readme_renderer; install it (Debian/Ubuntu: apt-get install"
                + " python3-readme-renderer, which twine brings) to check this markup");
      }
      if (!result.succeeded() || answer == null) {
        return unchecked(
            texts.size(), "readme_renderer failed: " + String.join(" / ", result.tail()));
      }
      String checker = answer.path("renderer").asText() + " (" + interpreter.executable() + ")";
      List<DescriptionCheck> checks = new ArrayList<>();
      for (JsonNode verdict : answer.path("verdicts")) {
        List<String> messages = new ArrayList<>();
        verdict.path("messages").forEach(m -> messages.add(m.asText()));
        checks.add(
            new DescriptionCheck(
                verdict.path("ok").asBoolean()
                    ? DescriptionCheck.Status.RENDERS
                    : DescriptionCheck.Status.FAILS,
                checker,
                messages));
      }
      return checks.size() == texts.size()
          ? checks
          : unchecked(
              texts.size(), "readme_renderer answered " + checks.size() + " of " + texts.size());
    } catch (IOException e) {
      return unchecked(texts.size(), "cannot run readme_renderer: " + e.getMessage());
    } finally {
      deleteQuietly(dir);
    }
  }

  private static List<DescriptionCheck> unchecked(int count, String why) {
    List<DescriptionCheck> checks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      checks.add(new DescriptionCheck(DescriptionCheck.Status.UNCHECKED, OWN, List.of(why)));
    }
    return checks;
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
