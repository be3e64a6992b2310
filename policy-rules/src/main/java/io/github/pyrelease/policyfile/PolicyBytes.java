package io.github.pyrelease.policyfile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Reading policy bytes with a size limit, decoding them, hashing them. */
final class PolicyBytes {

  /**
   * Policy files are a few kilobytes; anything over this is a mistake or an attack, refused before
   * it is parsed.
   */
  static final int MAX_BYTES = 1024 * 1024;

  private PolicyBytes() {}

  /** Reads at most {@link #MAX_BYTES}; returns {@code null} when the stream holds more. */
  static byte[] readLimited(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    int total = 0;
    int n;
    while ((n = in.read(buffer)) != -1) {
      total += n;
      if (total > MAX_BYTES) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /**
   * Decodes strict UTF-8, dropping a byte-order mark.
   *
   * @throws IllegalArgumentException naming the offset of the first invalid byte
   */
  static String utf8(byte[] bytes) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("is not UTF-8 text", e);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  static String tooLarge(long size) {
    return "is "
        + (size < 0 ? "larger than " + MAX_BYTES : size)
        + " bytes; a policy file may have at most "
        + MAX_BYTES
        + " bytes (1 MiB)";
  }
}
