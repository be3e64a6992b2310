package io.github.pyrelease.report;

import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Outcome;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleResult.LeveledFinding;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * One self-contained page for people: a verdict and a bar of counts at the top, then the rules that
 * fail the check with every finding's evidence and fix, then warnings and notes; waived, passed and
 * skipped rules are collapsed. No scripts, no fonts, no network: a Content-Security-Policy forbids
 * every fetch, so the page shows the same offline, in a CI artifact viewer or in a mail.
 */
public final class HtmlReport {

  private static final String STYLE =
      """
      :root{--fail:#c62828;--warn:#b26a00;--info:#1565c0;--pass:#2e7d32;--waive:#6a1b9a;\
      --skip:#757575;--line:#ddd}
      body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#222;\
      background:#fafafa}
      main{max-width:980px;margin:0 auto;padding:24px}
      h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}
      .meta{color:#555;margin:0 0 16px}
      .verdict{display:flex;gap:12px;align-items:center;padding:12px 16px;border-radius:6px;\
      color:#fff;font-size:17px}
      .verdict.failed{background:var(--fail)}.verdict.passed{background:var(--pass)}
      .verdict strong{font-size:20px;letter-spacing:.05em}
      .bar{display:flex;height:26px;border-radius:4px;overflow:hidden;margin:10px 0 4px;\
      border:1px solid var(--line);background:#fff}
      .bar span{display:flex;align-items:center;justify-content:center;color:#fff;font-size:12px;\
      white-space:nowrap;overflow:hidden;min-width:2px}
      .seg-failed{background:var(--fail)}.seg-warning{background:var(--warn)}\
      .seg-info{background:var(--info)}.seg-waived{background:var(--waive)}\
      .seg-passed{background:var(--pass)}.seg-skipped{background:var(--skip)}
      article{background:#fff;border:1px solid var(--line);border-left:5px solid var(--skip);\
      border-radius:4px;padding:10px 14px;margin:10px 0}
      article.failed{border-left-color:var(--fail)}article.warning{border-left-color:var(--warn)}
      article.info{border-left-color:var(--info)}article.waived{border-left-color:var(--waive)}
      article.passed{border-left-color:var(--pass)}
      h3{font-size:16px;margin:0 0 4px;font-family:ui-monospace,Menlo,Consolas,monospace}
      .tag{display:inline-block;font:bold 11px system-ui,sans-serif;color:#fff;padding:2px 6px;\
      border-radius:3px;margin-right:6px;vertical-align:2px}
      .tag.failed{background:var(--fail)}.tag.warning{background:var(--warn)}\
      .tag.info{background:var(--info)}.tag.waived{background:var(--waive)}\
      .tag.passed{background:var(--pass)}.tag.skipped{background:var(--skip)}
      .stage{color:#777;font:12px system-ui,sans-serif}
      .summary{margin:0 0 6px;color:#333}
      .finding{border-top:1px dashed var(--line);padding:6px 0 2px}
      .finding p{margin:2px 0}.evidence{margin:4px 0;padding-left:18px}
      code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:13px;background:#f2f2f2;\
      padding:0 3px;border-radius:2px;overflow-wrap:anywhere}
      .fix{color:#1b5e20}.waiver{color:#4a148c}.id{color:#666;font-size:13px}
      details{margin:14px 0}summary{cursor:pointer;font-weight:600;font-size:16px}
      footer{color:#888;font-size:12px;margin-top:32px}
      """;

  private HtmlReport() {}

  public static String render(Report report) {
    List<RuleResult> results = report.results();
    Predicate<RuleResult> failing = report::fails;
    StringBuilder html = new StringBuilder(8192);
    String verdict = report.failed() ? "FAILED" : "PASSED";
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';")
        .append(" style-src 'unsafe-inline'\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<title>")
        .append(escape("pyrelease " + verdict + ": " + report.project()))
        .append("</title>\n<style>")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<main>\n");
    html.append("<h1>pyrelease report: ").append(escape(report.project())).append("</h1>\n");
    html.append("<p class=\"meta\">in <code>")
        .append(escape(report.evaluation().projectDir()))
        .append("</code> under the ")
        .append(escape(report.policy()))
        .append("; fails on ")
        .append(report.failOn().id())
        .append("</p>\n");
    html.append("<div class=\"verdict ")
        .append(verdict.toLowerCase(java.util.Locale.ROOT))
        .append("\"><strong id=\"verdict\">")
        .append(verdict)
        .append("</strong><span id=\"summary\">")
        .append(escape(report.summary()))
        .append("</span></div>\n");
    bar(html, report.evaluation().counts());
    section(html, "failures", "Fails the check", results.stream().filter(failing).toList());
    section(
        html,
        "notes",
        "Warnings and notes",
        results.stream()
            .filter(failing.negate())
            .filter(r -> r.outcome() == Outcome.WARNING || r.outcome() == Outcome.INFO)
            .toList());
    for (Outcome collapsed : List.of(Outcome.WAIVED, Outcome.PASSED, Outcome.SKIPPED)) {
      List<RuleResult> those = results.stream().filter(r -> r.outcome() == collapsed).toList();
      if (those.isEmpty()) {
        continue;
      }
      html.append("<details id=\"")
          .append(collapsed.id())
          .append("\"><summary>")
          .append(title(collapsed))
          .append(" (")
          .append(those.size())
          .append(")</summary>\n");
      those.forEach(r -> article(html, r));
      html.append("</details>\n");
    }
    html.append("<footer>Written by pyrelease ")
        .append(escape(report.toolVersion()))
        .append(". Each finding's id is what a waiver names: <code>ignore: [{ id, until,")
        .append(" reason }]</code> under the rule in the policy file.</footer>\n")
        .append("</main>\n</body>\n</html>\n");
    return html.toString();
  }

  private static void bar(StringBuilder html, Map<Outcome, Long> counts) {
    html.append("<div class=\"bar\" role=\"img\" aria-label=\"rules by outcome\">");
    for (Outcome outcome :
        List.of(
            Outcome.FAILED,
            Outcome.WARNING,
            Outcome.INFO,
            Outcome.WAIVED,
            Outcome.PASSED,
            Outcome.SKIPPED)) {
      long count = counts.get(outcome);
      if (count > 0) {
        html.append("<span class=\"seg-")
            .append(outcome.id())
            .append("\" style=\"flex:")
            .append(count)
            .append("\" title=\"")
            .append(count)
            .append(' ')
            .append(outcome.id())
            .append("\">")
            .append(count)
            .append(' ')
            .append(outcome.id())
            .append("</span>");
      }
    }
    html.append("</div>\n");
  }

  private static void section(
      StringBuilder html, String id, String title, List<RuleResult> results) {
    if (results.isEmpty()) {
      return;
    }
    html.append("<section id=\"").append(id).append("\"><h2>").append(title);
    html.append(" (").append(results.size()).append(")</h2>\n");
    results.forEach(r -> article(html, r));
    html.append("</section>\n");
  }

  private static void article(StringBuilder html, RuleResult result) {
    String outcome = result.outcome().id();
    html.append("<article class=\"").append(outcome).append("\">");
    html.append("<h3><span class=\"tag ")
        .append(outcome)
        .append("\">")
        .append(outcome.toUpperCase(java.util.Locale.ROOT))
        .append("</span>")
        .append(escape(result.ruleId()))
        .append(" <span class=\"stage\">")
        .append(result.stage().id())
        .append(" · ")
        .append(result.level().id())
        .append("</span></h3>\n");
    html.append("<p class=\"summary\">").append(escape(result.summary())).append("</p>\n");
    for (LeveledFinding finding : result.findings()) {
      finding(html, finding);
    }
    html.append("</article>\n");
  }

  private static void finding(StringBuilder html, LeveledFinding leveled) {
    String kind = leveled.waived() ? "waived" : leveled.level().id();
    html.append("<div class=\"finding ").append(kind).append("\">");
    html.append("<p><span class=\"tag ")
        .append(leveled.waived() ? "waived" : Outcome.of(leveled.level()).id())
        .append("\">")
        .append(kind.toUpperCase(java.util.Locale.ROOT))
        .append("</span>")
        .append(escape(leveled.finding().message()))
        .append("</p>\n");
    if (!leveled.finding().evidence().isEmpty()) {
      html.append("<ul class=\"evidence\">");
      for (Evidence evidence : leveled.finding().evidence()) {
        html.append("<li>");
        if (evidence.location() != null) {
          html.append("<code>").append(escape(evidence.location())).append("</code> ");
        }
        html.append(escape(evidence.detail())).append("</li>");
      }
      html.append("</ul>\n");
    }
    if (leveled.waived()) {
      html.append("<p class=\"waiver\"><b>Waived</b> until ")
          .append(leveled.waiver().until())
          .append(" by <code>")
          .append(escape(leveled.waiver().location()))
          .append("</code>: ")
          .append(escape(leveled.waiver().reason()))
          .append("</p>\n");
    } else if (leveled.finding().fix() != null) {
      html.append("<p class=\"fix\"><b>Fix:</b> ")
          .append(escape(leveled.finding().fix()))
          .append("</p>\n");
    }
    html.append("<p class=\"id\">id: <code>")
        .append(escape(leveled.finding().key()))
        .append("</code></p></div>\n");
  }

  private static String title(Outcome outcome) {
    return switch (outcome) {
      case WAIVED -> "Waived";
      case PASSED -> "Passed";
      default -> "Skipped";
    };
  }

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    text.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                  if (c < 0x20 && c != '\n' && c != '\t') {
                    out.append('\uFFFD');
                  } else {
                    out.appendCodePoint(c);
                  }
                }
              }
            });
    return out.toString();
  }
}
