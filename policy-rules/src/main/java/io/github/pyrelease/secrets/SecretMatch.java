package io.github.pyrelease.secrets;

/**
 * One secret found, as reports may show it: never the secret itself.
 *
 * @param ruleId the rule that matched
 * @param description what the rule detects
 * @param location the file as findings name it: a path, {@code dist/x.whl!pkg/.pypirc}, or a path
 *     in a commit
 * @param line the 1-based line the secret starts on, or 0 for a rule on file names
 * @param redacted the first characters of the secret, then {@code ***}
 * @param fingerprint rule, file and a hash of the secret: stable when lines move (baselines and
 *     waivers name it)
 * @param commit the commit the blob was first seen in (history scans), or {@code null}
 */
public record SecretMatch(
    String ruleId,
    String description,
    String location,
    int line,
    String redacted,
    String fingerprint,
    String commit) {}
