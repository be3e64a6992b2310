package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.InventorySource;
import io.github.pyrelease.deps.Origin;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.InvalidOptionException;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Outcome;
import io.github.pyrelease.policy.Policy;
import io.github.pyrelease.policy.PolicyEngine;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.RuleRegistry;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.RuleSetting;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.policy.Waiver;
import io.github.pyrelease.project.Changelog;
import io.github.pyrelease.project.PythonProject;
import io.github.pyrelease.vuln.AdvisoryLocation;
import io.github.pyrelease.vuln.AdvisorySource;
import io.github.pyrelease.vuln.OfflineAdvisories;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VulnerabilitiesRuleTest {

  @TempDir Path cache;

  /** The facts of a project whose inventory is given, audited against the real subset. */
  private class InventoryFacts implements Facts {
    private final List<Dependency> dependencies;
    AdvisoryLocation asked;

    InventoryFacts(Dependency... dependencies) {
      this.dependencies = List.of(dependencies);
    }

    @Override
    public PythonProject project() {
      throw new UnsupportedOperationException("the rule needs no project");
    }

    @Override
    public Optional<Changelog> changelog(String file) {
      return Optional.empty();
    }

    @Override
    public DependencyInventory dependencies() {
      return new DependencyInventory(
          InventorySource.REQUIREMENTS, List.of("requirements.txt"), dependencies);
    }

    @Override
    public AdvisorySource advisories(AdvisoryLocation location) {
      asked = location;
      return new OfflineAdvisories(subset(), cache);
    }
  }

  private static Path subset() {
    try {
      return Path.of(
          VulnerabilitiesRuleTest.class
              .getResource("/io/github/pyrelease/vuln/pypa-subset")
              .toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Dependency pin(String name, String version, int line) {
    return Dependency.pinned(
        name, version, new Origin("requirements.txt", line), InventorySource.REQUIREMENTS);
  }

  private static VulnerabilitiesRule rule(Map<String, Object> options) {
    VulnerabilitiesRule defaults = new VulnerabilitiesRule();
    return new VulnerabilitiesRule(RuleOptions.of(defaults.id(), defaults.options(), options));
  }

  @Test
  void aVulnerablePinIsAFindingWithEverythingToActOn() {
    Verdict verdict =
        new VulnerabilitiesRule()
            .evaluate(new InventoryFacts(pin("Jinja2", "2.10", 3), pin("requests", "2.32.3", 4)));

    assertThat(verdict.findings())
        .extracting(Finding::key)
        .containsExactly("PYSEC-2019-217", "PYSEC-2021-66");
    Finding sandbox = verdict.findings().get(0);
    assertThat(sandbox.message())
        .isEqualTo(
            "jinja2 2.10 has PYSEC-2019-217 (CVE-2019-10906, GHSA-462w-v97r-4m45): In Pallets"
                + " Jinja before 2.10.1, str.format_map allows a sandbox escape.");
    assertThat(sandbox.evidence())
        .containsExactly(
            new Evidence(null, 0, "severity not stated; fixed in 2.10.1"),
            new Evidence("requirements.txt", 3, "Jinja2==2.10"));
    assertThat(sandbox.fix()).startsWith("upgrade jinja2 to 2.11.3 or later");
    assertThat(sandbox.aliases())
        .containsExactly("PYSEC-2019-217", "CVE-2019-10906", "GHSA-462w-v97r-4m45");
    assertThat(verdict.summary()).startsWith("1 vulnerable dependency of 2 pinned (");
  }

  @Test
  void minSeverityLeavesOutRatedVulnerabilitiesBelowItButNeverUnratedOnes() {
    InventoryFacts facts =
        new InventoryFacts(pin("pycryptodomex", "3.19.0", 1), pin("jinja2", "2.10", 2));
    assertThat(rule(Map.of("min-severity", "high")).evaluate(facts).findings())
        .extracting(Finding::key)
        .containsExactly("PYSEC-2019-217", "PYSEC-2021-66");
    assertThat(rule(Map.of("min-severity", "HIGH")).evaluate(facts).summary())
        .contains("1 vulnerability below min-severity");
    assertThat(rule(Map.of("min-severity", "medium")).evaluate(facts).findings())
        .extracting(Finding::key)
        .contains("PYSEC-2024-3");
    assertThatThrownBy(() -> rule(Map.of("min-severity", "moderate")))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("'moderate' is no severity; choose low, medium, high, critical");
  }

  @Test
  void anUnpinnedDependencyIsAFindingUnlessTheOptionSaysOtherwise() {
    InventoryFacts facts =
        new InventoryFacts(
            Dependency.unpinned("flask", "flask>=2", new Origin("pyproject.toml", 9)));
    Verdict strict = new VulnerabilitiesRule().evaluate(facts);
    assertThat(strict.findings()).extracting(Finding::key).containsExactly("unpinned:flask");
    assertThat(strict.findings().get(0).evidence())
        .containsExactly(new Evidence("pyproject.toml", 9, "flask>=2"));
    assertThat(strict.findings().get(0).ceiling()).isEqualTo(Level.WARNING);
    // nothing pinned: no advisory source is asked
    assertThat(facts.asked).isNull();

    Verdict lenient = rule(Map.of("unpinned", false)).evaluate(facts);
    assertThat(lenient.findings()).isEmpty();
    assertThat(lenient.summary())
        .isEqualTo("nothing checked, no dependency has an exact version: flask");
    Verdict mixed =
        rule(Map.of("unpinned", false))
            .evaluate(
                new InventoryFacts(
                    pin("requests", "2.32.3", 1),
                    Dependency.unpinned("flask", "flask>=2", new Origin("pyproject.toml", 9))));
    assertThat(mixed.summary())
        .startsWith("no known vulnerability in 1 pinned dependency (")
        .endsWith("; not checked, no exact version: flask");
  }

  @Test
  void anAdvisoryThatCannotBeEvaluatedIsAFindingNotAPass() {
    Verdict verdict =
        new VulnerabilitiesRule().evaluate(new InventoryFacts(pin("steam", "0.9.0", 1)));
    assertThat(verdict.findings()).extracting(Finding::key).containsExactly("unchecked:steam");
    assertThat(verdict.findings().get(0).message()).contains("PYSEC-2019-125", "2019-09-12");
  }

  @Test
  void theDatabaseOptionIsPassedToTheFacts() {
    InventoryFacts facts = new InventoryFacts(pin("requests", "2.32.3", 1));
    rule(Map.of("database", "osv/all.zip", "api", "http://127.0.0.1:1")).evaluate(facts);
    assertThat(facts.asked).isEqualTo(new AdvisoryLocation("osv/all.zip", "http://127.0.0.1:1"));
  }

  @Test
  void waiversNameAnyIdOfTheAdvisoryAndAnExpiredOneFails() {
    InventoryFacts facts = new InventoryFacts(pin("jinja2", "2.10", 3));
    RuleRegistry registry = new RuleRegistry(List.of(VulnerabilitiesRule::new));
    Clock today = Clock.fixed(Instant.parse("2026-12-04T00:00:00Z"), ZoneOffset.UTC);

    RuleResult waived =
        evaluate(
            registry,
            today,
            facts,
            waiver("GHSA-462w-v97r-4m45", "2027-01-31"),
            waiver("CVE-2020-28493", "2027-01-31"));
    assertThat(waived.outcome()).isEqualTo(Outcome.WAIVED);
    assertThat(waived.findings()).allMatch(RuleResult.LeveledFinding::waived);

    RuleResult expired =
        evaluate(
            registry,
            today,
            facts,
            waiver("GHSA-462w-v97r-4m45", "2026-12-01"),
            waiver("PYSEC-2021-66", "2027-01-31"));
    assertThat(expired.outcome()).isEqualTo(Outcome.FAILED);
    assertThat(expired.findings())
        .filteredOn(RuleResult.LeveledFinding::counts)
        .extracting(f -> f.finding().key())
        .containsExactlyInAnyOrder(
            "PYSEC-2019-217", PolicyEngine.WAIVER_EXPIRED + "GHSA-462w-v97r-4m45");
  }

  @Test
  void offlineWithNoDatabaseIsNotCheckedRatherThanPassed() {
    Facts offline =
        new InventoryFacts(pin("jinja2", "2.10", 3)) {
          @Override
          public AdvisorySource advisories(AdvisoryLocation location) {
            throw new FactUnavailableException(
                "offline, and no advisory database is given", null, "give one", null);
          }
        };
    RuleResult result =
        new PolicyEngine(new RuleRegistry(List.of(VulnerabilitiesRule::new)))
            .evaluate(Policy.defaults(), offline, RuleSelection.stage(Stage.DEPS))
            .get(0);
    assertThat(result.outcome()).isEqualTo(Outcome.WARNING);
    assertThat(result.summary())
        .isEqualTo("not checked: offline, and no advisory database is given");
  }

  private static RuleResult evaluate(
      RuleRegistry registry, Clock clock, Facts facts, Waiver... waivers) {
    Policy policy =
        new Policy(
            Map.of("vulnerabilities", new RuleSetting(Level.ERROR, Map.of(), List.of(waivers))),
            Policy.DEFAULT_UNAVAILABLE,
            "release-policy.yaml");
    return new PolicyEngine(registry, clock)
        .evaluate(policy, facts, RuleSelection.stage(Stage.DEPS))
        .get(0);
  }

  private static Waiver waiver(String id, String until) {
    return new Waiver(id, LocalDate.parse(until), "not reachable", "release-policy.yaml", 7);
  }
}
