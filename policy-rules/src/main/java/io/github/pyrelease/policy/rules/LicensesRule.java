package io.github.pyrelease.policy.rules;

import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.PackageLicense;
import io.github.pyrelease.deps.Requirement;
import io.github.pyrelease.license.DetectedLicense;
import io.github.pyrelease.license.InvalidLicenseExpressionException;
import io.github.pyrelease.license.SpdxExpression;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleOption;
import io.github.pyrelease.policy.RuleOptions;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import io.github.pyrelease.version.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every dependency's licence is one the policy accepts, judged on the whole SPDX expression: an
 * {@code OR} passes when one side is acceptable (the licensee chooses), an {@code AND} needs both,
 * a {@code WITH} exception is accepted with its licence (an exception only adds permissions) unless
 * the exact {@code licence WITH exception} is listed. A dependency whose licence cannot be told is
 * its own finding ({@code unknown:<name>}), for the policy to settle with an override.
 */
public final class LicensesRule extends AbstractRule {

  public static final RuleOption<List<String>> ALLOW =
      RuleOption.strings(
          "allow",
          List.of(),
          "the SPDX licence ids (or 'id WITH exception', LicenseRef-...) dependencies may use;"
              + " empty allows every licence that is not denied",
          LicensesRule::termProblem);

  public static final RuleOption<List<String>> DENY =
      RuleOption.strings(
          "deny",
          List.of(),
          "the SPDX licence ids no dependency may use, such as GPL-3.0-only or AGPL-3.0-or-later",
          LicensesRule::termProblem);

  public static final RuleOption<List<Map<String, String>>> OVERRIDES =
      RuleOption.tables(
          "overrides",
          List.of("package", "license", "reason"),
          List.of("version"),
          "licences the policy states for packages whose metadata is missing, ambiguous or wrong:"
              + " the package name, its SPDX expression, why (shown in reports), and optionally"
              + " the only version it holds for",
          override -> {
            try {
              SpdxExpression.parse(override.get("license"));
              return null;
            } catch (InvalidLicenseExpressionException e) {
              return "the licence of " + override.get("package") + ": " + e.getMessage();
            }
          });

  private final List<String> allow;
  private final List<String> deny;
  private final List<Map<String, String>> overrides;

  public LicensesRule() {
    this(RuleOptions.defaults());
  }

  public LicensesRule(RuleOptions options) {
    super(
        "licenses",
        Stage.DEPS,
        Level.ERROR,
        "every dependency's licence is allowed by the policy and none is unknown");
    this.allow = canonical(options.get(ALLOW));
    this.deny = canonical(options.get(DENY));
    this.overrides = options.get(OVERRIDES);
  }

  @Override
  public List<RuleOption<?>> options() {
    return List.of(ALLOW, DENY, OVERRIDES);
  }

  @Override
  public Verdict evaluate(Facts facts) {
    DependencyInventory inventory = facts.dependencies();
    if (inventory.dependencies().isEmpty()) {
      return Verdict.notApplicable("the project has no dependencies");
    }
    List<Finding> findings = new ArrayList<>();
    int overridden = 0;
    for (Dependency d : inventory.dependencies()) {
      Map<String, String> override = overrideOf(d);
      if (override != null) {
        overridden++;
        check(
            d,
            SpdxExpression.parse(override.get("license")),
            "override: " + override.get("reason"),
            List.of(evidence(d)),
            findings);
        continue;
      }
      var known = inventory.licenseOf(d);
      if (known.isEmpty()) {
        findings.add(notKnown(d, null));
        continue;
      }
      PackageLicense license = known.get();
      DetectedLicense detected = license.license();
      List<Evidence> evidence =
          List.of(
              evidence(d),
              new Evidence(
                  license.origin().file(),
                  license.origin().line(),
                  detected.basis().label()
                      + (detected.declared().isEmpty() ? "" : ": " + detected.declared())));
      if (detected.expression() == null) {
        findings.add(notKnown(d, evidence));
      } else {
        check(
            d,
            SpdxExpression.parse(detected.expression()),
            detected.basis().label(),
            evidence,
            findings);
      }
    }
    int count = inventory.dependencies().size();
    if (findings.isEmpty()) {
      return Verdict.pass(
          count
              + (count == 1
                  ? " dependency has an allowed licence"
                  : " dependencies have allowed" + " licences")
              + (overridden > 0 ? " (" + overridden + " by override)" : ""));
    }
    return Verdict.of(
        findings.size()
            + " of "
            + count
            + " dependencies have a licence the policy does not"
            + " accept or one that is unknown",
        findings);
  }

  private void check(
      Dependency d,
      SpdxExpression expression,
      String basis,
      List<Evidence> evidence,
      List<Finding> findings) {
    if (expression.satisfiedBy(this::accepts)) {
      return;
    }
    List<String> refused =
        expression.refusedTerms(this::accepts).stream().map(this::why).distinct().toList();
    findings.add(
        Finding.of(
            d.normalizedName(),
            label(d)
                + " is licensed "
                + expression.canonical()
                + " ("
                + basis
                + "), which the"
                + " policy does not accept: "
                + String.join("; ", refused),
            evidence,
            "replace "
                + d.name()
                + ", or, if its licence is acceptable to you, allow it in the"
                + " policy (licenses: allow) or waive this finding with a reason"));
  }

  private Finding notKnown(Dependency d, List<Evidence> evidence) {
    String what =
        evidence == null
            ? "no installed metadata of this version was found to read its licence from"
            : "its metadata names no licence that maps to an SPDX id";
    // with neither list there is nothing an unknown licence could break: a warning only
    return new Finding(
        "unknown:" + d.normalizedName(),
        label(d) + ": licence unknown, " + what,
        evidence == null ? List.of(evidence(d)) : evidence,
        evidence == null
            ? "install the locked versions into .venv (or name the environment) so their METADATA"
                + " can be read, ask the index (pyrelease audit --license-index pypi,"
                + " -Dpyrelease.licenseIndex=pypi), or state the licence: licenses: { overrides: [{"
                + " package: "
                + d.normalizedName()
                + ", license: <SPDX>, reason: ... }] }"
            : "check the package's licence and state it: licenses: { overrides: [{ package: "
                + d.normalizedName()
                + ", license: <SPDX>, reason: ... }] }",
        allow.isEmpty() && deny.isEmpty() ? Level.WARNING : Level.ERROR);
  }

  private boolean accepts(SpdxExpression.Term term) {
    return !denied(term) && allowed(term);
  }

  private boolean denied(SpdxExpression.Term term) {
    String full = key(term.text());
    if (deny.contains(full)) {
      return true;
    }
    return deny.contains(key(term.license())) && !allow.contains(full);
  }

  private boolean allowed(SpdxExpression.Term term) {
    return allow.isEmpty()
        || allow.contains(key(term.text()))
        || allow.contains(key(term.license()));
  }

  private String why(SpdxExpression.Term term) {
    return term.text() + (denied(term) ? " is denied" : " is not in the allow list");
  }

  private Map<String, String> overrideOf(Dependency d) {
    for (Map<String, String> override : overrides) {
      if (Requirement.normalizeName(override.get("package")).equals(d.normalizedName())
          && (override.get("version") == null
              || d.version() != null && Version.same(override.get("version"), d.version()))) {
        return override;
      }
    }
    return null;
  }

  private static String label(Dependency d) {
    return d.name() + (d.version() == null ? " (" + d.requirement() + ")" : " " + d.version());
  }

  private static Evidence evidence(Dependency d) {
    return new Evidence(d.origin().file(), d.origin().line(), d.requirement());
  }

  private static String termProblem(String text) {
    try {
      SpdxExpression parsed = SpdxExpression.parse(text);
      if (parsed.canonical().contains(" AND ") || parsed.canonical().contains(" OR ")) {
        return "'" + text + "' is an expression; list single licence ids (or 'id WITH exception')";
      }
      return null;
    } catch (InvalidLicenseExpressionException e) {
      return e.getMessage();
    }
  }

  private static List<String> canonical(List<String> ids) {
    return ids.stream()
        .map(id -> key(SpdxExpression.parse(id).canonical()))
        .collect(Collectors.toList());
  }

  private static String key(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
