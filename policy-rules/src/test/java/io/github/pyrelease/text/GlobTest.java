package io.github.pyrelease.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
