package io.github.pyrelease.github;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.github.AssetCheck.State;
import io.github.pyrelease.github.GithubReleaseResult.AssetResult;
import io.github.pyrelease.http.HttpTransportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The assets of one release brought to what the request asks: identical ones kept, unfinished ones
 * deleted and redone, missing ones uploaded and checked; an asset of the same name with other bytes
 * stops everything before the first upload.
 */
final class ReleaseAssets {

  private final GithubClient github;
  private final GithubReleaseRequest request;
  private final Attempts attempts;

  ReleaseAssets(GithubClient github, GithubReleaseRequest request, Attempts attempts) {
    this.github = github;
    this.request = request;
    this.attempts = attempts;
  }

  List<AssetCheck> check(GithubRelease release) throws HttpTransportException {
    List<GithubAsset> remote = github.assets(request.repository(), release.id());
    List<AssetCheck> checks = new ArrayList<>();
    for (AssetFile asset : request.assets()) {
      checks.add(
          AssetCheck.of(github, request.repository(), asset, remote, request.listener()::log));
    }
    return checks;
  }

  /** Before anything is uploaded: an asset of the same name with other bytes stops it all. */
  void refuseDifferent(List<AssetCheck> checks, GithubRelease release) {
    for (AssetCheck check : checks) {
      if (check.state() != State.DIFFERENT) {
        continue;
      }
      if (release.draft()) {
        throw new PyreleaseException(
            "the draft release of "
                + request.tag()
                + " holds an asset "
                + check.local().name()
                + " with other content ("
                + check.bothSides()
                + ")",
            release.htmlUrl(),
            "if the draft holds an older build, delete that asset (or the draft) on GitHub and run"
                + " again; otherwise rebuild the files that were uploaded");
      }
      throw new PyreleaseException(
          "the published release of "
              + request.tag()
              + " already has an asset "
              + check.local().name()
              + " with other content ("
              + check.bothSides()
              + "): pyrelease never overwrites a published file",
          release.htmlUrl(),
          "publish exactly the files that were published (rebuild them from the tag), or release a"
              + " new version");
    }
  }

  List<AssetResult> complete(GithubRelease release, List<AssetCheck> checks)
      throws HttpTransportException {
    GithubReleaseListener listener = request.listener();
    List<AssetResult> results = new ArrayList<>();
    for (AssetCheck check : checks) {
      AssetFile asset = check.local();
      if (check.state() == State.IDENTICAL) {
        listener.log(asset.name() + " is on GitHub already, identical");
        listener.assetPresent(asset, check.remote().browserDownloadUrl());
        results.add(result(asset, check.remote(), false));
        continue;
      }
      if (check.state() == State.INCOMPLETE) {
        listener.log(
            "deleting "
                + asset.name()
                + ", left in state '"
                + check.remote().state()
                + "' by an upload that did not finish");
        github.deleteAsset(request.repository(), check.remote().id());
      }
      Landed landed = upload(release, asset);
      if (landed.uploaded()) {
        listener.assetUploaded(asset, landed.asset().browserDownloadUrl());
      } else {
        listener.assetPresent(asset, landed.asset().browserDownloadUrl());
      }
      results.add(result(asset, landed.asset(), landed.uploaded()));
    }
    return results;
  }

  /** An asset GitHub holds, and whether this run's upload put it there. */
  private record Landed(GithubAsset asset, boolean uploaded) {}

  private static AssetResult result(AssetFile asset, GithubAsset remote, boolean uploaded) {
    return new AssetResult(asset.name(), asset.sha256(), remote.browserDownloadUrl(), uploaded);
  }

  /**
   * Uploads {@code asset} and checks GitHub's answer, trying again after a failure that may pass
   * once GitHub's side is looked at and cleaned.
   *
   * @return the asset, and whether this upload made it (rather than an attempt whose answer was
   *     lost, which GitHub holds nevertheless, identical)
   */
  private Landed upload(GithubRelease release, AssetFile asset) throws HttpTransportException {
    GithubReleaseListener listener = request.listener();
    GithubRepository repository = request.repository();
    String where = release.draft() ? "the draft release " + release.id() : release.htmlUrl();
    for (int attempt = 1; ; attempt++) {
      listener.log("uploading " + asset.name() + " (" + asset.size() + " bytes) to " + where);
      String failure;
      try {
        GithubClient.Upload upload = github.upload(repository, release, asset);
        GithubAsset answer = upload.asset();
        refuseRenamedOrChanged(release, asset, upload);
        String stored = answer.sha256();
        if (answer.uploaded()
            && answer.size() == asset.size()
            && (stored == null || stored.equals(asset.sha256()))) {
          listener.log("uploaded " + asset.name());
          return new Landed(answer, true);
        }
        failure =
            "GitHub answered with state '"
                + answer.state()
                + "', "
                + answer.size()
                + " bytes"
                + (stored == null ? "" : ", sha256:" + stored);
        github.deleteAsset(repository, answer.id());
      } catch (HttpTransportException | GithubApiException e) {
        if (!Attempts.transientFailure(e)) {
          throw e;
        }
        failure = e.getMessage();
        Optional<GithubAsset> landed = presentAfterFailure(release, asset);
        if (landed.isPresent()) {
          listener.log(
              "the upload of " + asset.name() + " had landed, identical, despite: " + failure);
          return new Landed(landed.get(), false);
        }
      }
      if (attempt == Attempts.MAX) {
        throw new PyreleaseException(
            "the upload of "
                + asset.name()
                + " to "
                + where
                + " failed "
                + Attempts.MAX
                + " times, last: "
                + failure
                + (release.draft() ? "; the release stays a draft" : ""),
            release.htmlUrl(),
            "run again later: pyrelease resumes with the assets still missing");
      }
      listener.log(
          "the upload of "
              + asset.name()
              + " failed (attempt "
              + attempt
              + " of "
              + Attempts.MAX
              + "): "
              + failure);
      attempts.pause(attempt);
    }
  }

  /**
   * An upload GitHub stored under another name (it renames names with characters it does not
   * accept), or whose file changed since its digest was computed, is deleted and stops the release.
   */
  private void refuseRenamedOrChanged(
      GithubRelease release, AssetFile asset, GithubClient.Upload upload)
      throws HttpTransportException {
    GithubRepository repository = request.repository();
    GithubAsset answer = upload.asset();
    if (!answer.name().equals(asset.name())) {
      github.deleteAsset(repository, answer.id());
      throw new PyreleaseException(
          "GitHub stored the asset "
              + asset.name()
              + " as '"
              + answer.name()
              + "' (it renames names with characters it does not accept): it was deleted"
              + (release.draft() ? ", and the release stays a draft" : ""),
          asset.path().toString(),
          "name the file with letters, digits and . _ - + only, then run again");
    }
    if (!asset.sha256().equals(upload.sentSha256())) {
      github.deleteAsset(repository, answer.id());
      throw new PyreleaseException(
          asset.path()
              + " changed since its digest was computed (sent sha256:"
              + upload.sentSha256()
              + ", expected sha256:"
              + asset.sha256()
              + "): the upload was deleted",
          asset.path().toString(),
          "build the distributions again and rerun the release from the start");
    }
  }

  /**
   * What GitHub holds under {@code asset}'s name after a failed upload: the asset when identical
   * (the upload landed, only its answer was lost); an unfinished one is deleted; other bytes stop
   * the release.
   */
  private Optional<GithubAsset> presentAfterFailure(GithubRelease release, AssetFile asset)
      throws HttpTransportException {
    List<GithubAsset> remote = github.assets(request.repository(), release.id());
    AssetCheck check =
        AssetCheck.of(github, request.repository(), asset, remote, request.listener()::log);
    switch (check.state()) {
      case IDENTICAL:
        return Optional.of(check.remote());
      case INCOMPLETE:
        request
            .listener()
            .log("deleting " + asset.name() + ", left in state '" + check.remote().state() + "'");
        github.deleteAsset(request.repository(), check.remote().id());
        return Optional.empty();
      case DIFFERENT:
        refuseDifferent(List.of(check), release);
        return Optional.empty();
      default:
        return Optional.empty();
    }
  }
}
