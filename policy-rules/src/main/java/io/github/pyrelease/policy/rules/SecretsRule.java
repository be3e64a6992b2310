package io.github.pyrelease.policy.rules;

import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.secrets.SecretMatch;
import io.github.pyrelease.secrets.SecretScanRequest;
import io.github.pyrelease.secrets.SecretScanResult;
import io.github.pyrelease.secrets.SecretScans;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * No credential ships or is committed. One class, two rules, because a rule has one stage: {@code
 * secrets} (stage {@code dist}, goal {@code check-dist}) scans every member of every wheel and
 * sdist about to be published, streamed; {@code secrets-source} (stage {@code source}, goal {@code
 * check}) scans the work tree as it would be committed and, with {@code history: true}, every blob
 * of the git history. Both take the same rule options, in gitleaks' format.
 */
public final class SecretsRule extends AbstractRule {

  public static final String DIST_ID = "secrets";
  public static final String SOURCE_ID = "secrets-source";

  public static final RuleOption<String> CONFIG =
      RuleOption.string(
          "config",
          null,
          "a gitleaks configuration file (TOML) relative to the project; default: the project's"
              + " .gitleaks.toml when there is one (it replaces the built-in rules unless it says"
              + " [extend] useDefault = true), else the built-in rules");

  public static final RuleOption<List<Map<String, Object>>> RULES =
      RuleOption.tables(
          "rules",
          "rules in gitleaks' form (id, description, regex, secretGroup, entropy, path, keywords,"
              + " allowlists) added, or merged over the rule of the same id");

  public static final RuleOption<List<String>> DISABLE =
      RuleOption.strings("disable", List.of(), "ids of secret rules to turn off");

  public static final RuleOption<Long> MAX_FILE_SIZE =
      RuleOption.integer(
          "max-file-size",
          SecretScanRequest.DEFAULT_MAX_FILE_SIZE,
          "the largest file (in bytes) whose content is scanned; larger ones are only named by"
              + " file-name rules (default 10 MiB)");

  public static final RuleOption<String> BASELINE =
      RuleOption.string(
          "baseline",
          null,
          "a file of accepted findings relative to the project, as 'pyrelease secrets"
              + " --baseline-out' writes it: findings it lists do not fail");

  public static final RuleOption<List<String>> ALLOW =
      RuleOption.strings(
          "allow", List.of(), "fingerprints of accepted findings (path:rule:hash, as reported)");

  public static final RuleOption<Boolean> HISTORY =
      RuleOption.bool(
          "history",
          false,
          "also scan every blob reachable from HEAD, each once (secrets-source only)");

  private static final int MAX_FINDINGS = 50;

  private final SecretScanRequest request;
  private final boolean history;

  private SecretsRule(String id, Stage stage, String description, RuleOptions options) {
    super(id, stage, Level.ERROR, description);
    this.request =
        new SecretScanRequest(
            options.get(CONFIG),
            options.get(RULES),
            options.get(DISABLE),
            options.get(MAX_FILE_SIZE),
            options.get(BASELINE),
            options.get(ALLOW));
    this.history = stage == Stage.SOURCE && options.get(HISTORY);
  }

  /** {@code secrets}: the distributions. */
  public static SecretsRule dist(RuleOptions options) {
    return new SecretsRule(
        DIST_ID,
        Stage.DIST,
        "no wheel or sdist member holds a credential (keys, tokens, passwords)",
        options);
  }

  /** {@code secrets-source}: the work tree, and the history with {@code history: true}. */
  public static SecretsRule source(RuleOptions options) {
    return new SecretsRule(
        SOURCE_ID,
        Stage.SOURCE,
        "no file to be committed (and, with history: true, no commit) holds a credential",
        options);
  }

  @Override
  public List<RuleOption<?>> options() {
    return stage() == Stage.SOURCE
        ? List.of(CONFIG, RULES, DISABLE, MAX_FILE_SIZE, BASELINE, ALLOW, HISTORY)
        : List.of(CONFIG, RULES, DISABLE, MAX_FILE_SIZE, BASELINE, ALLOW);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    SecretScans scans = facts.secrets();
    List<SecretScanResult> results = new ArrayList<>();
    if (stage() == Stage.DIST) {
      if (facts.distributions().all().isEmpty()) {
        return Verdict.notApplicable(
            "no distributions in " + facts.distributions().directory() + " (build them first)");
      }
      results.add(scans.scan(SecretScans.Scope.DISTRIBUTIONS, request));
    } else {
      results.add(scans.scan(SecretScans.Scope.WORK_TREE, request));
      if (history) {
        results.add(scans.scan(SecretScans.Scope.HISTORY, request));
      }
    }
    List<Finding> findings = new ArrayList<>();
    List<String> scopes = new ArrayList<>();
    int accepted = 0;
    for (SecretScanResult result : results) {
      scopes.add(result.scope() + ", " + result.files() + " files");
      accepted += result.accepted();
      for (SecretMatch match : result.matches()) {
        if (findings.size() < MAX_FINDINGS) {
          findings.add(finding(match));
        }
      }
      int total = result.matches().size();
      if (total > MAX_FINDINGS) {
        findings.add(
            Finding.of(
                "more",
                "and " + (total - MAX_FINDINGS) + " more secrets in " + result.scope(),
                List.of(new Evidence(null, 0, (total - MAX_FINDINGS) + " findings not listed")),
                "run 'pyrelease secrets' for the full list"));
      }
    }
    String where = String.join("; ", scopes);
    String acceptedNote = accepted > 0 ? " (" + accepted + " accepted by the baseline)" : "";
    if (findings.isEmpty()) {
      return Verdict.pass("no secrets in " + where + acceptedNote);
    }
    long count = results.stream().mapToLong(r -> r.matches().size()).sum();
    return Verdict.of(
        count + (count == 1 ? " secret" : " secrets") + " in " + where + acceptedNote, findings);
  }

  private static Finding finding(SecretMatch match) {
    String inCommit = match.commit() == null ? "" : " in commit " + match.commit().substring(0, 12);
    return Finding.of(
        match.fingerprint(),
        match.location()
            + (match.line() > 0 ? ":" + match.line() : "")
            + inCommit
            + " holds "
            + article(match.description())
            + " ("
            + match.ruleId()
            + "): "
            + match.redacted(),
        List.of(
            new Evidence(match.location(), match.line(), match.ruleId() + " " + match.redacted())),
        match.commit() == null
            ? "remove it and revoke it (it must be treated as leaked); if it is no secret, accept"
                + " it in the baseline or with the rule's allow option: "
                + match.fingerprint()
            : "revoke it: it stays in the history of every clone (rewriting history does not"
                + " recall copies); then accept it in the baseline: "
                + match.fingerprint());
  }

  private static String article(String description) {
    String lower =
        description.isEmpty()
            ? ""
            : description.substring(0, 1).toLowerCase(java.util.Locale.ROOT)
                + description.substring(1);
    return lower.startsWith("a ") || lower.startsWith("an ") ? lower : "a secret: " + lower;
  }
}
