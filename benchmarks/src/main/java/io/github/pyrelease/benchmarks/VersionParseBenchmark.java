package io.github.pyrelease.benchmarks;

import io.github.pyrelease.version.Version;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parse and normalise one version string per operation ({@code Version.tryParse(s)} then {@code
 * toString()}), cycling through the 1024 strings of versions.txt, the same work that
 * version_parse_packaging.py times with packaging. Score: strings per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VersionParseBenchmark {

  private String[] versions;
  private int next;

  @Setup
  public void load() throws IOException {
    try (InputStream in = VersionParseBenchmark.class.getResourceAsStream("/versions.txt")) {
      versions = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n");
    }
    if (Integer.bitCount(versions.length) != 1) {
      throw new IllegalStateException("versions.txt must hold a power of two of lines");
    }
  }

  @Benchmark
  public String parseAndNormalise() {
    String text = versions[next++ & (versions.length - 1)];
    Optional<Version> version = Version.tryParse(text);
    return version.isPresent() ? version.get().toString() : null;
  }
}
