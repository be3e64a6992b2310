package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.StubGit;
import io.github.pyrelease.policy.Verdict;
import org.junit.jupiter.api.Test;

class TagMatchesRuleTest {

  private static Verdict on(String version, StubGit git) {
    return new TagMatchesRule().evaluate(StubFacts.create().pyproject(version).git(git));
  }

  @Test
  void aTagBuildWhoseTagNamesTheVersionPasses() {
    assertThat(on("1.2.0", StubGit.onMain().detached().tagAtHead("v1.2.0")).summary())
        .isEqualTo("HEAD is tagged v1.2.0, the project's version 1.2.0");
  }

  @Test
  void tagAndVersionAreComparedUnderPep440() {
    assertThat(on("1.2.0", StubGit.onMain().detached().tagAtHead("v1.2")).findings()).isEmpty();
    assertThat(on("1.0rc1", StubGit.onMain().detached().tagAtHead("v1.0-RC1")).findings())
        .isEmpty();
  }

  @Test
  void aTagNamingAnotherVersionFailsWithBothPlaces() {
    Verdict verdict = on("1.2.0", StubGit.onMain().detached().tagAtHead("v1.3.0"));

    assertThat(verdict.findings().get(0).message())
        .isEqualTo("HEAD is tagged v1.3.0 but the project declares 1.2.0");
    assertThat(verdict.findings().get(0).evidence().get(1).toString())
        .isEqualTo("pyproject.toml:3: [project].version = '1.2.0'");
    assertThat(verdict.findings().get(0).fix()).contains("-Dpyrelease.newVersion=1.3.0");
  }

  @Test
  void withoutAReleaseTagOnHeadItIsNotATagBuild() {
    Verdict verdict =
        on("1.2.0", StubGit.onMain().tagAtHead("nightly").tag("v1.1.0", "b".repeat(40)));

    assertThat(verdict.applicable()).isFalse();
    assertThat(verdict.summary())
        .isEqualTo("HEAD carries no release tag (v{version}): not a tag build");
  }
}
