package io.github.pyrelease.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reading and normalising versions. Expected values are the tables of
 * shared/REFERENCE/pyproject-and-versions.md §3, which were produced by packaging 26.2.
 */
class VersionTest {

  @ParameterizedTest(name = "[{0}] -> {1}")
  @CsvSource(
      delimiter = '|',
      ignoreLeadingAndTrailingWhitespace = false,
      textBlock =
          """
          V1.0|1.0|1
            1.0  |1.0|1
          01.002.0030|1.2.30|1.2.30
          2024.01.15|2024.1.15|2024.1.15
          0!1.0|1.0|1
          1!2.0|1!2.0|1!2
          1.0a|1.0a0|1a0
          1.2.3a|1.2.3a0|1.2.3a0
          1.0alpha1|1.0a1|1a1
          1.0-1|1.0.post1|1.post1
          1.0dev|1.0.dev0|1.dev0
          1.0-dev|1.0.dev0|1.dev0
          1.0.0.dev|1.0.0.dev0|1.dev0
          1.0.0-beta+exp.sha.5114f85|1.0.0b0+exp.sha.5114f85|1b0+exp.sha.5114f85
          """)
  void normalisesAndCanonicalisesLikePackaging(String input, String normal, String canonical) {
    Version version = Version.parse(input);

    assertThat(version).hasToString(normal);
    assertThat(version.canonical()).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1.0-alpha.1|1.0a1
          1.0_ALPHA_1|1.0a1
          1.0a.1|1.0a1
          1.0-a1|1.0a1
          1.0beta|1.0b0
          1.0c1|1.0rc1
          1.0pre1|1.0rc1
          1.0preview2|1.0rc2
          1.0-RC1|1.0rc1
          1.0.rc3|1.0rc3
          1.0post|1.0.post0
          1.0r|1.0.post0
          1.0-r2|1.0.post2
          1.0rev3|1.0.post3
          1.0_post_4|1.0.post4
          1.0.post-1|1.0.post1
          1.0a1-1|1.0a1.post1
          1.0a1.post|1.0a1.post0
          1.0+ubuntu-1|1.0+ubuntu.1
          1.0+Local_Version.5|1.0+local.version.5
          1.0+abc.007|1.0+abc.7
          1.0+UBUNTU|1.0+ubuntu
          """)
  void normalisesSpellingsAndSeparators(String input, String normal) {
    assertThat(Version.parse(input)).hasToString(normal);
  }

  /** Checked with packaging 23.0 and 26.2: a separator may end a pre, post or dev label. */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1.0a-|1.0a0
          1.0a--1|1.0a0.post1
          1.0.post-|1.0.post0
          1.0dev-|1.0.dev0
          1.0RC_post_DEV|1.0rc0.post0.dev0
          v1!2.0.0-rev.dev+X-0|1!2.0.0.post0.dev0+x.0
          """)
  void acceptsTrailingSeparatorsAndStackedLabels(String input, String normal) {
    assertThat(Version.parse(input)).hasToString(normal);
  }

  @Test
  void keepsNumbersBeyondLongExactly() {
    Version version = Version.parse("1.99999999999999999999999999");

    assertThat(version).hasToString("1.99999999999999999999999999");
    assertThat(version.minor()).isEqualTo(new BigInteger("99999999999999999999999999"));
    assertThat(Version.parse("1.00099999999999999999999999999")).isEqualTo(version);
    assertThat(version).isLessThan(Version.parse("1.100000000000000000000000000"));
    assertThat(version).isGreaterThan(Version.parse("1.99999999999999999999999998"));
    assertThat(Version.parse("18446744073709551617!0.post18446744073709551616"))
        .hasToString("18446744073709551617!0.post18446744073709551616");
  }

  @Test
  void acceptsNumbersUpToPythonsDigitLimit() {
    String digits = "9".repeat(4300);

    assertThat(Version.parse("1." + digits).minor()).isEqualTo(new BigInteger(digits));
    assertThat(Version.parse("1.0+" + digits).local()).contains(digits);
    // Leading zeros count too: Python's int() refuses the text, not the value.
    assertThat(Version.tryParse("0" + digits)).isEmpty();
    assertThat(Version.tryParse("1.0+0" + digits)).isEmpty();
    // Letters make a local segment a string, which has no limit.
    assertThat(Version.tryParse("1.0+a" + digits)).isPresent();
  }

  /** The characters for which Python's str.isspace() is true, as re's \s matches them. */
  @ParameterizedTest
  @ValueSource(
      ints = {
        0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1c, 0x1d, 0x1e, 0x1f, 0x20, 0x85, 0xa0, 0x1680, 0x2000,
        0x2005, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000
      })
  void ignoresPythonWhitespaceAroundTheVersion(int space) {
    String ws = Character.toString(space);

    assertThat(Version.parse(ws + ws + "1.0" + ws)).hasToString("1.0");
    assertThat(Version.tryParse("1.0" + ws + "a1")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0x00, 0x08, 0x0e, 0x7f, 0x180e, 0x200b, 0xfeff})
  void rejectsCharactersPythonDoesNotCallWhitespace(int notSpace) {
    assertThat(Version.tryParse(Character.toString(notSpace) + "1.0")).isEmpty();
    assertThat(Version.tryParse("1.0" + Character.toString(notSpace))).isEmpty();
  }

  @Test
  void accessorsFollowPackaging() {
    Version version = Version.parse("3!1.2.0rc4.post5.dev6+Ubuntu-07");

    assertThat(version.epoch()).isEqualTo(3);
    assertThat(version.release()).containsExactly(big(1), big(2), big(0));
    assertThat(version.major()).isEqualTo(1);
    assertThat(version.minor()).isEqualTo(2);
    assertThat(version.micro()).isEqualTo(0);
    assertThat(version.pre()).contains(PreRelease.of(PreRelease.Kind.RELEASE_CANDIDATE, 4));
    assertThat(version.post()).contains(big(5));
    assertThat(version.dev()).contains(big(6));
    assertThat(version.local()).contains("ubuntu.7");
    assertThat(version.isPreRelease()).isTrue();
    assertThat(version.isPostRelease()).isTrue();
    assertThat(version.isDevRelease()).isTrue();
    assertThat(version.isLocal()).isTrue();
    assertThat(version.publicVersion()).hasToString("3!1.2.0rc4.post5.dev6");
    assertThat(version.baseVersion()).hasToString("3!1.2.0");
  }

  @Test
  void implicitReleaseNumbersAreZero() {
    Version version = Version.parse("7");

    assertThat(version.minor()).isZero();
    assertThat(version.micro()).isZero();
    assertThat(version.epoch()).isZero();
    assertThat(version.pre()).isEmpty();
    assertThat(version.post()).isEmpty();
    assertThat(version.dev()).isEmpty();
    assertThat(version.local()).isEmpty();
    assertThat(version.isPreRelease() || version.isPostRelease() || version.isLocal()).isFalse();
  }

  /** Reference §4: any dev or pre segment makes a pre-release. */
  @ParameterizedTest
  @CsvSource({
    "1.0.post1.dev3, true",
    "1.0a1.post1, true",
    "1.0.dev0, true",
    "1.0rc1, true",
    "1.0.post1, false",
    "1.0+dev, false"
  })
  void preReleaseMeansAnyPreOrDevSegment(String input, boolean preRelease) {
    assertThat(Version.parse(input).isPreRelease()).isEqualTo(preRelease);
  }

  @Test
  void canonicalKeepsOneZero() {
    assertThat(Version.parse("0.0.0").canonical()).isEqualTo("0");
    assertThat(Version.parse("1.4.0.0.0").canonical()).isEqualTo("1.4");
    assertThat(Version.parse("1.0.1").canonical()).isEqualTo("1.0.1");
    assertThat(Version.parse("2!0.0a1+x").canonical()).isEqualTo("2!0a1+x");
  }

  @Test
  void buildsFromParts() {
    Version version =
        Version.of(
            BigInteger.ONE,
            List.of(big(2), big(0)),
            PreRelease.of(PreRelease.Kind.BETA, 3),
            big(4),
            null,
            "Build_007");

    assertThat(version).hasToString("1!2.0b3.post4+build.7");
    assertThat(Version.of(1, 2, 3)).hasToString("1.2.3");
    assertThat(Version.parse(version.toString())).isEqualTo(version);
  }

  @Test
  void withersReplaceOnePart() {
    Version version = Version.parse("1.2.3rc1.dev4+local");

    assertThat(version.withPre(null).withDev(null)).hasToString("1.2.3+local");
    assertThat(version.withRelease(List.of(big(1), big(3), big(0))))
        .hasToString("1.3.0rc1.dev4+local");
    assertThat(version.withPost(big(2))).hasToString("1.2.3rc1.post2.dev4+local");
    assertThat(version.withLocal(null).withEpoch(big(1))).hasToString("1!1.2.3rc1.dev4");
    assertThat(version.withLocal("A-1")).hasToString("1.2.3rc1.dev4+a.1");
  }

  @Test
  void rejectsInvalidParts() {
    assertThatThrownBy(() -> Version.of(BigInteger.ZERO, List.of(), null, null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one release number");
    assertThatThrownBy(() -> Version.of(1).withPost(big(-1)))
        .hasMessageContaining("post-release number must not be negative");
    assertThatThrownBy(() -> Version.of(1).withLocal("a..b"))
        .hasMessageContaining("invalid local label 'a..b'");
    assertThatThrownBy(() -> Version.of(1).withLocal(""))
        .hasMessageContaining("invalid local label ''");
    assertThatThrownBy(() -> Version.of(1).withEpoch(BigInteger.TEN.pow(4300)))
        .hasMessageContaining("more than 4300 digits");
    assertThatThrownBy(() -> PreRelease.of(PreRelease.Kind.ALPHA, -1))
        .hasMessageContaining("must not be negative");
  }

  private static BigInteger big(long value) {
    return BigInteger.valueOf(value);
  }

  @Test
  void sameComparesVersionsUnderPep440AndOtherTextAsWritten() {
    assertThat(Version.same("1.0", "1.0.0")).isTrue();
    assertThat(Version.same("1.0-RC1", "1.0rc1")).isTrue();
    assertThat(Version.same("1.0", "1.0.post1")).isFalse();
    assertThat(Version.same("not a version", "not a version")).isTrue();
    assertThat(Version.same("not a version", "1.0")).isFalse();
    assertThat(Version.same(null, "1.0")).isFalse();
    assertThat(Version.same(null, null)).isTrue();
  }

  @Test
  void normalizeIsTheParsedVersionsTextOrNull() throws Exception {
    List<String> texts =
        new ArrayList<>(
            List.of(
                "1",
                "0",
                "1.0",
                "1.0.0",
                "10.20.30",
                "01",
                "1.01",
                "0.0",
                "00",
                "1..2",
                ".1",
                "1.",
                "",
                " 1.0",
                "1.0 ",
                "v1.0",
                "1.0a1",
                "1" + ".0".repeat(40),
                "1".repeat(70),
                "\u0661"));
    texts.addAll(
        Files.readAllLines(
            Path.of("../benchmarks/src/main/resources/versions.txt"), StandardCharsets.UTF_8));
    for (String text : texts) {
      assertThat(Version.normalize(text))
          .as("'%s'", text)
          .isEqualTo(Version.tryParse(text).map(Version::toString).orElse(null));
    }
  }
}
