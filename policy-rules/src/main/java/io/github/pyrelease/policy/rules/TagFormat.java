package io.github.pyrelease.policy.rules;

import io.github.pyrelease.index.ProjectNames;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.version.Version;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How release tags are named: a template with {@code {version}} (the normalised PEP 440 version)
 * and optionally {@code {name}} (the project's normalised name, for repositories holding several
 * packages), such as {@code v{version}} or {@code {name}-{version}}.
 */
final class TagFormat {

  static final String DEFAULT = "v{version}";
  private static final String VERSION = "{version}";
  private static final String NAME = "{name}";

  private final String template;

  TagFormat(String template) {
    this.template = template;
  }

  /** The option, under {@code optionName}, that sets the format. */
  static RuleOption<String> option(String optionName) {
    return RuleOption.string(
        optionName,
        DEFAULT,
        "how release tags are named: {version} is the PEP 440 version, {name} the project name",
        TagFormat::problem);
  }

  /** What is wrong with {@code template}, or {@code null}. */
  static String problem(String template) {
    if (!template.contains(VERSION)) {
      return "a tag format needs the placeholder {version}, such as v{version}";
    }
    String rest = template.replace(VERSION, "").replace(NAME, "");
    if (rest.contains("{") || rest.contains("}")) {
      return "a tag format knows only the placeholders {version} and {name}";
    }
    return null;
  }

  /** The tag of {@code version}. */
  String tagOf(Version version, String projectName) {
    return template.replace(VERSION, version.toString()).replace(NAME, name(projectName));
  }

  /** The version a tag names, if it follows this format and holds a PEP 440 version. */
  Optional<Version> versionOf(String tag, String projectName) {
    StringBuilder regex = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      if (template.startsWith(VERSION, i)) {
        regex.append("(?<version>.+)");
        i += VERSION.length();
      } else if (template.startsWith(NAME, i)) {
        regex.append(Pattern.quote(name(projectName)));
        i += NAME.length();
      } else {
        regex.append(Pattern.quote(String.valueOf(template.charAt(i))));
        i++;
      }
    }
    Matcher m = Pattern.compile(regex.toString()).matcher(tag);
    return m.matches() ? Version.tryParse(m.group("version")) : Optional.empty();
  }

  private static String name(String projectName) {
    return projectName == null ? "" : ProjectNames.normalize(projectName);
  }

  @Override
  public String toString() {
    return template;
  }
}
