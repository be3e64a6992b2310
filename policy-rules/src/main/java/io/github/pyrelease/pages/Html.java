package io.github.pyrelease.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** HTML escaping for the pages written, and a reader of the anchors of pages written earlier. */
final class Html {

  /** An anchor element: its attributes (names lower-cased, values unescaped) and its text. */
  record Anchor(Map<String, String> attributes, String text) {
    /** The attribute's value: "" when it has none, {@code null} when it is absent. */
    String attribute(String name) {
      return attributes.get(name);
    }
  }

  // Quoted attribute values may hold '>' (they should not, but a hand-edited page may).
  private static final Pattern ANCHOR =
      Pattern.compile(
          "<a\\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>(.*?)</a\\s*>",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern ATTRIBUTE =
      Pattern.compile("([^\\s\"'>/=]+)(?:\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s\"'>]+)))?");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ENTITY =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);");
  private static final Map<String, String> NAMED =
      Map.of("amp", "&", "lt", "<", "gt", ">", "quot", "\"", "apos", "'", "nbsp", "\u00a0");

  private Html() {}

  /** Escapes text for an element's content or a double- or single-quoted attribute value. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Decodes character references: the named ones escape() writes, and numeric ones. */
  static String unescape(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    Matcher m = ENTITY.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String entity = m.group(1);
      String replacement;
      if (entity.startsWith("#x") || entity.startsWith("#X")) {
        replacement = codePoint(Integer.parseInt(entity.substring(2), 16), m.group());
      } else if (entity.startsWith("#")) {
        replacement = codePoint(Integer.parseInt(entity.substring(1)), m.group());
      } else {
        replacement = NAMED.getOrDefault(entity.toLowerCase(Locale.ROOT), m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String codePoint(int value, String original) {
    return Character.isValidCodePoint(value) ? Character.toString(value) : original;
  }

  /** The anchors of {@code page}, in order. */
  static List<Anchor> anchors(String page) {
    List<Anchor> anchors = new ArrayList<>();
    Matcher anchor = ANCHOR.matcher(page);
    while (anchor.find()) {
      Map<String, String> attributes = new LinkedHashMap<>();
      Matcher a = ATTRIBUTE.matcher(anchor.group(1));
      while (a.find()) {
        String value =
            a.group(2) != null ? a.group(2) : a.group(3) != null ? a.group(3) : a.group(4);
        attributes.putIfAbsent(
            a.group(1).toLowerCase(Locale.ROOT), value == null ? "" : unescape(value));
      }
      String text = unescape(TAG.matcher(anchor.group(2)).replaceAll("")).strip();
      anchors.add(new Anchor(attributes, text));
    }
    return anchors;
  }
}
