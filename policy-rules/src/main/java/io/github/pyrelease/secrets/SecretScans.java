package io.github.pyrelease.secrets;

/**
 * Scans for secrets where the rules ask: the fact the {@code secrets} rules evaluate. The scanning
 * (reading archives, the work tree, git history) happens behind this interface; rules see only the
 * redacted matches.
 */
public interface SecretScans {

  /** What to scan. */
  enum Scope {
    /** Every member of every wheel and sdist in the dist directory, streamed. */
    DISTRIBUTIONS,
    /** What would be committed or published: tracked files and untracked ones not ignored. */
    WORK_TREE,
    /** Every blob reachable from HEAD, each once, however many commits hold it. */
    HISTORY
  }

  /**
   * @throws io.github.pyrelease.PyreleaseException when the configuration or baseline is invalid,
   *     or what is to be scanned cannot be read
   */
  SecretScanResult scan(Scope scope, SecretScanRequest request);
}
