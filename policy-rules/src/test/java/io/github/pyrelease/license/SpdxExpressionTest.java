package io.github.pyrelease.license;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The canonical forms and refusals packaging's canonicalize_license_expression gives. */
class SpdxExpressionTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mit or apache-2.0 | MIT OR Apache-2.0",
        "MIT and Apache-2.0 | MIT AND Apache-2.0",
        "mit OR (apache-2.0 AND bsd-2-clause) | MIT OR (Apache-2.0 AND BSD-2-Clause)",
        "gpl-3.0-only with classpath-exception-2.0 | GPL-3.0-only WITH Classpath-exception-2.0",
        "licenseref-foo | LicenseRef-foo",
        "LicenseRef-My.License-1 | LicenseRef-My.License-1",
        "'  MIT  ' | MIT",
        "(MIT) | (MIT)",
        "GPL-2.0 | GPL-2.0",
        "Apache-2.0+ | Apache-2.0+",
      })
  void canonicalisesAsPackagingDoes(String input, String canonical) {
    assertThat(SpdxExpression.parse(input).canonical()).isEqualTo(canonical);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "MIT OR",
        "MIT AND",
        "(MIT",
        "MIT OR OR Apache-2.0",
        "WITH MIT",
        "",
        "LicenseRef-My_License",
        "MIT WITH Apache-2.0",
        "Use-it-after-midnight",
        "BSD",
        "MIT/Apache-2.0",
        "Apache 2.0",
        "MIT)"
      })
  void refusesWhatPackagingRefuses(String input) {
    assertThatThrownBy(() -> SpdxExpression.parse(input))
        .isInstanceOf(InvalidLicenseExpressionException.class);
  }

  @org.junit.jupiter.api.Test
  void messagesNameTheCulpritAndSuggest() {
    assertThatThrownBy(() -> SpdxExpression.parse("Apache-2"))
        .hasMessageStartingWith(
            "'Apache-2' is not an SPDX licence identifier; did you mean 'Apache-2.0'?");
    assertThatThrownBy(() -> SpdxExpression.parse("MIT WITH Apache-2.0"))
        .hasMessageStartingWith("'Apache-2.0' is not an SPDX licence exception identifier");
    assertThat(SpdxExpression.listVersion()).isEqualTo("3.26.0");
    assertThat(SpdxExpression.parse("MIT AND (Apache-2.0 OR BSD-3-Clause)").licenses())
        .containsExactly("MIT", "Apache-2.0", "BSD-3-Clause");
  }
}
