package io.github.pyrelease.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Text that is not a version: it is refused, and the reason says where and why. */
class InvalidVersionTest {

  /** The invalid list of shared/REFERENCE/pyproject-and-versions.md §3. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.0-",
        "1.0+",
        "1.0.1-",
        "1.0..0",
        "1.0.x",
        "1.0+ab$c",
        "1.0+.foo",
        "1.0+foo..bar",
        "1.0.0-SNAPSHOT",
        "1.0.0.RELEASE",
        "1.0final",
        "1.0-foo",
        "1.0a1b2",
        "1.0.post1.post2",
        "1.0.dev1.dev2",
        "1.0-1.2",
        "1.0.0-1-1",
        "1.0-1a",
        "1.0_1",
        "1.0-alpha-beta",
        "1!",
        "\u0661.\u0660"
      })
  void rejectsTheReferenceList(String input) {
    assertThat(Version.tryParse(input)).isEmpty();
    assertThatThrownBy(() -> Version.parse(input))
        .isInstanceOf(InvalidVersionException.class)
        .hasMessageStartingWith("invalid version '" + input + "': ");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1.0-foo|unexpected 'foo' at position 5; expected a pre-release (a, b, rc), .postN, .devN or +local
          1.0a1b2|two pre-release segments ('b2' at position 6)
          1.0-alpha-beta|two pre-release segments ('beta' at position 11)
          1.0.post1.post2|two post-release segments ('post2' at position 11)
          1.0.0-1-1|two post-release segments ('1' at position 9)
          1.0.dev1.dev2|two dev-release segments ('dev2' at position 10)
          1.0-1a|pre-release after the post-release ('a' at position 6); the order is pre-release, post-release, dev-release
          1.0.dev1.post1|post-release after the dev-release ('post1' at position 10)
          1.0+|empty local label: '+' at position 4
          1.0+foo..bar|empty local label segment at position 9
          1.0+.foo|empty local label segment at position 5
          1.0+ab$c|invalid character '$' at position 7 in the local label
          1.0_1|a post-release without 'post' needs '-', as in 1.0-1
          1.0-1.2|number '2' at position 7 after the post-release; release numbers must come before
          1.0-|'-' at position 4 ends the version
          1.0..0|two separators in a row at position 4
          1!|expected the release number after the epoch at position 3, found the end
          v|expected a number at position 2, found the end
          .1|expected a number at position 1, found '.'
          1.0 a1|whitespace at position 4; only leading and trailing whitespace is ignored
          1.0.0-SNAPSHOT|unexpected 'SNAPSHOT' at position 7; expected a pre-release (a, b, rc), .postN, .devN or +local (PEP 440 has no SNAPSHOT; use a dev release such as 1.0.dev0)
          1.0.0.RELEASE|unexpected 'RELEASE' at position 7; expected a pre-release (a, b, rc), .postN, .devN or +local (a final release has no suffix
          1.0a1.RELEASE|unexpected 'RELEASE' at position 7; expected .postN, .devN or +local
          """)
  void explainsWhereAndWhy(String input, String reason) {
    InvalidVersionException failure =
        catchThrowableOfType(InvalidVersionException.class, () -> Version.parse(input));

    assertThat(failure.input()).isEqualTo(input);
    assertThat(failure.reason()).contains(reason);
    assertThat(failure).hasMessage("invalid version '" + input + "': " + failure.reason());
    assertThat(Version.whyInvalid(input)).isEqualTo(failure.reason());
  }

  @Test
  void aVersionHasNoReasonToBeInvalid() {
    assertThat(Version.whyInvalid("1.0")).isNull();
    assertThat(Version.whyInvalid(" v1!2.0rc1.post3.dev4+local.7 ")).isNull();
  }

  @Test
  void namesNonAsciiDigits() {
    assertThat(reasonFor("\u0661.\u0660"))
        .isEqualTo(
            "non-ASCII digit '\u0661' (U+0661) at position 1; only the ASCII digits 0-9 are allowed");
    assertThat(reasonFor("1.0+abc.\u0967"))
        .startsWith("non-ASCII digit '\u0967' (U+0967) at position 9");
    assertThat(reasonFor("1.\uff10")).startsWith("non-ASCII digit '\uff10' (U+FF10) at position 3");
  }

  /** packaging 26 matches letters in ASCII only; older releases folded these to s, k and i. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.0.po\u017ft1",
        "1.0+\u212a",
        "1.0+\u017f",
        "1.0prev\u0130ew",
        "1.0prev\u0131ew"
      })
  void refusesLettersThatOnlyUnicodeCaseFoldingMakesAscii(String input) {
    assertThat(Version.tryParse(input)).isEmpty();
  }

  @Test
  void explainsEmptyText() {
    assertThat(reasonFor("")).isEqualTo("the text is empty");
    assertThat(reasonFor(" \t\u3000")).isEqualTo("the text is only whitespace");
  }

  @Test
  void explainsNumbersPythonCannotRead() {
    assertThat(reasonFor("1." + "0".repeat(4301)))
        .isEqualTo(
            "the number at position 3 has 4301 digits; Python's int(), and so packaging, reads at"
                + " most 4300");
  }

  @Test
  void shortensHugeInputInTheMessageOnly() {
    String input = "x".repeat(10_000);
    InvalidVersionException failure =
        catchThrowableOfType(InvalidVersionException.class, () -> Version.parse(input));

    assertThat(failure.input()).isSameAs(input);
    assertThat(failure.getMessage()).hasSizeLessThan(400).contains("(10000 chars)");
  }

  @Test
  void nullIsNotText() {
    assertThat(Version.tryParse(null)).isEmpty();
    assertThatThrownBy(() -> Version.parse(null)).isInstanceOf(NullPointerException.class);
  }

  /** A megabyte of each shape is read in linear time and without recursion. */
  @Test
  void handlesMegabyteInputQuickly() {
    int size = 1 << 20;
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertThat(Version.tryParse("1" + ".1".repeat(size / 2)))
              .get()
              .satisfies(v -> assertThat(v.release()).hasSize(size / 2 + 1));
          assertThat(Version.tryParse("1.0+" + "a.".repeat(size / 2) + "b")).isPresent();
          assertThat(Version.tryParse(" ".repeat(size) + "1.0" + " ".repeat(size))).isPresent();
          assertThat(Version.tryParse("1".repeat(size))).isEmpty();
          assertThat(Version.tryParse("1.0+" + "0".repeat(size))).isEmpty();
          assertThat(Version.tryParse("1.0" + "-".repeat(size))).isEmpty();
          assertThat(Version.tryParse("1.0+" + "a".repeat(size) + "$")).isEmpty();
          assertThat(Version.tryParse("\u0661".repeat(size))).isEmpty();
          assertThat(Version.tryParse(" ".repeat(size))).isEmpty();
          assertThat(reasonFor(() -> "1" + ".1".repeat(size / 2) + "x")).contains("unexpected 'x'");
          Version a = Version.parse("1" + ".1".repeat(size / 2));
          Version b = Version.parse("1" + ".1".repeat(size / 2) + ".0.0");
          assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        });
  }

  private static String reasonFor(String input) {
    return catchThrowableOfType(InvalidVersionException.class, () -> Version.parse(input)).reason();
  }

  private static String reasonFor(Supplier<String> input) {
    return reasonFor(input.get());
  }
}
