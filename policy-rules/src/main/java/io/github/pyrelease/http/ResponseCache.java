package io.github.pyrelease.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers to GET requests kept for one build, so rules and goals that ask the same question ask the
 * server once. Only definite answers (2xx, 404, 410) are kept; nothing is written to disk, so the
 * next build asks again.
 */
public final class ResponseCache {

  private final Map<String, HttpResponse> responses = new ConcurrentHashMap<>();

  HttpResponse get(String key) {
    return responses.get(key);
  }

  void put(String key, HttpResponse response) {
    if (response.successful() || response.status() == 404 || response.status() == 410) {
      responses.put(key, response);
    }
  }

  /** How many answers are kept. */
  public int size() {
    return responses.size();
  }
}
