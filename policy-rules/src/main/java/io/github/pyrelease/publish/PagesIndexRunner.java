package io.github.pyrelease.publish;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.pages.DistributionLink;
import io.github.pyrelease.pages.GitHubPages;
import io.github.pyrelease.pages.PagesResult;
import io.github.pyrelease.pages.StaticSimpleIndex;
import io.github.pyrelease.publish.plan.PublishPlan;
import io.github.pyrelease.publish.plan.PublishStage;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code pages-index} stage: the static simple index for GitHub Pages, its links pointing at
 * where the files are downloaded (by default the GitHub Release's assets).
 */
final class PagesIndexRunner implements StageRunner {

  static final String GITHUB_DOWNLOAD =
      "https://github.com/{repository}/releases/download/{tag}/{file}";

  private final Path projectDir;
  private final PublishPlan plan;
  private final Map<String, String> environment;
  private final Clock clock;

  PagesIndexRunner(
      Path projectDir, PublishPlan plan, Map<String, String> environment, Clock clock) {
    this.projectDir = projectDir;
    this.plan = plan;
    this.environment = environment;
    this.clock = clock;
  }

  @Override
  public String target(PublishStage stage, Release release) {
    return output((PublishStage.PagesIndex) stage).toString();
  }

  @Override
  public List<String> describe(PublishStage stage, Release release) {
    PublishStage.PagesIndex pages = (PublishStage.PagesIndex) stage;
    List<String> lines = new ArrayList<>();
    lines.add("write the simple index in " + output(pages) + ":");
    index(pages).dryRun(release.project(), links(pages, release)).forEach(l -> lines.add("  " + l));
    return lines;
  }

  @Override
  public void publish(PublishStage stage, Release release, StageProgress progress) {
    PublishStage.PagesIndex pages = (PublishStage.PagesIndex) stage;
    List<DistributionLink> links = links(pages, release);
    PagesResult result = index(pages).write(release.project(), links);
    for (int i = 0; i < release.files().size(); i++) {
      progress.published(release.files().get(i), "listed", links.get(i).url());
    }
    result.notes().forEach(progress::log);
    progress.log(
        (result.written().isEmpty()
                ? "the index in " + result.outputDirectory() + " already listed every file"
                : "wrote " + result.written().size() + " pages in " + result.outputDirectory())
            + "; push it to GitHub Pages, then: "
            + result.pipCommand());
    result.indexUrl().ifPresent(url -> progress.url(url.toString()));
  }

  private StaticSimpleIndex index(PublishStage.PagesIndex stage) {
    String repository = repository(stage, false);
    if (repository == null) {
      return new StaticSimpleIndex(output(stage));
    }
    String[] parts = repository.split("/", 2);
    return new StaticSimpleIndex(output(stage), GitHubPages.siteUrl(parts[0], parts[1]));
  }

  private List<DistributionLink> links(PublishStage.PagesIndex stage, Release release) {
    String template = stage.filesUrl() != null ? stage.filesUrl() : GITHUB_DOWNLOAD;
    String repository = template.contains("{repository}") ? repository(stage, true) : null;
    String tag = release.tag(stage.tagFormat());
    Instant now = Instant.now(clock);
    List<DistributionLink> links = new ArrayList<>();
    for (ReleaseFile file : release.files()) {
      String url =
          template
              .replace("{repository}", repository == null ? "" : repository)
              .replace("{tag}", encode(tag))
              .replace("{version}", encode(release.version()))
              .replace("{file}", encode(file.fileName()));
      links.add(DistributionLink.of(file, URI.create(url).toString(), now));
    }
    return links;
  }

  /** The stage's repository, a GitHub Release stage's, or GitHub Actions' GITHUB_REPOSITORY. */
  private String repository(PublishStage.PagesIndex stage, boolean required) {
    String repository =
        stage.repository() != null
            ? stage.repository()
            : plan.githubRepository().orElse(environment.get("GITHUB_REPOSITORY"));
    if (repository == null && required) {
      throw new PyreleaseException(
          "stage '" + stage.name() + "' links to GitHub Release assets, and no repository is known",
          stage.at().toString(),
          "add repository: owner/name to the stage (or to the github-release stage), or set"
              + " files-url to where the files are downloaded");
    }
    return repository;
  }

  private Path output(PublishStage.PagesIndex stage) {
    return projectDir.resolve(stage.output()).normalize();
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
