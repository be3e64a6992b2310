package io.github.pyrelease.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.report.ReportLine.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportTest {

  @Test
  void oneLinePerRuleThenEachFindingWithEvidenceAndFixThenTotals() {
    String text = TextReport.render(SampleEvaluation.create(), "built-in default policy");

    assertThat(text)
        .isEqualTo(
            """
            pyrelease: acme-widgets 1.2.0 in python/acme, built-in default policy
            PASS  changelog-entry      CHANGELOG.md:7 has a section for 1.2.0
            FAIL  version-consistent   1 of 2 version sources disagree
            WARN  version-pep440       1 of 2 version sources are not normalised
            WAIVE licenses             1 of 12 dependencies has a denied licence (1 finding waived)
            SKIP  tag-free             turned off by the built-in default policy
            FAIL version-consistent: __version__ declares 1.1.0 but [project].version declares 1.2.0
              pyproject.toml:3: [project].version = '1.2.0'
              src/acme/__init__.py:3: __version__ = '1.1.0'
              fix: change src/acme/__init__.py:3 to '1.2.0'
              id: src/acme/__init__.py:3
            WARN version-pep440: '1.0-RC1' is valid, 100% fine, but not normalised
              pyproject.toml:3: [project].version = '1.0-RC1'
              id: pyproject.toml:3
            WAIVE licenses: left-pad 1.3.0 is licensed GPL-3.0-only, which the policy denies
              requirements.txt:4: left-pad==1.3.0
              waived until 2027-01-31 by release-policy.yaml:9: replaced in 2.0 <see #12>
              id: left-pad
            5 rules: 1 passed, 1 failed, 1 warnings, 0 info, 1 waived, 1 skipped
            """);
  }

  @Test
  void failuresAreErrorLinesAndWarningsWarningLines() {
    List<ReportLine> lines = TextReport.lines(SampleEvaluation.create(), "p");

    assertThat(lines)
        .filteredOn(l -> l.severity() == Severity.ERROR)
        .extracting(ReportLine::text)
        .allSatisfy(
            t ->
                assertThat(t)
                    .containsAnyOf(
                        "FAIL",
                        "pyproject.toml:3: [project].version = '1.2.0'",
                        "src/acme",
                        "fix:",
                        "id: "))
        .hasSize(6);
    assertThat(lines).filteredOn(l -> l.severity() == Severity.WARNING).hasSize(4);
    assertThat(lines)
        .filteredOn(l -> l.text().contains("left-pad"))
        .extracting(ReportLine::severity)
        .containsOnly(Severity.INFO);
  }
}
