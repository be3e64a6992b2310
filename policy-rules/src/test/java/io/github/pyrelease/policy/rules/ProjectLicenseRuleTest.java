package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.license.ProjectLicense;
import io.github.pyrelease.license.ProjectLicense.Classifier;
import io.github.pyrelease.license.ProjectLicense.FilePattern;
import io.github.pyrelease.license.ProjectLicense.Form;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectLicenseRuleTest {

  private static Verdict evaluate(ProjectLicense license, Map<String, ?> options) {
    return new ProjectLicenseRule(
            RuleOptions.of("project-license", new ProjectLicenseRule().options(), options))
        .evaluate(StubFacts.create().projectLicense(license));
  }

  private static ProjectLicense license(
      Form form, String value, List<FilePattern> files, List<Classifier> classifiers) {
    return new ProjectLicense("pyproject.toml", form, value, 6, false, files, classifiers);
  }

  @Test
  void aValidExpressionWithMatchingFilesPasses() {
    Verdict verdict =
        evaluate(
            license(
                Form.EXPRESSION,
                "MIT OR Apache-2.0",
                List.of(new FilePattern("LICEN[CS]E*", 7, List.of("LICENSE"))),
                List.of()),
            Map.of());
    assertThat(verdict.findings()).isEmpty();
    assertThat(verdict.summary()).isEqualTo("the project is licensed MIT OR Apache-2.0");
  }

  @Test
  void invalidSpdxUnmatchedGlobsAndClassifiersAreFindings() {
    Verdict verdict =
        evaluate(
            license(
                Form.EXPRESSION,
                "Apache 2.0",
                List.of(new FilePattern("COPYING", 7, List.of())),
                List.of()),
            Map.of());
    assertThat(verdict.findings())
        .extracting(Finding::key)
        .containsExactly("invalid", "license-files:COPYING");
    assertThat(verdict.findings().get(0).message())
        .startsWith("license = \"Apache 2.0\" is not a valid SPDX expression: ");
    assertThat(verdict.findings().get(1).evidence().get(0).location())
        .isEqualTo("pyproject.toml:7");

    Verdict both =
        evaluate(
            license(
                Form.EXPRESSION,
                "mit",
                List.of(),
                List.of(new Classifier("License :: OSI Approved :: MIT License", 12))),
            Map.of());
    assertThat(both.findings())
        .extracting(Finding::key)
        .containsExactly("canonical", "classifier:License :: OSI Approved :: MIT License");
    assertThat(both.findings().get(0).levelUnder(Level.ERROR)).isEqualTo(Level.WARNING);
    assertThat(both.findings().get(1).levelUnder(Level.ERROR)).isEqualTo(Level.ERROR);
  }

  @Test
  void theLegacyTableIsAWarningAndItsFileMustExist() {
    Verdict text = evaluate(license(Form.TABLE_TEXT, "MIT", List.of(), List.of()), Map.of());
    assertThat(text.findings()).extracting(Finding::key).containsExactly("legacy");
    assertThat(text.findings().get(0).levelUnder(Level.ERROR)).isEqualTo(Level.WARNING);
    assertThat(text.findings().get(0).fix()).contains("(here: license = \"MIT\")");
    Verdict file =
        evaluate(license(Form.TABLE_FILE, "LICENSE.txt", List.of(), List.of()), Map.of());
    assertThat(file.findings()).extracting(Finding::key).containsExactly("legacy", "license-file");
    assertThat(file.findings().get(1).levelUnder(Level.ERROR)).isEqualTo(Level.ERROR);
  }

  @Test
  void noLicenceWarnsUnlessRequired() {
    ProjectLicense none = license(Form.NONE, null, List.of(), List.of());
    assertThat(evaluate(none, Map.of()).findings().get(0).levelUnder(Level.ERROR))
        .isEqualTo(Level.WARNING);
    assertThat(evaluate(none, Map.of("require", true)).findings().get(0).levelUnder(Level.ERROR))
        .isEqualTo(Level.ERROR);
    assertThat(evaluate(license(Form.DYNAMIC, null, List.of(), List.of()), Map.of()).findings())
        .isEmpty();
  }
}
