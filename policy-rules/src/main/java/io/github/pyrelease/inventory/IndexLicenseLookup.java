package io.github.pyrelease.inventory;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.pyrelease.concurrent.InParallel;
import io.github.pyrelease.deps.Dependency;
import io.github.pyrelease.deps.DependencyInventory;
import io.github.pyrelease.deps.Origin;
import io.github.pyrelease.deps.PackageLicense;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpRequest;
import io.github.pyrelease.http.HttpResponse;
import io.github.pyrelease.http.HttpTransportException;
import io.github.pyrelease.index.IndexLocation;
import io.github.pyrelease.license.DetectedLicense;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fills in the licences an inventory does not know (a lock or requirements file with no environment
 * installed) from the package index's JSON API, {@code /pypi/<name>/<version>/json} ({@code
 * info.license_expression}, {@code info.license}, {@code info.classifiers}), through the project's
 * HTTP client and its answer cache. A version the index does not have, an answer that is not that
 * API's, or a server that fails leaves the licence unknown, which the {@code licenses} rule
 * reports: nothing is claimed for a dependency that was not checked.
 */
public final class IndexLicenseLookup {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final HttpClient http;
  private final IndexLocation index;

  /**
   * @param indexUrl the index root, such as {@code https://pypi.org/}
   */
  public IndexLicenseLookup(HttpClient http, String indexUrl) {
    this.http = http;
    this.index = IndexLocation.of(indexUrl);
  }

  /** {@code inventory} with the licences of its pinned dependencies it lacked, where found. */
  public DependencyInventory complete(DependencyInventory inventory) {
    if (index.jsonUrl() == null) {
      return inventory;
    }
    List<Dependency> missing = new ArrayList<>();
    for (Dependency d : inventory.dependencies()) {
      if (d.version() != null && inventory.licenseOf(d).isEmpty()) {
        missing.add(d);
      }
    }
    if (missing.isEmpty()) {
      return inventory;
    }
    Map<String, PackageLicense> licenses = new LinkedHashMap<>(inventory.licenses());
    List<Optional<PackageLicense>> found =
        InParallel.map(missing, this::lookup, "pyrelease-licence-lookup");
    found.forEach(l -> l.ifPresent(license -> licenses.put(license.normalizedName(), license)));
    return inventory.withLicenses(licenses);
  }

  /** The licence the index states for one pinned dependency, if it answers. */
  Optional<PackageLicense> lookup(Dependency d) {
    String url = index.jsonUrl() + "pypi/" + d.normalizedName() + "/" + d.version() + "/json";
    HttpResponse response;
    try {
      response = http.send(HttpRequest.get(url).withHeader("Accept", "application/json"));
    } catch (HttpTransportException e) {
      return Optional.empty();
    }
    if (!response.successful()) {
      return Optional.empty();
    }
    return fromJsonApiPage(d, response.url(), response.text());
  }

  /**
   * The licence a JSON API per-version page states for {@code d}, or empty when {@code body} is not
   * that API's answer.
   *
   * @param url the page that answered, for the licence's origin
   */
  static Optional<PackageLicense> fromJsonApiPage(Dependency d, String url, String body) {
    JsonNode info;
    try {
      info = MAPPER.readTree(body).path("info");
    } catch (JacksonException e) {
      return Optional.empty();
    }
    if (!info.isObject()) {
      return Optional.empty();
    }
    List<String> classifiers = new ArrayList<>();
    info.path("classifiers").forEach(c -> classifiers.add(c.asText()));
    DetectedLicense license =
        LicenseDetector.detect(
            text(info.path("license_expression")), text(info.path("license")), classifiers);
    return Optional.of(new PackageLicense(d.name(), d.version(), license, new Origin(url, 0)));
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText() : null;
  }
}
