package io.github.pyrelease.secrets;

import io.github.pyrelease.text.Suggestions;
import io.github.pyrelease.text.TomlText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;
import org.tomlj.TomlPosition;
import org.tomlj.TomlTable;

/**
 * The secret rules in force, in gitleaks' configuration format: the built-in set shipped in the
 * jar, a project's {@code .gitleaks.toml} (which replaces it, or adds to it with {@code [extend]
 * useDefault = true} or {@code path = ...}), and rules the policy adds, overrides or disables by
 * id. An immutable value: each layer makes a new one.
 */
public final class SecretConfig {

  /** The built-in rule set's resource. */
  static final String BUILT_IN = "io/github/pyrelease/secrets/default-rules.toml";

  private static final int MAX_EXTEND_DEPTH = 2;
  private static final Set<String> TOP_KEYS =
      Set.of("title", "minVersion", "extend", "rules", "allowlist", "allowlists", "description");
  private static final Set<String> EXTEND_KEYS = Set.of("useDefault", "path", "disabledRules");
  private static final Set<String> RULE_KEYS =
      Set.of(
          "id",
          "description",
          "regex",
          "secretGroup",
          "entropy",
          "path",
          "keywords",
          "tags",
          "allowlist",
          "allowlists");
  private static final Set<String> ALLOWLIST_KEYS =
      Set.of(
          "description",
          "condition",
          "commits",
          "paths",
          "regexTarget",
          "regexes",
          "stopwords",
          "targetRules");

  private final Map<String, RuleSpec> rules;
  private final List<Allowlist> allowlists;

  private SecretConfig(Map<String, RuleSpec> rules, List<Allowlist> allowlists) {
    this.rules = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rules));
    this.allowlists = List.copyOf(allowlists);
  }

  private static final class BuiltIn {
    static final SecretConfig CONFIG = loadBuiltIn();
  }

  /** The rule set shipped in the jar. */
  public static SecretConfig builtIn() {
    return BuiltIn.CONFIG;
  }

  private static SecretConfig loadBuiltIn() {
    try (InputStream in = SecretConfig.class.getClassLoader().getResourceAsStream(BUILT_IN)) {
      if (in == null) {
        throw new IllegalStateException(BUILT_IN + " is missing from the jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUILT_IN, null, 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + BUILT_IN, e);
    }
  }

  /**
   * Reads a gitleaks configuration file, with what it extends.
   *
   * @param display how messages name the file
   * @throws SecretConfigException when it is not valid, naming the file, line and rule
   */
  public static SecretConfig read(Path file, String display) {
    return read(file, display, 0);
  }

  private static SecretConfig read(Path file, String display, int depth) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SecretConfigException(
          "the secret rules file " + display + " does not exist",
          display,
          "create it, or point the option at an existing gitleaks configuration");
    } catch (IOException e) {
      throw new SecretConfigException(
          "cannot read the secret rules file " + display + ": " + e.getMessage(),
          display,
          "check that the file is readable and UTF-8");
    }
    return parse(text, display, file.toAbsolutePath().getParent(), depth);
  }

  /** Parses gitleaks TOML; {@code dir} resolves {@code [extend] path} ({@code null}: refused). */
  static SecretConfig parse(String text, String file, Path dir, int depth) {
    TomlText.Parsed parsed = TomlText.parse(text);
    if (!parsed.valid()) {
      throw new SecretConfigException(
          file + " is not valid TOML: " + parsed.error(),
          parsed.where(file),
          "correct the TOML syntax at that line (https://toml.io/en/v1.0.0)");
    }
    TomlParseResult toml = parsed.toml();
    unknownKeys(toml, TOP_KEYS, file, "the top level");
    SecretConfig base = new SecretConfig(Map.of(), List.of());
    TomlTable extend = toml.getTable("extend");
    if (extend != null) {
      unknownKeys(extend, EXTEND_KEYS, file, "[extend]");
      String path = extend.getString("path");
      if (Boolean.TRUE.equals(extend.getBoolean("useDefault"))) {
        base = builtIn();
      } else if (path != null) {
        if (depth >= MAX_EXTEND_DEPTH || dir == null) {
          throw new SecretConfigException(
              file
                  + " extends "
                  + path
                  + ", deeper than the "
                  + MAX_EXTEND_DEPTH
                  + " levels allowed",
              at(file, extend.inputPositionOf("path")),
              "merge the configurations into fewer files");
        }
        base = read(dir.resolve(path), path, depth + 1);
      }
      TomlArray disabled = extend.getArray("disabledRules");
      if (disabled != null) {
        base = base.without(strings(disabled.toList(), file, "disabledRules"));
      }
    }
    Map<String, RuleSpec> layer = new LinkedHashMap<>();
    TomlArray rules = toml.getArray("rules");
    if (rules != null) {
      for (int i = 0; i < rules.size(); i++) {
        TomlTable rule = rules.getTable(i);
        TomlPosition position = rule.inputPositionOf("id");
        String where = position != null ? at(file, position) : file;
        unknownKeys(rule, RULE_KEYS, file, "[[rules]]");
        RuleSpec spec = rule(rule.toMap(), where, file.equals(BUILT_IN));
        if (layer.put(spec.id(), spec) != null) {
          throw new SecretConfigException(
              "two secret rules in " + file + " have the id '" + spec.id() + "'",
              where,
              "give each rule its own id");
        }
      }
    }
    List<Allowlist> global = new ArrayList<>();
    Object single = toml.toMap().get("allowlist");
    if (single != null) {
      global.add(allowlist(single, file + " [allowlist]"));
    }
    TomlArray many = toml.getArray("allowlists");
    if (many != null) {
      for (int i = 0; i < many.size(); i++) {
        global.add(allowlist(many.getTable(i).toMap(), file + " [[allowlists]]"));
      }
    }
    SecretConfig result = base.with(layer.values(), global);
    result.compile(); // every mistake shows where the file is read
    return result;
  }

  /**
   * This configuration with rules in gitleaks' form (maps with {@code id}, {@code regex}, ...)
   * added, or merged over the rules of the same id, as a policy states them.
   *
   * @param where how messages name the place the rules come from
   */
  public SecretConfig extendedWith(List<Map<String, Object>> extra, String where) {
    List<RuleSpec> specs = new ArrayList<>();
    for (int i = 0; i < extra.size(); i++) {
      Map<String, Object> raw = extra.get(i);
      for (String key : raw.keySet()) {
        if (!RULE_KEYS.contains(key)) {
          throw unknownKey(key, RULE_KEYS, where + " item " + (i + 1), "a rule");
        }
      }
      specs.add(rule(raw, where + " item " + (i + 1), false));
    }
    SecretConfig result = with(specs, List.of());
    result.compile();
    return result;
  }

  /** This configuration without the rules {@code ids} (ids it does not hold are ignored). */
  public SecretConfig without(Collection<String> ids) {
    Map<String, RuleSpec> kept = new LinkedHashMap<>(rules);
    ids.forEach(kept::remove);
    return new SecretConfig(kept, allowlists);
  }

  /**
   * This configuration with {@code layer} over it. New rules come first: one secret makes one
   * finding, of the first rule that matches it, and a team's own rule is more specific than the
   * generic ones; a rule that overrides keeps its place.
   */
  private SecretConfig with(Collection<RuleSpec> layer, List<Allowlist> global) {
    Map<String, RuleSpec> merged = new LinkedHashMap<>();
    for (RuleSpec spec : layer) {
      if (!rules.containsKey(spec.id())) {
        merged.put(spec.id(), spec);
      }
    }
    for (RuleSpec base : rules.values()) {
      RuleSpec over = layer.stream().filter(s -> s.id().equals(base.id())).findFirst().orElse(null);
      merged.put(base.id(), over == null ? base : over.over(base));
    }
    List<Allowlist> lists = new ArrayList<>(allowlists);
    lists.addAll(global);
    return new SecretConfig(merged, lists);
  }

  /** The rule ids, in order. */
  public List<String> ruleIds() {
    return List.copyOf(rules.keySet());
  }

  /**
   * The rules compiled for scanning.
   *
   * @throws SecretConfigException naming the rule whose pattern cannot be used
   */
  public RuleSet compile() {
    return new RuleSet(rules.values().stream().map(RuleSpec::compile).toList(), allowlists);
  }

  private static RuleSpec rule(Map<String, Object> raw, String where, boolean vetted) {
    Object id = raw.get("id");
    if (!(id instanceof String text) || text.isBlank()) {
      throw new SecretConfigException(
          "a secret rule has no id", where, "give every [[rules]] table an id = \"...\"");
    }
    List<Allowlist> lists = new ArrayList<>();
    if (raw.get("allowlist") != null) {
      lists.add(allowlist(raw.get("allowlist"), where + " rule '" + text + "' allowlist"));
    }
    if (raw.get("allowlists") != null) {
      for (Object item : list(raw.get("allowlists"), where, "allowlists")) {
        lists.add(allowlist(item, where + " rule '" + text + "' allowlists"));
      }
    }
    List<String> keywords =
        raw.containsKey("keywords")
            ? strings(raw.get("keywords"), where, "keywords").stream()
                .map(k -> k.toLowerCase(Locale.ROOT))
                .toList()
            : List.of();
    return new RuleSpec(
        text,
        string(raw, "description", where),
        string(raw, "regex", where),
        raw.containsKey("secretGroup")
            ? (int) number(raw.get("secretGroup"), where, "secretGroup")
            : null,
        raw.containsKey("entropy") ? number(raw.get("entropy"), where, "entropy") : null,
        string(raw, "path", where),
        keywords,
        lists,
        where,
        vetted);
  }

  @SuppressWarnings("unchecked")
  private static Allowlist allowlist(Object raw, String where) {
    Map<String, Object> map;
    if (raw instanceof TomlTable table) {
      map = table.toMap();
    } else if (raw instanceof Map<?, ?> m) {
      map = (Map<String, Object>) m;
    } else {
      throw new SecretConfigException(
          "an allowlist is not a table",
          where,
          "write it as [[allowlists]] with paths, regexes or stopwords");
    }
    for (String key : map.keySet()) {
      if (!ALLOWLIST_KEYS.contains(key)) {
        throw unknownKey(key, ALLOWLIST_KEYS, where, "an allowlist");
      }
    }
    String condition = map.containsKey("condition") ? string(map, "condition", where) : "OR";
    if (!condition.equalsIgnoreCase("OR") && !condition.equalsIgnoreCase("AND")) {
      throw new SecretConfigException(
          "an allowlist has condition = \"" + condition + "\"", where, "write \"OR\" or \"AND\"");
    }
    String target = map.containsKey("regexTarget") ? string(map, "regexTarget", where) : "secret";
    Allowlist.Target regexTarget =
        switch (target.toLowerCase(Locale.ROOT)) {
          case "secret" -> Allowlist.Target.SECRET;
          case "match" -> Allowlist.Target.MATCH;
          case "line" -> Allowlist.Target.LINE;
          default ->
              throw new SecretConfigException(
                  "an allowlist has regexTarget = \"" + target + "\"",
                  where,
                  "write \"secret\", \"match\" or \"line\"");
        };
    return new Allowlist(
        map.containsKey("description") ? string(map, "description", where) : "",
        condition.equalsIgnoreCase("AND"),
        patterns(map.get("paths"), where, "paths"),
        patterns(map.get("regexes"), where, "regexes"),
        regexTarget,
        map.containsKey("stopwords")
            ? strings(map.get("stopwords"), where, "stopwords")
            : List.of(),
        Set.copyOf(
            map.containsKey("commits") ? strings(map.get("commits"), where, "commits") : List.of()),
        Set.copyOf(
            map.containsKey("targetRules")
                ? strings(map.get("targetRules"), where, "targetRules")
                : List.of()));
  }

  private static List<java.util.regex.Pattern> patterns(Object raw, String where, String key) {
    if (raw == null) {
      return List.of();
    }
    List<java.util.regex.Pattern> patterns = new ArrayList<>();
    for (String text : strings(raw, where, key)) {
      try {
        patterns.add(Re2Syntax.compile(text));
      } catch (Re2Syntax.Re2Exception e) {
        throw new SecretConfigException(
            "an allowlist's " + key + " entry '" + text + "' " + e.getMessage(),
            where,
            "write it in Go's RE2 syntax, which gitleaks uses and pyrelease accepts");
      }
    }
    return patterns;
  }

  private static String string(Map<String, Object> raw, String key, String where) {
    Object value = raw.get(key);
    if (value == null) {
      return null;
    }
    if (value instanceof String s) {
      return s;
    }
    throw new SecretConfigException(
        key + " must be a string, not " + value, where, "quote it: " + key + " = '''...'''");
  }

  private static double number(Object value, String where, String key) {
    if (value instanceof Number n) {
      return n.doubleValue();
    }
    throw new SecretConfigException(
        key + " must be a number, not '" + value + "'", where, "write " + key + " = 3.5");
  }

  private static List<?> list(Object raw, String where, String key) {
    if (raw instanceof TomlArray array) {
      return array.toList();
    }
    if (raw instanceof List<?> l) {
      return l;
    }
    throw new SecretConfigException(
        key + " must be a list", where, "write " + key + " = [\"...\"]");
  }

  private static List<String> strings(Object raw, String where, String key) {
    List<String> strings = new ArrayList<>();
    for (Object item : list(raw, where, key)) {
      if (!(item instanceof String s)) {
        throw new SecretConfigException(
            key + " must be a list of strings, but holds " + item, where, "quote every item");
      }
      strings.add(s);
    }
    return strings;
  }

  private static void unknownKeys(TomlTable table, Set<String> known, String file, String what) {
    for (String key : table.keySet()) {
      if (!known.contains(key)) {
        TomlPosition position = table.inputPositionOf(key);
        throw unknownKey(key, known, position != null ? at(file, position) : file, what);
      }
    }
  }

  private static SecretConfigException unknownKey(
      String key, Set<String> known, String where, String what) {
    List<String> names = known.stream().sorted().toList();
    String fix =
        key.equals("required")
            ? "composite rules ([[rules.required]]) are not supported; remove the table (the"
                + " primary rule then reports on its own)"
            : "use one of " + String.join(", ", names);
    return new SecretConfigException(
        "unknown key '" + key + "' in " + what + Suggestions.didYouMean(key, names), where, fix);
  }

  private static String at(String file, TomlPosition position) {
    return position == null ? file : file + ":" + position.line();
  }
}
