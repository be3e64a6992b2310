package io.github.pyrelease.bump;

import io.github.pyrelease.PyreleaseException;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Renders the templates bump-my-version configuration uses, with Python's {@code str.format} rules
 * for what they need: {@code {name}} fields, {@code {{} and {@code }}} for literal braces, and a
 * {@code strftime} format after a colon for the dates {@code now} and {@code utcnow} ({@code
 * {now:%Y-%m-%d}}). An unknown field is an error that lists the known ones.
 */
final class PythonFormat {

  private PythonFormat() {}

  /**
   * @param template the template
   * @param context values: strings, or {@link ZonedDateTime} for dates
   * @param where the template's {@code file:line} or name, for errors
   */
  static String render(String template, Map<String, ?> context, String where) {
    StringBuilder out = new StringBuilder(template.length() + 16);
    int i = 0;
    while (i < template.length()) {
      char c = template.charAt(i);
      if (c == '{' && i + 1 < template.length() && template.charAt(i + 1) == '{') {
        out.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < template.length() && template.charAt(i + 1) == '}') {
        out.append('}');
        i += 2;
      } else if (c == '{') {
        int close = template.indexOf('}', i);
        if (close < 0) {
          throw error("an unclosed '{' in '" + template + "'", where, "write {{ for a literal {");
        }
        out.append(field(template.substring(i + 1, close), template, context, where));
        i = close + 1;
      } else if (c == '}') {
        throw error("a single '}' in '" + template + "'", where, "write }} for a literal }");
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static String field(String field, String template, Map<String, ?> context, String where) {
    int colon = field.indexOf(':');
    String name = colon < 0 ? field : field.substring(0, colon);
    String spec = colon < 0 ? "" : field.substring(colon + 1);
    if (name.contains("!")) {
      throw error(
          "conversions such as '{" + field + "}' are not supported in '" + template + "'",
          where,
          "use {" + name.substring(0, name.indexOf('!')) + "}");
    }
    Object value = context.get(name);
    if (value == null) {
      throw error(
          "unknown field {" + name + "} in '" + template + "'",
          where,
          "use one of " + String.join(", ", new TreeSet<>(context.keySet())));
    }
    if (value instanceof ZonedDateTime date) {
      return spec.isEmpty()
          ? date.toLocalDateTime().toString().replace('T', ' ')
          : strftime(date, spec, where);
    }
    String text = value.toString();
    if (spec.isEmpty()) {
      return text;
    }
    return integerSpec(text, spec, template, where);
  }

  /** Zero padding and width for numbers ({@code {patch:02}}), as Python formats an int. */
  private static String integerSpec(String text, String spec, String template, String where) {
    String digits = spec.endsWith("d") ? spec.substring(0, spec.length() - 1) : spec;
    if (!digits.matches("0?\\d+") || !text.matches("\\d+")) {
      throw error(
          "the format '" + spec + "' in '" + template + "' is not supported",
          where,
          "use a width such as {patch:02}, or no format");
    }
    int width = Integer.parseInt(digits);
    char pad = digits.startsWith("0") ? '0' : ' ';
    return String.valueOf(pad).repeat(Math.max(0, width - text.length())) + text;
  }

  private static String strftime(ZonedDateTime date, String spec, String where) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < spec.length(); i++) {
      char c = spec.charAt(i);
      if (c != '%' || i + 1 == spec.length()) {
        out.append(c);
        continue;
      }
      char code = spec.charAt(++i);
      switch (code) {
        case 'Y' -> out.append(String.format(Locale.ROOT, "%04d", date.getYear()));
        case 'y' -> out.append(String.format(Locale.ROOT, "%02d", date.getYear() % 100));
        case 'm' -> out.append(String.format(Locale.ROOT, "%02d", date.getMonthValue()));
        case 'd' -> out.append(String.format(Locale.ROOT, "%02d", date.getDayOfMonth()));
        case 'H' -> out.append(String.format(Locale.ROOT, "%02d", date.getHour()));
        case 'M' -> out.append(String.format(Locale.ROOT, "%02d", date.getMinute()));
        case 'S' -> out.append(String.format(Locale.ROOT, "%02d", date.getSecond()));
        case 'j' -> out.append(String.format(Locale.ROOT, "%03d", date.getDayOfYear()));
        case 'B' -> out.append(date.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT));
        case 'b' -> out.append(date.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT));
        case '%' -> out.append('%');
        default ->
            throw error(
                "the date format %" + code + " is not supported",
                where,
                "use %Y, %y, %m, %d, %H, %M, %S, %j, %B or %b");
      }
    }
    return out.toString();
  }

  private static PyreleaseException error(String what, String where, String fix) {
    return new PyreleaseException(what, where, fix);
  }
}
