package io.github.pyrelease.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.policy.Evaluation;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Outcome;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

  private static String html(Evaluation evaluation, Level failOn) {
    return HtmlReport.render(new Report(evaluation, "policy release-policy.yaml", failOn, "1.0"));
  }

  @Test
  void failuresComeFirstWithEvidenceAndFixAndTheRestIsCollapsed() {
    String html = html(SampleEvaluation.create(), Level.ERROR);

    assertThat(html)
        .contains("<strong id=\"verdict\">FAILED</strong>")
        .contains(
            "<span id=\"summary\">5 rules: 1 passed, 1 failed, 1 warnings, 0 info, 1 waived,"
                + " 1 skipped</span>")
        .contains("<code>src/acme/__init__.py:3</code> __version__ = &#39;1.1.0&#39;")
        .contains("<b>Fix:</b> change src/acme/__init__.py:3 to &#39;1.2.0&#39;");
    int failures = html.indexOf("<section id=\"failures\">");
    int notes = html.indexOf("<section id=\"notes\">");
    int waived = html.indexOf("<details id=\"waived\">");
    int passed = html.indexOf("<details id=\"passed\">");
    int skipped = html.indexOf("<details id=\"skipped\">");
    assertThat(failures).isPositive().isLessThan(notes);
    assertThat(notes).isLessThan(waived);
    assertThat(waived).isLessThan(passed);
    assertThat(passed).isLessThan(skipped);
    assertThat(html.substring(failures, notes))
        .contains("version-consistent")
        .doesNotContain("changelog-entry");
    assertThat(html.substring(waived, passed))
        .contains(
            "until 2027-01-31 by <code>release-policy.yaml:9</code>: replaced in 2.0 &lt;see #12&gt;");
  }

  @Test
  void thePageFetchesNothing() {
    String html = html(SampleEvaluation.create(), Level.ERROR);

    assertThat(html)
        .contains("content=\"default-src 'none'; style-src 'unsafe-inline'\"")
        .doesNotContainPattern("(?i)<script|<link|<img|<iframe|url\\(|@import|src=\"");
  }

  @Test
  void everyTextFromTheProjectIsEscaped() {
    Finding hostile =
        Finding.of(
            "<k>",
            "</p><script>alert('x')</script>",
            List.of(new Evidence("\"><img src=x>", 1, "<!-- & -->")),
            "<b>fix</b>");
    Evaluation evaluation =
        new Evaluation(
            "<name>",
            "1&2",
            "<dir>",
            List.of(
                new RuleResult(
                    "r",
                    Stage.SOURCE,
                    "<d>",
                    Level.ERROR,
                    Outcome.FAILED,
                    "<summary>",
                    List.of(new RuleResult.LeveledFinding(hostile, Level.ERROR)))));

    String html = html(evaluation, Level.ERROR);

    assertThat(html)
        .doesNotContain("<script>", "<img", "<name>", "<summary>", "<!--", "<b>fix</b>")
        .contains("&lt;/p&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
  }

  @Test
  void aPassingCheckSaysSo() {
    String html =
        html(
            new Evaluation(
                "p",
                "1",
                ".",
                List.of(
                    new RuleResult(
                        "r", Stage.SOURCE, "d", Level.ERROR, Outcome.PASSED, "fine", List.of()))),
            Level.ERROR);

    assertThat(html)
        .contains("<div class=\"verdict passed\"><strong id=\"verdict\">PASSED</strong>")
        .doesNotContain("id=\"failures\"");
  }
}
