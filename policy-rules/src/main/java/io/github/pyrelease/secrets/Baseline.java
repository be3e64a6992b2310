package io.github.pyrelease.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pyrelease.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A file of accepted findings, by fingerprint (rule, file, hash of the secret): findings it lists
 * do not block, new ones do. It holds no secret, only redacted prefixes for the reader.
 */
public final class Baseline {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FORMAT = 1;

  private Baseline() {}

  /**
   * The fingerprints {@code file} accepts.
   *
   * @throws SecretConfigException when it is missing or not a baseline
   */
  public static Set<String> read(Path file, String display) {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new SecretConfigException(
          "the secrets baseline " + display + " does not exist",
          display,
          "write one with 'pyrelease secrets --baseline-out " + display + "', or fix the path");
    } catch (IOException e) {
      throw new SecretConfigException(
          "the secrets baseline " + display + " is not valid JSON: " + firstLine(e.getMessage()),
          display,
          "write it again with 'pyrelease secrets --baseline-out " + display + "'");
    }
    JsonNode findings = root == null ? null : root.get("findings");
    if (findings == null || !findings.isArray()) {
      throw new SecretConfigException(
          "the secrets baseline " + display + " has no \"findings\" array",
          display,
          "write it again with 'pyrelease secrets --baseline-out " + display + "'");
    }
    Set<String> fingerprints = new LinkedHashSet<>();
    for (int i = 0; i < findings.size(); i++) {
      JsonNode fingerprint = findings.get(i).get("fingerprint");
      if (fingerprint == null || !fingerprint.isTextual()) {
        throw new SecretConfigException(
            "finding " + (i + 1) + " of the secrets baseline " + display + " has no fingerprint",
            display,
            "give every finding a \"fingerprint\", as 'pyrelease secrets' reports it");
      }
      fingerprints.add(fingerprint.asText());
    }
    return fingerprints;
  }

  /** Writes {@code matches} as a baseline, atomically. */
  public static void write(Path file, List<SecretMatch> matches) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("tool", "pyrelease secrets");
    ArrayNode findings = root.putArray("findings");
    Set<String> written = new LinkedHashSet<>();
    for (SecretMatch m : matches) {
      if (written.add(m.fingerprint())) {
        ObjectNode node = findings.addObject();
        node.put("fingerprint", m.fingerprint());
        node.put("rule", m.ruleId());
        node.put("location", m.location());
        node.put("line", m.line());
        node.put("redacted", m.redacted());
      }
    }
    try {
      AtomicFiles.writeString(
          file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
