package io.github.pyrelease.vuln;

import io.github.pyrelease.version.Version;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Matches one package version against the advisories of its package: which affect it, merged by
 * alias into vulnerabilities, and the smallest upgrade that leaves every advisory behind.
 */
final class AdvisoryMatcher {

  private AdvisoryMatcher() {}

  /**
   * @param advisories every known advisory of the package (those that do not affect the version
   *     too: the upgrade must escape them all)
   */
  static AuditedPackage match(PackageVersion pkg, List<Advisory> advisories) {
    Optional<Version> version = Version.tryParse(pkg.version());
    List<String> problems = new ArrayList<>();
    if (version.isEmpty() && !advisories.isEmpty()) {
      problems.add(
          pkg.name()
              + " "
              + pkg.version()
              + " is no PEP 440 version: only the advisories' lists of versions were compared,"
              + " not their ranges");
    }
    List<Advisory> matched = new ArrayList<>();
    for (Advisory advisory : advisories) {
      if (advisory.affected().problem() != null) {
        problems.add(advisory.affected().problem());
      }
      if (advisory.affected().affects(version, pkg.version())) {
        matched.add(advisory);
      }
    }
    List<Vulnerability> vulnerabilities = merge(matched);
    String upgrade =
        vulnerabilities.isEmpty() || version.isEmpty() ? null : upgrade(version.get(), advisories);
    return new AuditedPackage(pkg, vulnerabilities, upgrade, problems);
  }

  /**
   * The package version with the advisories a server found for it: all affect it (the server
   * matched them), and the upgrade must escape them all.
   */
  static AuditedPackage listed(PackageVersion pkg, List<Advisory> advisories) {
    Optional<Version> version = Version.tryParse(pkg.version());
    List<Vulnerability> vulnerabilities = merge(advisories);
    String upgrade =
        vulnerabilities.isEmpty() || version.isEmpty() ? null : upgrade(version.get(), advisories);
    return new AuditedPackage(pkg, vulnerabilities, upgrade, List.of());
  }

  /**
   * Groups advisories whose ids or aliases meet into one vulnerability each: each id maps to its
   * group, so a package with hundreds of advisories is grouped in one pass.
   */
  static List<Vulnerability> merge(List<Advisory> matched) {
    Map<String, Group> byId = new HashMap<>();
    List<Group> groups = new ArrayList<>();
    for (Advisory advisory : matched) {
      List<String> ids = new ArrayList<>();
      ids.add(advisory.id());
      ids.addAll(advisory.aliases());
      Group group = null;
      for (String id : ids) {
        Group known = byId.get(id);
        if (known == null || known == group) {
          continue;
        }
        if (group == null) {
          group = known;
        } else {
          // two groups meet through this advisory: the second joins the first
          group.ids.addAll(known.ids);
          group.records.addAll(known.records);
          for (String moved : known.ids) {
            byId.put(moved, group);
          }
          groups.remove(known);
        }
      }
      if (group == null) {
        group = new Group();
        groups.add(group);
      }
      group.ids.addAll(ids);
      group.records.add(advisory);
      for (String id : ids) {
        byId.put(id, group);
      }
    }
    List<Vulnerability> vulnerabilities = new ArrayList<>();
    for (Group group : groups) {
      vulnerabilities.add(vulnerability(group.ids, group.records));
    }
    vulnerabilities.sort(
        Comparator.comparing((Vulnerability v) -> v.severity().level())
            .reversed()
            .thenComparing(Vulnerability::id));
    return vulnerabilities;
  }

  /** Advisories known to be one vulnerability, and all their ids. */
  private static final class Group {
    final Set<String> ids = new LinkedHashSet<>();
    final List<Advisory> records = new ArrayList<>();
  }

  private static Vulnerability vulnerability(Set<String> ids, List<Advisory> records) {
    String primary = ids.stream().min(AdvisoryMatcher::preference).orElseThrow();
    List<String> aliases = ids.stream().filter(i -> !i.equals(primary)).sorted().toList();
    Advisory main =
        records.stream().filter(r -> r.id().equals(primary)).findFirst().orElse(records.get(0));
    Severity severity = main.severity();
    TreeSet<Version> fixed = new TreeSet<>();
    List<String> unparsed = new ArrayList<>();
    for (Advisory record : records) {
      if (rank(record.severity()) > rank(severity)) {
        severity = record.severity();
      }
      for (String text : record.affected().fixedVersions()) {
        Version.tryParse(text)
            .ifPresentOrElse(
                fixed::add,
                () -> {
                  if (!unparsed.contains(text)) {
                    unparsed.add(text);
                  }
                });
      }
    }
    List<String> fixedVersions = new ArrayList<>(fixed.stream().map(Version::toString).toList());
    fixedVersions.addAll(unparsed);
    return new Vulnerability(
        primary, aliases, main.summary(), main.description(), severity, fixedVersions);
  }

  private static double rank(Severity severity) {
    return severity.level().ordinal() * 100 + (severity.score() == null ? 0 : severity.score());
  }

  /** PYSEC ids first, then CVEs, then the others (GHSA, ...), as pip-audit chooses. */
  private static int preference(String a, String b) {
    int order = Integer.compare(kind(a), kind(b));
    return order != 0 ? order : a.compareTo(b);
  }

  private static int kind(String id) {
    if (id.startsWith("PYSEC-")) {
      return 0;
    }
    return id.startsWith("CVE-") ? 1 : 2;
  }

  /**
   * The smallest fixed version above {@code current} that no advisory of the package affects; a
   * pre-release only when no final release does, as pip installs none unless asked.
   */
  static String upgrade(Version current, List<Advisory> advisories) {
    TreeSet<Version> candidates = new TreeSet<>();
    for (Advisory advisory : advisories) {
      for (String text : advisory.affected().fixedVersions()) {
        Version.tryParse(text).filter(v -> v.compareTo(current) > 0).ifPresent(candidates::add);
      }
    }
    Map<Boolean, String> found = new HashMap<>();
    for (Version candidate : candidates) {
      boolean pre = candidate.isPreRelease() || candidate.isDevRelease();
      if (found.containsKey(pre)) {
        continue;
      }
      String text = candidate.toString();
      Optional<Version> parsed = Optional.of(candidate);
      if (advisories.stream().noneMatch(a -> a.affected().affects(parsed, text))) {
        found.put(pre, text);
        if (!pre) {
          break;
        }
      }
    }
    return found.containsKey(false) ? found.get(false) : found.get(true);
  }
}
