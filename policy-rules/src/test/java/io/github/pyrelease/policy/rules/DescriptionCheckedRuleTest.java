package io.github.pyrelease.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.DistributionReader;
import io.github.pyrelease.dist.readme.DescriptionCheck;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.StubFacts;
import io.github.pyrelease.policy.Verdict;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Before an upload, a description that fails or that nobody checked is a finding. */
class DescriptionCheckedRuleTest {

  @TempDir Path dir;

  private Verdict evaluate(DescriptionCheck check) throws Exception {
    Path file = new Archives.Wheel("acme", "1.4.0").write(dir);
    Distribution d = new DistributionReader().read(file, "target/dist/" + file.getFileName());
    return new DescriptionCheckedRule()
        .evaluate(StubFacts.create().pyproject("1.4.0").distributions(d).descriptions(x -> check));
  }

  @Test
  void aRenderingOrMarkdownDescriptionPasses() throws Exception {
    for (DescriptionCheck.Status status :
        List.of(
            DescriptionCheck.Status.RENDERS,
            DescriptionCheck.Status.NOT_RENDERED,
            DescriptionCheck.Status.ABSENT)) {
      assertThat(evaluate(new DescriptionCheck(status, "x", List.of())).findings())
          .as(status.name())
          .isEmpty();
    }
  }

  @Test
  void anUncheckedOrFailingDescriptionIsAnError() throws Exception {
    Verdict unchecked =
        evaluate(
            new DescriptionCheck(
                DescriptionCheck.Status.UNCHECKED, "own", List.of("no readme_renderer")));
    Verdict fails =
        evaluate(
            new DescriptionCheck(
                DescriptionCheck.Status.FAILS, "own", List.of("line 2: Warning: too short")));

    assertThat(unchecked.findings())
        .extracting(Finding::key)
        .containsExactly("acme-1.4.0-py3-none-any.whl:description-unchecked");
    assertThat(unchecked.findings().get(0).message()).endsWith(": no readme_renderer");
    assertThat(fails.findings().get(0).message())
        .isEqualTo(
            "the long description of acme-1.4.0-py3-none-any.whl does not render, so PyPI refuses"
                + " the upload (decided by own): line 2: Warning: too short");
    assertThat(new DescriptionCheckedRule().defaultLevel().name()).isEqualTo("ERROR");
  }
}
