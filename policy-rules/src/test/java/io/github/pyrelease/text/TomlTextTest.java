package io.github.pyrelease.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TomlTextTest {

  @Test
  void aDocumentParses() {
    TomlText.Parsed parsed = TomlText.parse("[project]\nname = \"acme\"\n");
    assertThat(parsed.valid()).isTrue();
    assertThat(parsed.toml().getString("project.name")).isEqualTo("acme");
  }

  @Test
  void aSyntaxErrorHasItsLineAndColumn() {
    TomlText.Parsed parsed = TomlText.parse("a = 1\nb = \n");
    assertThat(parsed.valid()).isFalse();
    assertThat(parsed.line()).isEqualTo(2);
    assertThat(parsed.where("x.toml")).startsWith("x.toml:2:");
  }

  /** tomlj throws this one instead of reporting it (found by fuzzing a gitleaks configuration). */
  @Test
  void anInvalidEscapeInAQuotedTableKeyIsAnErrorNotAThrow() {
    TomlText.Parsed parsed = TomlText.parse("a = 1\n[\"x\\.y\"]\nb = 2\n");
    assertThat(parsed.valid()).isFalse();
    assertThat(parsed.error()).contains("Invalid escape sequence");
    assertThat(parsed.line()).isEqualTo(2);
  }

  @Test
  void hostileNestingIsAnErrorNotAStackOverflow() {
    TomlText.Parsed parsed = TomlText.parse("a = " + "[".repeat(200_000) + "]".repeat(200_000));
    assertThat(parsed.valid()).isFalse();
    assertThat(parsed.tooDeep()).isTrue();
  }
}
