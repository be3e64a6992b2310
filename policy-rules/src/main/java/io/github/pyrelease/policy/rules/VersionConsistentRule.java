package io.github.pyrelease.policy.rules;

import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.project.VersionSource;
import io.github.pyrelease.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * All literal version sources declare the same version. Versions equal under PEP 440 but spelled
 * differently ({@code 1.0} and {@code 1.0.0}) are a style warning: they ship the same distribution,
 * but a search for one spelling misses the other. Invalid versions are left to {@code
 * version-pep440}.
 */
public final class VersionConsistentRule extends AbstractRule {

  public VersionConsistentRule() {
    super(
        "version-consistent",
        Stage.SOURCE,
        Level.ERROR,
        "every version source declares the same version");
  }

  @Override
  public Verdict evaluate(Facts facts) {
    PythonProject project = facts.project();
    List<ParsedSource> parsed = parse(project);
    if (parsed.isEmpty()) {
      return Verdict.notApplicable(VersionSources.noLiteralReason(project));
    }
    ParsedSource reference = reference(project, parsed);
    if (parsed.size() == 1) {
      return Verdict.pass(
          "one version source: " + reference.source().label() + " = " + reference.version());
    }
    List<Finding> findings = new ArrayList<>();
    for (ParsedSource other : parsed) {
      if (other == reference) {
        continue;
      }
      if (!other.version().equals(reference.version())) {
        findings.add(mismatch(reference, other));
      } else if (!other.version().toString().equals(reference.version().toString())) {
        findings.add(spelling(reference, other));
      }
    }
    return Verdict.of(summary(parsed.size(), reference, findings), findings);
  }

  private static String summary(int count, ParsedSource reference, List<Finding> findings) {
    long mismatches = findings.stream().filter(f -> f.ceiling() == Level.ERROR).count();
    if (mismatches > 0) {
      return mismatches
          + " of "
          + count
          + " version sources disagree with "
          + reference.source().label()
          + " ("
          + reference.version()
          + ")";
    }
    return VersionSources.all(count) + " declare " + reference.version();
  }

  /** The source the build takes the version from, else the first valid one. */
  private static ParsedSource reference(PythonProject project, List<ParsedSource> parsed) {
    Optional<VersionSource> primary = project.primarySource();
    return parsed.stream()
        .filter(p -> primary.isPresent() && p.source().equals(primary.get()))
        .findFirst()
        .orElse(parsed.get(0));
  }

  private static List<ParsedSource> parse(PythonProject project) {
    List<ParsedSource> parsed = new ArrayList<>();
    for (VersionSource source : VersionSources.literal(project)) {
      Version.tryParse(source.text()).ifPresent(v -> parsed.add(new ParsedSource(source, v)));
    }
    return parsed;
  }

  private static Finding mismatch(ParsedSource reference, ParsedSource other) {
    return Finding.of(
        other.source().location(),
        other.source().label()
            + " declares "
            + other.version()
            + " but "
            + reference.source().label()
            + " declares "
            + reference.version(),
        List.of(
            VersionSources.evidence(reference.source()), VersionSources.evidence(other.source())),
        "change "
            + other.source().location()
            + " to '"
            + reference.version()
            + "' (or change every source to the version you mean to release)");
  }

  private static Finding spelling(ParsedSource reference, ParsedSource other) {
    return Finding.styleOnly(
        other.source().location(),
        other.source().label()
            + " spells the version '"
            + other.source().text()
            + "' and "
            + reference.source().label()
            + " spells it '"
            + reference.source().text()
            + "': equal under PEP 440, written differently",
        List.of(
            VersionSources.evidence(reference.source()), VersionSources.evidence(other.source())),
        "write '" + reference.version() + "' in " + other.source().location());
  }

  private record ParsedSource(VersionSource source, Version version) {}
}
