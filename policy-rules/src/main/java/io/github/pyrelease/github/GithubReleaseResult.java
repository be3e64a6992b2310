package io.github.pyrelease.github;

import java.util.List;

/**
 * What {@link GithubReleases#publish} did.
 *
 * @param releaseId GitHub's id of the release
 * @param htmlUrl the release's page
 * @param outcome what was done
 * @param assets each requested asset, in the order asked
 */
public record GithubReleaseResult(
    long releaseId, String htmlUrl, Outcome outcome, List<AssetResult> assets) {

  public GithubReleaseResult {
    assets = List.copyOf(assets);
  }

  /** What was done. */
  public enum Outcome {
    /** A draft was completed and published by this run. */
    PUBLISHED,
    /** The release was published already, with every asset: nothing was changed (a re-run). */
    ALREADY_PUBLISHED,
    /** The release was published already (and is mutable): missing assets were added to it. */
    ASSETS_ADDED
  }

  /**
   * One asset.
   *
   * @param name its name
   * @param sha256 its digest
   * @param url where it is downloaded from
   * @param uploaded whether this run uploaded it (false: GitHub had it already, identical)
   */
  public record AssetResult(String name, String sha256, String url, boolean uploaded) {}
}
