package io.github.pyrelease.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.ReleaseFiles;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.policyfile.Position;
import io.github.pyrelease.publish.plan.PublishStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The GitHub stage's own decisions; the release flow itself is tested in the github package. */
class GithubReleaseRunnerTest {

  @TempDir Path dir;

  @Test
  void withoutATokenTheStageSaysWhereOneGoesAndSendsNothing() throws IOException {
    assertThatThrownBy(() -> runner(Map.of()).publish(stage("acme/widgets"), release(), null))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("stage 'github' has no GitHub token")
        .satisfies(
            e ->
                assertThat(((PyreleaseException) e).fix())
                    .contains("<id>github</id>", "PYRELEASE_GITHUB_TOKEN", "GITHUB_TOKEN"));
  }

  @Test
  void withoutARepositoryTheStageSaysHowToNameOne() throws IOException {
    assertThatThrownBy(() -> runner(Map.of("GITHUB_TOKEN", "t")).target(stage(null), release()))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("stage 'github' names no GitHub repository");
    assertThat(runner(Map.of("GITHUB_REPOSITORY", "acme/tool")).target(stage(null), release()))
        .isEqualTo("acme/tool v1.4.0");
  }

  @Test
  void aDryRunDescribesTheReleaseAndItsAssetsWithoutAToken() throws IOException {
    List<String> lines = runner(Map.of()).describe(stage("acme/widgets"), release());

    assertThat(String.join("\n", lines))
        .contains("acme/widgets", "v1.4.0", "acme_widgets-1.4.0-py3-none-any.whl", "SHA256SUMS");
    assertThat(lines.get(lines.size() - 1)).startsWith("no token yet: give a token");
    assertThat(dir.resolve("out/SHA256SUMS")).doesNotExist();
  }

  private GithubReleaseRunner runner(Map<String, String> environment) {
    return new GithubReleaseRunner(
        HttpSettings.defaults("pyrelease-test"),
        new CredentialLookup(ServerCredentials.none(), environment),
        environment,
        dir.resolve("out"),
        Optional::empty);
  }

  private static PublishStage.GithubRelease stage(String repository) {
    return new PublishStage.GithubRelease(
        "github",
        repository,
        "https://api.github.com",
        "github",
        "v{version}",
        false,
        Set.of(),
        new Position("release-policy.yaml", 4, 5));
  }

  private Release release() throws IOException {
    Path dist = Files.createDirectories(dir.resolve("dist"));
    new Archives.Wheel("acme-widgets", "1.4.0").write(dist);
    return new Release(
        "acme-widgets", "1.4.0", ReleaseFiles.read(dist), "1.4.0 - 2026-11-30", "- Notes.", false);
  }
}
