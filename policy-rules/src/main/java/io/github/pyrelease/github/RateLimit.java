package io.github.pyrelease.github;

import io.github.pyrelease.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * Why GitHub refused a request for its rate limits, and how long until it takes requests again.
 * Primary limit: 403 or 429 with {@code x-ratelimit-remaining: 0}, until {@code x-ratelimit-reset}
 * (epoch seconds). Secondary limits: {@code retry-after} seconds, or, without it, at least a minute
 * (GitHub's documented advice).
 *
 * @param delay how long to wait
 * @param resetsAt when requests are accepted again
 * @param what which limit, for messages
 */
record RateLimit(Duration delay, Instant resetsAt, String what) {

  /** The limit that refused {@code response}, or {@code null} when it was not a rate limit. */
  static RateLimit of(HttpResponse response, String githubMessage, Instant now) {
    if (response.status() != 403 && response.status() != 429) {
      return null;
    }
    Long retryAfter = number(response.header("retry-after"));
    if (retryAfter != null) {
      Duration wait = Duration.ofSeconds(Math.max(0, retryAfter));
      return new RateLimit(wait, now.plus(wait), "secondary rate limit");
    }
    if ("0".equals(strip(response.header("x-ratelimit-remaining")))) {
      Long reset = number(response.header("x-ratelimit-reset"));
      Instant at = reset == null ? now.plusSeconds(60) : Instant.ofEpochSecond(reset);
      // a second more, as the reset is rounded to whole seconds
      Duration wait = at.isAfter(now) ? Duration.between(now, at).plusSeconds(1) : Duration.ZERO;
      String resource = strip(response.header("x-ratelimit-resource"));
      String limit = strip(response.header("x-ratelimit-limit"));
      return new RateLimit(
          wait,
          at,
          "rate limit"
              + (resource == null ? "" : " for '" + resource + "'")
              + (limit == null ? "" : " (" + limit + " requests an hour)"));
    }
    if (githubMessage != null
        && githubMessage.toLowerCase(Locale.ROOT).contains("secondary rate limit")) {
      return new RateLimit(Duration.ofMinutes(1), now.plusSeconds(60), "secondary rate limit");
    }
    return null;
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  private static Long number(String value) {
    if (value == null || !value.strip().matches("[0-9]{1,18}")) {
      return null;
    }
    return Long.parseLong(value.strip());
  }
}
