package io.github.pyrelease.policyfile;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * YAML 1.2 (core schema) for policy files, with the marks that let every message name a line and
 * column, and limits that keep hostile input from exhausting memory: a size cap, few aliases of
 * collections (the "billion laughs"), no recursive structures, a bounded number of values.
 */
final class PolicyYaml {

  /** Anchors are handy for a shared list or two; hundreds of them are an expansion attack. */
  static final int MAX_COLLECTION_ALIASES = 50;

  /** Values after alias expansion; a real policy has a few hundred. */
  static final int MAX_VALUES = 100_000;

  private static final Set<Tag> PLAIN_TAGS =
      Set.of(Tag.STR, Tag.INT, Tag.BOOL, Tag.NULL, Tag.FLOAT, Tag.MAP, Tag.SEQ);

  private final String file;
  private int values;

  private PolicyYaml(String file) {
    this.file = file;
  }

  /** The single document's root, or empty for a file with no content (only comments). */
  static Optional<Node> compose(PolicyText text) {
    String file = text.location().display();
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(file)
            .setSchema(new CoreSchema())
            .setMaxAliasesForCollections(MAX_COLLECTION_ALIASES)
            .setAllowRecursiveKeys(false)
            .setCodePointLimit(PolicyBytes.MAX_BYTES)
            .setUseMarks(true)
            .build();
    try {
      return new Compose(settings).composeString(text.text());
    } catch (MarkedYamlEngineException e) {
      throw syntax(file, e);
    } catch (YamlEngineException e) {
      String message = e.getMessage() == null ? "" : e.getMessage();
      if (message.contains("aliases")) {
        throw PolicyFileException.of(
            Position.of(file),
            file
                + " uses more than "
                + MAX_COLLECTION_ALIASES
                + " aliases (*name) of lists or maps; refused, as that is how YAML 'billion laughs'"
                + " attacks exhaust memory",
            "write the values out, or use fewer anchors");
      }
      throw PolicyFileException.of(
          Position.of(file), file + " is not valid YAML: " + message, "correct the YAML syntax");
    }
  }

  private static PolicyFileException syntax(String file, MarkedYamlEngineException e) {
    Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
    Position where =
        mark == null
            ? Position.of(file)
            : new Position(file, mark.getLine() + 1, mark.getColumn() + 1);
    String problem = e.getProblem() == null ? "" : e.getProblem();
    if (problem.contains("\\t(TAB)") || problem.contains("\t")) {
      return PolicyFileException.of(
          where,
          file + " uses a tab for indentation; YAML allows only spaces there",
          "replace the tab at that place with spaces");
    }
    if (problem.contains("but found another document")
        || String.valueOf(e.getContext()).contains("expected a single document")) {
      return PolicyFileException.of(
          where,
          file + " holds more than one YAML document (a second '---')",
          "keep one document: a policy is one map");
    }
    String context = e.getContext() == null ? "" : e.getContext() + ": ";
    return PolicyFileException.of(
        where,
        file + " is not valid YAML: " + context + problem,
        "correct the YAML syntax at that place (quote values that contain ': ' or start with a"
            + " special character)");
  }

  /** The position of a node, 1-based. */
  static Position position(String file, Node node) {
    return node.getStartMark()
        .map(m -> new Position(file, m.getLine() + 1, m.getColumn() + 1))
        .orElse(Position.of(file));
  }

  /**
   * The node as plain values: String, Long, Double, Boolean, {@code null}, List and Map (keys are
   * strings), as rule options and the publish section expect them.
   *
   * @throws PolicyFileException for tags other than YAML's plain ones, recursive structures, and
   *     more than {@link #MAX_VALUES} values
   */
  static Object plain(String file, Node node) {
    return new PolicyYaml(file).toPlain(node, new IdentityHashMap<>());
  }

  private Object toPlain(Node node, IdentityHashMap<Node, Boolean> path) {
    if (++values > MAX_VALUES) {
      throw PolicyFileException.of(
          position(file, node),
          file + " expands to more than " + MAX_VALUES + " values (through aliases)",
          "write the policy without aliases of large lists");
    }
    if (!PLAIN_TAGS.contains(node.getTag())) {
      throw PolicyFileException.of(
          position(file, node),
          "the tag " + node.getTag() + " is not allowed in a policy",
          "remove the tag; policies hold plain strings, numbers, booleans, lists and maps");
    }
    if (path.put(node, Boolean.TRUE) != null) {
      throw PolicyFileException.of(
          position(file, node),
          "an alias refers to a list or map that contains it: the value would be infinite",
          "remove the recursive alias");
    }
    try {
      if (node instanceof ScalarNode scalar) {
        return scalar(scalar);
      }
      if (node instanceof SequenceNode sequence) {
        List<Object> list = new ArrayList<>();
        for (Node item : sequence.getValue()) {
          list.add(toPlain(item, path));
        }
        return list;
      }
      Map<String, Object> map = new LinkedHashMap<>();
      for (NodeTuple tuple : ((MappingNode) node).getValue()) {
        map.put(key(file, tuple.getKeyNode()), toPlain(tuple.getValueNode(), path));
      }
      return map;
    } finally {
      path.remove(node);
    }
  }

  private Object scalar(ScalarNode scalar) {
    String text = scalar.getValue();
    Tag tag = scalar.getTag();
    try {
      if (tag.equals(Tag.NULL)) {
        return null;
      }
      if (tag.equals(Tag.BOOL)) {
        return Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT));
      }
      if (tag.equals(Tag.INT)) {
        return integer(text);
      }
      if (tag.equals(Tag.FLOAT)) {
        return Double.valueOf(text.replace(".inf", "Infinity").replace(".nan", "NaN"));
      }
    } catch (NumberFormatException e) {
      return text;
    }
    return text;
  }

  private static Long integer(String text) {
    String t = text.startsWith("+") ? text.substring(1) : text;
    if (t.startsWith("0x")) {
      return Long.parseLong(t.substring(2), 16);
    }
    if (t.startsWith("0o")) {
      return Long.parseLong(t.substring(2), 8);
    }
    return Long.parseLong(t);
  }

  /** A map key as text; keys that are lists or maps are refused. */
  static String key(String file, Node key) {
    if (key instanceof ScalarNode scalar) {
      return scalar.getValue();
    }
    throw PolicyFileException.of(
        position(file, key), "a map key must be a plain name, not a list or map", "use a name");
  }
}
