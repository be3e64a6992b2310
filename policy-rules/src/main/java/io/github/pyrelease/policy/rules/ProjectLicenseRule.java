package io.github.pyrelease.policy.rules;

import io.github.pyrelease.license.InvalidLicenseExpressionException;
import io.github.pyrelease.license.ProjectLicense;
import io.github.pyrelease.license.ProjectLicense.FilePattern;
import io.github.pyrelease.license.SpdxExpression;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The project declares its own licence as PEP 639 asks: {@code license} is a valid SPDX expression
 * (canonical case is a style warning), every {@code license-files} glob matches a file, and no
 * {@code License ::} classifier sits beside an expression (PEP 639 makes backends refuse that). The
 * legacy table form ({@code { text = ... }}, {@code { file = ... }}) is accepted with a warning,
 * its file must exist.
 */
public final class ProjectLicenseRule extends AbstractRule {

  public static final RuleOption<Boolean> REQUIRE =
      RuleOption.bool(
          "require",
          false,
          "whether a project with no licence metadata at all fails (true) or only warns (false);"
              + " what is declared is checked either way");

  private final boolean require;

  public ProjectLicenseRule() {
    this(RuleOptions.defaults());
  }

  public ProjectLicenseRule(RuleOptions options) {
    super(
        "project-license",
        Stage.DEPS,
        Level.ERROR,
        "the project's licence metadata is present, valid SPDX, and its licence files exist");
    this.require = options.get(REQUIRE);
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(REQUIRE);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    Optional<ProjectLicense> declared = facts.projectLicense();
    if (declared.isEmpty()) {
      return Verdict.notApplicable("pyproject.toml has no [project] table");
    }
    ProjectLicense license = declared.get();
    String file = license.file();
    Evidence at =
        new Evidence(
            file,
            license.line(),
            "license = " + (license.value() == null ? "(not set)" : license.value()));
    List<Finding> findings = new ArrayList<>();
    String summary;
    switch (license.form()) {
      case NONE -> {
        summary = "the project declares no licence";
        findings.add(
            new Finding(
                "missing",
                "pyproject.toml declares no licence: [project] has no license",
                List.of(new Evidence(file, 0, "[project]")),
                "add license = \"<SPDX expression>\" (such as \"MIT\") and license-files ="
                    + " [\"LICEN[CS]E*\"] to [project]",
                require ? Level.ERROR : Level.WARNING));
      }
      case DYNAMIC -> summary = "the licence is dynamic: the build backend sets it";
      case EXPRESSION -> summary = expression(license, at, findings);
      case TABLE_TEXT -> {
        summary = "the licence uses the legacy table form";
        findings.add(legacy(license, at, "{ text = ... }"));
      }
      case TABLE_FILE -> {
        summary = "the licence uses the legacy table form";
        findings.add(legacy(license, at, "{ file = ... }"));
        if (!license.fileExists()) {
          findings.add(
              Finding.of(
                  "license-file",
                  "license = { file = \""
                      + license.value()
                      + "\" } names a file that does not"
                      + " exist",
                  List.of(at),
                  "add " + license.value() + " or correct the path (relative to pyproject.toml)"));
        }
      }
      default -> {
        summary = "the licence is malformed";
        findings.add(
            Finding.of(
                "malformed",
                "[project] license is neither an SPDX string nor { text = ... } or { file = ... }",
                List.of(at),
                "write license = \"<SPDX expression>\", such as license = \"MIT\""));
      }
    }
    for (FilePattern pattern : license.licenseFiles()) {
      if (pattern.pattern().startsWith("/") || pattern.pattern().contains("..")) {
        findings.add(
            Finding.of(
                "license-files:" + pattern.pattern(),
                "license-files pattern '"
                    + pattern.pattern()
                    + "' leaves the project directory,"
                    + " which PEP 639 forbids",
                List.of(new Evidence(file, pattern.line(), pattern.pattern())),
                "write a glob relative to pyproject.toml, such as \"LICEN[CS]E*\""));
      } else if (pattern.matches().isEmpty()) {
        findings.add(
            Finding.of(
                "license-files:" + pattern.pattern(),
                "license-files pattern '"
                    + pattern.pattern()
                    + "' matches no file (PEP 639"
                    + " makes build backends fail on it)",
                List.of(new Evidence(file, pattern.line(), pattern.pattern())),
                "add the licence file or correct the glob"));
      }
    }
    return findings.isEmpty() ? Verdict.pass(summary) : Verdict.of(summary, findings);
  }

  private static String expression(ProjectLicense license, Evidence at, List<Finding> findings) {
    SpdxExpression expression;
    try {
      expression = SpdxExpression.parse(license.value());
    } catch (InvalidLicenseExpressionException e) {
      findings.add(
          Finding.of(
              "invalid",
              "license = \""
                  + license.value()
                  + "\" is not a valid SPDX expression: "
                  + e.getMessage(),
              List.of(at),
              "write an SPDX expression such as \"MIT\", \"Apache-2.0 OR MIT\" or"
                  + " \"LicenseRef-Proprietary\""));
      return "the licence is not valid SPDX";
    }
    if (!expression.canonical().equals(license.value().strip())) {
      findings.add(
          Finding.styleOnly(
              "canonical",
              "license = \""
                  + license.value()
                  + "\" is valid but its canonical form is \""
                  + expression.canonical()
                  + "\"",
              List.of(at),
              "write \"" + expression.canonical() + "\", as the built metadata will"));
    }
    for (ProjectLicense.Classifier classifier : license.classifiers()) {
      findings.add(
          Finding.of(
              "classifier:" + classifier.text(),
              "the classifier '"
                  + classifier.text()
                  + "' sits beside the licence expression;"
                  + " PEP 639 makes build backends refuse both",
              List.of(new Evidence(license.file(), classifier.line(), classifier.text())),
              "remove the License :: classifiers: license = \""
                  + expression.canonical()
                  + "\" says it"));
    }
    return "the project is licensed " + expression.canonical();
  }

  private static Finding legacy(ProjectLicense license, Evidence at, String form) {
    String suggestion = "";
    if (license.form() == ProjectLicense.Form.TABLE_TEXT) {
      try {
        suggestion =
            " (here: license = \"" + SpdxExpression.parse(license.value()).canonical() + "\")";
      } catch (InvalidLicenseExpressionException e) {
        suggestion = "";
      }
    }
    return Finding.styleOnly(
        "legacy",
        "license = " + form + " is the legacy form that PEP 639 deprecates",
        List.of(at),
        "write license = \"<SPDX expression>\""
            + suggestion
            + " and list the licence files in license-files");
  }
}
