package io.github.pyrelease.policyfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Policy;
import io.github.pyrelease.policy.Waiver;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyLoaderTest {

  @TempDir Path dir;

  private LoadedPolicy load(String location) {
    return PolicyFiles.loader(dir.resolve("cache")).load(location, dir, dir);
  }

  private PolicyFileException problems(String yaml) {
    PolicyFiles.write(dir, "release-policy.yaml", yaml);
    return (PolicyFileException) org.assertj.core.api.Assertions.catchThrowable(() -> load(null));
  }

  @Test
  void noBuiltInRuleHasAnOptionNamedLikeAKeyOfEveryRule() {
    for (io.github.pyrelease.policy.Rule rule : PolicyFiles.registry().all()) {
      assertThat(rule.options())
          .as(rule.id())
          .extracting(io.github.pyrelease.policy.RuleOption::name)
          .doesNotContainAnyElementsOf(PolicyFileParser.RULE_KEYS);
    }
  }

  @Test
  void withoutAFileTheBuiltInDefaultPolicyApplies() {
    LoadedPolicy loaded = load(null);

    assertThat(loaded.policy().origin()).isEqualTo(Policy.BUILT_IN);
    assertThat(loaded.files()).isEmpty();
    assertThat(loaded.publishSection()).isEmpty();
  }

  @Test
  void readsLevelsOptionsWaiversUnavailableAndPublish() {
    PolicyFiles.write(
        dir,
        "release-policy.yaml",
        """
        # the team's policy
        unavailable: error
        rules:
          version-consistent: warning
          changelog-entry: { level: error, file: docs/CHANGES.md }
          options-rule:
            level: info
            strict: true
            limit: 0x10
            allow: [main, "release/*"]
            forbid: "**/*.pem"
            ignore:
              - { id: "pyproject.toml:3", until: 2027-01-31, reason: "migrating" }
        publish:
          - { name: testpypi, type: index, url: "https://test.pypi.org/legacy/" }
          - name: pypi
            gate: approval
        """);

    LoadedPolicy loaded = load(null);
    Policy policy = loaded.policy();

    assertThat(policy.origin()).isEqualTo("policy release-policy.yaml");
    assertThat(policy.unavailable()).isEqualTo(Level.ERROR);
    assertThat(policy.settings().get("version-consistent").level()).isEqualTo(Level.WARNING);
    assertThat(policy.settings().get("changelog-entry").options())
        .containsEntry("file", "docs/CHANGES.md");
    assertThat(policy.settings().get("options-rule").options())
        .containsEntry("strict", true)
        .containsEntry("limit", 16L)
        .containsEntry("allow", List.of("main", "release/*"))
        .containsEntry("forbid", "**/*.pem");
    assertThat(policy.waiversOf("options-rule"))
        .containsExactly(
            new Waiver(
                "pyproject.toml:3",
                LocalDate.of(2027, 1, 31),
                "migrating",
                "release-policy.yaml",
                13));
    PublishSection publish = loaded.publishSection().orElseThrow();
    assertThat(publish.at()).isEqualTo(new Position("release-policy.yaml", 14, 1));
    assertThat(publish.entries()).hasSize(2);
    assertThat(publish.entries().get(0).values())
        .containsEntry("name", "testpypi")
        .containsEntry("url", "https://test.pypi.org/legacy/");
    assertThat(publish.entries().get(1).at()).isEqualTo(new Position("release-policy.yaml", 16, 5));
    assertThat(publish.entries().get(1).keysAt().get("gate"))
        .isEqualTo(new Position("release-policy.yaml", 17, 5));
  }

  @Test
  void anUnknownRuleIdNamesFileLineColumnAndTheClosestRule() {
    PolicyFileException e =
        problems(
            """
            rules:
              version-consistant: error
            """);

    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.where()).hasToString("release-policy.yaml:2:3");
              assertThat(p.message())
                  .isEqualTo(
                      "unknown rule 'version-consistant'; did you mean 'version-consistent'?");
              assertThat(p.fix()).contains("version-pep440, version-consistent, changelog-entry");
            });
    assertThat(e.describe())
        .startsWith("release-policy.yaml:2:3: unknown rule 'version-consistant'");
  }

  @Test
  void everyMistakeIsReportedInOneRunWithItsPlace() {
    PolicyFileException e =
        problems(
            """
            rule:
              version-pep440: eror
            rules:
              changelog-entry: { level: error, fille: CHANGES.md }
              options-rule:
                strict: "yes"
                limit: many
                allow: { main: true }
                forbid: ["src/{a,b"]
                match: "([a-z]"
                locked: maybe
              version-consistent: [error]
            unavailable: off
            """);

    assertThat(e.problems())
        .extracting(p -> p.where().toString() + " " + p.message())
        .containsExactly(
            "release-policy.yaml:1:1 unknown key 'rule'; did you mean 'rules'?",
            "release-policy.yaml:4:36 rule 'changelog-entry' has no option 'fille'; did you mean"
                + " 'file'?",
            "release-policy.yaml:6:13 option 'strict' of rule 'options-rule': expected true or"
                + " false, got the string 'yes' (a boolean: be strict)",
            "release-policy.yaml:7:12 option 'limit' of rule 'options-rule': expected a whole"
                + " number, got the string 'many' (an integer: how many)",
            "release-policy.yaml:8:12 option 'allow' of rule 'options-rule': expected a list of"
                + " strings, got a map (a list of strings: allowed branches)",
            "release-policy.yaml:9:13 option 'forbid' of rule 'options-rule': glob 'src/{a,b' has"
                + " an unclosed '{' at position 5 (a list of globs: forbidden paths)",
            "release-policy.yaml:10:12 option 'match' of rule 'options-rule': not a valid regular"
                + " expression: Unclosed group at index 6 (a regular expression: a"
                + " pattern)",
            "release-policy.yaml:11:13 'locked' must be true or false, not the string 'maybe'",
            "release-policy.yaml:12:23 rule 'version-consistent' needs a level or a map, not a"
                + " list",
            "release-policy.yaml:13:14 'unavailable' is 'off'; it is the level of a finding a"
                + " rule could not check (offline, server down)");
    assertThat(e.getMessage()).startsWith("10 problems in the release policy:");
  }

  @Test
  void aBadLevelListsTheLevelsAndTheNearestOne() {
    PolicyFileException e = problems("rules:\n  version-pep440: eror\n");

    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.message())
                  .isEqualTo(
                      "'eror' is not a level for rule 'version-pep440'; did you mean 'error'?");
              assertThat(p.fix()).isEqualTo("write one of error, warning, info, off");
            });
  }

  @Test
  void waiversNeedAnIdAReasonAndARealDate() {
    PolicyFileException e =
        problems(
            """
            rules:
              version-pep440:
                ignore:
                  - { id: a, until: 2027-02-30, reason: x }
                  - { id: b, until: 2027-01-01 }
                  - { id: c, until: 2027-01-01, reason: y, expires: never }
                  - { id: a, until: 2027-01-01, reason: z }
                  - just-an-id
            """);

    assertThat(e.problems())
        .extracting(p -> p.where().line() + " " + p.message())
        .containsExactly(
            "4 '2027-02-30' is not a date",
            "5 a waiver needs 'reason': why the finding is acceptable until then",
            "6 unknown waiver key 'expires'",
            "8 a waiver of rule 'version-pep440' must be a map, not the string 'just-an-id'");
  }

  @Test
  void aWaiverWrittenTwiceForOneFindingIsAProblem() {
    PolicyFileException e =
        problems(
            """
            rules:
              version-pep440:
                ignore:
                  - { id: a, until: 2027-01-01, reason: x }
                  - { id: a, until: 2028-01-01, reason: y }
            """);

    assertThat(e.problems())
        .singleElement()
        .extracting(PolicyProblem::message)
        .isEqualTo("rule 'version-pep440' waives 'a' twice (also at line 4)");
  }

  @Test
  void extendedPoliciesApplyInOrderThenTheFileThatExtendsThem() {
    PolicyFiles.write(
        dir,
        "org/base.yaml",
        """
        unavailable: info
        rules:
          version-consistent: warning
          options-rule: { limit: 5, allow: [main] }
        """);
    PolicyFiles.write(
        dir,
        "org/team.yaml",
        """
        extends: base.yaml
        rules:
          options-rule: { limit: 7 }
        """);
    PolicyFiles.write(
        dir,
        "release-policy.yaml",
        """
        extends: [org/team.yaml]
        rules:
          version-consistent: error
        """);

    LoadedPolicy loaded = load(null);

    assertThat(loaded.files())
        .containsExactly("org/base.yaml", "org/team.yaml", "release-policy.yaml");
    assertThat(loaded.policy().origin())
        .isEqualTo("policy release-policy.yaml extending org/base.yaml, org/team.yaml");
    assertThat(loaded.policy().unavailable()).isEqualTo(Level.INFO);
    assertThat(loaded.policy().settings().get("version-consistent").level()).isEqualTo(Level.ERROR);
    assertThat(loaded.policy().settings().get("options-rule").options())
        .isEqualTo(Map.of("limit", 7L, "allow", List.of("main")));
  }

  @Test
  void aLockedRuleMayBeRaisedButNotLoweredNorReconfigured() {
    PolicyFiles.write(
        dir,
        "org.yaml",
        """
        rules:
          options-rule: { level: warning, locked: true, allow: [main] }
          version-consistent: { locked: true }
        """);
    PolicyFileException e =
        problems(
            """
            extends: org.yaml
            rules:
              options-rule: { level: info, allow: [main, dev] }
              version-consistent: { level: off, locked: false }
            """);

    assertThat(e.problems())
        .extracting(p -> p.where() + " " + p.message())
        .containsExactly(
            "release-policy.yaml:3:26 rule 'options-rule' is locked at level warning by"
                + " org.yaml:2:43; release-policy.yaml may raise its level but not lower it to info",
            "release-policy.yaml:3:39 option 'allow' of rule 'options-rule' is locked by"
                + " org.yaml:2:43; release-policy.yaml cannot change it",
            "release-policy.yaml:4:32 rule 'version-consistent' is locked at level error by"
                + " org.yaml:3:33; release-policy.yaml may raise its level but not lower it to off",
            "release-policy.yaml:4:45 rule 'version-consistent' is locked by org.yaml:3:33 and"
                + " cannot be unlocked");
    assertThat(e.problems().get(0).fix())
        .isEqualTo(
            "remove 'options-rule: info' from release-policy.yaml, or ask the owners of org.yaml"
                + " to change it there");
  }

  @Test
  void raisingALockedRuleAndWaivingItsFindingsIsAllowed() {
    PolicyFiles.write(
        dir, "org.yaml", "rules:\n  options-rule: { level: warning, locked: true }\n");
    PolicyFiles.write(
        dir,
        "release-policy.yaml",
        """
        extends: org.yaml
        rules:
          options-rule:
            level: error
            ignore: [{ id: x, until: 2030-01-01, reason: reviewed }]
        """);

    Policy policy = load(null).policy();

    assertThat(policy.settings().get("options-rule").level()).isEqualTo(Level.ERROR);
    assertThat(policy.waiversOf("options-rule")).hasSize(1);
  }

  @Test
  void anExtendsCycleIsNamedWithItsChain() {
    PolicyFiles.write(dir, "a.yaml", "extends: b.yaml\nrules: {}\n");
    PolicyFiles.write(dir, "b.yaml", "extends: [a.yaml]\n");

    assertThatThrownBy(() -> load("a.yaml"))
        .isInstanceOf(PolicyFileException.class)
        .hasMessage("extends cycle: a.yaml -> b.yaml -> a.yaml")
        .satisfies(e -> assertThat(((PolicyFileException) e).where()).isEqualTo("b.yaml:1:11"));
  }

  @Test
  void aPolicyMayExtendTheSameFileTwiceWithoutACycle() {
    PolicyFiles.write(dir, "base.yaml", "rules:\n  version-pep440: warning\n");
    PolicyFiles.write(dir, "team.yaml", "extends: base.yaml\n");
    PolicyFiles.write(dir, "release-policy.yaml", "extends: [base.yaml, team.yaml]\n");

    assertThat(load(null).files())
        .containsExactly("base.yaml", "base.yaml", "team.yaml", "release-policy.yaml");
  }

  @Test
  void anOrganisationPolicyComesFromTheClassPath() throws Exception {
    Path jar = dir.resolve("jar");
    PolicyFiles.write(jar, "org/acme/release-policy.yaml", "rules:\n  version-pep440: info\n");
    PolicyFiles.write(
        dir, "release-policy.yaml", "extends: classpath:org/acme/release-policy.yaml\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      LoadedPolicy loaded =
          PolicyFiles.loader(loader, PolicyFiles.remote(dir, false)).load(null, dir, dir);

      assertThat(loaded.files())
          .containsExactly("classpath:org/acme/release-policy.yaml", "release-policy.yaml");
      assertThat(loaded.policy().settings().get("version-pep440").level()).isEqualTo(Level.INFO);
    }
  }

  @Test
  void aMissingOrAmbiguousClassPathResourceSaysWhichJarToAdd() throws Exception {
    Path one = dir.resolve("one");
    Path two = dir.resolve("two");
    PolicyFiles.write(one, "org/acme/p.yaml", "rules: {}\n");
    PolicyFiles.write(two, "org/acme/p.yaml", "rules: {}\n");
    PolicyFiles.write(
        dir,
        "release-policy.yaml",
        "extends: [classpath:org/acme/missing.yaml, classpath:/org/acme/p.yaml]\n");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {one.toUri().toURL(), two.toUri().toURL()}, null)) {
      PolicyFileException e =
          (PolicyFileException)
              org.assertj.core.api.Assertions.catchThrowable(
                  () ->
                      PolicyFiles.loader(loader, PolicyFiles.remote(dir, false))
                          .load(null, dir, dir));

      assertThat(e.problems()).hasSize(2);
      assertThat(e.problems().get(0).toString())
          .startsWith(
              "release-policy.yaml:1:11: classpath:org/acme/missing.yaml is not on the class path"
                  + " (fix: add the jar that holds org/acme/missing.yaml as a <dependency> of the"
                  + " release-maven-plugin <plugin> in the POM");
      assertThat(e.problems().get(1).message())
          .startsWith("classpath:org/acme/p.yaml is in 2 places: ");
    }
  }

  @Test
  void aPolicyFromAJarCannotReachIntoTheLocalDisk() throws Exception {
    Path jar = dir.resolve("jar");
    PolicyFiles.write(jar, "org/p.yaml", "extends: ../../etc/policy.yaml\n");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      assertThatThrownBy(
              () ->
                  PolicyFiles.loader(loader, PolicyFiles.remote(dir, false))
                      .load("classpath:org/p.yaml", dir, dir))
          .hasMessageContaining(
              "'../../etc/policy.yaml' is a file path, but a policy from a jar or a URL can only"
                  + " extend classpath: or https:// sources");
    }
  }

  @Test
  void anExplicitPolicyThatDoesNotExistIsAnError() {
    assertThatThrownBy(() -> load("policies/strict.yaml"))
        .isInstanceOf(PolicyFileException.class)
        .hasMessage("policy file policies/strict.yaml does not exist");
  }

  @Test
  void urlsMustBePinnedAndUseHttpsExceptOnThisMachine() {
    PolicyFileException e =
        problems(
            """
            extends:
              - https://policies.example.org/release.yaml
              - http://policies.example.org/release.yaml#sha256=%s
              - https://user:hunter2@policies.example.org/p.yaml#sha256=%s
              - ftp://policies.example.org/p.yaml
            """
                .formatted("a".repeat(64), "b".repeat(64)));

    assertThat(e.problems())
        .extracting(PolicyProblem::message)
        .containsExactly(
            "'https://policies.example.org/release.yaml' carries no #sha256=<64 hex digits>: a"
                + " policy fetched from a URL must be pinned by its digest, so that nobody can"
                + " change your rules by changing the file",
            "'http://policies.example.org/release.yaml#sha256="
                + "a".repeat(64)
                + "' uses plain http; policies are fetched over https only (http is allowed only"
                + " to this machine, for tests)",
            "'https://***@policies.example.org/p.yaml' contains credentials; policy URLs must be"
                + " public",
            "'ftp://policies.example.org/p.yaml' is not a supported policy location; use a file"
                + " path, classpath:<resource> or https://<url>#sha256=<hex>");
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }

  @Test
  void aRelativePolicyPathIsResolvedAgainstTheBuildsDirectoryButSourcesAreNot() {
    Path base = Path.of("/work/acme");

    assertThat(PolicyLoader.resolvedAgainst("policies/strict.yaml", base))
        .isEqualTo("/work/acme/policies/strict.yaml");
    assertThat(PolicyLoader.resolvedAgainst("/etc/p.yaml", base)).isEqualTo("/etc/p.yaml");
    assertThat(PolicyLoader.resolvedAgainst("classpath:org/p.yaml", base))
        .isEqualTo("classpath:org/p.yaml");
    assertThat(PolicyLoader.resolvedAgainst("https://h/p.yaml#sha256=00", base))
        .isEqualTo("https://h/p.yaml#sha256=00");
    assertThat(PolicyLoader.resolvedAgainst(null, base)).isNull();
  }

  @Test
  void loopbackIsRecognisedByLiteralNeverByResolvingNames() {
    assertThat(PolicyLocation.isLoopback("127.0.0.1")).isTrue();
    assertThat(PolicyLocation.isLoopback("127.10.0.3")).isTrue();
    assertThat(PolicyLocation.isLoopback("[::1]")).isTrue();
    assertThat(PolicyLocation.isLoopback("localhost")).isTrue();
    assertThat(PolicyLocation.isLoopback("localhost.example.org")).isFalse();
    assertThat(PolicyLocation.isLoopback("10.0.0.1")).isFalse();
  }
}
