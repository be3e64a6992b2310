package io.github.pyrelease.cli;

import io.github.pyrelease.bump.BumpKind;
import io.github.pyrelease.bump.BumpPlan;
import io.github.pyrelease.bump.BumpRequest;
import io.github.pyrelease.bump.ProjectBump;
import io.github.pyrelease.bump.VersionBump;
import io.github.pyrelease.git.PushCredentials;
import io.github.pyrelease.version.PreRelease;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code pyrelease version bump KIND [DIR]}: moves the version everywhere, commits and tags. */
@Command(
    name = "bump",
    mixinStandardHelpOptions = true,
    description = {
      "Moves the project's version in every file that declares it, releases the changelog's"
          + " Unreleased section, then commits the changed files and creates an annotated tag.",
      "KIND is major, minor, patch, pre, post, dev or release (PEP 440 aware); or give --to"
          + " VERSION instead."
    })
final class BumpCommand implements Callable<Integer> {

  @ParentCommand private VersionCommand parent;

  @Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(
      arity = "0..2",
      paramLabel = "KIND [DIR]",
      description = "what to bump, then the Python project (default: the current directory)")
  private List<String> arguments = List.of();

  @Option(names = "--to", paramLabel = "VERSION", description = "move to this version")
  private String newVersion;

  @Option(names = "--pre-kind", paramLabel = "a|b|rc", description = "the pre-release kind")
  private String preKind;

  @Option(names = "--force", description = "allow a lower or equal version, or disagreeing sources")
  private boolean force;

  @Option(
      names = "--commit",
      negatable = true,
      description = "commit the changed files (default: on)")
  private Boolean commit;

  @Option(names = "--tag", negatable = true, description = "create an annotated tag (default: on)")
  private Boolean tag;

  @Option(names = "--push", description = "push the branch and the tag to the upstream remote")
  private boolean push;

  @Option(names = "--dry-run", description = "print the diff and the git actions; change nothing")
  private boolean dryRun;

  @Option(
      names = "--create-changelog",
      description = "start CHANGELOG.md with the release's section when the project has none")
  private boolean createChangelog;

  @Option(names = "--allow-dirty", description = "allow uncommitted changes in other files")
  private Boolean allowDirty;

  @Option(names = "--tag-format", paramLabel = "TEMPLATE", description = "default: v{version}")
  private String tagFormat;

  @Option(
      names = "--message",
      paramLabel = "TEMPLATE",
      description = "commit and tag message (default: Release {new_version})")
  private String message;

  @Override
  public Integer call() {
    BumpKind kind = null;
    Path dir = Path.of(".");
    if (newVersion == null) {
      if (arguments.isEmpty()) {
        throw usage("missing KIND: choose " + BumpKind.choices() + ", or give --to VERSION");
      }
      String id = arguments.get(0);
      kind =
          BumpKind.fromId(id)
              .orElseThrow(() -> usage("unknown KIND '" + id + "'; choose " + BumpKind.choices()));
      if (arguments.size() == 2) {
        dir = Path.of(arguments.get(1));
      }
    } else if (arguments.size() == 2) {
      throw usage("give KIND or --to VERSION, not both");
    } else if (arguments.size() == 1) {
      dir = Path.of(arguments.get(0));
    }
    PreRelease.Kind pre = null;
    if (preKind != null) {
      pre =
          VersionBump.preKind(preKind)
              .orElseThrow(() -> usage("unknown --pre-kind '" + preKind + "'; choose a, b or rc"));
    }
    BumpRequest request =
        BumpRequest.of(dir, kind)
            .withPreKind(pre)
            .withForce(force)
            .withGit(commit, tag, push)
            .withAllowDirty(allowDirty)
            .withTemplates(tagFormat, message)
            .withDryRun(dryRun)
            .withCreateChangelog(createChangelog)
            .withEnvironment(
                parent.environment(), PushCredentials.fromEnvironment(parent.environment()));
    if (newVersion != null) {
      request = request.withNewVersion(newVersion);
    }
    PrintWriter out = spec.commandLine().getOut();
    try (BumpPlan plan = ProjectBump.plan(request)) {
      if (dryRun) {
        plan.simulate(out::println);
      } else {
        plan.execute(out::println);
      }
    }
    out.flush();
    return ExitCode.OK;
  }

  private CommandLine.ParameterException usage(String message) {
    return new CommandLine.ParameterException(spec.commandLine(), message);
  }
}
