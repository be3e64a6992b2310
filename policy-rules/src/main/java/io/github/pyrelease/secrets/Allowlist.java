package io.github.pyrelease.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What marks a match as accepted, as a gitleaks {@code [[allowlists]]} table says: paths, regexes
 * (on the secret, the whole match or the line), stopwords (substrings of the secret) and commits,
 * any of them ({@code condition = "OR"}, the default) or all ({@code "AND"}).
 *
 * @param targetRules for a global allowlist, the rules it applies to (empty: all)
 */
record Allowlist(
    String description,
    boolean all,
    List<Pattern> paths,
    List<Pattern> regexes,
    Target regexTarget,
    List<String> stopwords,
    Set<String> commits,
    Set<String> targetRules) {

  /** What {@code regexes} are matched against. */
  enum Target {
    SECRET,
    MATCH,
    LINE
  }

  Allowlist {
    paths = List.copyOf(paths);
    regexes = List.copyOf(regexes);
    stopwords = stopwords.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    commits = Set.copyOf(commits);
    targetRules = Set.copyOf(targetRules);
  }

  boolean appliesTo(String ruleId) {
    return targetRules.isEmpty() || targetRules.contains(ruleId);
  }

  /** Whether only paths are listed, so that a whole file can be passed over before reading it. */
  boolean pathsOnly() {
    return !paths.isEmpty() && regexes.isEmpty() && stopwords.isEmpty() && commits.isEmpty();
  }

  boolean allowsPath(String path) {
    for (Pattern p : paths) {
      if (p.matcher(path).find()) {
        return true;
      }
    }
    return false;
  }

  /** Whether this allowlist accepts the match. */
  boolean allows(String path, String commit, String secret, String match, String line) {
    int criteria = 0;
    int met = 0;
    if (!paths.isEmpty()) {
      criteria++;
      met += allowsPath(path) ? 1 : 0;
    }
    if (!commits.isEmpty()) {
      criteria++;
      met += commit != null && commits.stream().anyMatch(commit::startsWith) ? 1 : 0;
    }
    if (!regexes.isEmpty()) {
      criteria++;
      String target =
          switch (regexTarget) {
            case SECRET -> secret;
            case MATCH -> match;
            case LINE -> line;
          };
      met += regexes.stream().anyMatch(p -> p.matcher(target).find()) ? 1 : 0;
    }
    if (!stopwords.isEmpty()) {
      criteria++;
      String lower = secret.toLowerCase(Locale.ROOT);
      met += stopwords.stream().anyMatch(lower::contains) ? 1 : 0;
    }
    return criteria > 0 && (all ? met == criteria : met > 0);
  }
}
