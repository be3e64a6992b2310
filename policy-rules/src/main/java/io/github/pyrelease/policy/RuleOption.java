package io.github.pyrelease.policy;

import io.github.pyrelease.text.Glob;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One typed option of a rule, with its default and a line of documentation. Values arrive from
 * policy files as plain YAML values (strings, numbers, booleans, lists) and are converted here, so
 * a wrong type is reported once, where the policy is read.
 *
 * @param <T> the option's Java type
 */
public final class RuleOption<T> {

  private final String name;
  private final String typeName;
  private final T defaultValue;
  private final String description;
  private final Function<Object, T> converter;

  private RuleOption(
      String name,
      String typeName,
      T defaultValue,
      String description,
      Function<Object, T> converter) {
    this.name = Objects.requireNonNull(name, "name");
    this.typeName = typeName;
    this.defaultValue = defaultValue;
    this.description = Objects.requireNonNull(description, "description");
    this.converter = converter;
  }

  /** A string option; {@code defaultValue} may be {@code null} (meaning "not set"). */
  public static RuleOption<String> string(String name, String defaultValue, String description) {
    return new RuleOption<>(name, "string", defaultValue, description, RuleOption::asString);
  }

  /**
   * A string option whose value {@code problem} checks: it returns what is wrong with a value, or
   * {@code null} when the value is fine. The default must be fine.
   */
  public static RuleOption<String> string(
      String name, String defaultValue, String description, Function<String, String> problem) {
    return new RuleOption<>(
        name,
        "string",
        defaultValue,
        description,
        raw -> {
          String text = asString(raw);
          String wrong = problem.apply(text);
          if (wrong != null) {
            throw new IllegalArgumentException(wrong);
          }
          return text;
        });
  }

  public static RuleOption<Boolean> bool(String name, boolean defaultValue, String description) {
    return new RuleOption<>(
        name,
        "boolean",
        defaultValue,
        description,
        raw -> {
          if (raw instanceof Boolean b) {
            return b;
          }
          throw new IllegalArgumentException("expected true or false, got " + describe(raw));
        });
  }

  public static RuleOption<Long> integer(String name, long defaultValue, String description) {
    return new RuleOption<>(
        name,
        "integer",
        defaultValue,
        description,
        raw -> {
          if (raw instanceof Integer || raw instanceof Long) {
            return ((Number) raw).longValue();
          }
          throw new IllegalArgumentException("expected a whole number, got " + describe(raw));
        });
  }

  /** A list of strings; a single string is taken as a list of one. */
  public static RuleOption<List<String>> strings(
      String name, List<String> defaultValue, String description) {
    return new RuleOption<>(
        name, "list of strings", List.copyOf(defaultValue), description, RuleOption::asStrings);
  }

  /**
   * A list of strings each of which {@code problem} checks: it returns what is wrong with an item,
   * or {@code null} when the item is fine.
   */
  public static RuleOption<List<String>> strings(
      String name,
      List<String> defaultValue,
      String description,
      Function<String, String> problem) {
    return new RuleOption<>(
        name,
        "list of strings",
        List.copyOf(defaultValue),
        description,
        raw -> {
          List<String> items = asStrings(raw);
          for (String item : items) {
            String wrong = problem.apply(item);
            if (wrong != null) {
              throw new IllegalArgumentException(wrong);
            }
          }
          return items;
        });
  }

  /**
   * A list of tables (maps with string keys), such as rules written out in a policy; a single map
   * is taken as a list of one. Only the shape is checked here: what the keys mean is the rule's.
   */
  public static RuleOption<List<java.util.Map<String, Object>>> tables(
      String name, String description) {
    return new RuleOption<>(
        name,
        "list of maps",
        List.of(),
        description,
        raw -> {
          List<?> items = raw instanceof java.util.Map<?, ?> ? List.of(raw) : null;
          if (items == null && raw instanceof List<?> list) {
            items = list;
          }
          if (items == null) {
            throw new IllegalArgumentException("expected a list of maps, got " + describe(raw));
          }
          List<java.util.Map<String, Object>> tables = new ArrayList<>();
          for (Object item : items) {
            if (!(item instanceof java.util.Map<?, ?> map)) {
              throw new IllegalArgumentException(
                  "expected a list of maps, but an item is " + describe(item));
            }
            java.util.Map<String, Object> table = new java.util.LinkedHashMap<>();
            for (java.util.Map.Entry<?, ?> entry : map.entrySet()) {
              if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException(
                    "expected maps with string keys, but a key is " + describe(entry.getKey()));
              }
              table.put(key, entry.getValue());
            }
            tables.add(java.util.Collections.unmodifiableMap(table));
          }
          return List.copyOf(tables);
        });
  }

  /** A list of globs ({@code *}, {@code **}, {@code ?}, {@code [..]}, {@code {a,b}}). */
  public static RuleOption<List<Glob>> globs(
      String name, List<String> defaultValue, String description) {
    return new RuleOption<>(
        name,
        "list of globs",
        defaultValue.stream().map(Glob::compile).toList(),
        description,
        raw -> asStrings(raw).stream().map(Glob::compile).toList());
  }

  /**
   * A list of small tables of strings, such as {@code [{ package: foo, license: MIT, reason: ...
   * }]}: every table has the {@code required} keys and may have the {@code optional} ones; {@code
   * problem} says what is wrong with a table, or returns {@code null}.
   */
  public static RuleOption<List<Map<String, String>>> tables(
      String name,
      List<String> required,
      List<String> optional,
      String description,
      Function<Map<String, String>, String> problem) {
    return new RuleOption<>(
        name,
        "list of {"
            + String.join(", ", required)
            + (optional.isEmpty() ? "" : ", [" + String.join(", ", optional) + "]")
            + "}",
        List.of(),
        description,
        raw -> {
          if (!(raw instanceof List<?> list)) {
            throw new IllegalArgumentException("expected a list of tables, got " + describe(raw));
          }
          List<Map<String, String>> tables = new ArrayList<>();
          for (Object item : list) {
            if (!(item instanceof Map<?, ?> map)) {
              throw new IllegalArgumentException(
                  "expected a list of tables, but an item is " + describe(item));
            }
            Map<String, String> table = new LinkedHashMap<>();
            for (var entry : map.entrySet()) {
              String key = String.valueOf(entry.getKey());
              if (!required.contains(key) && !optional.contains(key)) {
                throw new IllegalArgumentException(
                    "unknown key '"
                        + key
                        + "'; valid keys: "
                        + String.join(", ", required)
                        + (optional.isEmpty() ? "" : ", " + String.join(", ", optional)));
              }
              if (!(entry.getValue() instanceof String || entry.getValue() instanceof Number)) {
                throw new IllegalArgumentException(
                    "'" + key + "' must be a string, got " + describe(entry.getValue()));
              }
              table.put(key, String.valueOf(entry.getValue()));
            }
            for (String key : required) {
              if (!table.containsKey(key) || table.get(key).isBlank()) {
                throw new IllegalArgumentException("every entry needs '" + key + "'");
              }
            }
            String wrong = problem.apply(table);
            if (wrong != null) {
              throw new IllegalArgumentException(wrong);
            }
            tables.add(Map.copyOf(table));
          }
          return List.copyOf(tables);
        });
  }

  /** A regular expression (Java syntax, which accepts the common Python subset). */
  public static RuleOption<Pattern> regex(String name, String defaultValue, String description) {
    return new RuleOption<>(
        name,
        "regular expression",
        defaultValue == null ? null : Pattern.compile(defaultValue),
        description,
        raw -> {
          String text = asString(raw);
          try {
            return Pattern.compile(text);
          } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(
                "not a valid regular expression: "
                    + e.getDescription()
                    + " at index "
                    + e.getIndex());
          }
        });
  }

  public String name() {
    return name;
  }

  /** The type as documentation shows it, such as "list of globs". */
  public String typeName() {
    return typeName;
  }

  public T defaultValue() {
    return defaultValue;
  }

  public String description() {
    return description;
  }

  /**
   * Converts a value read from a policy file.
   *
   * @throws IllegalArgumentException with a message saying what was expected
   */
  public T convert(Object raw) {
    return converter.apply(raw);
  }

  private static String asString(Object raw) {
    if (raw instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("expected a string, got " + describe(raw));
  }

  private static List<String> asStrings(Object raw) {
    if (raw instanceof String s) {
      return List.of(s);
    }
    if (raw instanceof List<?> list) {
      List<String> strings = new ArrayList<>();
      for (Object item : list) {
        if (!(item instanceof String s)) {
          throw new IllegalArgumentException(
              "expected a list of strings, but an item is " + describe(item));
        }
        strings.add(s);
      }
      return List.copyOf(strings);
    }
    throw new IllegalArgumentException("expected a list of strings, got " + describe(raw));
  }

  static String describe(Object raw) {
    if (raw == null) {
      return "nothing (null)";
    }
    if (raw instanceof String s) {
      return "the string '" + s + "'";
    }
    if (raw instanceof List<?>) {
      return "a list";
    }
    if (raw instanceof java.util.Map<?, ?>) {
      return "a map";
    }
    if (raw instanceof Boolean) {
      return "the boolean " + raw;
    }
    if (raw instanceof Number) {
      return "the number " + raw;
    }
    return "a " + raw.getClass().getSimpleName();
  }
}
