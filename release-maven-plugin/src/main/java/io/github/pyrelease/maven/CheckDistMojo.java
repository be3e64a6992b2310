package io.github.pyrelease.maven;

import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.policy.Stage;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Evaluates the policy's rules of stage {@code dist} on the built wheel and sdist: file names, core
 * metadata and long description, RECORD, contents.
 */
@Mojo(
    name = "check-dist",
    defaultPhase = LifecyclePhase.VERIFY,
    requiresProject = false,
    threadSafe = true)
public class CheckDistMojo extends AbstractPolicyMojo {

  /** Skips this goal only. */
  @Parameter(property = "pyrelease.check-dist.skip", defaultValue = "false")
  private boolean checkDistSkip;

  @Override
  protected String goal() {
    return "check-dist";
  }

  @Override
  protected boolean goalSkipped() {
    return checkDistSkip;
  }

  @Override
  protected void run() throws RulesFailedException {
    CheckResult result = evaluate(Stage.DIST);
    failIfBroken(result);
  }
}
