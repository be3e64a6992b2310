package io.github.pyrelease.policy.rules;

import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.git.GitFacts;
import io.github.pyrelease.git.HeadState;
import io.github.pyrelease.git.UpstreamStatus;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import java.util.List;
import java.util.Optional;

/**
 * The branch has an upstream and, after fetching it, is neither ahead (unpushed commits would be
 * released from nowhere but this machine) nor behind (the release would miss others' commits).
 */
public final class UpstreamSyncedRule extends AbstractRule {

  public static final RuleOption<String> SERVER =
      RuleOption.string(
          "server",
          null,
          "settings.xml server id whose credentials the fetch sends; unset: the one named after"
              + " the remote's host, such as github.com");

  private final String server;

  public UpstreamSyncedRule() {
    this(RuleOptions.defaults());
  }

  public UpstreamSyncedRule(RuleOptions options) {
    super(
        "upstream-synced",
        Stage.RELEASE,
        Level.ERROR,
        "the branch is neither ahead of nor behind its upstream, after a fetch");
    this.server = options.get(SERVER);
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(SERVER);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    return ReleaseFacts.inRepository(facts, git -> check(facts, git));
  }

  private Verdict check(Facts facts, GitFacts git) {
    HeadState head = git.head();
    if (head.detached()) {
      return Verdict.notApplicable("HEAD is detached (a tag build): no branch to compare");
    }
    if (head.commit() == null) {
      return Verdict.notApplicable("the branch " + head.branch() + " has no commit yet");
    }
    Optional<UpstreamStatus> upstream = git.upstream(server);
    if (upstream.isEmpty()) {
      return fail(
          "no upstream",
          "no-upstream",
          "the branch " + head.branch() + " has no upstream, so nobody else has its commits",
          List.of(new Evidence(null, 0, "branch " + head.branch() + " at " + head.shortCommit())),
          "push it and set its upstream: git push -u origin " + head.branch());
    }
    UpstreamStatus status = upstream.get();
    Evidence where =
        new Evidence(
            null,
            0,
            status.branch() + " -> " + status.upstream() + " (" + status.remoteUrl() + ")");
    if (status.gone() && !status.fetched() && status.notFetchedReason() != null) {
      throw notChecked(status);
    }
    if (status.gone()) {
      return fail(
          status.upstream() + " does not exist",
          "gone",
          "the upstream " + status.upstream() + " of " + status.branch() + " does not exist",
          List.of(where),
          "push the branch: git push -u " + status.remote() + " " + status.branch());
    }
    String note = git.shallow() ? " (shallow clone: counts may be off; git fetch --unshallow)" : "";
    String asOf = status.fetched() ? "" : " as last fetched";
    if (status.ahead() > 0 && status.behind() > 0) {
      return fail(
          "diverged from " + status.upstream(),
          "diverged",
          status.branch()
              + " and "
              + status.upstream()
              + " have diverged: "
              + commits(status.ahead())
              + " only here, "
              + commits(status.behind())
              + " only there"
              + asOf
              + note,
          List.of(where),
          "integrate and push: git pull --rebase && git push");
    }
    if (status.ahead() > 0) {
      return fail(
          commits(status.ahead()) + " ahead of " + status.upstream(),
          "ahead",
          status.branch()
              + " has "
              + commits(status.ahead())
              + " that "
              + status.upstream()
              + " lacks"
              + asOf
              + note,
          List.of(where),
          "push them first: git push");
    }
    if (!status.fetched() && status.notFetchedReason() != null) {
      throw notChecked(status);
    }
    if (status.behind() > 0) {
      return fail(
          commits(status.behind()) + " behind " + status.upstream(),
          "behind",
          status.upstream()
              + " has "
              + commits(status.behind())
              + " that "
              + status.branch()
              + " lacks"
              + note,
          List.of(where),
          "bring them in and build again: git pull --ff-only");
    }
    return Verdict.pass(
        status.branch()
            + " is in sync with "
            + status.upstream()
            + (status.fetched() ? " (fetched)" : ""));
  }

  private static FactUnavailableException notChecked(UpstreamStatus status) {
    return new FactUnavailableException(
        status.notFetchedReason(),
        status.branch() + " -> " + status.upstream() + " (" + status.remoteUrl() + ")",
        "fetch it yourself (git fetch "
            + status.remote()
            + ") and check 'git status', or run online; fetch credentials come from the"
            + " settings.xml server named after the remote's host, or the option 'server' of"
            + " upstream-synced",
        null);
  }

  private static String commits(int count) {
    return count == 1 ? "1 commit" : count + " commits";
  }

  private static Verdict fail(
      String summary, String key, String message, List<Evidence> evidence, String fix) {
    return Verdict.of(summary, List.of(Finding.of(key, message, evidence, fix)));
  }
}
