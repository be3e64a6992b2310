package io.github.pyrelease.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.secrets.SecretCorpus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretsCommandTest {

  private static final SecretCorpus CORPUS = new SecretCorpus();

  @TempDir Path dir;

  private static CliFixture.Run run(String... args) {
    return CliFixture.run(Map.of(), false, "", args);
  }

  @Test
  void aFindingExitsOneRedactedAndABaselineAcceptsIt() throws Exception {
    String token = CORPUS.githubToken("ghp_");
    Files.writeString(dir.resolve("deploy.sh"), "#!/bin/sh\n\nexport GH_TOKEN=" + token + "\n");
    Files.writeString(dir.resolve("clean.py"), "print('nothing to see')\n");

    CliFixture.Run found = run("secrets", dir.toString());
    assertThat(found.exit()).isEqualTo(1);
    assertThat(found.out())
        .contains("deploy.sh:3: github-pat ghp_***  [deploy.sh:github-pat:")
        .contains("1 secret found")
        .doesNotContain(token.substring(4));

    Path baseline = dir.resolve("secrets-baseline.json");
    CliFixture.Run written = run("secrets", dir.toString(), "--baseline-out", baseline.toString());
    assertThat(written.exit()).isZero();
    assertThat(Files.readString(baseline))
        .contains("deploy.sh:github-pat:")
        .doesNotContain(token.substring(4));

    // the line moves: the fingerprint holds
    Files.writeString(
        dir.resolve("deploy.sh"), "#!/bin/sh\nset -e\n\n\nexport GH_TOKEN=" + token + "\n");
    CliFixture.Run accepted = run("secrets", dir.toString(), "--baseline", baseline.toString());
    assertThat(accepted.exit()).as(accepted.out()).isZero();
    assertThat(accepted.out()).contains("no secrets found (1 accepted by the baseline)");

    Files.writeString(dir.resolve("new.txt"), CORPUS.githubToken("ghp_") + "\n");
    CliFixture.Run fresh = run("secrets", dir.toString(), "--baseline", baseline.toString());
    assertThat(fresh.exit()).isEqualTo(1);
    assertThat(fresh.out()).contains("new.txt:1: github-pat").doesNotContain("deploy.sh:5");
  }

  @Test
  void aProjectGitleaksTomlIsHonouredAndJsonIsRedacted() throws Exception {
    Files.writeString(
        dir.resolve(".gitleaks.toml"),
        "[extend]\nuseDefault = true\n\n[[rules]]\nid = \"acme-key\"\nregex = '''acme_[0-9a-f]{24}'''\nkeywords = [\"acme_\"]\n");
    Files.writeString(dir.resolve("app.cfg"), "key = acme_0123456789abcdef01234567\n");
    CliFixture.Run json = run("secrets", dir.toString(), "--format", "json");
    assertThat(json.exit()).isEqualTo(1);
    assertThat(json.out())
        .contains("\"RuleID\" : \"acme-key\"")
        .contains("\"Secret\" : \"acme***\"")
        .doesNotContain("0123456789abcdef");
  }

  @Test
  void badInputExitsTwoNamingTheFileAndRule() throws Exception {
    Files.writeString(
        dir.resolve(".gitleaks.toml"), "[[rules]]\nid = \"bad\"\nregex = '''(?U)x+'''\n");
    CliFixture.Run bad = run("secrets", dir.toString());
    assertThat(bad.exit()).isEqualTo(2);
    assertThat(bad.err()).contains("secret rule 'bad'").contains(".gitleaks.toml:2");
    CliFixture.Run missing =
        run("secrets", dir.toString(), "--baseline", dir.resolve("none.json").toString());
    assertThat(missing.exit()).isEqualTo(2);
  }
}
