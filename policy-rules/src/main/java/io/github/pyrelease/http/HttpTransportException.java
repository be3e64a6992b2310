package io.github.pyrelease.http;

import java.io.IOException;

/**
 * A request that got no usable answer: no connection, a timeout, a reset, or an answer too large,
 * after every attempt the retry policy allowed. The message names the URL (without any user info)
 * and never a credential.
 */
public final class HttpTransportException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String url;
  private final int attempts;

  HttpTransportException(String message, String url, int attempts, Throwable cause) {
    super(message, cause);
    this.url = url;
    this.attempts = attempts;
  }

  /** The URL asked, without user info. */
  public String url() {
    return url;
  }

  /** How many attempts were made. */
  public int attempts() {
    return attempts;
  }
}
