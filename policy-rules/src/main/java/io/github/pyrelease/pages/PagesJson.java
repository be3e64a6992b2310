package io.github.pyrelease.pages;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pyrelease.PyreleaseException;
import java.nio.file.Path;

/** Reads and writes the JSON pages: two-space indentation, one value a line, strict reading. */
final class PagesJson {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .build();

  private static final ObjectWriter WRITER = MAPPER.writer(printer());

  private PagesJson() {}

  private static DefaultPrettyPrinter printer() {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
            Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                .withObjectEmptySeparator("")
                .withArrayEmptySeparator(""));
    printer.indentObjectsWith(indenter);
    printer.indentArraysWith(indenter);
    return printer;
  }

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /** The page's text, ending with a newline. */
  static String write(JsonNode page) {
    try {
      return WRITER.writeValueAsString(page) + "\n";
    } catch (JacksonException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }

  /**
   * Parses a page written earlier.
   *
   * @throws PyreleaseException naming the file, line and column when it is not JSON
   */
  static JsonNode read(Path file, String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JacksonException e) {
      JsonLocation at = e.getLocation();
      String where =
          at == null || at.getLineNr() < 0
              ? file.toString()
              : file + ":" + at.getLineNr() + ":" + at.getColumnNr();
      throw corrupt(file, where, "is not valid JSON: " + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw corrupt(file, file.toString(), "is empty");
    }
    if (!root.isObject()) {
      throw corrupt(file, file.toString(), "is not a JSON object");
    }
    return root;
  }

  /** A page written earlier cannot be read: it is never overwritten, the user repairs it. */
  static PyreleaseException corrupt(Path file, String where, String what) {
    return new PyreleaseException(
        "the existing page " + file + " " + what,
        where,
        "it holds the releases published earlier, so pyrelease will not overwrite it: restore it"
            + " from the history of the Pages branch (git log -- <file>; git checkout <commit> --"
            + " <file>) or repair it by hand, then run again");
  }
}
