package io.github.pyrelease.maven;

import io.github.pyrelease.FrontEnd;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.check.CheckRequest;
import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.check.Network;
import io.github.pyrelease.check.PolicyCheck;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.RetryPolicy;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.rules.BuiltInRules;
import io.github.pyrelease.policyfile.PolicyLoader;
import io.github.pyrelease.policyfile.PolicySources;
import io.github.pyrelease.policyfile.RemotePolicies;
import io.github.pyrelease.report.ReportFormat;
import io.github.pyrelease.report.ReportLine;
import io.github.pyrelease.report.TextReport;
import java.io.File;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.enforcer.rule.api.AbstractEnforcerRule;
import org.apache.maven.enforcer.rule.api.EnforcerRuleError;
import org.apache.maven.enforcer.rule.api.EnforcerRuleException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;

/**
 * The release policy as a maven-enforcer-plugin rule, {@code <pyreleasePolicy>} in {@code <rules>}:
 * the rules of the stages it names fail {@code enforcer:enforce} with the enforcer's own message,
 * or only warn under {@code <level>WARN</level>}. A thin adapter like the goals: the core
 * evaluates, this maps.
 */
@Named("pyreleasePolicy")
public final class PyreleasePolicyRule extends AbstractEnforcerRule {

  /**
   * The policy: a YAML file relative to the module, {@code classpath:<resource>} (from a jar added
   * as a dependency of maven-enforcer-plugin) or {@code https://<url>#sha256=<hex>}. Default: the
   * project's {@code release-policy.yaml} if it exists, else the built-in default policy.
   */
  private String policy;

  /** The stages whose rules run, comma-separated: source (default), dist, deps, release. */
  private String stage = "source";

  /** The Python project. Default: the module's base directory. */
  private File projectDir;

  /** The built distributions the dist rules check. Default: target/dist of the module. */
  private File distDirectory;

  /**
   * The interpreter for markup pyrelease cannot judge itself. Default: the first that has
   * readme_renderer (the project's .venv, $VIRTUAL_ENV, python3 on the PATH, the system's).
   */
  private String python;

  /** The least severe finding that fails the rule: error (default) or warning. */
  private String failOn = "error";

  private final MavenProject project;
  private final MavenSession session;

  @Inject
  public PyreleasePolicyRule(MavenProject project, MavenSession session) {
    this.project = project;
    this.session = session;
  }

  @Override
  public void execute() throws EnforcerRuleException {
    CheckResult result;
    try {
      result = new PolicyCheck(BuiltInRules.registry(), sources()).run(request());
    } catch (PyreleaseException e) {
      // the configuration or the project cannot be read: not a finding, an error of the build
      throw new EnforcerRuleError(e.describe(FrontEnd.MAVEN), e);
    }
    for (ReportLine line : TextReport.lines(result.evaluation(), result.policyOrigin())) {
      if (line.severity() == ReportLine.Severity.INFO) {
        getLog().info(line.text());
      } else {
        getLog().warnOrError(line.text()); // as the enforcer shows this rule's level
      }
    }
    if (result.failed()) {
      throw new EnforcerRuleException(FailureMessage.of(result));
    }
  }

  private CheckRequest request() {
    File base = project.getBasedir();
    File dir = projectDir != null ? projectDir : base;
    File dist =
        distDirectory != null ? distDirectory : new File(project.getBuild().getDirectory(), "dist");
    return new CheckRequest(
        dir.toPath(),
        new RuleSelection(stages(), Set.of()),
        new File(project.getBuild().getDirectory(), "pyrelease/enforcer").toPath(),
        EnumSet.of(ReportFormat.JSON, ReportFormat.TEXT),
        failOnLevel(),
        PolicyLoader.resolvedAgainst(policy, base.toPath()),
        network(),
        dist.toPath(),
        python);
  }

  /** Maven's offline switch; credentials from the environment, as no stage here uploads. */
  private Network network() {
    Map<String, String> environment = System.getenv();
    return Network.of(
        session.isOffline(),
        HttpSettings.DEFAULT_CONNECT_TIMEOUT,
        HttpSettings.DEFAULT_READ_TIMEOUT,
        RetryPolicy.defaults().maxAttempts(),
        java.util.List.of(),
        new CredentialLookup(ServerCredentials.none(), environment),
        Map.of(),
        SettingsNetwork.cache(session),
        "pyreleasePolicy");
  }

  private PolicySources sources() {
    return new PolicySources(
        getClass().getClassLoader(),
        new RemotePolicies(RemotePolicies.defaultCacheDir(System.getenv()), session.isOffline()));
  }

  private Set<Stage> stages() {
    Set<Stage> stages = EnumSet.noneOf(Stage.class);
    for (String id : stage.split(",")) {
      if (id.isBlank()) {
        continue;
      }
      stages.add(
          Stage.fromId(id)
              .orElseThrow(
                  () ->
                      new PyreleaseException(
                          "pyreleasePolicy: unknown stage '" + id.strip() + "'",
                          "<stage>",
                          "choose from " + Stage.choices())));
    }
    if (stages.isEmpty()) {
      throw new PyreleaseException(
          "pyreleasePolicy: <stage> names no stage", "<stage>", "choose from " + Stage.choices());
    }
    return stages;
  }

  private Level failOnLevel() {
    return Level.fromId(failOn)
        .filter(l -> l == Level.ERROR || l == Level.WARNING)
        .orElseThrow(
            () ->
                new PyreleaseException(
                    "pyreleasePolicy: <failOn> is '" + failOn + "'",
                    "<failOn>",
                    "set it to error (the default) or warning"));
  }

  @Override
  public String toString() {
    return "pyreleasePolicy[stage="
        + stage
        + ", policy="
        + (policy == null ? "default" : policy)
        + ", projectDir="
        + (projectDir == null ? "${project.basedir}" : projectDir)
        + "]";
  }
}
