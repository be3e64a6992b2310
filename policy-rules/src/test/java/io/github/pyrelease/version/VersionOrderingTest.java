package io.github.pyrelease.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ordering and equality; the cases are shared/REFERENCE/pyproject-and-versions.md §4. */
class VersionOrderingTest {

  private static final List<String> CHAIN =
      List.of(
          "1.0.dev1",
          "1.0a1",
          "1.0a2.dev1",
          "1.0a2",
          "1.0a2.post1.dev1",
          "1.0a2.post1",
          "1.0b1",
          "1.0rc1",
          "1.0",
          "1.0+local",
          "1.0.post1.dev1",
          "1.0.post1",
          "1.0.1");

  @Test
  void eachLinkOfTheChainIsStrictlyIncreasing() {
    for (int i = 0; i + 1 < CHAIN.size(); i++) {
      Version lower = Version.parse(CHAIN.get(i));
      Version higher = Version.parse(CHAIN.get(i + 1));

      assertThat(lower).as("%s < %s", lower, higher).isLessThan(higher);
      assertThat(higher).as("%s > %s", higher, lower).isGreaterThan(lower);
      assertThat(lower).isNotEqualTo(higher);
    }
  }

  @Test
  void sortingAShuffledChainRestoresIt() {
    List<Version> versions = new ArrayList<>(CHAIN.stream().map(Version::parse).toList());
    Collections.shuffle(versions, new Random(440));

    Collections.sort(versions);

    assertThat(versions).extracting(Version::toString).containsExactlyElementsOf(CHAIN);
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          1.0|==|1.0.0
          1.0.0.0.1|<|1.0.0.1
          1.10|>|1.9
          2.0|<|1!1.0
          1.0rc1|==|1.0c1
          1.0.post1|==|1.0-1
          1.0a0|==|1.0a
          1.0.dev0|<|1.0a0
          1.0.dev2|<|1.0.dev10
          1.0.post0.dev0|>|1.0
          1.0.post0.dev0|<|1.0.post0
          1.1.dev1|>|1.0.post99
          0.9.99|<|1.0.dev0
          1.0a1|>|1.0.dev1+local
          1.0.dev1|<|1.0.dev1+local
          1.0+abc|<|1.0+abc.1
          1.0+abc.1|<|1.0+1
          1.0+2|<|1.0+10
          1.0+abc|<|1.0+abd
          1.0+ABC|==|1.0+abc
          1.0+1.0|>|1.0+1
          """)
  void comparesAsPackaging(String a, String relation, String b) {
    Version left = Version.parse(a);
    Version right = Version.parse(b);
    int expected =
        switch (relation) {
          case "<" -> -1;
          case ">" -> 1;
          default -> 0;
        };

    assertThat(Integer.signum(left.compareTo(right))).isEqualTo(expected);
    assertThat(Integer.signum(right.compareTo(left))).isEqualTo(-expected);
    assertThat(left.equals(right)).isEqualTo(expected == 0);
    if (expected == 0) {
      assertThat(left.hashCode()).isEqualTo(right.hashCode());
    }
  }

  /** Equal versions may print differently: equality is PEP 440's, not textual. */
  @Test
  void equalVersionsKeepTheirOwnText() {
    Version shortForm = Version.parse("1.0");
    Version longForm = Version.parse("v1.0.0.0");

    assertThat(shortForm).isEqualTo(longForm).hasSameHashCodeAs(longForm);
    assertThat(shortForm).hasToString("1.0");
    assertThat(longForm).hasToString("1.0.0.0");
  }

  @Test
  void zeroReleasesAreEqualWhateverTheirLength() {
    assertThat(Version.parse("0")).isEqualTo(Version.parse("0.0.0"));
    assertThat(Version.parse("0.0.0.1")).isGreaterThan(Version.parse("0"));
  }

  @Test
  void hugeNumbersCompareByValue() {
    assertThat(Version.parse("1!" + "9".repeat(30)))
        .isLessThan(Version.parse("1!1" + "0".repeat(30)))
        .isEqualTo(Version.parse("1!000" + "9".repeat(30)));
    assertThat(Version.parse("1.0+" + "9".repeat(30)))
        .isLessThan(Version.parse("1.0+1" + "0".repeat(30)))
        .isEqualTo(Version.parse("1.0+00" + "9".repeat(30)));
  }
}
