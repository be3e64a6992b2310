package io.github.pyrelease.publish;

import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.index.IndexLocation;
import io.github.pyrelease.publish.plan.PublishStage;
import io.github.pyrelease.publish.state.PublishState;
import io.github.pyrelease.upload.IndexUploader;
import io.github.pyrelease.upload.UploadCredentials;
import io.github.pyrelease.upload.UploadResult;
import io.github.pyrelease.upload.UploadTarget;
import java.util.ArrayList;
import java.util.List;

/** The {@code index} stage: each file through the index's legacy upload API, sdist first. */
final class IndexUploadRunner implements StageRunner {

  private final HttpClient http;
  private final UploadCredentials credentials;

  IndexUploadRunner(HttpClient http, UploadCredentials credentials) {
    this.http = http;
    this.credentials = credentials;
  }

  /** The index a stage's files show on, as its simple API URL. */
  static String simpleUrl(PublishStage.Index stage) {
    return IndexLocation.of(indexUrl(stage)).simpleUrl();
  }

  private static String indexUrl(PublishStage.Index stage) {
    return stage.indexUrl() != null
        ? stage.indexUrl()
        : UploadTarget.defaultIndexUrl(stage.uploadUrl());
  }

  @Override
  public String target(PublishStage stage, Release release) {
    return ((PublishStage.Index) stage).uploadUrl();
  }

  @Override
  public List<String> describe(PublishStage stage, Release release) {
    PublishStage.Index index = (PublishStage.Index) stage;
    // A dry run names where the credentials would come from but asks no server for them.
    Credentials shown =
        new Credentials(
            "__token__",
            Secret.of(""),
            "settings.xml server '"
                + index.serverId()
                + "', the environment, ~/.pypirc or trusted publishing (looked up when publishing)");
    UploadTarget target =
        new UploadTarget(index.name(), index.uploadUrl(), indexUrl(index), index.serverId(), shown);
    List<String> lines = new ArrayList<>();
    IndexUploader uploader = new IndexUploader(http);
    for (ReleaseFile file : release.files()) {
      lines.addAll(uploader.describe(target, file));
    }
    return lines;
  }

  @Override
  public void publish(PublishStage stage, Release release, StageProgress progress) {
    PublishStage.Index index = (PublishStage.Index) stage;
    progress.detail(PublishState.SIMPLE_URL, simpleUrl(index));
    IndexUploader uploader = new IndexUploader(http);
    String page = null;
    boolean announced = false;
    for (ReleaseFile file : release.files()) {
      if (progress.done(file)) {
        progress.log(file.fileName() + ": uploaded earlier, skipped");
        continue;
      }
      // Asked per file: a trusted publishing token lives 15 minutes and is minted again.
      Credentials login = credentials.resolve(index.name(), index.serverId(), index.uploadUrl());
      if (!announced) {
        progress.log(
            "uploading to "
                + index.uploadUrl()
                + " as "
                + login.username()
                + " ("
                + login.origin()
                + ")");
        announced = true;
      }
      UploadTarget target =
          new UploadTarget(
              index.name(), index.uploadUrl(), indexUrl(index), index.serverId(), login);
      UploadResult result = uploader.upload(target, file);
      progress.published(
          file,
          result.status() == UploadResult.Status.UPLOADED ? "uploaded" : "already-present",
          result.url());
      page = result.url();
    }
    if (page != null) {
      progress.url(page);
    }
  }
}
