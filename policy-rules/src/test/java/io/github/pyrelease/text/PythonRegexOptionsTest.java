package io.github.pyrelease.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected results were checked with Python 3.11's re module. */
class PythonRegexOptionsTest {

  @Test
  void verboseDropsWhitespaceAndCommentsOutsideClassesOnly() {
    PythonRegex regex =
        PythonRegex.compile(
            "(?P<major>\\d+) \\. (?P<minor>\\d+)  # the minor\n (?P<sep>[ ])?", false, false, true);
    Matcher m = regex.matcher("1.2 ");
    assertThat(m.matches()).isTrue();
    assertThat(m.group(regex.group("minor"))).isEqualTo("2");
    assertThat(m.group(regex.group("sep"))).isEqualTo(" ");
  }

  @Test
  void leadingInlineVerboseFlagIsHonoured() {
    PythonRegex regex = PythonRegex.compile("(?x)\n (?P<pre_l>a|b|rc)\n (?P<pre_n>\\d+)", false);
    Matcher m = regex.matcher("rc2");
    assertThat(m.matches()).isTrue();
    assertThat(m.group(regex.group("pre_l"))).isEqualTo("rc");
    assertThat(regex.groupNames()).containsExactlyInAnyOrder("pre_l", "pre_n");
  }

  @Test
  void dotAllLetsDotCrossLines() {
    assertThat(PythonRegex.compile("a.b", false, true, false).matcher("a\nb").matches()).isTrue();
    assertThat(PythonRegex.compile("a.b", false, false, false).matcher("a\nb").matches()).isFalse();
  }

  @ParameterizedTest
  @CsvSource({"1.2.3, 1\\.2\\.3", "'[x] (y)', '\\[x\\]\\ \\(y\\)'", "a-b, a\\-b"})
  void escapeLikePython(String text, String escaped) {
    assertThat(PythonRegex.escape(text)).isEqualTo(escaped);
    assertThat(PythonRegex.compile(PythonRegex.escape(text), false).matcher(text).matches())
        .isTrue();
  }
}
