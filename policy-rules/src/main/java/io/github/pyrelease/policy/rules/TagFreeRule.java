package io.github.pyrelease.policy.rules;

import io.github.pyrelease.git.GitFacts;
import io.github.pyrelease.git.GitTag;
import io.github.pyrelease.git.HeadState;
import io.github.pyrelease.git.RemoteTags;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.version.Version;
import java.util.List;
import java.util.Optional;

/**
 * The tag of this version is not taken by another commit, locally or on the remote. A tag that
 * points at HEAD is this release's own (made by {@code pyrelease:bump}, or a tag build) and passes.
 */
public final class TagFreeRule extends AbstractRule {

  public static final RuleOption<String> FORMAT = TagFormat.option("format");
  public static final RuleOption<String> SERVER =
      RuleOption.string(
          "server",
          null,
          "settings.xml server id whose credentials listing the remote's tags sends; unset: the"
              + " one named after the remote's host");

  private final TagFormat format;
  private final String server;

  public TagFreeRule() {
    this(RuleOptions.defaults());
  }

  public TagFreeRule(RuleOptions options) {
    super(
        "tag-free",
        Stage.RELEASE,
        Level.ERROR,
        "the version's tag is not taken by another commit, locally or on the remote");
    this.format = new TagFormat(options.get(FORMAT));
    this.server = options.get(SERVER);
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(FORMAT, SERVER);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    return ReleaseFacts.forVersionInRepository(facts, (version, git) -> check(facts, version, git));
  }

  private Verdict check(Facts facts, Version version, GitFacts git) {
    String tag = format.tagOf(version, facts.project().name());
    HeadState head = git.head();
    Optional<GitTag> local = git.tags().stream().filter(t -> t.name().equals(tag)).findFirst();
    if (local.isPresent() && !local.get().commit().equals(head.commit())) {
      return taken(
          tag,
          "locally",
          local.get().shortCommit(),
          head,
          "if the tag is a mistake that was never pushed: git tag -d " + tag);
    }
    RemoteTags remote = git.remoteTags(server);
    Optional<String> remoteCommit = remote.commitOf(tag);
    if (remoteCommit.isPresent() && !remoteCommit.get().equals(head.commit())) {
      return taken(
          tag,
          "on " + remote.remote() + " (" + remote.url() + ")",
          remoteCommit.get().substring(0, Math.min(12, remoteCommit.get().length())),
          head,
          "a pushed tag is public: do not move it");
    }
    boolean ours = local.isPresent() || remoteCommit.isPresent();
    String where =
        remote.remote() == null
            ? "locally (no remote configured)"
            : "locally and on " + remote.remote();
    return Verdict.pass(
        ours ? tag + " points at HEAD: this release's own tag" : tag + " is free " + where);
  }

  private static Verdict taken(
      String tag, String where, String commit, HeadState head, String hint) {
    return Verdict.of(
        tag + " is taken " + where,
        List.of(
            Finding.of(
                "taken:" + tag,
                "the tag "
                    + tag
                    + " already exists "
                    + where
                    + " on commit "
                    + commit
                    + ", not on HEAD ("
                    + head.shortCommit()
                    + ")",
                List.of(new Evidence(null, 0, tag + " -> " + commit)),
                "release a new version (mvn pyrelease:bump -Dpyrelease.bump=patch; CLI: pyrelease"
                    + " version bump patch); "
                    + hint)));
  }
}
