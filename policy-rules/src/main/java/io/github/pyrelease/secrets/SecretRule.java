package io.github.pyrelease.secrets;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One detection rule, compiled: a gitleaks {@code [[rules]]} table.
 *
 * @param regex what a secret looks like, or {@code null} for a rule on file names alone
 * @param secretGroup the group holding the secret; 0 for the first non-empty group (or the whole
 *     match when there is none)
 * @param entropy the Shannon entropy a secret must exceed; 0 for no threshold
 * @param path the file paths the rule looks at, or {@code null} for every file
 * @param keywords lower-case words of which the content must hold one before the regex runs; empty:
 *     the regex always runs
 * @param lineLocal every match lies on a line holding a keyword (a vetted rule not spanning lines)
 * @param keywordAnchored every match starts where a keyword starts ({@link KeywordAnchor})
 */
record SecretRule(
    String id,
    String description,
    Pattern regex,
    int secretGroup,
    double entropy,
    Pattern path,
    List<String> keywords,
    List<Allowlist> allowlists,
    boolean lineLocal,
    boolean keywordAnchored) {

  SecretRule {
    keywords = List.copyOf(keywords);
    allowlists = List.copyOf(allowlists);
  }

  boolean pathOnly() {
    return regex == null;
  }
}
