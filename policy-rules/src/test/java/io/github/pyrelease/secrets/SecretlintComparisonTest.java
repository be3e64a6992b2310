package io.github.pyrelease.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The corpus side by side with secretlint and its recommended preset (npm), installed by this test
 * into a cache directory: what each finds that the other misses. Every true positive secretlint
 * finds, pyrelease finds too, and each near miss either reports is listed with the reason.
 */
class SecretlintComparisonTest {

  /** The last secretlint release that runs on Node 20 (13.x asks for Node 22). */
  static final String VERSION = "11.7.1";

  /** True positives of ours secretlint has no rule for, with the reason. */
  private static final Map<String, String> SECRETLINT_HAS_NO_RULE =
      new TreeMap<>(
          Map.ofEntries(
              Map.entry("pypi-token", "secretlint has no PyPI token rule"),
              Map.entry("testpypi-token", "secretlint has no PyPI token rule"),
              Map.entry("pypirc-password", "no .pypirc rule"),
              Map.entry("gitlab-token", "no GitLab rule in the recommended preset"),
              Map.entry("gitlab-runner-registration-token", "no GitLab rule"),
              Map.entry("jwt", "no JWT rule"),
              Map.entry("generic-password", "no generic assignment rule"),
              Map.entry("generic-secret", "no generic assignment rule"),
              Map.entry("generic-token", "no generic assignment rule"),
              Map.entry("generic-api-key", "no generic assignment rule"),
              Map.entry("generic-access-key", "no generic assignment rule"),
              Map.entry("generic-credential", "no generic assignment rule"),
              Map.entry("dotenv-secret", "no .env rule"),
              Map.entry("azure-storage-key", "no Azure rule"),
              Map.entry("azure-ad-client-secret", "no Azure rule"),
              Map.entry("digitalocean-token", "no DigitalOcean rule"),
              Map.entry("huggingface-token", "no Hugging Face rule"),
              Map.entry("private-key-file", "rules read contents, not file names"),
              Map.entry("pkcs12-file", "rules read contents, not file names")));

  @TempDir Path dir;

  /** The secretlint command, installed on first use; null when npm is not there. */
  static Path secretlint() throws Exception {
    String cache = System.getenv("XDG_CACHE_HOME");
    Path base =
        (cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache"))
            .resolve("pyrelease-secretlint-" + VERSION);
    Path bin = base.resolve("node_modules/.bin/secretlint");
    if (Files.isExecutable(bin)) {
      return bin;
    }
    if (!onPath("npm") || !onPath("node")) {
      return null;
    }
    Files.createDirectories(base);
    Process p =
        new ProcessBuilder(
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--silent",
                "secretlint@" + VERSION,
                "@secretlint/secretlint-rule-preset-recommend@" + VERSION)
            .directory(base.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0 || !Files.isExecutable(bin)) {
      // the registry unreachable is the environment's problem, not the scanner's: skip, loudly
      assumeTrue(
          false, "npm could not install secretlint " + VERSION + ", comparison skipped: " + out);
    }
    return bin;
  }

  private static boolean onPath(String tool) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(d, tool))) {
        return true;
      }
    }
    return false;
  }

  /** Files (relative to {@code root}) secretlint reports something in. */
  static Set<String> runSecretlint(Path bin, Path root) throws Exception {
    Path rc = root.resolve(".secretlintrc.json");
    Files.writeString(
        rc, "{\"rules\": [{\"id\": \"@secretlint/secretlint-rule-preset-recommend\"}]}");
    Process p =
        new ProcessBuilder(
                bin.toString(),
                "--format",
                "json",
                "--secretlintrc",
                rc.toString(),
                "--no-color",
                "**/*",
                "**/.*",
                "**/.*/**")
            .directory(root.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    Set<String> flagged = new TreeSet<>();
    JsonNode results = new ObjectMapper().readTree(out);
    for (JsonNode file : results) {
      if (file.get("messages").size() > 0) {
        flagged.add(
            root.toRealPath()
                .relativize(Path.of(file.get("filePath").asText()).toRealPath())
                .toString());
      }
    }
    return flagged;
  }

  @Test
  void sideBySideWithSecretlint() throws Exception {
    Path bin = secretlint();
    assumeTrue(bin != null, "npm is not installed: the comparison with secretlint is skipped");
    SecretCorpus corpus = new SecretCorpus();
    List<SecretCorpus.Sample> all = new ArrayList<>(corpus.positives());
    all.addAll(corpus.nearMisses());
    for (SecretCorpus.Sample sample : all) {
      Path file = dir.resolve(sample.path());
      Files.createDirectories(file.getParent());
      Files.write(file, sample.bytes());
    }
    Set<String> theirs = runSecretlint(bin, dir);
    RuleSet rules = SecretConfig.builtIn().compile();

    List<String> weMiss = new ArrayList<>();
    List<String> theyMiss = new ArrayList<>();
    List<String> theirFalseAlarms = new ArrayList<>();
    for (SecretCorpus.Sample sample : corpus.positives()) {
      boolean ours = !SecretScannerTest.scan(rules, sample).isEmpty();
      boolean secretlint = theirs.contains(sample.path());
      if (secretlint && !ours) {
        weMiss.add(sample.path() + " (" + sample.rule() + ")");
      } else if (ours && !secretlint) {
        theyMiss.add(
            sample.path()
                + " ("
                + sample.rule()
                + ": "
                + SECRETLINT_HAS_NO_RULE.getOrDefault(sample.rule(), "its rule did not match")
                + ")");
      }
    }
    for (SecretCorpus.Sample sample : corpus.nearMisses()) {
      if (theirs.contains(sample.path())) {
        theirFalseAlarms.add(sample.path() + " (" + sample.why() + ")");
      }
    }
    System.out.println("secretlint " + VERSION + " finds, pyrelease misses: " + weMiss);
    System.out.println("pyrelease finds, secretlint " + VERSION + " misses: " + theyMiss);
    System.out.println("near misses secretlint reports: " + theirFalseAlarms);
    long theirsFound = corpus.positives().stream().filter(s -> theirs.contains(s.path())).count();
    System.out.printf(
        "recall on %d true positives: pyrelease 100%%, secretlint %.1f%%%n",
        corpus.positives().size(), 100.0 * theirsFound / corpus.positives().size());
    assertThat(weMiss).as("secrets secretlint finds and pyrelease misses").isEmpty();
    assertThat(theirsFound).as("secretlint ran and found something").isPositive();
  }
}
