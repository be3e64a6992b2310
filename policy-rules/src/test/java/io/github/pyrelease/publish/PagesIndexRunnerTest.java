package io.github.pyrelease.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.Archives;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.dist.ReleaseFiles;
import io.github.pyrelease.policyfile.Position;
import io.github.pyrelease.publish.plan.PublishPlan;
import io.github.pyrelease.publish.plan.PublishStage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PagesIndexRunnerTest {

  @TempDir Path dir;

  private final Map<String, String> published = new LinkedHashMap<>();
  private final List<String> logged = new ArrayList<>();
  private String url;

  @Test
  void linksEachFileToTheReleaseAssetOfTheGithubStagesRepository() throws IOException {
    Release release = release();
    PublishStage.PagesIndex pages = pages(null, null);
    PublishPlan plan =
        new PublishPlan(
            List.of(
                new PublishStage.GithubRelease(
                    "github",
                    "Acme/widgets",
                    "https://api.github.com",
                    "github",
                    "v{version}",
                    false,
                    Set.of(),
                    at()),
                pages),
            "release-policy.yaml");

    runner(plan, Map.of()).publish(pages, release, progress());

    assertThat(published)
        .containsEntry(
            "acme_widgets-1.4.0-py3-none-any.whl",
            "https://github.com/Acme/widgets/releases/download/v1.4.0/acme_widgets-1.4.0-py3-none-any.whl");
    String page = Files.readString(dir.resolve("target/pages/simple/acme-widgets/index.html"));
    assertThat(page)
        .contains(
            "https://github.com/Acme/widgets/releases/download/v1.4.0/acme_widgets-1.4.0.tar.gz#sha256="
                + release.files().get(0).sha256());
    assertThat(url).isEqualTo("https://acme.github.io/widgets/simple/");
    assertThat(logged)
        .anyMatch(
            l ->
                l.endsWith(
                    "pip install --extra-index-url https://acme.github.io/widgets/simple/"
                        + " acme-widgets"));
  }

  @Test
  void aFilesUrlTemplateAndGithubActionsRepositoryAreHonoured() throws IOException {
    Release release = release();
    PublishStage.PagesIndex pages =
        pages("https://files.example/{repository}/{version}/{file}", null);
    PublishPlan plan = new PublishPlan(List.of(pages), "release-policy.yaml");

    runner(plan, Map.of("GITHUB_REPOSITORY", "acme/tool")).publish(pages, release, progress());

    assertThat(published.values())
        .containsExactly(
            "https://files.example/acme/tool/1.4.0/acme_widgets-1.4.0.tar.gz",
            "https://files.example/acme/tool/1.4.0/acme_widgets-1.4.0-py3-none-any.whl");
  }

  @Test
  void withoutARepositoryTheGithubLinksCannotBeMade() throws IOException {
    Release release = release();
    PublishStage.PagesIndex pages = pages(null, null);
    PublishPlan plan = new PublishPlan(List.of(pages), "release-policy.yaml");

    assertThatThrownBy(() -> runner(plan, Map.of()).publish(pages, release, progress()))
        .isInstanceOf(PyreleaseException.class)
        .hasMessage("stage 'pages' links to GitHub Release assets, and no repository is known");
    assertThat(dir.resolve("target/pages")).doesNotExist();
  }

  @Test
  void aDryRunListsThePagesAndWritesNothing() throws IOException {
    Release release = release();
    PublishStage.PagesIndex pages = pages(null, "acme/widgets");
    PublishPlan plan = new PublishPlan(List.of(pages), "release-policy.yaml");

    List<String> lines = runner(plan, Map.of()).describe(pages, release);

    assertThat(lines.get(0))
        .isEqualTo("write the simple index in " + dir.resolve("target/pages") + ":");
    assertThat(String.join("\n", lines)).contains("acme_widgets-1.4.0-py3-none-any.whl");
    assertThat(dir.resolve("target/pages")).doesNotExist();
  }

  private PagesIndexRunner runner(PublishPlan plan, Map<String, String> environment) {
    return new PagesIndexRunner(
        dir, plan, environment, Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
  }

  private static PublishStage.PagesIndex pages(String filesUrl, String repository) {
    return new PublishStage.PagesIndex(
        "pages", "target/pages", filesUrl, repository, "v{version}", Set.of(), at());
  }

  private static Position at() {
    return new Position("release-policy.yaml", 5, 5);
  }

  private Release release() throws IOException {
    Path dist = Files.createDirectories(dir.resolve("target/dist"));
    new Archives.Wheel("acme-widgets", "1.4.0").write(dist);
    Files.write(
        dist.resolve("acme_widgets-1.4.0.tar.gz"),
        Archives.tarGz(
            Archives.sdist("acme-widgets", "1.4.0", Archives.pkgInfo("acme-widgets", "1.4.0"))));
    List<ReleaseFile> files = ReleaseFiles.read(dist);
    return new Release("acme-widgets", "1.4.0", files, "acme-widgets 1.4.0", "", false);
  }

  private StageProgress progress() {
    return new StageProgress() {
      @Override
      public boolean done(ReleaseFile file) {
        return false;
      }

      @Override
      public void published(ReleaseFile file, String outcome, String fileUrl) {
        assertThat(outcome).isEqualTo("listed");
        published.put(file.fileName(), fileUrl);
      }

      @Override
      public void detail(String key, String value) {}

      @Override
      public Optional<String> detail(String key) {
        return Optional.empty();
      }

      @Override
      public void url(String pageUrl) {
        url = pageUrl;
      }

      @Override
      public void log(String message) {
        logged.add(message);
      }
    };
  }
}
