package io.github.pyrelease.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {

  @Test
  void findsWhatANaiveCaseInsensitiveSearchFinds() {
    Random random = new Random(7);
    List<String> keywords = List.of("ab", "abc", "bca", "c", "aaa", "ghp_", "-----begin", "b");
    KeywordMatcher matcher = new KeywordMatcher(keywords);
    String alphabet = "abcABC_-ghp";
    for (int round = 0; round < 2000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(20);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.ISO_8859_1);
      BitSet found = matcher.find(bytes, bytes.length);
      String lower = text.toString().toLowerCase(Locale.ROOT);
      for (int k = 0; k < keywords.size(); k++) {
        assertThat(found.get(k))
            .as(keywords.get(k) + " in " + text)
            .isEqualTo(lower.contains(keywords.get(k)));
      }
    }
  }

  @Test
  void matchesAcrossCaseAndOnlyWithinTheLengthGiven() {
    KeywordMatcher matcher = new KeywordMatcher(List.of("pypi-ageichlwas5vcmc"));
    byte[] bytes = "x pypi-AgEIcHlwaS5vcmc y".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(matcher.find(bytes, bytes.length).get(0)).isTrue();
    assertThat(matcher.find(bytes, 10).get(0)).isFalse();
  }

  @Test
  void hitsKnowTheLinesTheyAreOnEachLineOnce() {
    KeywordMatcher matcher = new KeywordMatcher(List.of("token", "key"));
    byte[] bytes =
        "a token token\nnone\nkey and token\ntoken".getBytes(StandardCharsets.ISO_8859_1);
    KeywordMatcher.Hits hits = matcher.find(bytes, bytes.length, new KeywordMatcher.Hits(2), null);
    assertThat(hits.lines(0)).containsExactly(0, 19, 33);
    assertThat(hits.lines(1)).containsExactly(19);
    assertThat(hits.offsets(0)).containsExactly(2, 8, 27, 33);
    assertThat(hits.offsets(1)).containsExactly(19);
  }

  @Test
  void placesAreKeptOnlyForTheKeywordsWanted() {
    KeywordMatcher matcher = new KeywordMatcher(List.of("token", "="));
    byte[] bytes = "token = 1\nx = token\n".getBytes(StandardCharsets.ISO_8859_1);
    KeywordMatcher.Hits hits =
        matcher.find(bytes, bytes.length, new KeywordMatcher.Hits(2), new boolean[] {true, false});
    assertThat(hits.found().cardinality()).isEqualTo(2);
    assertThat(hits.offsets(0)).containsExactly(0, 14);
    assertThat(hits.offsets(1)).isEmpty();
  }

  /** Keywords of many distinct bytes (a user's rules may bring any) and bytes of none. */
  @Test
  void everyByteValueIsItsOwnClassWhenKeywordsUseThemAll() {
    StringBuilder all = new StringBuilder();
    for (int c = 1; c < 256; c++) {
      all.append((char) c);
    }
    KeywordMatcher matcher = new KeywordMatcher(List.of(all.toString(), "\u00ff\u00fe"));
    byte[] bytes = ("x" + all + "y\u00ff\u00fe").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(matcher.find(bytes, bytes.length).stream().toArray()).containsExactly(0, 1);
    byte[] cut = ("x" + all.substring(1)).getBytes(StandardCharsets.ISO_8859_1);
    assertThat(matcher.find(cut, cut.length).isEmpty()).isTrue();
  }
}
