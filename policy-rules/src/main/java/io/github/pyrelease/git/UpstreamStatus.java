package io.github.pyrelease.git;

/**
 * A branch next to the branch it tracks.
 *
 * @param branch the local branch
 * @param upstream the remote-tracking branch, such as {@code origin/main}
 * @param remote the remote's name
 * @param remoteUrl the remote's URL, without user info
 * @param gone whether the remote-tracking branch does not exist (never fetched, or deleted on the
 *     remote); ahead and behind are then 0
 * @param ahead commits on the branch that the upstream lacks
 * @param behind commits on the upstream that the branch lacks
 * @param fetched whether the upstream was fetched just now
 * @param notFetchedReason why it was not fetched (offline, unreachable), or {@code null}
 */
public record UpstreamStatus(
    String branch,
    String upstream,
    String remote,
    String remoteUrl,
    boolean gone,
    int ahead,
    int behind,
    boolean fetched,
    String notFetchedReason) {}
