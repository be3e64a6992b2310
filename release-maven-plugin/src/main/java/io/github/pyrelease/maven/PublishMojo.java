package io.github.pyrelease.maven;

import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.policy.Outcome;
import io.github.pyrelease.policy.Stage;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The release: evaluates the policy's rules of stage {@code release} (clean tree, allowed branch,
 * synced with the upstream, tag and version free) before anything is published. Maven's {@code -o}
 * leaves remotes and indexes alone; their rules then report "not checked: offline".
 */
@Mojo(
    name = "publish",
    defaultPhase = LifecyclePhase.DEPLOY,
    requiresProject = false,
    threadSafe = true)
public class PublishMojo extends AbstractPolicyMojo {

  /** Skips this goal only. */
  @Parameter(property = PyreleaseProperties.PUBLISH_SKIP, defaultValue = "false")
  private boolean publishSkip;

  @Override
  protected String goal() {
    return "publish";
  }

  @Override
  protected boolean goalSkipped() {
    return publishSkip;
  }

  @Override
  protected void run() throws RulesFailedException {
    CheckResult result = evaluate(Stage.RELEASE);
    failIfBroken(result);
    long warned = result.evaluation().counts().get(Outcome.WARNING);
    getLog()
        .info(
            "The release preconditions passed"
                + (warned == 0 ? "" : " (" + warned + " with warnings)")
                + ". No publishing stages are configured yet: nothing was published.");
  }
}
