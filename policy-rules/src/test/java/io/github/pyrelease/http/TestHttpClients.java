package io.github.pyrelease.http;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Clients for tests of other packages: the waits between attempts recorded, not slept. */
public final class TestHttpClients {

  private TestHttpClients() {}

  /** A client that records each wait between attempts in {@code waits} instead of sleeping. */
  public static HttpClient recordingWaits(
      HttpSettings settings, ResponseCache cache, List<Duration> waits) {
    return new HttpClient(settings, cache, waits::add, Clock.systemUTC());
  }
}
