package io.github.pyrelease.dist;

import io.github.pyrelease.PyreleaseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * The digests package indexes ask for, computed in one read of the file: sha256 (every index, the
 * state file, SHA256SUMS), BLAKE2b-256 (PyPI's own key for files) and MD5 (which twine sends and
 * some private indexes, Nexus, Artifactory, older devpi, check the upload against).
 *
 * @param sha256 lower-case hex
 * @param blake2b256 lower-case hex
 * @param md5 lower-case hex
 * @param size the file's size in bytes
 */
public record FileDigests(String sha256, String blake2b256, String md5, long size) {

  private static final int CHUNK = 1 << 20;
  private static final int CHUNKS = 4;

  /**
   * Reads {@code file} once. BLAKE2b in Java is four times slower than SHA-256 with the CPU's SHA
   * instructions, so it runs on a second thread over the same chunks: the whole takes about as long
   * as BLAKE2b alone.
   */
  public static FileDigests of(Path file) {
    MessageDigest sha256 = newSha256();
    MessageDigest md5 = EntryDigests.newDigest("MD5");
    Blake2bDigest blake2b = new Blake2bDigest(256);
    BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(CHUNKS);
    BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(CHUNKS);
    for (int i = 0; i < CHUNKS; i++) {
      free.add(new byte[CHUNK]);
    }
    Thread hasher =
        new Thread(
            () -> {
              try {
                for (Chunk chunk; (chunk = full.take()).length() >= 0; ) {
                  blake2b.update(chunk.bytes(), 0, chunk.length());
                  free.put(chunk.bytes());
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "pyrelease-blake2b");
    hasher.setDaemon(true);
    hasher.start();
    long size = 0;
    try (InputStream in = Files.newInputStream(file)) {
      try {
        for (byte[] buffer = free.take(); ; buffer = free.take()) {
          int n = in.readNBytes(buffer, 0, CHUNK);
          if (n == 0) {
            break;
          }
          sha256.update(buffer, 0, n);
          md5.update(buffer, 0, n);
          size += n;
          full.put(new Chunk(buffer, n));
        }
      } finally {
        full.put(Chunk.END);
      }
      hasher.join();
    } catch (IOException e) {
      throw new PyreleaseException(
          "cannot read " + file + ": " + e.getMessage(),
          file.toString(),
          "build the distributions again (mvn package, or pyrelease build)",
          e);
    } catch (InterruptedException e) {
      hasher.interrupt();
      Thread.currentThread().interrupt();
      throw new PyreleaseException("interrupted while reading " + file, file.toString(), null, e);
    }
    byte[] blake = new byte[32];
    blake2b.doFinal(blake, 0);
    HexFormat hex = HexFormat.of();
    return new FileDigests(
        hex.formatHex(sha256.digest()), hex.formatHex(blake), hex.formatHex(md5.digest()), size);
  }

  /** Bytes read, handed to the BLAKE2b thread; a negative length ends it. */
  private record Chunk(byte[] bytes, int length) {
    static final Chunk END = new Chunk(new byte[0], -1);
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
