package io.github.pyrelease.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Searches everything the scenarios' builds wrote under {@code it/target} (build logs, reports,
 * publish state, {@code published.json}, generated pages, the fake servers' records, the invoker's
 * reports) for each secret, as sent or as a server or a log could show it: the value itself,
 * URL-encoded, and inside the base64 of an HTTP Basic {@code __token__:<secret>}.
 *
 * <p>Not searched, as they are not outputs: exact copies of the scenarios' own files (a scenario's
 * {@code invoker.properties} declares its token, a {@code .pypirc} planted for the secret scanner
 * holds one, and the invoker clones both), git's stores (the scenarios' repositories and origins,
 * written by git and compressed), distributions and other archives (the project's own files,
 * compressed), the local repository the invoker fills, and the {@code run-secrets.txt} files that
 * declare secrets.
 */
final class SecretSweep {

  private static final List<String> ARCHIVES =
      List.of(".whl", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".zip", ".jar", ".egg", ".pyc");
  private static final int CHUNK = 1 << 20;

  private SecretSweep() {}

  /**
   * A secret found in an output.
   *
   * @param file the output, relative to {@code it}
   * @param origin where the secret is declared
   * @param form how it was written: "as is", "URL-encoded" or "in HTTP Basic"
   */
  record Hit(String file, String origin, String form) {
    @Override
    public String toString() {
      // never the secret itself: a failing sweep must not print what it protects
      return file + " holds the secret of " + origin + " (" + form + ")";
    }
  }

  /** The hits of {@code secrets} (value to origin) in the outputs under {@code it/target}. */
  static List<Hit> search(Path it, Map<String, String> secrets) throws IOException {
    List<Form> forms = new ArrayList<>();
    secrets.forEach((secret, origin) -> forms.addAll(formsOf(secret, origin)));
    List<Hit> hits = new ArrayList<>();
    for (Path output : outputs(it)) {
      for (Form form : forms) {
        if (contains(output, form.bytes())) {
          hits.add(new Hit(it.relativize(output).toString(), form.origin(), form.how()));
        }
      }
    }
    return hits;
  }

  private record Form(String origin, String how, byte[] bytes) {}

  /** The outputs under {@code it/target}, in path order. */
  static List<Path> outputs(Path it) throws IOException {
    Path target = it.resolve("target");
    if (!Files.isDirectory(target)) {
      return List.of();
    }
    Set<String> sources = digestsOfSources(it);
    try (Stream<Path> paths = Files.walk(target)) {
      List<Path> outputs = new ArrayList<>();
      for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
        Path relative = target.relativize(file);
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (relative.startsWith("local-repo")
            || insideGit(relative)
            || name.equals(DeclaredSecrets.RUN_SECRETS)
            || ARCHIVES.stream().anyMatch(name::endsWith)
            || sources.contains(sha256(file))) {
          continue;
        }
        outputs.add(file);
      }
      return outputs;
    }
  }

  /** Whether {@code relative} lies in a git directory or a bare repository ({@code *.git}). */
  static boolean insideGit(Path relative) {
    for (Path part : relative) {
      if (part.toString().endsWith(".git")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The sha-256 of every file of the scenarios (everything under {@code it} but {@code target}): an
   * output with the same bytes is a copy (the invoker's clone, a build backend's {@code
   * build/lib}), which a product that leaked could not have made.
   */
  private static Set<String> digestsOfSources(Path it) throws IOException {
    Path target = it.resolve("target");
    Set<String> digests = new HashSet<>();
    try (Stream<Path> paths = Files.walk(it)) {
      for (Path file : paths.filter(Files::isRegularFile).toList()) {
        if (!file.startsWith(target) && !insideGit(it.relativize(file))) {
          digests.add(sha256(file));
        }
      }
    }
    return digests;
  }

  private static String sha256(Path file) throws IOException {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static List<Form> formsOf(String secret, String origin) {
    Map<String, String> forms = new LinkedHashMap<>();
    forms.put(secret, "as is");
    forms.putIfAbsent(URLEncoder.encode(secret, StandardCharsets.UTF_8), "URL-encoded");
    forms.putIfAbsent(
        Base64.getEncoder()
            .encodeToString(("__token__:" + secret).getBytes(StandardCharsets.UTF_8)),
        "in HTTP Basic");
    List<Form> list = new ArrayList<>();
    forms.forEach(
        (text, how) -> list.add(new Form(origin, how, text.getBytes(StandardCharsets.UTF_8))));
    return list;
  }

  /** Whether {@code file} holds {@code part}, read in chunks that overlap by its length. */
  private static boolean contains(Path file, byte[] part) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[CHUNK + part.length];
      int kept = 0;
      for (int read; (read = in.readNBytes(buffer, kept, CHUNK)) > 0; ) {
        int length = kept + read;
        if (indexOf(buffer, length, part) >= 0) {
          return true;
        }
        kept = Math.min(part.length - 1, length);
        System.arraycopy(buffer, length - kept, buffer, 0, kept);
      }
      return false;
    }
  }

  private static int indexOf(byte[] bytes, int length, byte[] part) {
    outer:
    for (int i = 0; i + part.length <= length; i++) {
      for (int j = 0; j < part.length; j++) {
        if (bytes[i + j] != part[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
