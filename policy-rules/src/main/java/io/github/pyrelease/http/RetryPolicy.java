package io.github.pyrelease.http;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.function.DoubleSupplier;

/**
 * When a failed request is tried again, and after how long: connection failures, 5xx (but 501 and
 * 505, which do not change with time) and 429 are retried with exponential backoff and jitter, at
 * most {@code maxAttempts} attempts in all. A server's {@code Retry-After} is honoured when it asks
 * for no more than {@code maxRetryAfter}; asking for longer ends the retries, so a build never
 * waits an hour on a busy index.
 */
public final class RetryPolicy {

  private final int maxAttempts;
  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final Duration maxRetryAfter;
  private final DoubleSupplier random;

  /**
   * @param maxAttempts attempts in all, at least 1 (1 means no retry)
   * @param initialBackoff the wait before the second attempt, before jitter
   * @param maxBackoff the longest wait between two attempts, before jitter
   * @param maxRetryAfter the longest {@code Retry-After} a server may ask for
   */
  public RetryPolicy(
      int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxRetryAfter) {
    this(maxAttempts, initialBackoff, maxBackoff, maxRetryAfter, Math::random);
  }

  RetryPolicy(
      int maxAttempts,
      Duration initialBackoff,
      Duration maxBackoff,
      Duration maxRetryAfter,
      DoubleSupplier random) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    this.initialBackoff = Objects.requireNonNull(initialBackoff, "initialBackoff");
    this.maxBackoff = Objects.requireNonNull(maxBackoff, "maxBackoff");
    this.maxRetryAfter = Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
    this.random = random;
  }

  /** 3 attempts, waits of about 0.5 s then 1 s (at most 8 s), Retry-After of at most 60 s. */
  public static RetryPolicy defaults() {
    return withAttempts(3);
  }

  /** The default waits with {@code maxAttempts} attempts. */
  public static RetryPolicy withAttempts(int maxAttempts) {
    return new RetryPolicy(
        maxAttempts, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60));
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  /** Whether a response with {@code status} is worth trying again. */
  public static boolean retriable(int status) {
    return status == 429 || (status >= 500 && status <= 599 && status != 501 && status != 505);
  }

  /**
   * What to do after attempt number {@code attempt} (1-based) failed.
   *
   * @param retryAfter the response's {@code Retry-After} header, or {@code null}
   * @param now the current time, to read a {@code Retry-After} given as a date
   */
  public Decision after(int attempt, String retryAfter, Instant now) {
    if (attempt >= maxAttempts) {
      return Decision.giveUp(
          "gave up after " + attempt + (attempt == 1 ? " attempt" : " attempts"));
    }
    Duration backoff = backoff(attempt);
    if (retryAfter == null || retryAfter.isBlank()) {
      return Decision.retryAfter(backoff);
    }
    Duration asked = parseRetryAfter(retryAfter.strip(), now);
    if (asked == null) {
      return Decision.retryAfter(backoff);
    }
    if (asked.compareTo(maxRetryAfter) > 0) {
      return Decision.giveUp(
          "the server asked to retry after "
              + asked.toSeconds()
              + " s, longer than the "
              + maxRetryAfter.toSeconds()
              + " s pyrelease waits");
    }
    return Decision.retryAfter(asked.compareTo(backoff) > 0 ? asked : backoff);
  }

  /**
   * The wait after attempt {@code attempt}: the exponential step {@code initial * 2^(attempt-1)},
   * capped, of which a random half is kept ("equal jitter"), so clients that failed together do not
   * come back together yet never retry at once.
   */
  Duration backoff(int attempt) {
    long initial = initialBackoff.toMillis();
    long step = initial << Math.min(attempt - 1, 30);
    long capped = Math.min(step < 0 ? Long.MAX_VALUE : step, maxBackoff.toMillis());
    long half = capped / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (capped - half)));
  }

  /** Delta-seconds or an HTTP-date (RFC 9110); {@code null} when it is neither. */
  static Duration parseRetryAfter(String value, Instant now) {
    if (value.chars().allMatch(Character::isDigit)) {
      try {
        return Duration.ofSeconds(Long.parseLong(value));
      } catch (NumberFormatException e) {
        return Duration.ofSeconds(Long.MAX_VALUE / 1000);
      }
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      Duration until = Duration.between(now, at);
      return until.isNegative() ? Duration.ZERO : until;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * Retry after {@code delay}, or give up for {@code reason}.
   *
   * @param retry whether to try again
   * @param delay how long to wait first (zero when giving up)
   * @param reason why the retries ended, when they did
   */
  public record Decision(boolean retry, Duration delay, String reason) {

    static Decision retryAfter(Duration delay) {
      return new Decision(true, delay, null);
    }

    static Decision giveUp(String reason) {
      return new Decision(false, Duration.ZERO, reason);
    }
  }
}
