package io.github.pyrelease.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.check.ProjectSecretScans;
import io.github.pyrelease.git.GitSettings;
import io.github.pyrelease.git.JGitFacts;
import io.github.pyrelease.secrets.Baseline;
import io.github.pyrelease.secrets.SecretMatch;
import io.github.pyrelease.secrets.SecretScanRequest;
import io.github.pyrelease.secrets.SecretScanResult;
import io.github.pyrelease.secrets.SecretScans;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pyrelease secrets}: scans a directory (and its git history) for credentials. */
@Command(
    name = "secrets",
    mixinStandardHelpOptions = true,
    description =
        "Scans for credentials what would be committed under PATH (tracked files and untracked"
            + " ones not ignored), and with --history every blob of the git history; findings are"
            + " redacted. Rules in gitleaks' format: PATH/.gitleaks.toml when present, else the"
            + " built-in ones.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no secret found (or every one accepted by the baseline)",
      "1:a secret was found",
      "2:usage or input error (bad configuration, baseline or path)"
    })
final class SecretsCommand implements Callable<Integer> {

  @Spec private CommandLine.Model.CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH",
      description = "the directory to scan (default: the current directory)")
  private Path path = Path.of(".");

  @Option(names = "--history", description = "also scan every blob reachable from HEAD, each once")
  private boolean history;

  @Option(
      names = "--dist",
      paramLabel = "DIR",
      description = "also scan every member of the wheels and sdists in DIR, streamed")
  private Path distDir;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description =
          "a gitleaks configuration (default: PATH/.gitleaks.toml if present, else the built-in"
              + " rules)")
  private Path config;

  @Option(
      names = "--baseline",
      paramLabel = "FILE",
      description = "accepted findings: those it lists do not count")
  private Path baseline;

  @Option(
      names = "--baseline-out",
      paramLabel = "FILE",
      description = "write every finding to FILE as a baseline (all are then accepted: exit 0)")
  private Path baselineOut;

  @Option(names = "--disable", split = ",", paramLabel = "ID", description = "rule ids to turn off")
  private List<String> disabled = List.of();

  @Option(
      names = "--max-file-size",
      paramLabel = "BYTES",
      description = "the largest file whose content is scanned (default: ${DEFAULT-VALUE})")
  private long maxFileSize = SecretScanRequest.DEFAULT_MAX_FILE_SIZE;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default) or json, on standard output")
  private String format = "text";

  @Override
  public Integer call() {
    if (!format.equals("text") && !format.equals("json")) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--format must be text or json, not '" + format + "'");
    }
    if (!Files.isDirectory(path)) {
      throw new PyreleaseException(
          path + " is not a directory", path.toString(), "name the directory to scan");
    }
    SecretScanRequest request =
        new SecretScanRequest(
            config == null ? null : Path.of("").toAbsolutePath().resolve(config).toString(),
            List.of(),
            disabled,
            maxFileSize,
            null,
            List.of());
    List<SecretScanResult> results = new ArrayList<>();
    Optional<JGitFacts> git = JGitFacts.open(path, GitSettings.localOnly());
    try {
      ProjectSecretScans scans =
          new ProjectSecretScans(
              path, () -> git, distDir, distDir == null ? null : distDir.toString());
      results.add(scans.scan(SecretScans.Scope.WORK_TREE, request));
      if (history) {
        results.add(scans.scan(SecretScans.Scope.HISTORY, request));
      }
      if (distDir != null) {
        results.add(scans.scan(SecretScans.Scope.DISTRIBUTIONS, request));
      }
    } finally {
      git.ifPresent(JGitFacts::close);
    }
    List<SecretMatch> all = new ArrayList<>();
    results.forEach(r -> all.addAll(r.matches()));
    Set<String> accepted =
        baseline == null ? Set.of() : Baseline.read(baseline, baseline.toString());
    List<SecretMatch> found =
        all.stream().filter(m -> !accepted.contains(m.fingerprint())).toList();
    PrintWriter out = spec.commandLine().getOut();
    if (format.equals("json")) {
      printJson(out, found);
    } else {
      printText(out, results, found, all.size() - found.size());
    }
    if (baselineOut != null) {
      Baseline.write(baselineOut, all);
      out.println("baseline: " + baselineOut + " (" + all.size() + " findings)");
      out.flush();
      return ExitCode.OK;
    }
    out.flush();
    return found.isEmpty() ? ExitCode.OK : ExitCode.RULE_FAILED;
  }

  private static void printText(
      PrintWriter out, List<SecretScanResult> results, List<SecretMatch> found, int accepted) {
    for (SecretMatch m : found) {
      out.println(
          m.location()
              + (m.line() > 0 ? ":" + m.line() : "")
              + (m.commit() == null ? "" : " (commit " + m.commit().substring(0, 12) + ")")
              + ": "
              + m.ruleId()
              + " "
              + m.redacted()
              + "  ["
              + m.fingerprint()
              + "]");
    }
    for (SecretScanResult r : results) {
      out.println(
          "scanned "
              + r.scope()
              + ": "
              + r.files()
              + " files, "
              + r.bytes()
              + " bytes ("
              + r.binary()
              + " binary and "
              + r.tooLarge()
              + " too large passed over)");
      r.notes().forEach(note -> out.println("note: " + note));
    }
    out.println(
        (found.isEmpty()
                ? "no secrets found"
                : found.size() + (found.size() == 1 ? " secret" : " secrets") + " found")
            + (accepted > 0 ? " (" + accepted + " accepted by the baseline)" : ""));
  }

  private static void printJson(PrintWriter out, List<SecretMatch> found) {
    ObjectMapper json = new ObjectMapper();
    ArrayNode array = json.createArrayNode();
    for (SecretMatch m : found) {
      ObjectNode node = array.addObject();
      node.put("RuleID", m.ruleId());
      node.put("Description", m.description());
      node.put("File", m.location());
      node.put("StartLine", m.line());
      node.put("Secret", m.redacted());
      node.put("Commit", m.commit() == null ? "" : m.commit());
      node.put("Fingerprint", m.fingerprint());
    }
    try {
      out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(array));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always serialises", e);
    }
  }
}
