package io.github.pyrelease.policy.rules;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.InvalidRequirementException;
import io.github.pyrelease.deps.Requirement;
import io.github.pyrelease.deps.VersionSpecifier;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.project.MonorepoPackage;
import io.github.pyrelease.version.Version;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * In a monorepo, a requirement on a sibling package admits the version that sibling declares, the
 * one its release will publish: {@code acme-core>=1.2,<2} in one package while acme-core declares
 * 2.0.0 means the two cannot be installed together once both are released. Matching follows
 * Python's {@code packaging} ({@code SpecifierSet.contains}): a pre-release is admitted only by a
 * requirement that names one. Off by default: it reads every package of the monorepo.
 */
public final class MonorepoPinsRule extends AbstractRule {

  public static final RuleOption<String> ROOT =
      RuleOption.string(
          "root",
          null,
          "the monorepo's top directory, relative to the project (default: the top of the git"
              + " work tree); every Python project below it is a sibling");

  private final String root;

  public MonorepoPinsRule() {
    this(RuleOptions.defaults());
  }

  public MonorepoPinsRule(RuleOptions options) {
    super(
        "monorepo-pins",
        Stage.SOURCE,
        Level.OFF,
        "requirements on packages of the same monorepo admit the version those packages declare");
    this.root = options.get(ROOT);
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(ROOT);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    Map<String, MonorepoPackage> siblings = new LinkedHashMap<>();
    for (MonorepoPackage p : facts.monorepoPackages(root)) {
      siblings.putIfAbsent(Requirement.normalizeName(p.name()), p);
    }
    List<Finding> findings = new ArrayList<>();
    List<String> admitted = new ArrayList<>();
    for (Dependency dependency : facts.declaredDependencies().dependencies()) {
      MonorepoPackage sibling = siblings.get(dependency.normalizedName());
      if (sibling == null) {
        continue;
      }
      Optional<Version> version = sibling.versionIfKnown().flatMap(Version::tryParse);
      Optional<List<VersionSpecifier>> specifiers = specifiers(dependency);
      if (version.isEmpty() || specifiers.isEmpty()) {
        continue; // computed or invalid versions, direct references: nothing to compare here
      }
      if (admits(specifiers.get(), version.get())) {
        admitted.add(dependency.requirement());
      } else {
        findings.add(refused(dependency, sibling, version.get()));
      }
    }
    if (findings.isEmpty() && admitted.isEmpty()) {
      return Verdict.notApplicable(
          "no requirement names another package of the monorepo ("
              + siblings.size()
              + (siblings.size() == 1 ? " sibling)" : " siblings)"));
    }
    if (findings.isEmpty()) {
      return Verdict.pass(
          (admitted.size() == 1
                  ? "1 requirement on a sibling admits its declared version: "
                  : admitted.size() + " requirements on siblings admit their declared versions: ")
              + String.join(", ", admitted));
    }
    return Verdict.of(
        findings.size()
            + " of "
            + (findings.size() + admitted.size())
            + " requirements on siblings refuse the version the sibling declares",
        findings);
  }

  /** The specifiers of the requirement; empty for a direct reference or one that cannot parse. */
  private static Optional<List<VersionSpecifier>> specifiers(Dependency dependency) {
    Requirement requirement;
    try {
      requirement = Requirement.parse(dependency.requirement());
    } catch (InvalidRequirementException e) {
      return Optional.empty();
    }
    if (requirement.isDirectReference()) {
      return Optional.empty();
    }
    List<VersionSpecifier> out = new ArrayList<>();
    for (String text :
        requirement.specifier().isEmpty() ? new String[0] : requirement.specifier().split(",")) {
      Optional<VersionSpecifier> spec = VersionSpecifier.tryParse(text);
      if (spec.isEmpty()) {
        return Optional.empty();
      }
      out.add(spec.get());
    }
    return Optional.of(out);
  }

  /** As {@code SpecifierSet.contains}: every specifier holds, pre-releases only when named. */
  static boolean admits(List<VersionSpecifier> specifiers, Version version) {
    if (version.isPreRelease()
        && specifiers.stream().noneMatch(MonorepoPinsRule::namesPreRelease)) {
      return false;
    }
    return specifiers.stream().allMatch(s -> s.contains(version));
  }

  /** packaging's {@code Specifier.prereleases}: an inclusive operator on a pre-release. */
  private static boolean namesPreRelease(VersionSpecifier specifier) {
    if (!List.of("==", "===", ">=", "<=", "~=").contains(specifier.operator())) {
      return false;
    }
    String text = specifier.version();
    if (specifier.operator().equals("==") && text.endsWith(".*")) {
      text = text.substring(0, text.length() - 2);
    }
    return Version.tryParse(text).map(Version::isPreRelease).orElse(false);
  }

  private static Finding refused(Dependency dependency, MonorepoPackage sibling, Version version) {
    return Finding.of(
        dependency.origin().where() + ":" + sibling.name(),
        "'"
            + dependency.requirement()
            + "' does not admit "
            + sibling.name()
            + " "
            + version
            + ", the version "
            + sibling.location()
            + " declares",
        List.of(
            new Evidence(
                dependency.origin().file(),
                dependency.origin().line(),
                "requires '" + dependency.requirement() + "'"),
            new Evidence(sibling.location(), 0, sibling.name() + " declares " + version)),
        "widen the requirement so that it admits "
            + version
            + (version.isPreRelease()
                ? " (a pre-release is admitted only when named, such as >=" + version + ")"
                : "")
            + ", or give "
            + sibling.name()
            + " a version the requirement admits");
  }
}
