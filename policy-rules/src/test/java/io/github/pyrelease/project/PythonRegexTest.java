package io.github.pyrelease.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.text.PythonRegex;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected results were checked with Python 3.11's re.search(pattern, text, re.MULTILINE). */
class PythonRegexTest {

  private static String version(String pattern, String text) {
    PythonRegex regex = PythonRegex.compile(pattern, true);
    Matcher matcher = regex.matcher(text);
    return matcher.find() ? matcher.group(regex.group("version")) : null;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "none",
      value = {
        "__version__ = '1.2.3'\\n           | 1.2.3",
        "VERSION = \"v2.0\"\\n              | 2.0",
        "version = 'V3.0'\\n                | 3.0",
        "__version__  =  '1.0' # c\\n       | 1.0",
        "x = 1\\n__version__ = '4.0'\\n      | 4.0",
        "__version__: str = '1.0'\\n        | none",
        "__version__ = \"1.0'\\n             | none",
        "__version__ = '1.0\\n2.0'\\n        | none",
      })
  void hatchlingsDefaultPattern(String text, String expected) {
    assertThat(version(RegexVersionReader.HATCH_DEFAULT_PATTERN, text.replace("\\n", "\n")))
        .isEqualTo(expected);
  }

  @Test
  void hatchlingsDefaultPatternIgnoresAnIndentedAssignment() {
    assertThat(version(RegexVersionReader.HATCH_DEFAULT_PATTERN, "if x:\n    __version__ = '1'\n"))
        .isNull();
  }

  @Test
  void pythonGroupSyntaxIsTranslated() {
    String pattern = "(?P<build_no>b)(?P<version>\\d+)\\.(?P=build_no)\\Z";
    assertThat(version(pattern, "x = b42.b")).isEqualTo("42");
    assertThat(version(pattern, "x = b42.b\n")).isNull(); // \Z is the very end in Python
  }

  @Test
  void aBraceThatIsNotAQuantifierIsALiteral() {
    assertThat(version("\"version\": \\{?\"(?P<version>[^\"]{1,20})\"}", "\"version\": \"1.0\"}"))
        .isEqualTo("1.0");
    assertThat(version("v{(?P<version>.+)}", "v{7}")).isEqualTo("7");
  }

  @Test
  void aClassMayStartWithABracketLiteral() {
    assertThat(version("(?P<version>[]0-9.]+)", "1.0]")).isEqualTo("1.0]");
  }

  @Test
  void aPatternJavaCannotRunIsASyntaxError() {
    assertThatThrownBy(() -> PythonRegex.compile("(?P<version>[0-9", true))
        .isInstanceOf(PatternSyntaxException.class);
  }
}
