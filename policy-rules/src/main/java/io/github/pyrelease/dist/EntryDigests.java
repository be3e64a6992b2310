package io.github.pyrelease.dist;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The digests of one member, updated chunk by chunk while it streams past. */
final class EntryDigests {

  /** Python's hashlib names to the JDK's; blake2 has no JDK provider and stays uncomputed. */
  private static final Map<String, String> JDK_NAMES =
      Map.of(
          "sha256", "SHA-256",
          "sha384", "SHA-384",
          "sha512", "SHA-512",
          "sha224", "SHA-224",
          "sha3_224", "SHA3-224",
          "sha3_256", "SHA3-256",
          "sha3_384", "SHA3-384",
          "sha3_512", "SHA3-512",
          "sha1", "SHA-1",
          "md5", "MD5");

  /** Prototypes to clone: cloning a digest is much cheaper than looking up its provider. */
  private static final Map<String, MessageDigest> PROTOTYPES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final Map<String, MessageDigest> digests = new LinkedHashMap<>();

  EntryDigests(Set<String> algorithms) {
    for (String algorithm : algorithms) {
      String jdk = JDK_NAMES.get(algorithm);
      if (jdk != null) {
        digests.put(algorithm, copy(PROTOTYPES.computeIfAbsent(jdk, EntryDigests::newDigest)));
      }
    }
  }

  /** Whether {@code algorithm} (hashlib's name) can be computed here. */
  static boolean supported(String algorithm) {
    return JDK_NAMES.containsKey(algorithm);
  }

  void update(byte[] buffer, int offset, int length) {
    for (MessageDigest digest : digests.values()) {
      digest.update(buffer, offset, length);
    }
  }

  /** Each digest in RECORD's form: URL-safe base64 without padding. */
  Map<String, String> finish() {
    Map<String, String> out = new LinkedHashMap<>();
    digests.forEach((name, digest) -> out.put(name, urlSafe(digest.digest())));
    return out;
  }

  static String urlSafe(byte[] digest) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
  }

  private static MessageDigest copy(MessageDigest prototype) {
    try {
      return (MessageDigest) prototype.clone();
    } catch (CloneNotSupportedException e) {
      return newDigest(prototype.getAlgorithm());
    }
  }

  static MessageDigest newDigest(String jdkName) {
    try {
      return MessageDigest.getInstance(jdkName);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks " + jdkName, e);
    }
  }
}
