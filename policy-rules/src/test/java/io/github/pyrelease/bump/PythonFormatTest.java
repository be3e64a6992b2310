package io.github.pyrelease.bump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected results are what Python's str.format gives for the same template and values. */
class PythonFormatTest {

  private static final Map<String, Object> CONTEXT =
      Map.of(
          "new_version", "1.3.0",
          "patch", "7",
          "now", ZonedDateTime.of(2026, 11, 5, 9, 3, 4, 0, ZoneOffset.UTC),
          "#", "#");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "v{new_version}|v1.3.0",
        "{{literal}} {new_version}|{literal} 1.3.0",
        "{patch:03}|007",
        "{patch:3d}|'  7'",
        "{now:%Y-%m-%d %H:%M:%S}|2026-11-05 09:03:04",
        "{now:%d %b %Y, 100%%}|05 Nov 2026, 100%",
        "{#} {new_version}|# 1.3.0",
        "no fields|no fields",
      })
  void rendersLikePython(String template, String expected) {
    assertThat(PythonFormat.render(template, CONTEXT, "test")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{new_version|an unclosed '{'",
        "a } b|a single '}'",
        "{new_version!r}|conversions such as '{new_version!r}' are not supported",
        "{patch:>5}|the format '>5'",
        "{now:%Q}|the date format %Q is not supported",
        "{nope}|unknown field {nope}",
      })
  void refusesWhatItCannotRenderSayingWhere(String template, String message) {
    assertThatThrownBy(() -> PythonFormat.render(template, CONTEXT, "pyproject.toml:9"))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((PyreleaseException) e).where()).isEqualTo("pyproject.toml:9"));
  }
}
