package io.github.pyrelease.secrets;

import java.util.List;

/**
 * What a scan found, and what it passed over.
 *
 * @param scope what was scanned, in words ("2 distributions in target/dist")
 * @param matches the secrets found and not accepted
 * @param files files (members, blobs) seen
 * @param bytes bytes of content scanned
 * @param binary files passed over as binary
 * @param tooLarge files passed over as larger than the limit
 * @param accepted matches left out because the baseline or an allowed fingerprint accepts them
 * @param notes what could not be scanned, and why
 */
public record SecretScanResult(
    String scope,
    List<SecretMatch> matches,
    long files,
    long bytes,
    long binary,
    long tooLarge,
    int accepted,
    List<String> notes) {

  public SecretScanResult {
    matches = List.copyOf(matches);
    notes = List.copyOf(notes);
  }
}
