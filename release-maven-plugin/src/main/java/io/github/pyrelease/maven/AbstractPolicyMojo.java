package io.github.pyrelease.maven;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.check.CheckRequest;
import io.github.pyrelease.check.CheckResult;
import io.github.pyrelease.check.Network;
import io.github.pyrelease.check.PolicyCheck;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.index.IndexLocations;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleResult;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.rules.BuiltInRules;
import io.github.pyrelease.policyfile.LoadedPolicy;
import io.github.pyrelease.policyfile.PolicyLoader;
import io.github.pyrelease.policyfile.PolicySources;
import io.github.pyrelease.policyfile.RemotePolicies;
import io.github.pyrelease.report.GithubAnnotations;
import io.github.pyrelease.report.ReportFormat;
import io.github.pyrelease.report.ReportLine;
import io.github.pyrelease.report.TextReport;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** A goal that evaluates the policy's rules of one stage and reports them. */
abstract class AbstractPolicyMojo extends AbstractPyreleaseMojo {

  /** Report files to write: comma-separated, from text, json, sarif, junit, html. */
  @Parameter(
      property = PyreleaseProperties.REPORT_FORMATS,
      defaultValue = "text,json,sarif,junit,html")
  private String reportFormats;

  /**
   * The release policy: a YAML file (relative to the project's base directory), {@code
   * classpath:<resource>} (from a jar added as a dependency of this plugin) or {@code
   * https://<url>#sha256=<hex>}. Default: {@code release-policy.yaml} in the Python project if it
   * exists, else the built-in default policy.
   */
  @Parameter(property = PyreleaseProperties.POLICY)
  private String policy;

  /** Where policies fetched from URLs are cached, so offline builds keep working. */
  @Parameter(property = PyreleaseProperties.POLICY_CACHE)
  private File policyCache;

  @Parameter(defaultValue = "${project.basedir}", readonly = true)
  private File basedir;

  /** The least severe finding that fails the build: error or warning. */
  @Parameter(property = PyreleaseProperties.FAIL_ON, defaultValue = "error")
  private String failOn;

  /** Run only these rules (comma-separated ids); empty runs every rule of the stage. */
  @Parameter(property = PyreleaseProperties.RULES)
  private String rules;

  /** Seconds to wait for a connection to a package index or git remote. */
  @Parameter(property = PyreleaseProperties.CONNECT_TIMEOUT, defaultValue = "10")
  private int connectTimeout;

  /** Seconds a package index or git remote may stay silent before the request fails. */
  @Parameter(property = PyreleaseProperties.READ_TIMEOUT, defaultValue = "30")
  private int readTimeout;

  /** Attempts per HTTP request, retries included (connection failures, 5xx, 429). */
  @Parameter(property = PyreleaseProperties.HTTP_ATTEMPTS, defaultValue = "3")
  private int httpAttempts;

  /**
   * Package index names defined or redefined for this build, as {@code name=url} pairs separated by
   * commas, such as {@code pypi=https://mirror.acme.internal/}; a rule's {@code index} option names
   * them.
   */
  @Parameter(property = PyreleaseProperties.INDEXES)
  private String indexes;

  @Parameter(defaultValue = "${settings}", readonly = true, required = true)
  private Settings settings;

  @Component private SettingsDecrypter settingsDecrypter;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject mavenProject;

  /** Decrypted once per goal: the check and publishing share it. */
  private Network network;

  /** The project context key under which each goal leaves its reported results for the next. */
  private static final String REPORTED = AbstractPolicyMojo.class.getName() + ".reported";

  /** Evaluates the rules of {@code stage}, logs the report and returns the result. */
  protected final CheckResult evaluate(Stage stage) {
    CheckResult result = policyCheck().run(request(stage), reportedEarlier());
    mavenProject.setContextValue(REPORTED, result.reported().results());
    log(result);
    return result;
  }

  /**
   * The policy merged with what it extends, as {@link #evaluate} reads it.
   *
   * @throws io.github.pyrelease.policyfile.PolicyFileException listing every problem in it
   */
  protected final LoadedPolicy loadPolicy() {
    return policyCheck().loadPolicy(request(Stage.RELEASE));
  }

  protected final MavenProject mavenProject() {
    return mavenProject;
  }

  /** Where the reports and the publishing record go. */
  protected final Path outputDirectory() {
    return outputDirectory.toPath();
  }

  private PolicyCheck policyCheck() {
    return new PolicyCheck(BuiltInRules.registry(), policySources());
  }

  /** The request a goal sends: {@code base} with what only that goal sets (advisories, say). */
  protected CheckRequest request(CheckRequest base) {
    return base;
  }

  private CheckRequest request(Stage stage) {
    return request(baseRequest(stage));
  }

  private CheckRequest baseRequest(Stage stage) {
    return new CheckRequest(
        projectDir.toPath(),
        new RuleSelection(Set.of(stage), ruleIds()),
        outputDirectory.toPath(),
        formats(),
        level(),
        PolicyLoader.resolvedAgainst(policy, basedir.toPath()),
        network(),
        distDirectory.toPath(),
        // unset: the description check looks for an interpreter that has readme_renderer
        namedPython());
  }

  /** What earlier pyrelease goals of this build reported for this project, so reports add up. */
  @SuppressWarnings("unchecked")
  private List<RuleResult> reportedEarlier() {
    Object earlier = mavenProject.getContextValue(REPORTED);
    return earlier instanceof List<?> list ? (List<RuleResult>) list : List.of();
  }

  /** Policies from the plugin's own class realm, where the POM's plugin dependencies are. */
  private PolicySources policySources() {
    Path cache =
        policyCache != null
            ? policyCache.toPath()
            : RemotePolicies.defaultCacheDir(System.getenv());
    return new PolicySources(
        getClass().getClassLoader(), new RemotePolicies(cache, session.isOffline()));
  }

  /** Fails the build with every failure's message, evidence and fix, so the log says it all. */
  protected final void failIfBroken(CheckResult result) throws RulesFailedException {
    if (result.failed()) {
      throw new RulesFailedException(FailureMessage.of(result));
    }
  }

  private void log(CheckResult result) {
    for (ReportLine line : TextReport.lines(result.evaluation(), result.policyOrigin())) {
      switch (line.severity()) {
        case ERROR -> getLog().error(line.text());
        case WARNING -> getLog().warn(line.text());
        case INFO -> getLog().info(line.text());
      }
    }
    if (GithubAnnotations.enabled(System.getenv())) {
      // Workflow commands must start the line, so they bypass Maven's "[ERROR]" prefix.
      GithubAnnotations.lines(result.evaluation(), workspaceRelative())
          .forEach(System.out::println);
    }
  }

  private String workspaceRelative() {
    String workspace = System.getenv("GITHUB_WORKSPACE");
    Path dir = projectDir.toPath().toAbsolutePath().normalize();
    if (workspace != null && dir.startsWith(Path.of(workspace).toAbsolutePath())) {
      return Path.of(workspace).toAbsolutePath().relativize(dir).toString();
    }
    return "";
  }

  /** Maven's offline switch, settings.xml servers and proxies (decrypted), and the parameters. */
  protected final Network network() {
    if (network != null) {
      return network;
    }
    SettingsDecryptionResult decrypted =
        settingsDecrypter.decrypt(new DefaultSettingsDecryptionRequest(settings));
    decrypted
        .getProblems()
        .forEach(problem -> getLog().warn("settings.xml: " + problem.getMessage()));
    Network built =
        Network.of(
            session.isOffline(),
            Duration.ofSeconds(connectTimeout),
            Duration.ofSeconds(readTimeout),
            httpAttempts,
            SettingsNetwork.proxies(decrypted.getProxies()),
            new CredentialLookup(
                SettingsNetwork.credentials(decrypted.getServers()), System.getenv()),
            IndexLocations.parse(indexes, PyreleaseProperties.INDEXES),
            SettingsNetwork.cache(session),
            PyreleaseProperties.CONNECT_TIMEOUT
                + ", "
                + PyreleaseProperties.READ_TIMEOUT
                + ", "
                + PyreleaseProperties.HTTP_ATTEMPTS);
    network = built;
    return built;
  }

  private Set<String> ruleIds() {
    return rules == null || rules.isBlank() ? Set.of() : new LinkedHashSet<>(split(rules));
  }

  private Set<ReportFormat> formats() {
    Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
    for (String name : split(reportFormats)) {
      formats.add(
          ReportFormat.fromId(name)
              .orElseThrow(
                  () ->
                      new PyreleaseException(
                          "unknown report format '" + name + "'",
                          PyreleaseProperties.REPORT_FORMATS,
                          "choose from " + ReportFormat.choices())));
    }
    return formats;
  }

  private Level level() {
    return Level.fromId(failOn)
        .filter(l -> l == Level.ERROR || l == Level.WARNING)
        .orElseThrow(
            () ->
                new PyreleaseException(
                    "pyrelease.failOn is '" + failOn + "'",
                    PyreleaseProperties.FAIL_ON,
                    "set it to error (the default) or warning"));
  }

  private static List<String> split(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
