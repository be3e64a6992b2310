package io.github.pyrelease.policy;

import java.util.List;
import java.util.Objects;

/**
 * One thing a rule found wrong.
 *
 * @param key identifies this finding within its rule across runs (waivers name it)
 * @param message what is wrong, in one sentence
 * @param evidence where it was seen, with values
 * @param fix how to fix it, or {@code null}
 * @param ceiling the most severe level this finding can have whatever the policy says ({@link
 *     Level#ERROR} for most findings; {@link Level#WARNING} for a matter of style)
 * @param aliases the public ids the finding is known by, which a waiver may name as well as the key
 *     (an advisory's own id with its CVE and GHSA ids); SARIF reports a finding that has any under
 *     its key as the rule id, as code scanning shows advisories; empty for most findings
 */
public record Finding(
    String key,
    String message,
    List<Evidence> evidence,
    String fix,
    Level ceiling,
    List<String> aliases) {

  /** The key of the finding a rule gets when a fact it needs cannot be obtained. */
  public static final String UNAVAILABLE = "fact-unavailable";

  public Finding {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(ceiling, "ceiling");
    evidence = List.copyOf(evidence);
    aliases = List.copyOf(aliases);
  }

  /** A finding known by its key only. */
  public Finding(String key, String message, List<Evidence> evidence, String fix, Level ceiling) {
    this(key, message, evidence, fix, ceiling, List.of());
  }

  /** This finding, also known by {@code aliases}. */
  public Finding withAliases(List<String> aliases) {
    return new Finding(key, message, evidence, fix, ceiling, aliases);
  }

  /** Whether {@code id} names this finding: its key or one of its aliases. */
  public boolean knownAs(String id) {
    return key.equals(id) || aliases.contains(id);
  }

  /** A finding that is as severe as the policy makes it. */
  public static Finding of(String key, String message, List<Evidence> evidence, String fix) {
    return new Finding(key, message, evidence, fix, Level.ERROR);
  }

  /** A finding that never fails the build on its own, however strict the policy. */
  public static Finding styleOnly(String key, String message, List<Evidence> evidence, String fix) {
    return new Finding(key, message, evidence, fix, Level.WARNING);
  }

  /** The level this finding has under a rule set to {@code ruleLevel}. */
  public Level levelUnder(Level ruleLevel) {
    return ruleLevel.atMost(ceiling);
  }
}
