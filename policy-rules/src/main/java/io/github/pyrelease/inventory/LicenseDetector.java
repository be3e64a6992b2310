package io.github.pyrelease.inventory;

import io.github.pyrelease.license.DetectedLicense;
import io.github.pyrelease.license.DetectedLicense.Basis;
import io.github.pyrelease.license.InvalidLicenseExpressionException;
import io.github.pyrelease.license.SpdxExpression;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Tells a distribution's licence from its core metadata, in the order PEP 639 gives: {@code
 * License-Expression}; else the {@code License} field when it is an SPDX expression or a well-known
 * licence name ({@code license-names.tsv}); else the {@code License ::} classifiers mapped to SPDX
 * ids ({@code license-classifiers.tsv}, after PEP 639's appendix; several licences are joined with
 * {@code AND}, since metadata does not say how they combine and a policy must then accept each);
 * else unknown.
 */
public final class LicenseDetector {

  private static final String PREFIX = "License :: ";
  private static final Map<String, String> CLASSIFIERS = load("license-classifiers.tsv");
  private static final Map<String, String> NAMES = load("license-names.tsv");

  private LicenseDetector() {}

  /**
   * @param expression {@code License-Expression}, or {@code null}
   * @param license the {@code License} field, or {@code null}
   * @param classifiers every {@code Classifier} (others than licence ones are ignored)
   */
  public static DetectedLicense detect(
      String expression, String license, List<String> classifiers) {
    if (present(expression)) {
      try {
        return new DetectedLicense(
            SpdxExpression.parse(expression).canonical(), Basis.LICENSE_EXPRESSION, expression);
      } catch (InvalidLicenseExpressionException e) {
        return DetectedLicense.unknown(
            "License-Expression: " + expression + " (not valid SPDX: " + e.getMessage() + ")");
      }
    }
    if (present(license)) {
      String text = license.strip();
      if (!text.contains("\n")) {
        try {
          return new DetectedLicense(
              SpdxExpression.parse(text).canonical(), Basis.LICENSE_FIELD, text);
        } catch (InvalidLicenseExpressionException e) {
          // not SPDX: perhaps a well-known name
        }
        String named = NAMES.get(key(text));
        if (named != null) {
          return new DetectedLicense(named, Basis.LICENSE_FIELD, text);
        }
      }
    }
    List<String> licenseClassifiers = licenseClassifiers(classifiers);
    String fromLicense = present(license) ? "License: " + firstLine(license) + "; " : "";
    if (licenseClassifiers.isEmpty()) {
      return DetectedLicense.unknown(
          fromLicense.isEmpty() ? "" : fromLicense.substring(0, fromLicense.length() - 2));
    }
    Set<String> ids = new LinkedHashSet<>();
    List<String> unmapped = new ArrayList<>();
    for (String classifier : licenseClassifiers) {
      String id = CLASSIFIERS.get(classifier.substring(PREFIX.length()));
      if (id == null || id.equals("-")) {
        unmapped.add(classifier);
      } else {
        ids.add(id);
      }
    }
    String declared = fromLicense + String.join(", ", licenseClassifiers);
    if (!unmapped.isEmpty()) {
      return DetectedLicense.unknown(declared);
    }
    return new DetectedLicense(String.join(" AND ", ids), Basis.CLASSIFIERS, declared);
  }

  /** The licence classifiers, without those that name no licence or whose child is listed too. */
  static List<String> licenseClassifiers(List<String> classifiers) {
    List<String> licenses = new ArrayList<>();
    for (String classifier : classifiers) {
      String c = classifier.strip();
      if (c.startsWith(PREFIX)
          && !c.equals("License :: OSI Approved")
          && !c.equals("License :: DFSG approved")
          && !licenses.contains(c)) {
        licenses.add(c);
      }
    }
    licenses.removeIf(parent -> licenses.stream().anyMatch(c -> c.startsWith(parent + " :: ")));
    return licenses;
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank() && !value.strip().equalsIgnoreCase("UNKNOWN");
  }

  private static String firstLine(String text) {
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 80 ? line.substring(0, 77) + "..." : line;
  }

  private static String key(String name) {
    return name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static Map<String, String> load(String resource) {
    Map<String, String> map = new HashMap<>();
    try (InputStream in = LicenseDetector.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the resource " + resource + " is missing from the jar");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t");
        String value = columns[1].strip();
        if (!value.equals("-")) {
          SpdxExpression.parse(value); // a typo in the table fails every test at once
        }
        map.put(resource.contains("names") ? key(columns[0]) : columns[0].strip(), value);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(map);
  }
}
