package io.github.pyrelease.vuln;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.pyrelease.FactUnavailableException;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpRequest;
import io.github.pyrelease.http.HttpResponse;
import io.github.pyrelease.http.HttpTransportException;
import io.github.pyrelease.http.SecureUrls;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * Advisories from the OSV API: {@code POST /v1/querybatch} with at most 1,000 queries a request,
 * following each query's {@code next_page_token}, then {@code GET /v1/vulns/{id}} once per distinct
 * advisory for the full record. The server matches versions; its records give the aliases,
 * severity, fixed versions and the smallest upgrade. Through the project's HTTP client: timeouts,
 * retries with backoff on 429 and 5xx, proxies.
 */
public final class OsvApi implements AdvisorySource {

  /** The server's limit: more queries in one batch are refused with 400. */
  static final int MAX_BATCH = 1000;

  /** Pages per query before the answer is taken as a server that loops. */
  private static final int MAX_PAGES = 100;

  private static final MediaType JSON_TYPE = MediaType.get("application/json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final String base;

  /**
   * @param base the API's base URL, such as {@code https://api.osv.dev}
   */
  public OsvApi(HttpClient http, String base) {
    this.http = http;
    this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
  }

  @Override
  public String describe() {
    return "OSV API " + SecureUrls.redact(base);
  }

  @Override
  public Map<PackageVersion, AuditedPackage> audit(Collection<PackageVersion> packages) {
    List<PackageVersion> all = new ArrayList<>(new LinkedHashSet<>(packages));
    Map<PackageVersion, Set<String>> ids = new LinkedHashMap<>();
    all.forEach(p -> ids.put(p, new LinkedHashSet<>()));
    for (int start = 0; start < all.size(); start += MAX_BATCH) {
      batch(all.subList(start, Math.min(all.size(), start + MAX_BATCH)), ids);
    }
    Map<String, List<Advisory>> records = new LinkedHashMap<>();
    for (Set<String> found : ids.values()) {
      for (String id : found) {
        if (!records.containsKey(id)) {
          records.put(id, record(id));
        }
      }
    }
    Map<PackageVersion, AuditedPackage> audited = new LinkedHashMap<>();
    for (Map.Entry<PackageVersion, Set<String>> entry : ids.entrySet()) {
      PackageVersion pkg = entry.getKey();
      List<Advisory> listed = new ArrayList<>();
      for (String id : entry.getValue()) {
        records.get(id).stream()
            .filter(a -> a.packageName().equals(pkg.name()))
            .forEach(listed::add);
      }
      audited.put(pkg, AdvisoryMatcher.listed(pkg, listed));
    }
    return audited;
  }

  /** Asks about {@code chunk}, at most {@link #MAX_BATCH} packages, page after page. */
  private void batch(List<PackageVersion> chunk, Map<PackageVersion, Set<String>> ids) {
    Map<Integer, String> tokens = new LinkedHashMap<>();
    List<Integer> pending = new ArrayList<>();
    for (int k = 0; k < chunk.size(); k++) {
      pending.add(k);
    }
    for (int page = 0; !pending.isEmpty(); page++) {
      if (page == MAX_PAGES) {
        throw unavailable(
            "the OSV API at " + SecureUrls.redact(base) + " kept sending page tokens", null);
      }
      ObjectNode body = JSON.createObjectNode();
      ArrayNode queries = body.putArray("queries");
      for (int k : pending) {
        ObjectNode query = queries.addObject();
        query.putObject("package").put("name", chunk.get(k).name()).put("ecosystem", "PyPI");
        query.put("version", chunk.get(k).version());
        if (tokens.containsKey(k)) {
          query.put("page_token", tokens.get(k));
        }
      }
      JsonNode answer = post("/v1/querybatch", body);
      JsonNode results = answer.path("results");
      if (!results.isArray() || results.size() != pending.size()) {
        throw unavailable(
            "the OSV API at "
                + SecureUrls.redact(base)
                + " answered "
                + (results.isArray() ? results.size() : 0)
                + " results to "
                + pending.size()
                + " queries",
            null);
      }
      List<Integer> next = new ArrayList<>();
      for (int r = 0; r < results.size(); r++) {
        int k = pending.get(r);
        for (JsonNode vuln : results.get(r).path("vulns")) {
          if (vuln.path("id").isTextual()) {
            ids.get(chunk.get(k)).add(vuln.path("id").asText());
          }
        }
        JsonNode token = results.get(r).path("next_page_token");
        if (token.isTextual() && !token.asText().isEmpty()) {
          tokens.put(k, token.asText());
          next.add(k);
        }
      }
      pending = next;
    }
  }

  private List<Advisory> record(String id) {
    String url = base + "/v1/vulns/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
    HttpResponse response = send(HttpRequest.get(url).withHeader("Accept", "application/json"));
    if (!response.successful()) {
      throw failed(response);
    }
    try {
      return OsvRecordParser.parse(
          JSON.readValue(response.body(), Object.class), SecureUrls.redact(url));
    } catch (IOException | io.github.pyrelease.PyreleaseException e) {
      throw unavailable(
          SecureUrls.redact(url) + " did not answer an OSV record: " + e.getMessage(), e);
    }
  }

  private JsonNode post(String path, JsonNode body) {
    String url = base + path;
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    HttpResponse response =
        send(
            new HttpRequest(
                "POST",
                url,
                Map.of("Accept", "application/json"),
                null,
                RequestBody.create(bytes, JSON_TYPE),
                false));
    if (!response.successful()) {
      throw failed(response);
    }
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw unavailable(SecureUrls.redact(url) + " did not answer JSON: " + e.getMessage(), e);
    }
  }

  private HttpResponse send(HttpRequest request) {
    try {
      return http.send(request);
    } catch (HttpTransportException e) {
      throw unavailable(e.getMessage(), e);
    }
  }

  private FactUnavailableException failed(HttpResponse response) {
    String note = response.retryNote() == null ? "" : " (" + response.retryNote() + ")";
    return unavailable(
        "the OSV API answered HTTP " + response.status() + " to " + response.url() + note, null);
  }

  private FactUnavailableException unavailable(String what, Throwable cause) {
    return new FactUnavailableException(
        what,
        SecureUrls.redact(base),
        "try again later, or audit offline against a copy of the database (--advisories,"
            + " -Dpyrelease.advisories)",
        cause);
  }
}
