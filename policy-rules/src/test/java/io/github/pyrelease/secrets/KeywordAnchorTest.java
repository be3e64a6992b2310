package io.github.pyrelease.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Trying a rule only where its keywords start must find exactly what a search of every position
 * finds: the anchor is claimed only for regexes whose every match opens with a keyword.
 */
class KeywordAnchorTest {

  @Test
  void anchorsOnlyRegexesOpeningWithAKeyword() {
    assertThat(KeywordAnchor.startsAtKeyword("(?i)token[\\w.-]{0,20}=", List.of("token"))).isTrue();
    assertThat(KeywordAnchor.startsAtKeyword("(?i)(?:password|passwd|pwd)=", keywords())).isTrue();
    assertThat(KeywordAnchor.startsAtKeyword("(?i)tokens?=", List.of("token"))).isTrue();
    assertThat(KeywordAnchor.startsAtKeyword("ghp_[0-9a-zA-Z]{36}", List.of("ghp_"))).isTrue();
    // a match may start before the keyword, or the keyword may be optional or elsewhere
    assertThat(KeywordAnchor.startsAtKeyword("(?i)x?token=", List.of("token"))).isFalse();
    assertThat(KeywordAnchor.startsAtKeyword("(?i)tok?en=", List.of("token"))).isFalse();
    assertThat(KeywordAnchor.startsAtKeyword("(?i)api[_-]?key=", List.of("api_key"))).isFalse();
    assertThat(KeywordAnchor.startsAtKeyword("(?i)(?:token|\\bkey)=", List.of("token", "key")))
        .isFalse();
    assertThat(KeywordAnchor.startsAtKeyword("(?i)(?:token)?secret", List.of("token"))).isFalse();
    assertThat(KeywordAnchor.startsAtKeyword("(?i)(?:to(?:k)en)=", List.of("token"))).isFalse();
    assertThat(KeywordAnchor.startsAtKeyword("(?i)\\btoken=", List.of("token"))).isFalse();
    // a case-sensitive literal that is not the lower-case keyword: not claimed
    assertThat(KeywordAnchor.startsAtKeyword("Token=", List.of("token"))).isFalse();
    assertThat(KeywordAnchor.startsAtKeyword("token=", List.of())).isFalse();
  }

  @Test
  void theBuiltInGenericRulesAreAnchored() {
    List<String> anchored = new ArrayList<>();
    for (SecretRule rule : SecretConfig.builtIn().compile().rules()) {
      if (rule.keywordAnchored()) {
        anchored.add(rule.id());
      }
    }
    assertThat(anchored).contains("generic-password", "generic-secret", "generic-token");
  }

  /** Random text dense with keywords, assignments, quotes and line breaks, scanned both ways. */
  @Test
  void findsExactlyWhatEveryPositionFinds() throws IOException {
    RuleSet anchored = SecretConfig.builtIn().compile();
    List<SecretRule> plain = new ArrayList<>();
    for (SecretRule r : anchored.rules()) {
      plain.add(
          new SecretRule(
              r.id(),
              r.description(),
              r.regex(),
              r.secretGroup(),
              r.entropy(),
              r.path(),
              r.keywords(),
              r.allowlists(),
              r.lineLocal(),
              false));
    }
    RuleSet everywhere = new RuleSet(plain, anchored.global());
    String[] pieces = {
      "token",
      "TOKEN",
      "password",
      "Passwd",
      "pwd",
      "secret",
      "api_key",
      "tokentoken",
      " = ",
      "=",
      ": ",
      ":=",
      "=>",
      "\"",
      "'",
      "`",
      "\n",
      "\n",
      " ",
      "_",
      ".",
      "-",
      "ghp_",
      "sk_live_",
      "xoxb-",
      "# gitleaks:allow",
      "(",
      ")",
      ";",
      ","
    };
    Random random = new Random(7);
    int files = 0;
    int findings = 0;
    for (int t = 0; t < 1500; t++) {
      StringBuilder text = new StringBuilder();
      int parts = 5 + random.nextInt(60);
      for (int i = 0; i < parts; i++) {
        int kind = random.nextInt(4);
        if (kind == 0) {
          text.append(randomValue(random));
        } else if (kind == 1) { // an assignment, the shape the generic rules look for
          text.append(pieces[random.nextInt(6)])
              .append(pieces[8 + random.nextInt(5)])
              .append(random.nextBoolean() ? "\"" : "")
              .append(randomValue(random))
              .append(pieces[13 + random.nextInt(8)]);
        } else {
          text.append(pieces[random.nextInt(pieces.length)]);
        }
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      List<SecretMatch> fast = scan(anchored, bytes);
      assertThat(fast).as("anchored scan of:%n%s", text).isEqualTo(scan(everywhere, bytes));
      files++;
      findings += fast.size();
    }
    assertThat(files).isEqualTo(1500);
    assertThat(findings).as("the texts hold findings to compare").isGreaterThan(300);
  }

  private static String randomValue(Random random) {
    String alphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789/+_.=~!@#%^&*-";
    StringBuilder value = new StringBuilder();
    int n = 1 + random.nextInt(random.nextBoolean() ? 8 : 40);
    for (int i = 0; i < n; i++) {
      value.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return value.toString();
  }

  private static List<SecretMatch> scan(RuleSet rules, byte[] bytes) throws IOException {
    SecretScanner scanner = new SecretScanner(rules, 1 << 20);
    scanner.accept("src/app.py", "src/app.py", null, bytes.length, new ByteArrayInputStream(bytes));
    return scanner.summary().matches();
  }

  private static List<String> keywords() {
    return List.of("password", "passwd", "pwd");
  }
}
