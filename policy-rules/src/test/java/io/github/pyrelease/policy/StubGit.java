package io.github.pyrelease.policy;

import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.git.GitFacts;
import io.github.pyrelease.git.GitStatus;
import io.github.pyrelease.git.GitTag;
import io.github.pyrelease.git.HeadState;
import io.github.pyrelease.git.RemoteTags;
import io.github.pyrelease.git.UpstreamStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Git facts from plain values: a repository on branch main at commit {@link #HEAD}. */
public class StubGit implements GitFacts {

  public static final String HEAD = "aaaaaaaaaaaa0000000000000000000000000000";

  private HeadState head = new HeadState("main", HEAD);
  private final List<GitStatus.DirtyPath> dirty = new ArrayList<>();
  private final List<GitTag> tags = new ArrayList<>();
  private final Set<String> unreachable = new HashSet<>();
  private boolean shallow;
  private UpstreamStatus upstream =
      new UpstreamStatus(
          "main", "origin/main", "origin", "https://git.example/acme.git", false, 0, 0, true, null);
  private final Map<String, String> remoteTags = new HashMap<>();
  private FactUnavailableException remoteProblem;
  private boolean noRemote;

  public static StubGit onMain() {
    return new StubGit();
  }

  public StubGit branch(String branch) {
    head = new HeadState(branch, HEAD);
    upstream =
        new UpstreamStatus(
            branch, "origin/" + branch, "origin", upstream.remoteUrl(), false, 0, 0, true, null);
    return this;
  }

  public StubGit detached() {
    head = new HeadState(null, HEAD);
    upstream = null;
    return this;
  }

  public StubGit noCommit() {
    head = new HeadState("main", null);
    return this;
  }

  public StubGit dirty(String path, GitStatus.Change change) {
    dirty.add(new GitStatus.DirtyPath(path, change));
    return this;
  }

  /** A tag on HEAD. */
  public StubGit tagAtHead(String name) {
    return tag(name, HEAD);
  }

  public StubGit tag(String name, String commit) {
    tags.add(new GitTag(name, commit, true));
    return this;
  }

  /** A tag on a commit HEAD does not descend from (another branch). */
  public StubGit unreachableTag(String name, String commit) {
    unreachable.add(commit);
    return tag(name, commit);
  }

  public StubGit shallowClone() {
    shallow = true;
    return this;
  }

  public StubGit noUpstream() {
    upstream = null;
    return this;
  }

  public StubGit upstream(int ahead, int behind, boolean fetched, String notFetchedReason) {
    upstream =
        new UpstreamStatus(
            head.branch(),
            "origin/" + head.branch(),
            "origin",
            upstream.remoteUrl(),
            false,
            ahead,
            behind,
            fetched,
            notFetchedReason);
    return this;
  }

  public StubGit upstreamGone() {
    upstream =
        new UpstreamStatus(
            head.branch(),
            "origin/" + head.branch(),
            "origin",
            upstream.remoteUrl(),
            true,
            0,
            0,
            true,
            null);
    return this;
  }

  public StubGit remoteTag(String name, String commit) {
    remoteTags.put(name, commit);
    return this;
  }

  public StubGit remoteUnavailable(String why) {
    remoteProblem = new FactUnavailableException(why, "origin", "fix the remote", null);
    return this;
  }

  public StubGit noRemote() {
    noRemote = true;
    return this;
  }

  @Override
  public HeadState head() {
    return head;
  }

  @Override
  public GitStatus status() {
    return new GitStatus(dirty);
  }

  @Override
  public List<GitTag> tags() {
    return List.copyOf(tags);
  }

  @Override
  public boolean reachableFromHead(String commit) {
    return !unreachable.contains(commit);
  }

  @Override
  public boolean shallow() {
    return shallow;
  }

  @Override
  public Optional<UpstreamStatus> upstream(String serverId) {
    return head.detached() ? Optional.empty() : Optional.ofNullable(upstream);
  }

  @Override
  public RemoteTags remoteTags(String serverId) {
    if (remoteProblem != null) {
      throw remoteProblem;
    }
    return noRemote
        ? RemoteTags.noRemote()
        : new RemoteTags("origin", "https://git.example/acme.git", remoteTags);
  }
}
