package io.github.pyrelease.maven;

import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.policy.Outcome;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.publish.ApprovalRequiredException;
import io.github.pyrelease.publish.Approvals;
import io.github.pyrelease.publish.PublishLog;
import io.github.pyrelease.publish.ReleasePublishing;
import io.github.pyrelease.publish.plan.PublishPlan;
import io.github.pyrelease.scm.ScmVersions;
import java.io.Console;
import java.io.File;
import java.util.Optional;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * The release: the policy's rules of stage {@code release} (clean tree, allowed branch, synced, tag
 * and version free), then the stages of its {@code publish} section in order, with their gates,
 * resuming from {@code target/pyrelease/publish-state.json}. Maven's {@code -o} leaves remotes and
 * indexes alone: their rules report "not checked: offline" and nothing is published. A {@code
 * notify} stage takes its webhook URL from the settings.xml {@code <server>} it names (the
 * password) or the environment, never from the POM.
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

  /**
   * Stages whose {@code approval} gate is passed beforehand: comma-separated stage names, or {@code
   * all}. Without it, an interactive build asks; a batch build stops before the stage.
   */
  @Parameter(property = PyreleaseProperties.APPROVE)
  private String approve;

  /** Runs every check and prints each request publishing would send, sending nothing. */
  @Parameter(property = PyreleaseProperties.DRY_RUN, defaultValue = "false")
  private boolean dryRun;

  /** The {@code .pypirc} index credentials may come from. */
  @Parameter(property = PyreleaseProperties.PYPIRC, defaultValue = "${user.home}/.pypirc")
  private File pypirc;

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
    // A mistake in the publish section is found before anything is asked of a server.
    PublishPlan plan = ReleasePublishing.plan(loadPolicy());
    CheckResult result = evaluate(Stage.RELEASE);
    failIfBroken(result);
    long warned = result.evaluation().counts().get(Outcome.WARNING);
    getLog()
        .info(
            "The release preconditions passed"
                + (warned == 0 ? "." : " (" + warned + " with warnings)."));
    if (plan.isEmpty()) {
      getLog()
          .info(
              "The policy has no publish section: nothing was published (" + plan.origin() + ").");
      return;
    }
    ReleasePublishing publishing = new ReleasePublishing(settings(), log());
    // the version a build computes from git tags is the one the distributions must carry
    var project = ScmVersions.read(projectDir.toPath());
    if (dryRun) {
      publishing.simulate(plan, project);
      // A dry run changes nothing: maven-deploy-plugin, next in the deploy phase, skips too.
      mavenProject().getProperties().setProperty("maven.deploy.skip", "true");
      getLog()
          .info(
              "Dry run: nothing was published, and maven-deploy-plugin skips (maven.deploy.skip).");
      return;
    }
    try {
      publishing.publish(plan, project);
    } catch (ApprovalRequiredException e) {
      throw new RulesFailedException(e.getMessage() + System.lineSeparator() + "  fix: " + e.fix());
    }
  }

  private ReleasePublishing.Settings settings() {
    return new ReleasePublishing.Settings(
        projectDir.toPath(),
        distDirectory.toPath(),
        outputDirectory(),
        network(),
        pypirc.toPath(),
        pythonOrPath(),
        PyreleaseProperties.PYTHON,
        approve,
        prompter(),
        "mvn deploy -D" + PyreleaseProperties.APPROVE + "={stage}",
        System.out::println);
  }

  /** A person at the terminal, unless Maven runs in batch mode. */
  private Approvals.Prompter prompter() {
    Console console = System.console();
    if (!session.getRequest().isInteractiveMode() || console == null) {
      return Approvals.Prompter.NONE;
    }
    return question -> Optional.ofNullable(console.readLine("%s", question));
  }

  private PublishLog log() {
    return PublishLog.of(getLog()::info, getLog()::warn);
  }
}
