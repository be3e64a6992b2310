package io.github.pyrelease.version;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Version against Python's packaging (the reference implementation) on generated strings: same
 * verdict, same normal form and accessors, same order. See {@link PackagingOracle} for the
 * interpreter used.
 */
class VersionDifferentialTest {

  /** Fixed so that CI is repeatable; -Dpyrelease.differential.seed=N explores other strings. */
  private static final long SEED = Long.getLong("pyrelease.differential.seed", 440_2024L);

  private static final int COUNT = 12_000;
  private static final int RANDOM_PAIRS = 20_000;
  private static final int SHOWN = 20;

  /**
   * Before pypa/packaging#1102 (issue #469) the letters of the pattern matched with Unicode case
   * folding, so older packaging (Debian's 23.0) reads "poſt" as "post" and "+K" (Kelvin) as "+k".
   * packaging 26.2 refuses them, and so do we.
   */
  private static final String FOLDED_TO_ASCII = "\u017f\u212a\u0130\u0131";

  @Test
  void agreesWithPackaging() throws Exception {
    List<String> inputs = new VersionStringGenerator(SEED).generate(COUNT);
    PackagingOracle.Result oracle = PackagingOracle.ask(inputs);
    List<String> mismatches = new ArrayList<>();
    Version[] versions = new Version[inputs.size()];
    int valid = 0;
    int oldFolding = 0;

    for (int i = 0; i < inputs.size(); i++) {
      String input = inputs.get(i);
      PackagingOracle.Answer python = oracle.answers().get(i);
      Optional<Version> java = Version.tryParse(input);
      if (python.valid() != java.isPresent()) {
        if (python.valid() && foldsToAscii(input)) {
          oldFolding++;
        } else {
          mismatches.add(show(input) + ": packaging " + said(python) + ", Java " + answer(input));
        }
        continue;
      }
      if (java.isEmpty()) {
        if (python.error() != null && !answer(input).contains("at most 4300")) {
          mismatches.add(show(input) + ": packaging " + python.error() + ", Java " + answer(input));
        }
        continue;
      }
      Version version = java.get();
      versions[i] = version;
      valid++;
      if (!python.text().equals(version.toString())) {
        mismatches.add(show(input) + ": packaging " + said(python) + ", Java " + answer(input));
      } else if (!python.facts().equals(facts(version))) {
        mismatches.add(
            show(input) + ": packaging facts " + python.facts() + ", Java " + facts(version));
      }
    }
    mismatches.addAll(orderMismatches(inputs, versions, oracle.order()));

    System.out.printf(
        "differential (seed %d): %d inputs, %d valid, packaging %s on Python %s (%s), %d mismatches,"
            + " %d refused here but accepted by old Unicode case folding%n",
        SEED,
        inputs.size(),
        valid,
        oracle.packaging(),
        oracle.python(),
        PackagingOracle.python(),
        mismatches.size(),
        oldFolding);
    assertThat(mismatches)
        .withFailMessage(
            () ->
                mismatches.size()
                    + " of "
                    + inputs.size()
                    + " inputs disagree with packaging "
                    + oracle.packaging()
                    + "; the first ones:\n  "
                    + String.join(
                        "\n  ", mismatches.subList(0, Math.min(SHOWN, mismatches.size()))))
        .isEmpty();
    // The generator must exercise both sides, or agreement means little.
    assertThat(valid).isBetween(inputs.size() / 3, inputs.size() * 3 / 4);
  }

  /**
   * Adjacent pairs of packaging's order, random pairs, and Java's own sort must all agree with
   * packaging's ranks, ties included.
   */
  private static List<String> orderMismatches(
      List<String> inputs, Version[] versions, List<int[]> pythonOrder) {
    List<int[]> order = pythonOrder.stream().filter(pair -> versions[pair[0]] != null).toList();
    int[] rank = new int[inputs.size()];
    order.forEach(pair -> rank[pair[0]] = pair[1]);
    List<String> mismatches = new ArrayList<>();
    for (int i = 0; i + 1 < order.size(); i++) {
      comparePair(inputs, versions, rank, order.get(i)[0], order.get(i + 1)[0], mismatches);
    }
    Random random = new Random(SEED);
    for (int i = 0; i < RANDOM_PAIRS && !order.isEmpty(); i++) {
      int a = order.get(random.nextInt(order.size()))[0];
      int b = order.get(random.nextInt(order.size()))[0];
      comparePair(inputs, versions, rank, a, b, mismatches);
    }
    List<Integer> javaOrder =
        order.stream()
            .map(pair -> pair[0])
            .sorted(Comparator.comparing(index -> versions[index]))
            .toList();
    IntStream.range(1, javaOrder.size())
        .filter(i -> rank[javaOrder.get(i - 1)] > rank[javaOrder.get(i)])
        .limit(SHOWN)
        .forEach(
            i ->
                mismatches.add(
                    "Java sorts "
                        + show(inputs.get(javaOrder.get(i - 1)))
                        + " before "
                        + show(inputs.get(javaOrder.get(i)))
                        + ", packaging after"));
    return mismatches;
  }

  private static void comparePair(
      List<String> inputs, Version[] versions, int[] rank, int a, int b, List<String> out) {
    int python = Integer.signum(Integer.compare(rank[a], rank[b]));
    int java = Integer.signum(versions[a].compareTo(versions[b]));
    boolean consistent =
        versions[a].equals(versions[b]) == (java == 0)
            && (java != 0 || versions[a].hashCode() == versions[b].hashCode());
    if (python != java || !consistent) {
      out.add(
          "compare("
              + show(inputs.get(a))
              + ", "
              + show(inputs.get(b))
              + "): packaging "
              + python
              + ", Java "
              + java
              + (consistent ? "" : " (equals/hashCode inconsistent)"));
    }
  }

  /** The same fields, in the same format, as facts() in packaging_oracle.py. */
  private static String facts(Version v) {
    return String.join(
        "|",
        v.epoch().toString(),
        String.join(".", v.release().stream().map(Object::toString).toList()),
        v.major() + "." + v.minor() + "." + v.micro(),
        v.pre().map(PreRelease::toString).orElse("None"),
        v.post().map(Object::toString).orElse("None"),
        v.dev().map(Object::toString).orElse("None"),
        v.local().orElse("None"),
        flag(v.isPreRelease()) + flag(v.isPostRelease()) + flag(v.isDevRelease()),
        v.publicVersion().toString(),
        v.baseVersion().toString(),
        v.canonical());
  }

  private static String flag(boolean value) {
    return value ? "1" : "0";
  }

  private static boolean foldsToAscii(String input) {
    return input.chars().anyMatch(c -> FOLDED_TO_ASCII.indexOf(c) >= 0);
  }

  private static String said(PackagingOracle.Answer python) {
    if (python.valid()) {
      return "valid " + python.text();
    }
    return python.error() == null ? "invalid" : "error (" + python.error() + ")";
  }

  private static String answer(String input) {
    try {
      return "valid " + Version.parse(input);
    } catch (InvalidVersionException e) {
      return "invalid (" + e.reason() + ")";
    }
  }

  /** The input as a Java string literal, shortened, so that odd characters are visible. */
  private static String show(String input) {
    StringBuilder out = new StringBuilder("\"");
    String shown = input.length() > 60 ? input.substring(0, 60) : input;
    for (char c : shown.toCharArray()) {
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        out.append(c);
      } else {
        out.append(String.format("\\u%04x", (int) c));
      }
    }
    return out.append(input.length() > 60 ? "...\"" : "\"").toString();
  }
}
