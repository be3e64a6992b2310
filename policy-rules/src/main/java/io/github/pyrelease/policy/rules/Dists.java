package io.github.pyrelease.policy.rules;

import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.MetadataField;
import io.github.pyrelease.policy.DistributionFacts;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the rules of stage {@code dist} share: iteration, naming, evidence and caps. */
final class Dists {

  /** Findings one rule reports for one distribution before it summarises the rest. */
  static final int MAX_FINDINGS_PER_FILE = 30;

  private Dists() {}

  /** Checks one distribution, adding what it finds. */
  @FunctionalInterface
  interface Check {
    void run(Distribution distribution, List<Finding> findings);
  }

  /**
   * Runs {@code check} on every distribution and sums up; not applicable when there are none.
   *
   * @param what what the rule checks, for the summary ("file names", "RECORD")
   */
  static Verdict each(
      DistributionFacts facts,
      String what,
      java.util.function.Predicate<Distribution> applies,
      Check check) {
    List<Distribution> all = facts.all().stream().filter(applies).toList();
    if (all.isEmpty()) {
      return Verdict.notApplicable(
          facts.all().isEmpty()
              ? "no distributions in " + facts.directory() + " (build them first)"
              : "no " + what + " to check in " + facts.directory());
    }
    List<Finding> findings = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    for (Distribution d : all) {
      List<Finding> mine = new ArrayList<>();
      check.run(d, mine);
      if (!mine.isEmpty()) {
        bad.add(d.fileName());
      }
      findings.addAll(capped(d, mine));
    }
    String files = all.size() == 1 ? all.get(0).fileName() : all.size() + " distributions";
    if (bad.isEmpty()) {
      return Verdict.pass(what + " of " + files + " are valid");
    }
    return Verdict.of(what + " of " + String.join(", ", bad) + " have problems", findings);
  }

  private static List<Finding> capped(Distribution d, List<Finding> findings) {
    if (findings.size() <= MAX_FINDINGS_PER_FILE) {
      return findings;
    }
    List<Finding> kept = new ArrayList<>(findings.subList(0, MAX_FINDINGS_PER_FILE));
    int more = findings.size() - MAX_FINDINGS_PER_FILE;
    kept.add(
        Finding.of(
            d.fileName() + ":more",
            "and " + more + " more problems of the same kind in " + d.fileName(),
            List.of(new Evidence(d.location(), 0, more + " findings not listed")),
            "fix the ones listed and check again"));
    return kept;
  }

  static Evidence at(Distribution d, String detail) {
    return new Evidence(d.location(), 0, detail);
  }

  /** Evidence inside the archive: {@code target/dist/x.whl!x-1.0.dist-info/METADATA:6}. */
  static Evidence inside(Distribution d, String member, int line, String detail) {
    return new Evidence(d.location() + "!" + member, line, detail);
  }

  static Evidence field(Distribution d, MetadataField field) {
    return inside(
        d,
        d.metadata().path(),
        field.line(),
        field.name() + ": " + abbreviate(field.value().replace('\n', ' ')));
  }

  /** PEP 503 name normalisation. */
  static String normalize(String name) {
    return name.replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
  }

  /** The form wheel and sdist file names use: normalised, with underscores. */
  static String fileNameForm(String name) {
    return normalize(name).replace('-', '_');
  }

  /** The root directory of an sdist (its members' first path segment), if there is one. */
  static Optional<String> sdistRoot(Distribution d) {
    return d.entries().stream()
        .map(e -> stripDot(e.name()))
        .map(n -> n.contains("/") ? n.substring(0, n.indexOf('/')) : n)
        .filter(n -> !n.isEmpty())
        .findFirst();
  }

  static String stripDot(String name) {
    return name.startsWith("./") ? name.substring(2) : name;
  }

  static String abbreviate(String text) {
    return text.length() <= 100 ? text : text.substring(0, 97) + "...";
  }
}
