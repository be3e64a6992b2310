package io.github.pyrelease.policyfile;

import io.github.pyrelease.policy.InvalidOptionException;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Rule;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.RuleRegistry;
import io.github.pyrelease.policy.Waiver;
import io.github.pyrelease.text.Suggestions;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads one policy file into a {@link PolicyLayer}, checking every rule id, level, option and
 * waiver against the rules that exist. Problems are collected, not thrown one at a time, so a user
 * sees every mistake in one run; only a file that is not a YAML map stops at once.
 */
final class PolicyFileParser {

  static final String EXTENDS = "extends";
  static final String RULES = "rules";
  static final String UNAVAILABLE = "unavailable";
  static final String PUBLISH = "publish";
  static final String ENVIRONMENT = "environment";
  static final List<String> TOP_KEYS = List.of(EXTENDS, RULES, UNAVAILABLE, PUBLISH, ENVIRONMENT);

  static final String LEVEL = "level";
  static final String LOCKED = "locked";
  static final String IGNORE = "ignore";

  /** Keys of a rule's map that are not options. */
  static final List<String> RULE_KEYS = List.of(LEVEL, LOCKED, IGNORE);

  static final List<String> WAIVER_KEYS = List.of("id", "until", "reason");

  private final RuleRegistry registry;
  private final Path projectDir;
  private final List<PolicyProblem> problems;
  private String file;

  PolicyFileParser(RuleRegistry registry, Path projectDir, List<PolicyProblem> problems) {
    this.registry = registry;
    this.projectDir = projectDir;
    this.problems = problems;
  }

  /**
   * @param baseDir the directory relative {@code extends} paths start from, or {@code null} when
   *     this policy may not name files (it came from a jar or a URL)
   * @throws PolicyFileException when the file is not a YAML map at all
   */
  PolicyLayer parse(PolicyText text, Path baseDir) {
    file = text.location().display();
    Node root =
        PolicyYaml.compose(text)
            .filter(node -> !isNull(node))
            .orElseThrow(
                () ->
                    PolicyFileException.of(
                        Position.of(file),
                        file + " is empty",
                        "write the policy (at least 'rules:' with one rule, or 'extends:'), or"
                            + " delete the file to use the built-in default policy"));
    if (!(root instanceof MappingNode map)) {
      throw PolicyFileException.of(
          at(root),
          "the top level of "
              + file
              + " must be a map with the keys "
              + String.join(", ", TOP_KEYS)
              + ", but it is "
              + describe(root),
          "start the file with 'rules:' followed by indented 'rule-id: level' lines");
    }
    List<PolicyLayer.Named<PolicyLocation>> extended = new ArrayList<>();
    Map<String, PolicyLayer.RuleEntry> rules = new LinkedHashMap<>();
    PolicyLayer.Named<Level> unavailable = null;
    PublishSection publish = null;
    Map<String, String> environment = new LinkedHashMap<>();
    for (NodeTuple entry : entries(map)) {
      String key = PolicyYaml.key(file, entry.getKeyNode());
      Node value = entry.getValueNode();
      switch (key) {
        case EXTENDS -> extended.addAll(extendsList(value, baseDir));
        case RULES -> rules.putAll(rules(value));
        case UNAVAILABLE -> unavailable = unavailable(value);
        case PUBLISH -> publish = publish(entry.getKeyNode(), value);
        case ENVIRONMENT -> environment.putAll(environment(value));
        default ->
            problem(
                entry.getKeyNode(),
                "unknown key '" + key + "'" + Suggestions.didYouMean(key, TOP_KEYS),
                "the top-level keys are " + String.join(", ", TOP_KEYS));
      }
    }
    return new PolicyLayer(text.location(), extended, rules, unavailable, publish, environment);
  }

  /**
   * The target environment dependency markers are evaluated for: {@code python} (such as "3.12")
   * and any PEP 508 marker variable, each a quoted string.
   */
  private Map<String, String> environment(Node value) {
    Map<String, String> environment = new LinkedHashMap<>();
    if (!(value instanceof MappingNode map)) {
      problem(
          value,
          "'environment' must be a map of marker variables, not " + describe(value),
          "write environment: { python: \"3.12\", sys_platform: linux }");
      return environment;
    }
    List<String> keys = new ArrayList<>(List.of("python"));
    keys.addAll(new java.util.TreeSet<>(io.github.pyrelease.deps.MarkerEnvironment.VARIABLES));
    for (NodeTuple entry : entries(map)) {
      String key = PolicyYaml.key(file, entry.getKeyNode());
      if (!keys.contains(key)) {
        problem(
            entry.getKeyNode(),
            "unknown marker variable '" + key + "'" + Suggestions.didYouMean(key, keys),
            "use one of " + String.join(", ", keys));
        continue;
      }
      Node node = entry.getValueNode();
      if (!(node instanceof ScalarNode scalar) || !scalar.getTag().equals(Tag.STR)) {
        problem(
            node,
            "environment '" + key + "' must be a quoted string, not " + describe(node),
            "quote it, such as " + key + ": \"3.10\" (unquoted, YAML reads 3.10 as 3.1)");
        continue;
      }
      String text = scalar.getValue();
      if (key.equals("python") && !text.matches("\\d+\\.\\d+(\\.\\d+)?")) {
        problem(node, "'" + text + "' is not a Python version", "write python: \"3.12\"");
        continue;
      }
      environment.put(key, text);
    }
    return environment;
  }

  private List<PolicyLayer.Named<PolicyLocation>> extendsList(Node value, Path baseDir) {
    List<Node> items = new ArrayList<>();
    if (value instanceof SequenceNode sequence) {
      items.addAll(sequence.getValue());
    } else if (!isNull(value)) {
      items.add(value);
    }
    List<PolicyLayer.Named<PolicyLocation>> locations = new ArrayList<>();
    for (Node item : items) {
      Optional<String> text = string(item);
      if (text.isEmpty()) {
        problem(
            item,
            "an extends entry must be a string, not " + describe(item),
            "write a path, classpath:<resource> or https://<url>#sha256=<hex>");
        continue;
      }
      try {
        locations.add(
            new PolicyLayer.Named<>(
                PolicyLocation.parse(text.get(), baseDir, projectDir), at(item)));
      } catch (IllegalArgumentException e) {
        problem(item, e.getMessage(), extendsFix(text.get()));
      }
    }
    return locations;
  }

  private static String extendsFix(String text) {
    String lower = text.strip().toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("http")) {
      return "write https://host/path/release-policy.yaml#sha256=<hex>, with the sha256 of the file"
          + " (sha256sum release-policy.yaml)";
    }
    return "write a path, classpath:<resource> or https://<url>#sha256=<hex>";
  }

  private Map<String, PolicyLayer.RuleEntry> rules(Node value) {
    if (isNull(value)) {
      return Map.of();
    }
    if (!(value instanceof MappingNode map)) {
      problem(
          value,
          "'rules' must be a map of rule ids to levels or settings, not " + describe(value),
          "indent 'rule-id: level' lines under 'rules:'");
      return Map.of();
    }
    Map<String, PolicyLayer.RuleEntry> rules = new LinkedHashMap<>();
    for (NodeTuple entry : entries(map)) {
      String id = PolicyYaml.key(file, entry.getKeyNode());
      Optional<Rule> rule = registry.find(id);
      if (rule.isEmpty()) {
        List<String> known = registry.all().stream().map(Rule::id).toList();
        problem(
            entry.getKeyNode(),
            "unknown rule '" + id + "'" + Suggestions.didYouMean(id, known),
            "the rules are " + String.join(", ", known) + " ('pyrelease rules' describes them)");
        continue;
      }
      rules.put(id, rule(rule.get(), entry.getKeyNode(), entry.getValueNode()));
    }
    return rules;
  }

  private PolicyLayer.RuleEntry rule(Rule rule, Node key, Node value) {
    Map<String, Object> options = new LinkedHashMap<>();
    Map<String, Position> optionsAt = new HashMap<>();
    List<Waiver> waivers = new ArrayList<>();
    PolicyLayer.Named<Level> level = null;
    PolicyLayer.Named<Boolean> locked = null;
    if (value instanceof ScalarNode && !isNull(value)) {
      level = level(value, rule.id());
    } else if (value instanceof MappingNode map) {
      for (NodeTuple entry : entries(map)) {
        String name = PolicyYaml.key(file, entry.getKeyNode());
        Node item = entry.getValueNode();
        switch (name) {
          case LEVEL -> level = level(item, rule.id());
          case LOCKED -> locked = locked(item);
          case IGNORE -> waivers.addAll(waivers(item, rule.id()));
          default -> {
            if (option(rule, entry.getKeyNode(), item, options)) {
              optionsAt.put(name, at(item));
            }
          }
        }
      }
    } else {
      problem(
          value,
          "rule '" + rule.id() + "' needs a level or a map, not " + describe(value),
          "write '"
              + rule.id()
              + ": "
              + rule.defaultLevel().id()
              + "' or '"
              + rule.id()
              + ": { level: error, <option>: <value> }'");
    }
    return new PolicyLayer.RuleEntry(
        rule.id(), at(key), level, locked, options, optionsAt, waivers);
  }

  /** Checks one option against the rule's declaration; true when it is valid. */
  private boolean option(Rule rule, Node key, Node value, Map<String, Object> options) {
    String name = PolicyYaml.key(file, key);
    Object raw = PolicyYaml.plain(file, value);
    try {
      RuleOptions.of(rule.id(), rule.options(), Collections.singletonMap(name, raw));
      options.put(name, raw);
      return true;
    } catch (InvalidOptionException e) {
      boolean unknown = rule.options().stream().noneMatch(o -> o.name().equals(name));
      if (unknown) {
        List<String> names = new ArrayList<>(RULE_KEYS);
        rule.options().stream().map(RuleOption::name).forEach(names::add);
        problem(
            key,
            "rule '"
                + rule.id()
                + "' has no option '"
                + name
                + "'"
                + Suggestions.didYouMean(name, names),
            "its keys are " + String.join(", ", names));
      } else {
        problem(value, e.getMessage(), "write a " + typeOf(rule, name));
      }
      return false;
    }
  }

  private static String typeOf(Rule rule, String name) {
    return rule.options().stream()
        .filter(o -> o.name().equals(name))
        .map(RuleOption::typeName)
        .findFirst()
        .orElse("value");
  }

  private PolicyLayer.Named<Level> level(Node value, String ruleId) {
    Optional<Level> level = string(value).flatMap(Level::fromId);
    if (level.isEmpty()) {
      String text = string(value).orElse(null);
      problem(
          value,
          (text == null ? describe(value) : "'" + text + "'")
              + " is not a level for rule '"
              + ruleId
              + "'"
              + (text == null ? "" : Suggestions.didYouMean(text, levelIds())),
          "write one of " + Level.choices());
      return null;
    }
    return new PolicyLayer.Named<>(level.get(), at(value));
  }

  private PolicyLayer.Named<Boolean> locked(Node value) {
    if (value instanceof ScalarNode scalar && scalar.getTag().equals(Tag.BOOL)) {
      return new PolicyLayer.Named<>((Boolean) PolicyYaml.plain(file, value), at(value));
    }
    problem(value, "'locked' must be true or false, not " + describe(value), "write locked: true");
    return null;
  }

  private List<Waiver> waivers(Node value, String ruleId) {
    if (!(value instanceof SequenceNode sequence)) {
      problem(
          value,
          "'ignore' of rule '" + ruleId + "' must be a list of waivers, not " + describe(value),
          "write ignore: [{ id: <finding id>, until: 2027-01-31, reason: \"...\" }]");
      return List.of();
    }
    List<Waiver> waivers = new ArrayList<>();
    Map<String, Position> seen = new HashMap<>();
    for (Node item : sequence.getValue()) {
      waiver(item, ruleId)
          .ifPresent(
              w -> {
                Position first = seen.putIfAbsent(w.id(), at(item));
                if (first != null) {
                  problem(
                      item,
                      "rule '"
                          + ruleId
                          + "' waives '"
                          + w.id()
                          + "' twice (also at line "
                          + first.line()
                          + ")",
                      "keep one waiver per finding");
                } else {
                  waivers.add(w);
                }
              });
    }
    return waivers;
  }

  private Optional<Waiver> waiver(Node item, String ruleId) {
    String fix = "write { id: <finding id>, until: 2027-01-31, reason: \"why it is acceptable\" }";
    if (!(item instanceof MappingNode map)) {
      problem(item, "a waiver of rule '" + ruleId + "' must be a map, not " + describe(item), fix);
      return Optional.empty();
    }
    Map<String, Node> fields = new HashMap<>();
    for (NodeTuple entry : entries(map)) {
      String name = PolicyYaml.key(file, entry.getKeyNode());
      if (WAIVER_KEYS.contains(name)) {
        fields.put(name, entry.getValueNode());
      } else {
        problem(
            entry.getKeyNode(),
            "unknown waiver key '" + name + "'" + Suggestions.didYouMean(name, WAIVER_KEYS),
            "a waiver has the keys " + String.join(", ", WAIVER_KEYS));
      }
    }
    int before = problems.size();
    String id = required(map, fields, "id", "the finding's id, as reports show it");
    String until = required(map, fields, "until", "the last day it holds, such as 2027-01-31");
    String reason = required(map, fields, "reason", "why the finding is acceptable until then");
    LocalDate date = null;
    if (until != null) {
      try {
        date = LocalDate.parse(until);
      } catch (DateTimeParseException e) {
        problem(fields.get("until"), "'" + until + "' is not a date", "write until: 2027-01-31");
      }
    }
    if (problems.size() > before) {
      return Optional.empty();
    }
    return Optional.of(new Waiver(id, date, reason, file, at(item).line()));
  }

  private String required(MappingNode map, Map<String, Node> fields, String name, String what) {
    Node value = fields.get(name);
    if (value == null) {
      problem(map, "a waiver needs '" + name + "': " + what, "add " + name + ": <" + name + ">");
      return null;
    }
    Optional<String> text = string(value).filter(s -> !s.isBlank());
    if (text.isEmpty()) {
      problem(value, "a waiver's '" + name + "' must be text: " + what, "write " + name + ": ...");
      return null;
    }
    return text.get().strip();
  }

  private PolicyLayer.Named<Level> unavailable(Node value) {
    List<String> allowed = List.of("error", "warning", "info");
    Optional<String> text = string(value);
    Optional<Level> level = text.flatMap(Level::fromId).filter(l -> allowed.contains(l.id()));
    if (level.isEmpty()) {
      problem(
          value,
          "'unavailable' is "
              + text.map(t -> "'" + t + "'").orElse(describe(value))
              + text.map(t -> Suggestions.didYouMean(t, allowed)).orElse("")
              + "; it is the level of a finding a rule could not check (offline, server down)",
          "write one of " + String.join(", ", allowed));
      return null;
    }
    return new PolicyLayer.Named<>(level.get(), at(value));
  }

  private PublishSection publish(Node key, Node value) {
    if (!(value instanceof SequenceNode sequence)) {
      problem(
          value,
          "'publish' must be a list of stages (maps), not " + describe(value),
          "write publish: [{ name: pypi, type: index, ... }]");
      return null;
    }
    List<PublishSection.Entry> entries = new ArrayList<>();
    for (Node item : sequence.getValue()) {
      if (!(item instanceof MappingNode map)) {
        problem(
            item, "a publish stage must be a map, not " + describe(item), "write { name: ... }");
        continue;
      }
      Map<String, Object> values = new LinkedHashMap<>();
      Map<String, Position> keysAt = new HashMap<>();
      for (NodeTuple entry : entries(map)) {
        String name = PolicyYaml.key(file, entry.getKeyNode());
        values.put(name, PolicyYaml.plain(file, entry.getValueNode()));
        keysAt.put(name, at(entry.getKeyNode()));
      }
      entries.add(new PublishSection.Entry(values, at(item), keysAt));
    }
    return new PublishSection(entries, at(key));
  }

  /** The map's entries; a key written twice is a problem and its second value is ignored. */
  private List<NodeTuple> entries(MappingNode map) {
    Map<String, Position> seen = new HashMap<>();
    List<NodeTuple> unique = new ArrayList<>();
    for (NodeTuple tuple : map.getValue()) {
      String key = PolicyYaml.key(file, tuple.getKeyNode());
      Position first = seen.putIfAbsent(key, at(tuple.getKeyNode()));
      if (first != null) {
        problem(
            tuple.getKeyNode(),
            "'" + key + "' appears twice in the same map (first at line " + first.line() + ")",
            "keep one '" + key + "'");
      } else {
        unique.add(tuple);
      }
    }
    return unique;
  }

  private static Optional<String> string(Node node) {
    if (node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.STR)) {
      return Optional.of(scalar.getValue());
    }
    return Optional.empty();
  }

  private static boolean isNull(Node node) {
    return node instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL);
  }

  private static List<String> levelIds() {
    return java.util.Arrays.stream(Level.values()).map(Level::id).collect(Collectors.toList());
  }

  private String describe(Node node) {
    if (node instanceof SequenceNode) {
      return "a list";
    }
    if (node instanceof MappingNode) {
      return "a map";
    }
    ScalarNode scalar = (ScalarNode) node;
    if (scalar.getTag().equals(Tag.NULL)) {
      return "nothing";
    }
    if (scalar.getTag().equals(Tag.STR)) {
      return "the string '" + scalar.getValue() + "'";
    }
    if (scalar.getTag().equals(Tag.BOOL)) {
      return "the boolean " + scalar.getValue();
    }
    if (scalar.getTag().equals(Tag.INT) || scalar.getTag().equals(Tag.FLOAT)) {
      return "the number " + scalar.getValue();
    }
    return "'" + scalar.getValue() + "'";
  }

  private Position at(Node node) {
    return PolicyYaml.position(file, node);
  }

  private void problem(Node node, String message, String fix) {
    problems.add(new PolicyProblem(at(node), message, fix));
  }
}
