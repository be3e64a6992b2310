package io.github.pyrelease.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A rule as a configuration layer states it, before layers are merged: a field a layer leaves out
 * is {@code null} and keeps what the layer below said (gitleaks' {@code [extend]}).
 *
 * @param where where the rule is written, for messages ({@code .gitleaks.toml:12})
 * @param vetted a built-in rule, whose every match holds one of its keywords
 */
record RuleSpec(
    String id,
    String description,
    String regex,
    Integer secretGroup,
    Double entropy,
    String path,
    List<String> keywords,
    List<Allowlist> allowlists,
    String where,
    boolean vetted) {

  RuleSpec {
    keywords = List.copyOf(keywords);
    allowlists = List.copyOf(allowlists);
  }

  /** This rule over {@code base}: what this one sets wins, keywords and allowlists add up. */
  RuleSpec over(RuleSpec base) {
    List<String> words = new ArrayList<>(base.keywords);
    keywords.stream().filter(k -> !words.contains(k)).forEach(words::add);
    List<Allowlist> lists = new ArrayList<>(base.allowlists);
    lists.addAll(allowlists);
    return new RuleSpec(
        id,
        description != null ? description : base.description,
        regex != null ? regex : base.regex,
        secretGroup != null ? secretGroup : base.secretGroup,
        entropy != null ? entropy : base.entropy,
        path != null ? path : base.path,
        words,
        lists,
        where,
        vetted && regex == null);
  }

  SecretRule compile() {
    if (regex == null && path == null) {
      throw problem(
          "has neither regex nor path", "give it a regex (or a path for a file-name rule)");
    }
    Pattern compiledRegex = regex == null ? null : compile(regex, "regex");
    Pattern compiledPath = path == null ? null : compile(path, "path");
    int group = secretGroup == null ? 0 : secretGroup;
    if (compiledRegex != null && group > compiledRegex.matcher("").groupCount()) {
      throw problem(
          "has secretGroup = "
              + group
              + " but its regex has only "
              + compiledRegex.matcher("").groupCount()
              + " groups",
          "set secretGroup to the number of the group that holds the secret");
    }
    if (group < 0) {
      throw problem("has a negative secretGroup", "set secretGroup to 0 or more");
    }
    return new SecretRule(
        id,
        description == null ? id : description,
        compiledRegex,
        group,
        entropy == null ? 0 : entropy,
        compiledPath,
        keywords,
        allowlists,
        vetted && compiledRegex != null && !spansLines(regex),
        compiledRegex != null && KeywordAnchor.startsAtKeyword(regex, keywords));
  }

  /** Whether a pattern may match across a line break (then it runs on the whole file). */
  private static boolean spansLines(String regex) {
    return regex.contains("(?s")
        || regex.contains("\\s\\S")
        || regex.contains("\\n")
        || regex.contains("\\s*")
        || regex.contains("\\s+")
        || regex.contains("\\s{");
  }

  private Pattern compile(String re2, String field) {
    try {
      return Re2Syntax.compile(re2);
    } catch (Re2Syntax.Re2Exception e) {
      throw problem(
          "has a " + field + " that " + e.getMessage(),
          "write it in Go's RE2 syntax, which gitleaks uses and pyrelease accepts");
    }
  }

  private SecretConfigException problem(String what, String fix) {
    return new SecretConfigException("secret rule '" + id + "' " + what, where, fix);
  }
}
