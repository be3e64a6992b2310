package io.github.pyrelease.bump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.version.Version;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VersionBumpTest {

  @ParameterizedTest(name = "{1}{2} on {0} gives {3}")
  @CsvSource({
    // major
    "1.2.3, major, , 2.0.0",
    "2.0.0rc1, major, , 2.0.0",
    "2.0.0.dev4, major, , 2.0.0",
    "2.1.0rc1, major, , 3.0.0",
    "1.0.post1, major, , 2.0",
    "1, major, , 2",
    "1!1.2, major, , 1!2.0",
    "1.2.3+local.1, major, , 2.0.0",
    "1.2.0, major, rc, 2.0.0rc1",
    // minor
    "1.2.3, minor, , 1.3.0",
    "1.3.0b2, minor, , 1.3.0",
    "1.2.3rc1, minor, , 1.3.0",
    "1, minor, , 1.1",
    "1.2.0, minor, rc, 1.3.0rc1",
    "1.3.0b2, minor, rc, 1.3.0rc1",
    // patch
    "1.2.3, patch, , 1.2.4",
    "1.2.3rc1, patch, , 1.2.3",
    "1.2.1.dev0, patch, , 1.2.1",
    "1.2, patch, , 1.2.1",
    "1.0.post1, patch, , 1.0.1",
    "1.0.post1.dev2, patch, , 1.0.1",
    "1.2.3, patch, b, 1.2.4b1",
    // pre
    "1.2.0rc1, pre, , 1.2.0rc2",
    "1.2.0a3, pre, rc, 1.2.0rc1",
    "1.2.0a3, pre, a, 1.2.0a4",
    "1.2.0rc1.dev2, pre, , 1.2.0rc1",
    "1.2.0, pre, , 1.2.1a1",
    "1.2.0, pre, rc, 1.2.1rc1",
    "1.2.1.dev0, pre, , 1.2.1a1",
    "1.2.0.post1, pre, , 1.2.1a1",
    "1.2.0rc1.post1, pre, , 1.2.1a1",
    // post
    "1.0, post, , 1.0.post1",
    "1.0.post1, post, , 1.0.post2",
    "1.0.post2.dev1, post, , 1.0.post2",
    "1.0rc1, post, , 1.0rc1.post1",
    // dev
    "1.2.0, dev, , 1.2.1.dev0",
    "1.2.1.dev0, dev, , 1.2.1.dev1",
    "1.2.0rc1, dev, , 1.2.0rc2.dev0",
    "1.2.0rc1.dev0, dev, , 1.2.0rc1.dev1",
    "1.0.post1, dev, , 1.0.1.dev0",
    // release
    "1.2.0rc1, release, , 1.2.0",
    "1.2.1.dev3, release, , 1.2.1",
    "1.0.post1.dev0, release, , 1.0.post1",
    "1.2.0b1.dev1, release, , 1.2.0",
  })
  void bumps(String current, String kind, String preKind, String expected) {
    Version next =
        VersionBump.next(
            Version.parse(current),
            BumpKind.fromId(kind).orElseThrow(),
            VersionBump.preKind(preKind).orElse(null));
    assertThat(next.toString()).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "1.2.3, major",
    "1.2.3, minor",
    "1.2.3, patch",
    "1.2.3rc1, pre",
    "1.0, post",
    "1.0, dev"
  })
  void everyBumpOfAReleaseMovesForward(String current, String kind) {
    Version v = Version.parse(current);
    assertThat(VersionBump.next(v, BumpKind.fromId(kind).orElseThrow(), null)).isGreaterThan(v);
  }

  @ParameterizedTest
  @CsvSource({"1.2.1.dev0", "1.2.0rc1.dev0"})
  void postOfAnUnreleasedVersionIsRefused(String current) {
    assertThatThrownBy(() -> VersionBump.next(Version.parse(current), BumpKind.POST, null))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("which is not released yet");
  }

  @ParameterizedTest
  @CsvSource({"post", "dev", "release"})
  void preKindOnlyAppliesWhereAPreReleaseCanStart(String kind) {
    assertThatThrownBy(
            () ->
                VersionBump.next(
                    Version.parse("1.0"),
                    BumpKind.fromId(kind).orElseThrow(),
                    VersionBump.preKind("rc").orElseThrow()))
        .isInstanceOf(PyreleaseException.class)
        .hasMessageContaining("does not apply to a " + kind + " bump");
  }

  @ParameterizedTest
  @CsvSource({"alpha, a", "A, a", "beta, b", "c, rc", "preview, rc", "RC, rc"})
  void preKindSpellings(String text, String label) {
    assertThat(VersionBump.preKind(text).orElseThrow().label()).isEqualTo(label);
  }

  @ParameterizedTest
  @CsvSource({"d", "'' ", "gamma"})
  void unknownPreKind(String text) {
    assertThat(VersionBump.preKind(text)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"MAJOR, major", "' minor ', minor"})
  void kindIds(String text, String id) {
    assertThat(BumpKind.fromId(text).orElseThrow().id()).isEqualTo(id);
  }
}
