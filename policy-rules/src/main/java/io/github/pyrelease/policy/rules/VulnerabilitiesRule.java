package io.github.pyrelease.policy.rules;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.vuln.AdvisoryLocation;
import io.github.pyrelease.vuln.AdvisorySource;
import io.github.pyrelease.vuln.AuditedPackage;
import io.github.pyrelease.vuln.PackageVersion;
import io.github.pyrelease.vuln.Severity;
import io.github.pyrelease.vuln.Vulnerability;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * No dependency at the version that will be installed has a known vulnerability: each pinned
 * dependency of the inventory is looked up in an OSV database or the OSV API. A finding names the
 * package, version and where it was pinned, the advisory with its aliases (a waiver may name any),
 * severity, summary, fixed versions and the smallest upgrade that fixes every advisory of the
 * package.
 */
public final class VulnerabilitiesRule extends AbstractRule {

  public static final RuleOption<String> MIN_SEVERITY =
      RuleOption.string(
          "min-severity",
          "low",
          "the least severe vulnerability that is a finding: low, medium, high or critical (CVSS"
              + " v3 base score, else the advisory's own rating); one with no stated severity is"
              + " always a finding",
          VulnerabilitiesRule::severityProblem);
  public static final RuleOption<Boolean> UNPINNED =
      RuleOption.bool(
          "unpinned",
          true,
          "whether a dependency with no exact version (a declared requirement, a URL) is a"
              + " finding, as its vulnerabilities cannot be checked (a warning at most: the pinned"
              + " rule decides whether unpinned dependencies fail); false lists it in the summary"
              + " only");
  public static final RuleOption<String> DATABASE =
      RuleOption.string(
          "database",
          null,
          "an offline OSV database, relative to the project: a directory of OSV .json/.yaml"
              + " records (such as a checkout of the PyPA advisory database), OSV's PyPI/all.zip,"
              + " or a .tar.gz of records; unset: the run's --advisories (Maven"
              + " pyrelease.advisories), else the OSV API");
  public static final RuleOption<String> API =
      RuleOption.string(
          "api",
          null,
          "the OSV API to ask when no database is given (unset: https://api.osv.dev, or the"
              + " run's pyrelease.osvApi); offline (-o, --offline) with no database the rule"
              + " reports 'not checked: offline'");

  private final Severity.Level minSeverity;
  private final boolean unpinned;
  private final AdvisoryLocation location;

  public VulnerabilitiesRule() {
    this(RuleOptions.defaults());
  }

  public VulnerabilitiesRule(RuleOptions options) {
    super(
        "vulnerabilities",
        Stage.DEPS,
        Level.ERROR,
        "no dependency, at the version installed, has a known vulnerability (OSV advisories)");
    this.minSeverity = Severity.Level.valueOf(options.get(MIN_SEVERITY).toUpperCase(Locale.ROOT));
    this.unpinned = options.get(UNPINNED);
    this.location = new AdvisoryLocation(options.get(DATABASE), options.get(API));
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(MIN_SEVERITY, UNPINNED, DATABASE, API);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    DependencyInventory inventory = facts.dependencies();
    if (inventory.dependencies().isEmpty()) {
      return Verdict.notApplicable("the project has no dependencies to audit");
    }
    Map<PackageVersion, Dependency> pinned = new LinkedHashMap<>();
    List<Dependency> loose = new ArrayList<>();
    for (Dependency dependency : inventory.dependencies()) {
      if (dependency.exactVersion().isPresent()) {
        pinned.putIfAbsent(new PackageVersion(dependency.name(), dependency.version()), dependency);
      } else {
        loose.add(dependency);
      }
    }
    List<Finding> findings = new ArrayList<>();
    int below = 0;
    int vulnerable = 0;
    AdvisorySource source = null;
    if (!pinned.isEmpty()) {
      source = facts.advisories(location);
      Map<PackageVersion, AuditedPackage> audited = source.audit(pinned.keySet());
      for (Map.Entry<PackageVersion, Dependency> entry : pinned.entrySet()) {
        AuditedPackage result = audited.get(entry.getKey());
        Dependency dependency = entry.getValue();
        if (result == null) {
          findings.add(unchecked(dependency, "the advisory source gave no answer for it"));
          continue;
        }
        boolean counted = false;
        for (Vulnerability vulnerability : result.vulnerabilities()) {
          if (belowMinimum(vulnerability.severity())) {
            below++;
            continue;
          }
          findings.add(finding(dependency, vulnerability, result));
          counted = true;
        }
        vulnerable += counted ? 1 : 0;
        for (String problem : result.problems()) {
          findings.add(unchecked(dependency, problem));
        }
      }
    }
    if (unpinned) {
      for (Dependency dependency : loose) {
        findings.add(unpinned(dependency));
      }
    }
    return Verdict.of(summary(pinned.size(), loose, vulnerable, below, source), findings);
  }

  private boolean belowMinimum(Severity severity) {
    return severity.level() != Severity.Level.UNKNOWN
        && severity.level().compareTo(minSeverity) < 0;
  }

  private static Finding finding(
      Dependency dependency, Vulnerability vulnerability, AuditedPackage audited) {
    String name = audited.pkg().name();
    String version = dependency.version();
    String ids =
        vulnerability.aliases().isEmpty()
            ? vulnerability.id()
            : vulnerability.id() + " (" + String.join(", ", vulnerability.aliases()) + ")";
    List<Evidence> evidence = new ArrayList<>();
    evidence.add(
        new Evidence(
            null,
            0,
            "severity "
                + severity(vulnerability.severity())
                + "; fixed in "
                + (vulnerability.fixedVersions().isEmpty()
                    ? "no known version"
                    : String.join(", ", vulnerability.fixedVersions()))));
    evidence.add(
        new Evidence(
            dependency.origin().file(), dependency.origin().line(), dependency.requirement()));
    String fix =
        audited.upgrade() != null
            ? "upgrade "
                + name
                + " to "
                + audited.upgrade()
                + " or later (the smallest version that fixes every known advisory of "
                + name
                + "), or waive it: ignore: [{ id: "
                + vulnerability.id()
                + ", until: <date>, reason: ... }]"
            : "no fixed version of "
                + name
                + " is known: remove it, or waive it: ignore: [{ id: "
                + vulnerability.id()
                + ", until: <date>, reason: ... }]";
    return Finding.of(
            vulnerability.id(),
            name + " " + version + " has " + ids + ": " + vulnerability.summary(),
            evidence,
            fix)
        .withAliases(vulnerability.ids());
  }

  private static String severity(Severity severity) {
    if (severity.level() == Severity.Level.UNKNOWN) {
      return "not stated";
    }
    return severity.level().name() + (severity.score() == null ? "" : " " + severity.score());
  }

  private static Finding unchecked(Dependency dependency, String problem) {
    String name = dependency.normalizedName();
    return Finding.of(
        "unchecked:" + name,
        name + " " + dependency.version() + " is not fully checked: " + problem,
        List.of(
            new Evidence(
                dependency.origin().file(), dependency.origin().line(), dependency.requirement())),
        "repair or remove the advisory record it names, or update the advisory database");
  }

  private static Finding unpinned(Dependency dependency) {
    String name = dependency.normalizedName();
    // a warning at most: whether unpinned dependencies fail the build is the pinned rule's say
    return new Finding(
        "unpinned:" + name,
        name
            + " has no exact version ("
            + dependency.requirement()
            + "): its known vulnerabilities cannot be checked",
        List.of(
            new Evidence(
                dependency.origin().file(), dependency.origin().line(), dependency.requirement())),
        "pin it in a lock file or a requirements file (name==version), or set the rule's option"
            + " unpinned: false",
        Level.WARNING);
  }

  private static String summary(
      int checked, List<Dependency> loose, int vulnerable, int below, AdvisorySource source) {
    StringBuilder summary = new StringBuilder();
    if (checked == 0) {
      // nothing was looked up: say so rather than "no known vulnerability"
      return "nothing checked, no dependency has an exact version: "
          + loose.stream()
              .map(Dependency::normalizedName)
              .distinct()
              .collect(Collectors.joining(", "));
    }
    if (vulnerable == 0) {
      summary.append("no known vulnerability in ").append(plural(checked, "pinned dependency"));
    } else {
      summary
          .append(plural(vulnerable, "vulnerable dependency"))
          .append(" of ")
          .append(checked)
          .append(" pinned");
    }
    if (source != null) {
      summary.append(" (").append(source.describe()).append(")");
    }
    if (below > 0) {
      summary.append("; ").append(plural(below, "vulnerability")).append(" below min-severity");
    }
    if (!loose.isEmpty()) {
      summary
          .append("; not checked, no exact version: ")
          .append(
              loose.stream()
                  .map(Dependency::normalizedName)
                  .distinct()
                  .collect(Collectors.joining(", ")));
    }
    return summary.toString();
  }

  private static String plural(int count, String noun) {
    if (count == 1) {
      return "1 " + noun;
    }
    String plural =
        noun.endsWith("dependency")
            ? noun.substring(0, noun.length() - 1) + "ies"
            : noun.endsWith("ty") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    return count + " " + plural;
  }

  private static String severityProblem(String text) {
    List<String> choices = List.of("low", "medium", "high", "critical");
    return choices.contains(text.toLowerCase(Locale.ROOT))
        ? null
        : "'" + text + "' is no severity; choose " + String.join(", ", choices);
  }
}
