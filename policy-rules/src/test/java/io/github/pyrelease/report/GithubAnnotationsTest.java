package io.github.pyrelease.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GithubAnnotationsTest {

  @Test
  void enabledOnlyInsideGithubActions() {
    assertThat(GithubAnnotations.enabled(Map.of("GITHUB_ACTIONS", "true"))).isTrue();
    assertThat(GithubAnnotations.enabled(Map.of("CI", "true"))).isFalse();
  }

  @Test
  void errorsAndWarningsPointAtTheLineToChangeWithEscapedText() {
    List<String> lines = GithubAnnotations.lines(SampleEvaluation.create(), "python/acme");

    assertThat(lines)
        .containsExactly(
            "::error title=pyrelease version-consistent,file=python/acme/src/acme/__init__.py,line=3"
                + "::__version__ declares 1.1.0 but [project].version declares 1.2.0"
                + "%0Afix: change src/acme/__init__.py:3 to '1.2.0'",
            "::warning title=pyrelease version-pep440,file=python/acme/pyproject.toml,line=3"
                + "::'1.0-RC1' is valid, 100%25 fine, but not normalised");
  }

  @Test
  void aProjectAtTheWorkspaceRootNeedsNoPrefix() {
    assertThat(GithubAnnotations.lines(SampleEvaluation.create(), "").get(0))
        .contains("file=src/acme/__init__.py,");
  }
}
