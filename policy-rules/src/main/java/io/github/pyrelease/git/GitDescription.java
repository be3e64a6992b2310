package io.github.pyrelease.git;

import java.time.LocalDate;

/**
 * What {@code git describe --dirty --tags --long --match *[0-9]*} and its neighbours say of HEAD,
 * the facts setuptools_scm computes a version from.
 *
 * @param tag the nearest tag whose name has a digit, or {@code null} when there is none
 * @param distance commits in HEAD not reachable from {@code tag}; without a tag, all commits
 * @param node {@code g} and HEAD's abbreviated id as git describe abbreviates it (with a tag) or
 *     its first 7 hex digits (without), or {@code null} before the first commit
 * @param dirty whether tracked files differ from HEAD (staged or not; untracked files do not count)
 * @param branch the branch's short name, or {@code HEAD} when detached
 * @param headDate the day of HEAD's commit in its committer's time zone, or {@code null}
 */
public record GitDescription(
    String tag, int distance, String node, boolean dirty, String branch, LocalDate headDate) {

  /** The describe line git prints: {@code v1.2.0-3-g1a2b3c4-dirty}, or null without a tag. */
  public String describe() {
    return tag == null ? null : tag + "-" + distance + "-" + node + (dirty ? "-dirty" : "");
  }
}
