package io.github.pyrelease.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** How a secret is shown (its first characters) and identified (a hash), never printed whole. */
public final class Redaction {

  private static final int SHOWN = 4;

  private Redaction() {}

  /**
   * The first 4 characters, then {@code ***}; fewer for a short secret (a third of it), so that
   * most of it stays hidden.
   */
  public static String redact(String secret) {
    int shown = secret.length() >= 3 * SHOWN ? SHOWN : secret.length() / 3;
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < shown; i++) {
      char c = secret.charAt(i);
      out.append(c < ' ' || c > '~' ? '?' : c);
    }
    return out.append("***").toString();
  }

  /** {@code path:rule:hash}: the first 16 hex digits of the secret's SHA-256. */
  public static String fingerprint(String ruleId, String path, String secret) {
    return path + ":" + ruleId + ":" + hash(secret);
  }

  static String hash(String secret) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.ISO_8859_1));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
