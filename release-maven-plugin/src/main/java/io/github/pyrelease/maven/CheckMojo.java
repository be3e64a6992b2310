package io.github.pyrelease.maven;

import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.policy.Stage;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** Evaluates the policy's rules of stage {@code source}: versions and changelog. */
@Mojo(
    name = "check",
    defaultPhase = LifecyclePhase.VALIDATE,
    requiresProject = false,
    threadSafe = true)
public class CheckMojo extends AbstractPolicyMojo {

  /** Skips this goal only. */
  @Parameter(property = "pyrelease.check.skip", defaultValue = "false")
  private boolean checkSkip;

  @Override
  protected String goal() {
    return "check";
  }

  @Override
  protected boolean goalSkipped() {
    return checkSkip;
  }

  @Override
  protected void run() throws RulesFailedException {
    CheckResult result = evaluate(Stage.SOURCE);
    failIfBroken(result);
  }
}
