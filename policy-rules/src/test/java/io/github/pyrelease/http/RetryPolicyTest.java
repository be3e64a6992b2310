package io.github.pyrelease.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

  private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

  private static RetryPolicy policy(double random) {
    return new RetryPolicy(
        5, Duration.ofMillis(500), Duration.ofSeconds(4), Duration.ofSeconds(30), () -> random);
  }

  @Test
  void backoffDoublesUpToTheCapAndJitterKeepsBetweenHalfAndAll() {
    RetryPolicy least = policy(0.0);
    RetryPolicy most = policy(0.999);

    assertThat(least.backoff(1)).isEqualTo(Duration.ofMillis(250));
    assertThat(most.backoff(1)).isBetween(Duration.ofMillis(490), Duration.ofMillis(500));
    assertThat(least.backoff(2)).isEqualTo(Duration.ofMillis(500));
    assertThat(least.backoff(3)).isEqualTo(Duration.ofMillis(1000));
    assertThat(least.backoff(4)).isEqualTo(Duration.ofMillis(2000));
    assertThat(least.backoff(5)).isEqualTo(Duration.ofMillis(2000)); // capped at 4 s, half kept
    assertThat(most.backoff(40)).isLessThanOrEqualTo(Duration.ofSeconds(4));
  }

  @Test
  void stopsAtTheLastAttempt() {
    RetryPolicy policy = policy(0.5);

    assertThat(policy.after(4, null, NOW).retry()).isTrue();
    RetryPolicy.Decision last = policy.after(5, null, NOW);
    assertThat(last.retry()).isFalse();
    assertThat(last.reason()).isEqualTo("gave up after 5 attempts");
    assertThat(RetryPolicy.withAttempts(1).after(1, null, NOW).reason())
        .isEqualTo("gave up after 1 attempt");
  }

  @Test
  void retryAfterInSecondsOrAsADateIsHonouredWhenShortEnough() {
    RetryPolicy policy = policy(0.0);

    assertThat(policy.after(1, "7", NOW).delay()).isEqualTo(Duration.ofSeconds(7));
    assertThat(policy.after(1, "Wed, 25 Nov 2026 10:00:12 GMT", NOW).delay())
        .isEqualTo(Duration.ofSeconds(12));
    // a date in the past or a zero: the backoff still applies, never a hot loop
    assertThat(policy.after(1, "0", NOW).delay()).isEqualTo(Duration.ofMillis(250));
    assertThat(policy.after(1, "soon", NOW).delay()).isEqualTo(Duration.ofMillis(250));
  }

  @Test
  void retryAfterLongerThanTheBoundGivesUpAtOnce() {
    RetryPolicy.Decision decision = policy(0.0).after(1, "3600", NOW);

    assertThat(decision.retry()).isFalse();
    assertThat(decision.reason())
        .isEqualTo("the server asked to retry after 3600 s, longer than the 30 s pyrelease waits");
    assertThat(policy(0.0).after(1, "99999999999999999999999", NOW).retry()).isFalse();
  }

  @Test
  void retriesOverloadAndServerErrorsButNotClientErrorsOrPermanentOnes() {
    assertThat(RetryPolicy.retriable(429)).isTrue();
    assertThat(RetryPolicy.retriable(500)).isTrue();
    assertThat(RetryPolicy.retriable(502)).isTrue();
    assertThat(RetryPolicy.retriable(503)).isTrue();
    assertThat(RetryPolicy.retriable(504)).isTrue();
    assertThat(RetryPolicy.retriable(501)).isFalse();
    assertThat(RetryPolicy.retriable(505)).isFalse();
    assertThat(RetryPolicy.retriable(404)).isFalse();
    assertThat(RetryPolicy.retriable(401)).isFalse();
    assertThat(RetryPolicy.retriable(200)).isFalse();
  }
}
