package io.github.pyrelease.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.git.GitSettings;
import io.github.pyrelease.git.JGitFacts;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.RuleSelection;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.report.ReportFormat;
import io.github.pyrelease.secrets.SecretCorpus;
import io.github.pyrelease.secrets.SecretMatch;
import io.github.pyrelease.secrets.SecretScanRequest;
import io.github.pyrelease.secrets.SecretScanResult;
import io.github.pyrelease.secrets.SecretScans;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secret scans on real archives, a real git repository (made with git) and real reports. */
class ProjectSecretScansTest {

  private static final SecretCorpus CORPUS = new SecretCorpus();

  @TempDir Path dir;

  private final String pypiToken = CORPUS.pypiToken(false);
  private final String githubToken = CORPUS.githubToken("ghp_");

  private void wheelAndSdist(Path dist) throws IOException {
    Files.createDirectories(dist);
    try (ZipOutputStream zip =
        new ZipOutputStream(Files.newOutputStream(dist.resolve("acme-1.0-py3-none-any.whl")))) {
      member(zip, "acme/__init__.py", "__version__ = '1.0'\n");
      member(zip, "acme/.pypirc", "[pypi]\nusername = __token__\npassword = " + pypiToken + "\n");
      member(zip, "acme/blob.so", "\u0000ELF\u0000" + githubToken);
      member(
          zip, "acme-1.0.dist-info/METADATA", "Metadata-Version: 2.1\nName: acme\nVersion: 1.0\n");
    }
    try (TarArchiveOutputStream tar =
        new TarArchiveOutputStream(
            new GZIPOutputStream(Files.newOutputStream(dist.resolve("acme-1.0.tar.gz"))))) {
      entry(tar, "acme-1.0/PKG-INFO", "Metadata-Version: 2.1\nName: acme\nVersion: 1.0\n");
      entry(
          tar, "acme-1.0/src/acme/settings.py", "DEBUG = True\n\nGITHUB = '" + githubToken + "'\n");
    }
  }

  private static void member(ZipOutputStream zip, String name, String text) throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(text.getBytes(StandardCharsets.ISO_8859_1));
    zip.closeEntry();
  }

  private static void entry(TarArchiveOutputStream tar, String name, String text)
      throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);
    TarArchiveEntry e = new TarArchiveEntry(name);
    e.setSize(bytes.length);
    tar.putArchiveEntry(e);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  private static void git(Path dir, String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                "git", "-c", "user.name=t", "-c", "user.email=t@e", "-c", "commit.gpgsign=false"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(new String(out)).isZero();
  }

  private static SecretScans scans(Path project, Path dist) {
    Optional<JGitFacts> git = JGitFacts.open(project, GitSettings.localOnly());
    return new ProjectSecretScans(project, () -> git, dist, "target/dist");
  }

  @Test
  void everyMemberOfEveryDistributionIsScannedStreamedAndNamed() throws IOException {
    Path dist = dir.resolve("target/dist");
    wheelAndSdist(dist);
    SecretScanResult result =
        scans(dir, dist).scan(SecretScans.Scope.DISTRIBUTIONS, SecretScanRequest.defaults());

    assertThat(result.matches())
        .extracting(SecretMatch::location, SecretMatch::line, SecretMatch::ruleId)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "target/dist/acme-1.0-py3-none-any.whl!acme/.pypirc", 3, "pypi-token"),
            org.assertj.core.groups.Tuple.tuple(
                "target/dist/acme-1.0.tar.gz!acme-1.0/src/acme/settings.py", 3, "github-pat"));
    assertThat(result.binary()).isEqualTo(1);
    assertThat(result.files()).isEqualTo(6);
    // the sdist's top directory (it holds the version) is not part of the fingerprint
    assertThat(result.matches())
        .extracting(SecretMatch::fingerprint)
        .anyMatch(f -> f.startsWith("src/acme/settings.py:github-pat:"));
  }

  @Test
  void theWorkTreeIsWhatWouldBeCommittedAndTheHistoryEveryBlobOnce() throws Exception {
    git(dir, "init", "-q", "-b", "main");
    Files.writeString(dir.resolve(".gitignore"), "local.cfg\n");
    Files.writeString(dir.resolve("app.py"), "print('hi')\n");
    Files.writeString(dir.resolve("deploy.sh"), "export GH=" + githubToken + "\n");
    git(dir, "add", ".");
    git(dir, "commit", "-q", "-m", "deploy script");
    for (int i = 0; i < 5; i++) {
      Files.writeString(dir.resolve("app.py"), "print(" + i + ")\n");
      git(dir, "commit", "-q", "-am", "change " + i);
    }
    git(dir, "rm", "-q", "deploy.sh");
    git(dir, "commit", "-q", "-m", "remove the token");
    Files.writeString(dir.resolve("local.cfg"), "token = " + CORPUS.githubToken("ghp_") + "\n");
    String untracked = CORPUS.githubToken("gho_");
    Files.writeString(dir.resolve("notes.txt"), untracked + "\n");

    SecretScans scans = scans(dir, null);
    SecretScanResult tree = scans.scan(SecretScans.Scope.WORK_TREE, SecretScanRequest.defaults());
    assertThat(tree.matches()).extracting(SecretMatch::location).containsExactly("notes.txt");

    SecretScanResult history = scans.scan(SecretScans.Scope.HISTORY, SecretScanRequest.defaults());
    assertThat(history.matches()).hasSize(1);
    SecretMatch deleted = history.matches().get(0);
    assertThat(deleted.location()).isEqualTo("deploy.sh");
    assertThat(deleted.commit()).hasSize(40);
    assertThat(deleted.fingerprint()).startsWith("deploy.sh:github-pat:");
    // 7 commits; distinct blobs: .gitignore, deploy.sh, 6 versions of app.py
    assertThat(history.scope()).contains("7 commits").contains("8 distinct files");
    assertThat(history.files()).isEqualTo(8);
  }

  @Test
  void noReportHoldsTheSecretAndSarifCarriesTheFingerprint() throws Exception {
    Files.writeString(
        dir.resolve("pyproject.toml"), "[project]\nname = \"acme\"\nversion = \"1.0\"\n");
    Path dist = dir.resolve("target/dist");
    wheelAndSdist(dist);
    Path out = dir.resolve("target/pyrelease");
    CheckResult result =
        new PolicyCheck()
            .run(
                new CheckRequest(
                    dir,
                    new RuleSelection(Set.of(Stage.DIST), Set.of("secrets")),
                    out,
                    EnumSet.allOf(ReportFormat.class),
                    Level.ERROR,
                    null,
                    dist,
                    null));
    assertThat(result.failed()).isTrue();
    for (ReportFormat format : ReportFormat.values()) {
      try (var files = Files.list(out)) {
        for (Path report : files.toList()) {
          String text = Files.readString(report);
          assertThat(text)
              .as(report.toString())
              .doesNotContain(pypiToken.substring(5))
              .doesNotContain(githubToken.substring(4));
        }
      }
    }
    String sarif = Files.readString(out.resolve("report.sarif"));
    assertThat(sarif).contains("\"partialFingerprints\"").contains("acme/.pypirc:pypi-token:");
    String text = Files.readString(out.resolve("report.txt"));
    assertThat(text)
        .contains("acme-1.0-py3-none-any.whl!acme/.pypirc:3 holds a PyPI API token")
        .contains("pypi***");
  }
}
