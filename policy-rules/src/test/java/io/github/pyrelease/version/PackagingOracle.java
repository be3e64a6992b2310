package io.github.pyrelease.version;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks Python's packaging about many version strings in one process (packaging_oracle.py over stdin
 * and stdout, JSON lines). The interpreter is the system property {@code pyrelease.test.python}, by
 * default /usr/bin/python3 (Debian's python3-packaging).
 */
final class PackagingOracle {

  static final String PYTHON_PROPERTY = "pyrelease.test.python";
  private static final String INSTALL = "apt-get install python3 python3-packaging";
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  /** What packaging said about one input; text and facts are null when it is invalid. */
  record Answer(boolean valid, String text, String facts, String error) {}

  /**
   * @param order indices of the valid inputs in packaging's sorted order, each with its rank (equal
   *     versions share one)
   */
  record Result(String packaging, String python, List<Answer> answers, List<int[]> order) {}

  private PackagingOracle() {}

  static String python() {
    return System.getProperty(PYTHON_PROPERTY, "/usr/bin/python3");
  }

  static Result ask(List<String> inputs) throws IOException, InterruptedException {
    String python = python();
    Process process;
    Path errors = Files.createTempFile("packaging-oracle", ".err");
    try {
      process = new ProcessBuilder(python, "-c", script()).redirectError(errors.toFile()).start();
    } catch (IOException e) {
      throw new AssertionError(
          "cannot start the Python interpreter '"
              + python
              + "' (system property "
              + PYTHON_PROPERTY
              + "): "
              + e.getMessage()
              + "; install it and packaging with: "
              + INSTALL,
          e);
    }
    StringBuilder lines = new StringBuilder();
    for (String input : inputs) {
      lines.append(JSON.writeValueAsString(input)).append('\n');
    }
    try (OutputStream stdin = process.getOutputStream()) {
      stdin.write(lines.toString().getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      // Python stopped before reading (packaging missing, say): its output tells why.
    }
    byte[] stdout = readAll(process.getInputStream());
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("packaging oracle did not finish within 60 s");
    }
    String stderr = Files.readString(errors);
    Files.deleteIfExists(errors);
    List<JsonNode> replies = new ArrayList<>();
    for (String line : new String(stdout, StandardCharsets.US_ASCII).split("\n")) {
      if (!line.isBlank()) {
        replies.add(JSON.readTree(line));
      }
    }
    if (!replies.isEmpty() && replies.get(0).has("missing")) {
      throw new AssertionError(
          "Python's packaging is not importable by '"
              + python
              + "' ("
              + replies.get(0).get("missing").asText()
              + "); install it with: "
              + INSTALL);
    }
    if (process.exitValue() != 0 || replies.size() != inputs.size() + 2) {
      throw new AssertionError(
          "packaging oracle failed (exit "
              + process.exitValue()
              + ", "
              + replies.size()
              + " replies for "
              + inputs.size()
              + " inputs): "
              + stderr);
    }
    List<Answer> answers = new ArrayList<>(inputs.size());
    for (JsonNode reply : replies.subList(1, inputs.size() + 1)) {
      answers.add(
          new Answer(
              reply.get("ok").asBoolean(),
              reply.path("text").asText(null),
              reply.path("facts").asText(null),
              reply.path("error").asText(null)));
    }
    List<int[]> order = new ArrayList<>();
    for (JsonNode pair : replies.get(inputs.size() + 1).get("order")) {
      order.add(new int[] {pair.get(0).asInt(), pair.get(1).asInt()});
    }
    JsonNode header = replies.get(0);
    return new Result(
        header.get("packaging").asText(), header.get("python").asText(), answers, order);
  }

  private static String script() {
    try (InputStream in = PackagingOracle.class.getResourceAsStream("packaging_oracle.py")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in;
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      in.transferTo(out);
      return out.toByteArray();
    }
  }
}
