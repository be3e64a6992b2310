package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.Origin;
import io.github.pyrelease.deps.PackageLicense;
import io.github.pyrelease.license.DetectedLicense;
import io.github.pyrelease.license.DetectedLicense.Basis;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.InvalidOptionException;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LicensesRuleTest {

  private final List<Dependency> dependencies = new ArrayList<>();
  private final Map<String, PackageLicense> licenses = new LinkedHashMap<>();

  private LicensesRuleTest with(String name, String version, String expression) {
    Origin origin = new Origin("pylock.toml", dependencies.size() + 2);
    dependencies.add(Dependency.pinned(name, version, origin, InventorySource.LOCK_FILE));
    if (expression != null) {
      DetectedLicense license =
          expression.equals("?")
              ? DetectedLicense.unknown("License :: OSI Approved :: BSD License")
              : new DetectedLicense(expression, Basis.LICENSE_EXPRESSION, expression);
      licenses.put(
          name.toLowerCase(),
          new PackageLicense(name, version, license, new Origin(".venv/" + name + "/METADATA", 0)));
    }
    return this;
  }

  private Verdict evaluate(Map<String, ?> options) {
    LicensesRule rule =
        new LicensesRule(RuleOptions.of("licenses", new LicensesRule().options(), options));
    return rule.evaluate(
        StubFacts.create()
            .dependencies(
                new DependencyInventory(
                    InventorySource.LOCK_FILE, List.of("pylock.toml"), dependencies, licenses)));
  }

  private static List<String> keys(Verdict verdict) {
    return verdict.findings().stream().map(Finding::key).toList();
  }

  @Test
  void orNeedsOneAllowedSideAndNeedsBoth() {
    with("dual", "1.0", "MIT OR GPL-3.0-only")
        .with("both", "1.0", "MIT AND GPL-3.0-only")
        .with("plain", "1.0", "Apache-2.0");
    Verdict verdict = evaluate(Map.of("allow", List.of("MIT", "apache-2.0")));
    assertThat(keys(verdict)).containsExactly("both");
    assertThat(verdict.findings().get(0).message())
        .isEqualTo(
            "both 1.0 is licensed MIT AND GPL-3.0-only (License-Expression), which the policy does"
                + " not accept: GPL-3.0-only is not in the allow list");
    assertThat(verdict.findings().get(0).evidence().get(0).location()).isEqualTo("pylock.toml:3");
  }

  @Test
  void denyWinsOverAnEmptyAllowListAndNamesTheDeniedTerm() {
    with("gpl", "2.0", "GPL-3.0-only")
        .with("mit", "1.0", "MIT")
        .with("either", "1", "GPL-3.0-only OR BSD-2-Clause");
    Verdict verdict = evaluate(Map.of("deny", List.of("GPL-3.0-only")));
    assertThat(keys(verdict)).containsExactly("gpl");
    assertThat(verdict.findings().get(0).message()).endsWith("GPL-3.0-only is denied");
  }

  @Test
  void exceptionsGoWithTheirLicenceUnlessTheExactTermIsListed() {
    with("java-like", "1", "GPL-2.0-only WITH Classpath-exception-2.0")
        .with("llvm", "1", "Apache-2.0 WITH LLVM-exception");
    assertThat(keys(evaluate(Map.of("allow", List.of("Apache-2.0"))))).containsExactly("java-like");
    assertThat(
            keys(
                evaluate(
                    Map.of(
                        "allow", List.of("Apache-2.0", "GPL-2.0-only WITH Classpath-exception-2.0"),
                        "deny", List.of("GPL-2.0-only")))))
        .isEmpty();
    assertThat(keys(evaluate(Map.of("deny", List.of("GPL-2.0-only")))))
        .containsExactly("java-like");
  }

  @Test
  void licenseRefsCompareExactly() {
    with("inhouse", "1", "LicenseRef-Acme-Internal");
    assertThat(keys(evaluate(Map.of("allow", List.of("LicenseRef-Acme-Internal"))))).isEmpty();
    assertThat(keys(evaluate(Map.of("allow", List.of("MIT"))))).containsExactly("inhouse");
  }

  @Test
  void unknownLicencesAreTheirOwnFindingAndOverridesSettleThem() {
    with("ambiguous", "1.0", "?").with("unread", "2.0", null);
    Verdict verdict = evaluate(Map.of("allow", List.of("MIT")));
    assertThat(keys(verdict)).containsExactly("unknown:ambiguous", "unknown:unread");
    assertThat(verdict.findings().get(0).message())
        .isEqualTo(
            "ambiguous 1.0: licence unknown, its metadata names no licence that maps to an SPDX id");
    assertThat(verdict.findings().get(0).evidence().get(1).detail())
        .isEqualTo("no recognisable licence metadata: License :: OSI Approved :: BSD License");
    assertThat(verdict.findings().get(0).levelUnder(Level.ERROR)).isEqualTo(Level.ERROR);
    assertThat(verdict.findings().get(1).message()).contains("no installed metadata");
    // without a list, nothing an unknown licence could break: warnings
    assertThat(evaluate(Map.of()).findings())
        .allMatch(f -> f.levelUnder(Level.ERROR) == Level.WARNING);

    Verdict overridden =
        evaluate(
            Map.of(
                "allow",
                List.of("MIT", "BSD-3-Clause"),
                "overrides",
                List.of(
                    Map.of(
                        "package",
                        "Ambiguous",
                        "license",
                        "BSD-3-Clause",
                        "reason",
                        "LICENSE file read"),
                    Map.of(
                        "package",
                        "unread",
                        "license",
                        "GPL-3.0-only",
                        "reason",
                        "upstream",
                        "version",
                        "2.0"))));
    assertThat(keys(overridden)).containsExactly("unread");
    assertThat(overridden.findings().get(0).message()).contains("(override: upstream)");
  }

  @Test
  void anOverrideForAnotherVersionDoesNotApply() {
    with("pkg", "2.0", "?");
    assertThat(
            keys(
                evaluate(
                    Map.of(
                        "allow",
                        List.of("MIT"),
                        "overrides",
                        List.of(
                            Map.of(
                                "package", "pkg", "license", "MIT", "reason", "r", "version",
                                "1.0"))))))
        .containsExactly("unknown:pkg");
  }

  @Test
  void badOptionsAreRefusedWhereThePolicyIsRead() {
    assertThatThrownBy(() -> evaluate(Map.of("allow", List.of("MTI"))))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("'MTI' is not an SPDX licence identifier");
    assertThatThrownBy(() -> evaluate(Map.of("deny", List.of("MIT OR GPL-3.0-only"))))
        .hasMessageContaining("is an expression; list single licence ids");
    assertThatThrownBy(
            () -> evaluate(Map.of("overrides", List.of(Map.of("package", "x", "license", "MIT")))))
        .hasMessageContaining("every entry needs 'reason'");
    assertThatThrownBy(
            () ->
                evaluate(
                    Map.of(
                        "overrides",
                        List.of(Map.of("package", "x", "license", "Nope", "reason", "r")))))
        .hasMessageContaining("the licence of x: 'Nope' is not an SPDX licence identifier");
  }

  @Test
  void noDependenciesIsNotApplicable() {
    assertThat(evaluate(Map.of()).applicable()).isFalse();
  }
}
