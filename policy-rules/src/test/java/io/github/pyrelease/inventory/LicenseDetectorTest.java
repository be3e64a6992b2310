package io.github.pyrelease.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.pyrelease.license.DetectedLicense;
import io.github.pyrelease.license.DetectedLicense.Basis;
import java.util.List;
import org.junit.jupiter.api.Test;

class LicenseDetectorTest {

  private static final String MIT = "License :: OSI Approved :: MIT License";
  private static final String BSD = "License :: OSI Approved :: BSD License";

  @Test
  void theExpressionComesFirstAndIsCanonicalised() {
    DetectedLicense d = LicenseDetector.detect("mit or apache-2.0", "GPL", List.of(BSD));
    assertThat(d.expression()).isEqualTo("MIT OR Apache-2.0");
    assertThat(d.basis()).isEqualTo(Basis.LICENSE_EXPRESSION);
  }

  @Test
  void theLicenseFieldCountsWhenSpdxOrAWellKnownName() {
    assertThat(LicenseDetector.detect(null, "BSD-3-Clause OR Apache-2.0", List.of()).expression())
        .isEqualTo("BSD-3-Clause OR Apache-2.0");
    assertThat(LicenseDetector.detect(null, "Apache License, Version 2.0", List.of()).expression())
        .isEqualTo("Apache-2.0");
    assertThat(LicenseDetector.detect(null, "expat (MIT/X11)", List.of()).expression())
        .isEqualTo("MIT");
    // an ambiguous name falls through to the classifiers
    DetectedLicense bsd = LicenseDetector.detect(null, "BSD", List.of(MIT));
    assertThat(bsd.expression()).isEqualTo("MIT");
    assertThat(bsd.basis()).isEqualTo(Basis.CLASSIFIERS);
    assertThat(bsd.declared()).isEqualTo("License: BSD; " + MIT);
  }

  @Test
  void ambiguousClassifiersAreUnknownAsPep639Says() {
    DetectedLicense d = LicenseDetector.detect(null, "UNKNOWN", List.of(BSD, "Topic :: Utilities"));
    assertThat(d.basis()).isEqualTo(Basis.UNKNOWN);
    assertThat(d.declared()).isEqualTo(BSD);
    assertThat(LicenseDetector.detect(null, null, List.of()).declared()).isEmpty();
  }

  @Test
  void severalClassifiersMustAllBeAcceptableAndParentsGiveWayToChildren() {
    DetectedLicense d =
        LicenseDetector.detect(
            null,
            null,
            List.of(
                "License :: OSI Approved",
                MIT,
                "License :: OSI Approved :: Apache Software License",
                "License :: OSI Approved :: ISC License (ISCL)"));
    assertThat(d.basis()).isEqualTo(Basis.UNKNOWN); // Apache Software License is ambiguous
    DetectedLicense both =
        LicenseDetector.detect(
            null, null, List.of(MIT, "License :: OSI Approved :: ISC License (ISCL)"));
    assertThat(both.expression()).isEqualTo("MIT AND ISC");
  }

  @Test
  void anInvalidExpressionIsUnknownAndSaysWhy() {
    DetectedLicense d = LicenseDetector.detect("MIT/Apache", null, List.of(MIT));
    assertThat(d.basis()).isEqualTo(Basis.UNKNOWN);
    assertThat(d.declared()).startsWith("License-Expression: MIT/Apache (not valid SPDX:");
  }
}
