package io.github.pyrelease.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretConfigTest {

  @TempDir Path dir;

  private static List<SecretMatch> scan(SecretConfig config, String path, String text)
      throws IOException {
    SecretScanner scanner = new SecretScanner(config.compile(), 1 << 20);
    byte[] bytes = text.getBytes();
    scanner.accept(path, path, null, bytes.length, new ByteArrayInputStream(bytes));
    return scanner.summary().matches();
  }

  @Test
  void aProjectFileWithoutExtendReplacesTheBuiltInRules() throws IOException {
    Path file = dir.resolve(".gitleaks.toml");
    Files.writeString(
        file,
        """
        [[rules]]
        id = "acme-key"
        regex = '''acme_[a-z0-9]{16}'''
        keywords = ["acme_"]
        """);
    SecretConfig config = SecretConfig.read(file, ".gitleaks.toml");
    assertThat(config.ruleIds()).containsExactly("acme-key");
  }

  @Test
  void extendUseDefaultAddsOverridesAndDisables() throws IOException {
    Path file = dir.resolve(".gitleaks.toml");
    Files.writeString(
        file,
        """
        title = "team rules"
        [extend]
        useDefault = true
        disabledRules = ["jwt"]

        [[rules]]
        id = "acme-key"
        description = "ACME deploy key"
        regex = '''(?P<secret>acme_[a-z0-9]{16})'''
        secretGroup = 1
        entropy = 3.0
        keywords = ["acme_"]
          [[rules.allowlists]]
          paths = ['''^tests/''']
          stopwords = ["acme_0000"]

        [[rules]]
        id = "github-pat"
        description = "overridden description"

        [[allowlists]]
        targetRules = ["acme-key"]
        regexes = ['''^acme_1111''']
        """);
    SecretConfig config = SecretConfig.read(file, ".gitleaks.toml");
    assertThat(config.ruleIds())
        .contains("acme-key", "github-pat", "private-key")
        .doesNotContain("jwt");
    assertThat(scan(config, "src/a.py", "k = acme_a1b2c3d4e5f6g7h8\n"))
        .extracting(SecretMatch::ruleId, SecretMatch::line, SecretMatch::redacted)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("acme-key", 1, "acme***"));
    assertThat(scan(config, "tests/a.py", "k = acme_a1b2c3d4e5f6g7h8\n")).isEmpty();
    assertThat(scan(config, "src/a.py", "k = acme_0000c3d4e5f6g7h8\n")).isEmpty();
    assertThat(scan(config, "src/a.py", "k = acme_1111c3d4e5f6g7h8\n")).isEmpty();
    SecretCorpus corpus = new SecretCorpus();
    List<SecretMatch> pat = scan(config, "a.txt", corpus.githubToken("ghp_") + "\n");
    assertThat(pat).extracting(SecretMatch::description).containsExactly("overridden description");
  }

  @Test
  void thePolicyAddsRulesAndOverridesByIdInGitleaksForm() throws IOException {
    SecretConfig config =
        SecretConfig.builtIn()
            .extendedWith(
                List.of(
                    Map.of(
                        "id",
                        "internal-token",
                        "regex",
                        "itk_[0-9a-f]{20}",
                        "keywords",
                        List.of("itk_")),
                    Map.of("id", "generic-api-key", "entropy", 5.5)),
                "release-policy.yaml rule secrets option rules");
    assertThat(scan(config, "a.py", "x = itk_0123456789abcdef0123\n"))
        .extracting(SecretMatch::ruleId)
        .containsExactly("internal-token");
    assertThat(scan(config, "a.py", "API_KEY = \"q8Zt3LmP0xVw7RyK2nBs5HdJ\"\n")).isEmpty();
    assertThat(scan(SecretConfig.builtIn(), "a.py", "API_KEY = \"q8Zt3LmP0xVw7RyK2nBs5HdJ\"\n"))
        .hasSize(1);
  }

  @Test
  void aConfiguredRuleRunsOnTheWholeFileAsInGitleaksWhereverItsKeywordIs() throws IOException {
    Path file = dir.resolve(".gitleaks.toml");
    Files.writeString(
        file,
        """
        [[rules]]
        id = "paired"
        regex = '''xyz_[0-9]{8}'''
        keywords = ["acme"]
        """);
    SecretConfig config = SecretConfig.read(file, ".gitleaks.toml");
    assertThat(scan(config, "a.txt", "the acme service\n\nid xyz_12345678\n"))
        .extracting(SecretMatch::line)
        .containsExactly(3);
    assertThat(scan(config, "a.txt", "id xyz_12345678\n")).isEmpty();
  }

  @Test
  void mistakesNameTheFileLineAndRule() throws IOException {
    Path file = dir.resolve("bad.toml");
    Files.writeString(
        file,
        """
        [[rules]]
        id = "ok"
        regex = '''ok_[a-z]+'''

        [[rules]]
        id = "ungreedy"
        regex = '''(?U)tok_.+'''
        """);
    assertThatThrownBy(() -> SecretConfig.read(file, "bad.toml"))
        .isInstanceOf(SecretConfigException.class)
        .hasMessageContaining("secret rule 'ungreedy'")
        .hasMessageContaining("flag U")
        .extracting(e -> ((SecretConfigException) e).where())
        .isEqualTo("bad.toml:6");
    Files.writeString(file, "[[rules]]\nid = \"x\"\nregx = 'a'\n");
    assertThatThrownBy(() -> SecretConfig.read(file, "bad.toml"))
        .hasMessageContaining("unknown key 'regx'")
        .hasMessageContaining("did you mean 'regex'");
    Files.writeString(file, "[[rules]]\nid = \"x\"\nregex = '(a)'\nsecretGroup = 2\n");
    assertThatThrownBy(() -> SecretConfig.read(file, "bad.toml"))
        .hasMessageContaining("only 1 groups");
    Files.writeString(file, "[[rules]\nid = 1");
    assertThatThrownBy(() -> SecretConfig.read(file, "bad.toml"))
        .hasMessageContaining("is not valid TOML");
  }
}
