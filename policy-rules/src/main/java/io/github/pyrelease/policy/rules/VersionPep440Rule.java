package io.github.pyrelease.policy.rules;

import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.project.VersionSource;
import io.github.pyrelease.version.InvalidVersionException;
import io.github.pyrelease.version.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Every literal version source holds a valid PEP 440 version. A valid version written in a
 * non-normalised spelling ({@code 1.0-RC1}) is a style warning: indexes and file names use the
 * normalised form, so the spelling in the sources will not match what ships.
 */
public final class VersionPep440Rule extends AbstractRule {

  public VersionPep440Rule() {
    super(
        "version-pep440",
        Stage.SOURCE,
        Level.ERROR,
        "every version source holds a valid PEP 440 version");
  }

  @Override
  public Verdict evaluate(Facts facts) {
    List<VersionSource> literal = VersionSources.literal(facts.project());
    if (literal.isEmpty()) {
      return Verdict.notApplicable(VersionSources.noLiteralReason(facts.project()));
    }
    List<Finding> findings = new ArrayList<>();
    for (VersionSource source : literal) {
      try {
        Version version = Version.parse(source.text());
        if (!version.toString().equals(source.text().strip())) {
          findings.add(notNormalised(source, version));
        }
      } catch (InvalidVersionException e) {
        findings.add(invalid(source, e));
      }
    }
    return Verdict.of(summary(literal.size(), findings.size()), findings);
  }

  private static String summary(int sources, int bad) {
    if (bad == 0) {
      return VersionSources.all(sources)
          + (sources == 1
              ? " holds a normalised PEP 440 version"
              : " hold normalised PEP 440 versions");
    }
    return bad + " of " + sources + " version sources are not normalised PEP 440 versions";
  }

  private static Finding invalid(VersionSource source, InvalidVersionException e) {
    return Finding.of(
        source.location(),
        "'" + source.text() + "' in " + source.label() + " is not a PEP 440 version: " + e.reason(),
        List.of(VersionSources.evidence(source)),
        "write a PEP 440 version such as 1.2.0, 1.2.0rc1, 1.2.0.post1 or 1.2.0.dev3"
            + Pep440Suggestion.forInvalid(source.text()).map(s -> " (here: " + s + ")").orElse(""));
  }

  private static Finding notNormalised(VersionSource source, Version version) {
    return Finding.styleOnly(
        source.location(),
        "'"
            + source.text()
            + "' in "
            + source.label()
            + " is valid but its normalised form is '"
            + version
            + "'",
        List.of(VersionSources.evidence(source)),
        "write '" + version + "' so the sources spell the version the index will show");
  }
}
