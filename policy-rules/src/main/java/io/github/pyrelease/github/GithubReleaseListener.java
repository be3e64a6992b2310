package io.github.pyrelease.github;

/**
 * Hears each step of {@link GithubReleases#publish} as it happens, so the caller can record
 * progress (in its state file) and log. Every method has a default that does nothing.
 */
public interface GithubReleaseListener {

  /** Hears nothing. */
  GithubReleaseListener NONE = new GithubReleaseListener() {};

  /** A draft release was created for the tag. */
  default void draftCreated(GithubRelease draft) {}

  /** The tag's draft release, left by an earlier run, is used. */
  default void draftReused(GithubRelease draft) {}

  /** {@code asset} was uploaded; {@code url} is where it is downloaded from once published. */
  default void assetUploaded(AssetFile asset, String url) {}

  /** GitHub already holds {@code asset}, identical: nothing was uploaded. */
  default void assetPresent(AssetFile asset, String url) {}

  /** The release is published (by this run, or by an earlier one when there was nothing to do). */
  default void published(GithubRelease release) {}

  /** A line for the log: what is being done, waits, retries. Never holds the token. */
  default void log(String line) {}
}
