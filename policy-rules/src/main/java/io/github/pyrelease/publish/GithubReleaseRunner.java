package io.github.pyrelease.publish;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.dist.FileDigests;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.github.AssetFile;
import io.github.pyrelease.github.GithubClient;
import io.github.pyrelease.github.GithubRelease;
import io.github.pyrelease.github.GithubReleaseListener;
import io.github.pyrelease.github.GithubReleaseRequest;
import io.github.pyrelease.github.GithubReleaseResult;
import io.github.pyrelease.github.GithubReleases;
import io.github.pyrelease.github.Sha256Sums;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.publish.plan.PublishStage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@code github-release} stage: the version's tag as a GitHub Release, drafted, given the
 * distributions and a SHA256SUMS file as assets, then published; notes from the changelog.
 */
final class GithubReleaseRunner implements StageRunner {

  private final HttpSettings http;
  private final CredentialLookup credentials;
  private final Map<String, String> environment;
  private final Path outDir;
  private final Supplier<Optional<String>> headCommit;

  /**
   * @param outDir where SHA256SUMS is written before it is uploaded
   * @param headCommit the commit a tag missing on GitHub is created at
   */
  GithubReleaseRunner(
      HttpSettings http,
      CredentialLookup credentials,
      Map<String, String> environment,
      Path outDir,
      Supplier<Optional<String>> headCommit) {
    this.http = http;
    this.credentials = credentials;
    this.environment = environment;
    this.outDir = outDir;
    this.headCommit = headCommit;
  }

  @Override
  public String target(PublishStage stage, Release release) {
    PublishStage.GithubRelease github = (PublishStage.GithubRelease) stage;
    return repository(github) + " " + release.tag(github.tagFormat());
  }

  @Override
  public List<String> describe(PublishStage stage, Release release) {
    PublishStage.GithubRelease github = (PublishStage.GithubRelease) stage;
    byte[] sums = Sha256Sums.of(release.files()).getBytes(StandardCharsets.UTF_8);
    List<AssetFile> assets =
        assets(
            release,
            AssetFile.of(
                outDir.resolve(Sha256Sums.FILE_NAME), FileDigests.sha256(sums), sums.length));
    Credentials token = token(github).orElse(null);
    GithubReleases releases =
        new GithubReleases(
            new GithubClient(
                github.apiUrl(),
                token != null ? token : new Credentials("token", Secret.of(""), "none"),
                http));
    List<String> lines = new ArrayList<>(releases.describe(request(github, release, assets, null)));
    if (token == null) {
      lines.add("no token yet: " + whereTokensGo(github));
    }
    return lines;
  }

  @Override
  public void publish(PublishStage stage, Release release, StageProgress progress) {
    PublishStage.GithubRelease github = (PublishStage.GithubRelease) stage;
    Credentials token =
        token(github)
            .orElseThrow(
                () ->
                    new PyreleaseException(
                        "stage '" + stage.name() + "' has no GitHub token",
                        stage.at().toString(),
                        whereTokensGo(github)));
    List<AssetFile> assets =
        assets(release, Sha256Sums.write(outDir.resolve(Sha256Sums.FILE_NAME), release.files()));
    GithubReleases releases = new GithubReleases(new GithubClient(github.apiUrl(), token, http));
    GithubReleaseResult result =
        releases.publish(request(github, release, assets, listener(release, progress)));
    progress.url(result.htmlUrl());
  }

  /** The distributions, then the SHA256SUMS file. */
  private static List<AssetFile> assets(Release release, AssetFile sums) {
    List<AssetFile> assets = new ArrayList<>();
    release.files().forEach(f -> assets.add(AssetFile.of(f)));
    assets.add(sums);
    return assets;
  }

  private GithubReleaseRequest request(
      PublishStage.GithubRelease stage,
      Release release,
      List<AssetFile> assets,
      GithubReleaseListener listener) {
    GithubReleaseRequest.Builder builder =
        GithubReleaseRequest.builder(repository(stage), release.tag(stage.tagFormat()))
            .name(release.title())
            .body(release.notes())
            .generateNotes(stage.generatedNotes())
            .prerelease(release.prerelease())
            .assets(assets);
    headCommit.get().ifPresent(builder::targetCommitish);
    if (listener != null) {
      builder.listener(listener);
    }
    return builder.build();
  }

  /** Records each distribution as GitHub confirms it, and the draft's id for the log. */
  private static GithubReleaseListener listener(Release release, StageProgress progress) {
    return new GithubReleaseListener() {
      @Override
      public void draftCreated(GithubRelease draft) {
        progress.detail("release-id", String.valueOf(draft.id()));
      }

      @Override
      public void draftReused(GithubRelease draft) {
        progress.detail("release-id", String.valueOf(draft.id()));
      }

      @Override
      public void assetUploaded(AssetFile asset, String url) {
        record(asset, "uploaded", url);
      }

      @Override
      public void assetPresent(AssetFile asset, String url) {
        record(asset, "already-present", url);
      }

      @Override
      public void log(String line) {
        progress.log(line);
      }

      private void record(AssetFile asset, String outcome, String url) {
        Optional<ReleaseFile> file =
            release.files().stream().filter(f -> f.fileName().equals(asset.name())).findFirst();
        if (file.isPresent()) {
          progress.published(file.get(), outcome, url);
        } else {
          progress.detail(asset.name() + "-url", url);
        }
      }
    };
  }

  private String repository(PublishStage.GithubRelease stage) {
    String repository =
        stage.repository() != null ? stage.repository() : environment.get("GITHUB_REPOSITORY");
    if (repository == null) {
      throw new PyreleaseException(
          "stage '" + stage.name() + "' names no GitHub repository",
          stage.at().toString(),
          "add repository: owner/name to the stage (in GitHub Actions, GITHUB_REPOSITORY gives it)");
    }
    return repository;
  }

  /** The stage's server (settings.xml, PYRELEASE_<ID>_TOKEN), then GITHUB_TOKEN. */
  private Optional<Credentials> token(PublishStage.GithubRelease stage) {
    return credentials
        .find(stage.serverId())
        .or(
            () ->
                Optional.ofNullable(environment.get("GITHUB_TOKEN"))
                    .filter(t -> !t.isBlank())
                    .map(t -> new Credentials("token", Secret.of(t), "environment GITHUB_TOKEN")));
  }

  private static String whereTokensGo(PublishStage.GithubRelease stage) {
    return "give a token with contents: write as the password of "
        + CredentialLookup.whereToPut(stage.serverId())
        + ", or in GITHUB_TOKEN";
  }
}
