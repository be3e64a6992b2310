package io.github.pyrelease.bump;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.project.BumpversionSettings;
import io.github.pyrelease.text.PythonRegex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;

/**
 * bump-my-version's {@code parse} and {@code serialize}: a version string is split into named parts
 * by the {@code parse} regular expression (Python syntax, always verbose, searched, not matched
 * whole), and parts are joined back by the {@code serialize} format that bump-my-version's
 * serializer picks: among the formats whose fields are all known, one that holds every
 * <em>required</em> part (a part whose value is not its optional value), the one with the fewest
 * fields, the first of equals. A part's optional value is its {@code optional_value}, else its
 * first {@code values} entry, else its {@code first_value}, else {@code 0}; a group that did not
 * take part in the match holds the optional value.
 */
final class BumpversionScheme {

  static final String DEFAULT_PARSE = "(?P<major>\\d+)\\.(?P<minor>\\d+)\\.(?P<patch>\\d+)";
  static final List<String> DEFAULT_SERIALIZE = List.of("{major}.{minor}.{patch}");

  private final PythonRegex parse;
  private final String parseText;
  private final List<String> serialize;
  private final Map<String, BumpversionSettings.Part> parts;
  private final String where;

  BumpversionScheme(
      String parse,
      List<String> serialize,
      Map<String, BumpversionSettings.Part> parts,
      String where) {
    this.parseText = parse == null ? DEFAULT_PARSE : parse;
    this.serialize = serialize == null || serialize.isEmpty() ? DEFAULT_SERIALIZE : serialize;
    this.parts = parts;
    this.where = where;
    try {
      this.parse = PythonRegex.compile(parseText, false, false, true);
    } catch (PatternSyntaxException e) {
      throw new PyreleaseException(
          "the bumpversion parse expression '"
              + parseText
              + "' is not valid: "
              + e.getDescription(),
          where,
          "correct parse (Python regular expression syntax)");
    }
  }

  /** The parts of {@code version} in group order, or empty when the expression does not match. */
  Map<String, String> parse(String version) {
    Matcher matcher = parse.matcher(version);
    Map<String, String> values = new LinkedHashMap<>();
    if (!matcher.find()) {
      return values;
    }
    for (String name : groupOrder()) {
      String value = matcher.group(parse.group(name));
      values.put(name, value == null || value.isEmpty() ? optionalValue(name) : value);
    }
    return values;
  }

  /** Parses, or fails saying that {@code parse} does not match. */
  Map<String, String> parseOrFail(String version, String what) {
    Map<String, String> values = parse(version);
    if (values.isEmpty()) {
      throw new PyreleaseException(
          "the bumpversion parse expression '"
              + parseText
              + "' does not match "
              + what
              + " '"
              + version
              + "'",
          where,
          "change parse so that it matches the version (bump-my-version would fail the same way)");
    }
    return values;
  }

  /** The version text for {@code values}, with {@code context} for other fields. */
  String serialize(Map<String, String> values, Map<String, ?> context) {
    Set<String> required = new LinkedHashSet<>();
    values.forEach(
        (name, value) -> {
          if (!value.equals(optionalValue(name))) {
            required.add(name);
          }
        });
    String best = null;
    boolean bestHasRequired = false;
    int bestFields = Integer.MAX_VALUE;
    for (String format : serialize) {
      Set<String> fields = fields(format);
      boolean renderable = true;
      for (String field : fields) {
        renderable &= values.containsKey(field) || context.containsKey(field);
      }
      if (!renderable) {
        continue;
      }
      boolean hasRequired = fields.containsAll(required);
      if (best == null
          || (hasRequired && !bestHasRequired)
          || (hasRequired == bestHasRequired && fields.size() < bestFields)) {
        best = format;
        bestHasRequired = hasRequired;
        bestFields = fields.size();
      }
    }
    if (best == null) {
      throw new PyreleaseException(
          "no bumpversion serialize format can be filled from the parts " + values.keySet(),
          where,
          "make every field of at least one serialize format a group of parse");
    }
    Map<String, Object> all = new HashMap<>(context);
    all.putAll(values);
    return PythonFormat.render(best, all, where);
  }

  private String optionalValue(String name) {
    BumpversionSettings.Part part = parts.get(name);
    if (part == null) {
      return "0";
    }
    if (part.optionalValue() != null) {
      return part.optionalValue();
    }
    if (!part.values().isEmpty()) {
      return part.values().get(0);
    }
    return part.firstValue() != null ? part.firstValue() : "0";
  }

  /** Named groups in the order they open in the expression. */
  private List<String> groupOrder() {
    List<String> order = new ArrayList<>();
    Matcher group = java.util.regex.Pattern.compile("\\(\\?P<([^>]+)>").matcher(parseText);
    while (group.find()) {
      if (parse.hasGroup(group.group(1)) && !order.contains(group.group(1))) {
        order.add(group.group(1));
      }
    }
    return order;
  }

  /** The field names of a format, without format specs. */
  static Set<String> fields(String format) {
    Set<String> fields = new LinkedHashSet<>();
    Matcher field =
        java.util.regex.Pattern.compile("\\{\\{|}}|\\{([^{}:!]*)[^{}]*}").matcher(format);
    while (field.find()) {
      if (field.group(1) != null && !field.group(1).isEmpty()) {
        fields.add(field.group(1));
      }
    }
    return fields;
  }
}
