package io.github.pyrelease.dist;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The digests package indexes ask for, computed in one read of the file: sha256 (every index, the
 * state file, SHA256SUMS) and BLAKE2b-256 (PyPI's own key for files).
 *
 * @param sha256 lower-case hex
 * @param blake2b256 lower-case hex
 * @param size the file's size in bytes
 */
public record FileDigests(String sha256, String blake2b256, long size) {

  private static final int BUFFER = 1 << 16;

  /** Reads {@code file} once. */
  public static FileDigests of(Path file) {
    MessageDigest sha256 = newSha256();
    Blake2bDigest blake2b = new Blake2bDigest(256);
    byte[] buffer = new byte[BUFFER];
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        sha256.update(buffer, 0, n);
        blake2b.update(buffer, 0, n);
        size += n;
      }
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot read " + file + ": " + e.getMessage(),
          file.toString(),
          "build the distributions again (mvn package, or pyrelease build)",
          e);
    }
    byte[] blake = new byte[32];
    blake2b.doFinal(blake, 0);
    HexFormat hex = HexFormat.of();
    return new FileDigests(hex.formatHex(sha256.digest()), hex.formatHex(blake), size);
  }

  /** The sha256 of {@code bytes}, lower-case hex. */
  public static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(newSha256().digest(bytes));
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
