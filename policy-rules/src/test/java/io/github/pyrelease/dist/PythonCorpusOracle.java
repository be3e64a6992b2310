package io.github.pyrelease.dist;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs one Python script once over a whole corpus, for the differential tests of this package: the
 * inputs go to a file as JSON lines (each a base64 string of the input's bytes), the script reads
 * that file (its first argument) and prints one JSON line per input, in order. The interpreter is
 * the system property {@code pyrelease.test.python}, by default /usr/bin/python3 (only the standard
 * library is used).
 */
final class PythonCorpusOracle {

  static final String PYTHON = System.getProperty("pyrelease.test.python", "/usr/bin/python3");
  private static final ObjectMapper JSON = new ObjectMapper();

  private PythonCorpusOracle() {}

  /** Skips the calling test when there is no interpreter to compare with. */
  static void assumePython() {
    Assumptions.assumeTrue(
        Files.isExecutable(Path.of(PYTHON)), PYTHON + " is missing: no differential comparison");
  }

  /** The script's answers, one per input and in the same order. */
  static List<JsonNode> ask(Path dir, String script, List<byte[]> inputs)
      throws IOException, InterruptedException {
    Path scriptFile = Files.writeString(dir.resolve("oracle.py"), script);
    StringBuilder lines = new StringBuilder();
    for (byte[] input : inputs) {
      lines.append('"').append(Base64.getEncoder().encodeToString(input)).append("\"\n");
    }
    Path inputFile = Files.writeString(dir.resolve("inputs.jsonl"), lines);
    Path outputFile = dir.resolve("answers.jsonl");
    Path errorFile = dir.resolve("stderr.txt");
    // -I: no user site-packages nor PYTHON* variables, only the standard library as installed
    Process process =
        new ProcessBuilder(PYTHON, "-I", scriptFile.toString(), inputFile.toString())
            .redirectOutput(outputFile.toFile())
            .redirectError(errorFile.toFile())
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the Python oracle did not finish within 60 s");
    }
    List<JsonNode> answers = new ArrayList<>(inputs.size());
    for (String line : Files.readAllLines(outputFile, StandardCharsets.US_ASCII)) {
      if (!line.isBlank()) {
        answers.add(JSON.readTree(line));
      }
    }
    if (process.exitValue() != 0 || answers.size() != inputs.size()) {
      throw new AssertionError(
          "the Python oracle failed (exit "
              + process.exitValue()
              + ", "
              + answers.size()
              + " answers for "
              + inputs.size()
              + " inputs): "
              + Files.readString(errorFile));
    }
    return answers;
  }

  /** Java strings from a JSON array of strings. */
  static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>(array.size());
    array.forEach(node -> out.add(node.asText()));
    return out;
  }

  /** The text as a Java string literal, so that line breaks and odd characters are visible. */
  static String show(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c >= 0x20 && c < 0x7f) {
            out.append(c);
          } else {
            out.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Each string shown as a literal. */
  static String show(List<String> texts) {
    return texts.stream().map(PythonCorpusOracle::show).toList().toString();
  }

  /**
   * Asserts that no input was read differently, showing the first mismatches (each its input and
   * what differs) and the seed that generated them.
   *
   * @param peer who reads them differently, as the message says it ("Python's csv reader")
   */
  static void assertNoMismatches(
      List<String> mismatches, int inputs, long seed, String peer, int shown) {
    org.assertj.core.api.Assertions.assertThat(mismatches)
        .withFailMessage(
            () ->
                mismatches.size()
                    + " of "
                    + inputs
                    + " inputs (seed "
                    + seed
                    + ") are read differently by "
                    + peer
                    + "; the first ones:\n  "
                    + String.join(
                        "\n  ", mismatches.subList(0, Math.min(shown, mismatches.size()))))
        .isEmpty();
  }
}
