package io.github.pyrelease.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

  private final List<String> rules =
      List.of("version-pep440", "version-consistent", "changelog-entry");

  @Test
  void suggestsTheClosestName() {
    assertThat(Suggestions.didYouMean("version-consistant", rules))
        .isEqualTo("; did you mean 'version-consistent'?");
    assertThat(Suggestions.didYouMean("CHANGELOG-ENTRY", rules))
        .isEqualTo("; did you mean 'changelog-entry'?");
  }

  @Test
  void suggestsNothingForAFarName() {
    assertThat(Suggestions.didYouMean("secrets", rules)).isEmpty();
  }

  @Test
  void distanceCountsEdits() {
    assertThat(Suggestions.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(Suggestions.distance("", "abc")).isEqualTo(3);
    assertThat(Suggestions.distance("same", "same")).isZero();
  }
}
