package io.github.pyrelease.inventory;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InventoryReadException;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.MarkerEnvironment;
import io.github.pyrelease.deps.Origin;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads Pipenv's {@code Pipfile.lock}: the {@code default} and {@code develop} sections, each
 * entry's {@code version} ({@code ==V}) and {@code markers}; git and path entries have no version.
 */
final class PipfileLockReader {

  private static final List<String> SECTIONS = List.of("default", "develop");

  private final InventoryFiles files;
  private final MarkerEnvironment environment;

  PipfileLockReader(InventoryFiles files, MarkerEnvironment environment) {
    this.files = files;
    this.environment = environment;
  }

  DependencyInventory read(Path file) {
    String shown = files.display(file);
    String text = files.read(file);
    JsonNode root;
    Map<String, Integer> lines;
    try {
      JsonFactory factory =
          JsonFactory.builder()
              .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
              .build();
      root = new ObjectMapper(factory).readTree(text);
      lines = entryLines(factory, text);
    } catch (JsonProcessingException e) {
      throw new InventoryReadException(
          shown + " is not valid JSON, so it is not a Pipfile.lock: " + e.getOriginalMessage(),
          shown + ":" + (e.getLocation() == null ? 0 : e.getLocation().getLineNr()),
          "regenerate it with 'pipenv lock', or remove it");
    } catch (IOException e) {
      throw new InventoryReadException("cannot read " + shown, shown, "check the file", e);
    }
    if (root == null
        || !root.isObject()
        || !root.path("_meta").isObject()
        || !root.path("default").isObject()) {
      throw new InventoryReadException(
          shown + " has no _meta and default objects, so it is not a Pipfile.lock",
          shown,
          "regenerate it with 'pipenv lock', or remove it");
    }
    List<Dependency> out = new ArrayList<>();
    for (String section : SECTIONS) {
      JsonNode entries = root.path(section);
      for (var it = entries.fields(); it.hasNext(); ) {
        var entry = it.next();
        String name = entry.getKey();
        JsonNode value = entry.getValue();
        Origin origin = new Origin(shown, lines.getOrDefault(section + "/" + name, 0));
        if (value.path("markers").isTextual()
            && !LockMarkers.holds(
                value.path("markers").asText(), environment, Set.of(), Set.of(), origin)) {
          continue;
        }
        String version = value.path("version").asText("");
        if (version.startsWith("==") && !version.startsWith("===")) {
          out.add(Dependency.pinned(name, version.substring(2), origin, InventorySource.LOCK_FILE));
        } else if (version.isEmpty()) {
          String source =
              value.has("git")
                  ? value.path("git").asText()
                  : value
                      .path("path")
                      .asText(value.path("file").asText("(no version in the lock file)"));
          out.add(
              new Dependency(name, null, name + " @ " + source, origin, InventorySource.LOCK_FILE));
        } else {
          throw new InventoryReadException(
              name + " has version '" + version + "', which is no exact pin",
              origin.where(),
              "regenerate it with 'pipenv lock'");
        }
      }
    }
    return new DependencyInventory(InventorySource.LOCK_FILE, List.of(shown), out);
  }

  /** The line of each {@code section/name} key at depth two, which the tree model forgets. */
  private static Map<String, Integer> entryLines(JsonFactory factory, String text)
      throws IOException {
    Map<String, Integer> lines = new HashMap<>();
    try (JsonParser parser = factory.createParser(text)) {
      int depth = 0;
      String section = null;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> depth--;
          case FIELD_NAME -> {
            if (depth == 1) {
              section = parser.currentName();
            } else if (depth == 2 && SECTIONS.contains(section)) {
              lines.put(
                  section + "/" + parser.currentName(), parser.currentTokenLocation().getLineNr());
            }
          }
          default -> {}
        }
      }
    }
    return lines;
  }
}
