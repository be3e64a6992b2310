package io.github.pyrelease.project;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Expected values were checked against Python 3.11's configparser.ConfigParser. */
class IniReaderTest {

  private static IniFile parse(String text) {
    return IniReader.parse(SourceText.of("setup.cfg", text));
  }

  @Test
  void readsBothDelimitersWithCaseInsensitiveKeysAndNoInlineComments() {
    IniFile ini =
        parse(
            """
            # comment
            [metadata]
            Name: acme
            version = 1.0 # not a comment for configparser
            ; another comment
            url=https://example.org/a=b
            """);

    assertThat(ini.option("metadata", "name").orElseThrow().value()).isEqualTo("acme");
    assertThat(ini.option("metadata", "VERSION").orElseThrow().value())
        .isEqualTo("1.0 # not a comment for configparser");
    assertThat(ini.option("metadata", "url").orElseThrow().value())
        .isEqualTo("https://example.org/a=b");
    assertThat(ini.section("Metadata")).isEmpty();
  }

  @Test
  void locatesTheValueItself() {
    IniFile.Option option =
        parse("[bumpversion]\n  current_version   =   1.2.3  \n")
            .option("bumpversion", "current_version")
            .orElseThrow();

    assertThat(option.located()).isEqualTo(new Located("1.2.3", "setup.cfg", 2, 25));
  }

  @Test
  void joinsContinuationLinesKeepingInnerBlankLinesAndSkippingComments() {
    IniFile ini =
        parse(
            """
            [bumpversion]
            serialize =
                {major}.{minor}.{patch}

                # a comment inside the value
                {major}.{minor}

            commit = True
            """);

    IniFile.Option serialize = ini.option("bumpversion", "serialize").orElseThrow();
    assertThat(serialize.value()).isEqualTo("\n{major}.{minor}.{patch}\n\n{major}.{minor}");
    assertThat(serialize.line()).isEqualTo(3);
    assertThat(serialize.column()).isEqualTo(5);
    assertThat(ini.option("bumpversion", "commit").orElseThrow().value()).isEqualTo("True");
  }

  @Test
  void aSectionHeaderEndsAtItsLastBracket() {
    IniFile ini = parse("[bumpversion:file:src/a.py] ; note\nsearch = x\n");

    assertThat(ini.option("bumpversion:file:src/a.py", "search")).isPresent();
  }
}
