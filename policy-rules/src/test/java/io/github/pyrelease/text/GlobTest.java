package io.github.pyrelease.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobTest {

  @ParameterizedTest(name = "{0} ~ {1} is {2}")
  @CsvSource({
    "release/*, release/1.0, true",
    "release/*, release/1.0/hotfix, false",
    "release/**, release/1.0/hotfix, true",
    "**/.env, .env, true",
    "**/.env, a/b/.env, true",
    "**/.env, a/b/.envrc, false",
    "**/__pycache__/**, pkg/__pycache__/m.cpython-311.pyc, true",
    "*.pem, key.pem, true",
    "*.pem, certs/key.pem, false",
    "v?.?, v1.2, true",
    "v?.?, v1.10, false",
    "[mt]ain, main, true",
    "[!m]ain, main, false",
    "[!m]ain, tain, true",
    "'*.{whl\\,tar.gz}', x.tar.gz, false",
    "'*.{whl\\,tar.gz}', 'x.whl,tar.gz', true",
    "'*.{whl,tar.gz}', x.tar.gz, true",
    "'*.{whl,tar.gz}', x.zip, false",
    "a\\*b, a*b, true",
    "a\\*b, axb, false",
    "a.b, axb, false",
    "(x)+, (x)+, true",
  })
  void matchesLikeAShellGlob(String glob, String path, boolean expected) {
    assertThat(Glob.compile(glob).matches(path)).isEqualTo(expected);
  }

  /**
   * The literal prefix and suffix checked before the regular expression only ever turn away paths
   * the expression would refuse too: random globs of the special characters against random paths.
   */
  @Test
  void literalEndsNeverChangeAnAnswer() {
    String[] globParts = {
      "a", "b", "/", ".", "*", "**", "**/", "?", "[ab]", "[!a]", "[]a]", "{a,b}", "{a,[b]}", "}",
      ",", "]", "\\*", "\\a", "\\\\", "ab"
    };
    String[] pathParts = {"a", "b", "/", ".", "*", "]", "}", ",", "\\", "ab", "ba"};
    java.util.Random random = new java.util.Random(11);
    int compiled = 0;
    for (int t = 0; t < 3000; t++) {
      StringBuilder glob = new StringBuilder();
      for (int k = random.nextInt(5); k >= 0; k--) {
        glob.append(globParts[random.nextInt(globParts.length)]);
      }
      Glob g;
      try {
        g = Glob.compile(glob.toString());
      } catch (IllegalArgumentException e) {
        continue;
      }
      compiled++;
      for (int p = 0; p < 40; p++) {
        StringBuilder path = new StringBuilder();
        for (int k = random.nextInt(6); k >= 0; k--) {
          path.append(pathParts[random.nextInt(pathParts.length)]);
        }
        assertThat(g.matches(path.toString()))
            .as("%s ~ %s", glob, path)
            .isEqualTo(g.regexMatches(path.toString()));
      }
    }
    assertThat(compiled).isGreaterThan(2000);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "src/[abc|glob 'src/[abc' has an unclosed '[' at position 5",
        "*.{whl,tar|glob '*.{whl,tar' has an unclosed '{' at position 3",
        "end\\|glob 'end\\' ends with an escape '\\' that escapes nothing"
      })
  void malformedGlobsSayWhatAndWhere(String glob, String message) {
    assertThatThrownBy(() -> Glob.compile(glob))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }
}
