package io.github.pyrelease.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.text.Glob;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RuleOptionsTest {

  private static final RuleOption<List<Glob>> ALLOW =
      RuleOption.globs("allow", List.of("main"), "branches releases may be cut from");
  private static final RuleOption<String> FORMAT =
      RuleOption.string("format", "v{version}", "the tag name");
  private static final RuleOption<Boolean> REMOTE =
      RuleOption.bool("remote", true, "also ask the remote");
  private static final RuleOption<Long> MAX = RuleOption.integer("max", 10, "at most this many");
  private static final RuleOption<Pattern> PARSE =
      RuleOption.regex("parse", "(?<major>\\d+)", "how versions are parsed");
  private static final List<RuleOption<?>> DECLARED = List.of(ALLOW, FORMAT, REMOTE, MAX, PARSE);

  @Test
  void unsetOptionsHaveTheirDefaults() {
    RuleOptions options = RuleOptions.of("branch", DECLARED, Map.of());

    assertThat(options.get(ALLOW)).containsExactly(Glob.compile("main"));
    assertThat(options.get(FORMAT)).isEqualTo("v{version}");
    assertThat(options.get(REMOTE)).isTrue();
    assertThat(options.get(MAX)).isEqualTo(10L);
  }

  @Test
  void valuesAreConverted() {
    RuleOptions options =
        RuleOptions.of(
            "branch",
            DECLARED,
            Map.of(
                "allow", List.of("main", "release/*"), "remote", false, "max", 3, "parse", "x+"));

    assertThat(options.get(ALLOW)).extracting(Glob::toString).containsExactly("main", "release/*");
    assertThat(options.get(ALLOW).get(1).matches("release/2.0")).isTrue();
    assertThat(options.get(REMOTE)).isFalse();
    assertThat(options.get(MAX)).isEqualTo(3L);
    assertThat(options.get(PARSE).pattern()).isEqualTo("x+");
  }

  @Test
  void aSingleStringIsAListOfOne() {
    assertThat(RuleOptions.of("branch", DECLARED, Map.of("allow", "develop")).get(ALLOW))
        .containsExactly(Glob.compile("develop"));
  }

  @Test
  void anUnknownOptionSuggestsTheNearestAndListsAll() {
    assertThatThrownBy(() -> RuleOptions.of("branch", DECLARED, Map.of("alow", "x")))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessage(
            "rule 'branch' has no option 'alow'; did you mean 'allow'?; its options are allow,"
                + " format, remote, max, parse");
  }

  @Test
  void aWrongTypeSaysWhatWasExpected() {
    assertThatThrownBy(() -> RuleOptions.of("branch", DECLARED, Map.of("remote", "yes")))
        .hasMessage(
            "option 'remote' of rule 'branch': expected true or false, got the string 'yes' (a"
                + " boolean: also ask the remote)");
    assertThatThrownBy(() -> RuleOptions.of("branch", DECLARED, Map.of("allow", List.of("a", 1))))
        .hasMessageContaining("expected a list of strings, but an item is the number 1");
  }

  @Test
  void badGlobsAndRegexesAreCaughtWhereThePolicyIsRead() {
    assertThatThrownBy(() -> RuleOptions.of("branch", DECLARED, Map.of("allow", "rel[ease")))
        .hasMessageContaining("glob 'rel[ease' has an unclosed '[' at position 4");
    assertThatThrownBy(() -> RuleOptions.of("branch", DECLARED, Map.of("parse", "(?<major>\\d+")))
        .hasMessageContaining("not a valid regular expression: Unclosed group");
  }

  @Test
  void aRuleWithoutOptionsSaysSo() {
    assertThatThrownBy(() -> RuleOptions.of("version-pep440", List.of(), Map.of("x", 1)))
        .hasMessage("rule 'version-pep440' has no option 'x'; it has no options");
  }
}
