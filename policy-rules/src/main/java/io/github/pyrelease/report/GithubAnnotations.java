package io.github.pyrelease.report;

import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleResult.LeveledFinding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands ({@code ::error file=..,line=..::message}) that put failures on
 * the lines of the pull request.
 */
public final class GithubAnnotations {

  private GithubAnnotations() {}

  /** Whether the process runs inside GitHub Actions. */
  public static boolean enabled(Map<String, String> environment) {
    return "true".equals(environment.get("GITHUB_ACTIONS"));
  }

  /**
   * One command per error or warning finding.
   *
   * @param pathPrefix the project directory relative to the workspace root ("" when they are the
   *     same), so GitHub finds the files
   */
  public static List<String> lines(Evaluation evaluation, String pathPrefix) {
    List<String> lines = new ArrayList<>();
    for (RuleResult result : evaluation.results()) {
      for (LeveledFinding leveled : result.findings()) {
        if (leveled.counts()
            && (leveled.level() == Level.ERROR || leveled.level() == Level.WARNING)) {
          lines.add(command(result, leveled, pathPrefix));
        }
      }
    }
    return lines;
  }

  private static String command(RuleResult result, LeveledFinding leveled, String pathPrefix) {
    StringBuilder line = new StringBuilder("::");
    line.append(leveled.level() == Level.ERROR ? "error" : "warning");
    Evidence where =
        leveled.finding().evidence().stream()
            .filter(e -> e.file() != null)
            .reduce((first, second) -> second) // the last names the place to change
            .orElse(null);
    line.append(" title=").append(property("pyrelease " + result.ruleId()));
    if (where != null) {
      line.append(",file=").append(property(join(pathPrefix, where.file())));
      if (where.line() > 0) {
        line.append(",line=").append(where.line());
      }
    }
    String message = leveled.finding().message();
    if (leveled.finding().fix() != null) {
      message += "\nfix: " + leveled.finding().fix();
    }
    return line.append("::").append(data(message)).toString();
  }

  private static String join(String prefix, String file) {
    if (prefix == null || prefix.isEmpty() || prefix.equals(".")) {
      return file;
    }
    return prefix.endsWith("/") ? prefix + file : prefix + "/" + file;
  }

  // Escaping as GitHub's toolkit does (core/src/command.ts).
  private static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }
}
