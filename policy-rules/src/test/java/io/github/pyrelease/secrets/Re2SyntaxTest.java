package io.github.pyrelease.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Re2SyntaxTest {

  @Test
  void namedGroupsBecomePlainGroupsKeepingTheirNumbers() {
    var m = Re2Syntax.compile("(?P<key_id>AKIA[A-Z]{4})-(?<rest>\\d+)").matcher("AKIAABCD-12");
    assertThat(m.matches()).isTrue();
    assertThat(m.group(1)).isEqualTo("AKIAABCD");
    assertThat(m.group(2)).isEqualTo("12");
  }

  @Test
  void dollarOutsideMultiLineModeIsTheEndOfTheText() {
    assertThat(Re2Syntax.compile("abc$").matcher("abc\n").find()).isFalse();
    assertThat(Re2Syntax.compile("abc$").matcher("abc").find()).isTrue();
    assertThat(Re2Syntax.compile("(?m)abc$").matcher("abc\nx").find()).isTrue();
    assertThat(Re2Syntax.compile("(?m)^abc$").matcher("abc\r\nx").find()).isFalse();
  }

  @Test
  void posixClassesAndSpacesReadAsInRe2() {
    assertThat(Re2Syntax.compile("^[[:alpha:]_]+$").matcher("ab_C").find()).isTrue();
    assertThat(Re2Syntax.compile("^[[:^digit:]]+$").matcher("abc").find()).isTrue();
    assertThat(Re2Syntax.compile("a\\sb").matcher("a\u000Bb").find()).isFalse();
    assertThat(Re2Syntax.compile("(?i)key").matcher("KEY").find()).isTrue();
    assertThat(Re2Syntax.compile("x\\z").matcher("x").find()).isTrue();
    assertThat(Re2Syntax.compile("[]a]").matcher("]").find()).isTrue();
  }

  @Test
  void whatJavaWouldReadOtherwiseIsRefused() {
    assertThatThrownBy(() -> Re2Syntax.compile("(?U)a+"))
        .hasMessageContaining("flag U")
        .hasMessageContaining("lazy quantifiers");
    assertThatThrownBy(() -> Re2Syntax.compile("a\\C")).hasMessageContaining("\\C");
    assertThatThrownBy(() -> Re2Syntax.compile("a("))
        .hasMessageContaining("not a valid regular expression");
  }
}
