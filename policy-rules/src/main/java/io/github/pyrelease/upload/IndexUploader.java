package io.github.pyrelease.upload;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.Credentials;
import io.github.pyrelease.dist.ReleaseFile;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpRequest;
import io.github.pyrelease.http.HttpResponse;
import io.github.pyrelease.http.HttpTransportException;
import io.github.pyrelease.http.SecureUrls;
import io.github.pyrelease.index.FileDigestLookup;
import io.github.pyrelease.index.IndexLocation;
import io.github.pyrelease.index.ProjectNames;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MultipartBody;
import okhttp3.RequestBody;

/**
 * Uploads distributions to a PyPI-compatible index through the legacy upload API, one POST of
 * {@code multipart/form-data} per file, as twine does; safer: the file is streamed from disk (heap
 * use does not grow with its size), redirects are never followed, plain http is refused except to
 * loopback, connection failures, 5xx and 429 are retried by the {@link HttpClient}'s policy, and
 * "file already exists" is settled by asking the index for that file's sha256: the same file counts
 * as done, another one is a conflict that only a new version resolves.
 */
public final class IndexUploader {

  private static final int SHOWN_DESCRIPTION = 60;

  private final HttpClient http;
  private final FileDigestLookup digests;

  /**
   * @param http the build's client; uploads use its {@linkplain HttpClient#forUploads() upload
   *     variant} (HTTP/1.1, no call timeout, no answer cache)
   */
  public IndexUploader(HttpClient http) {
    this.http = http.forUploads();
    this.digests = new FileDigestLookup(this.http);
  }

  /**
   * Uploads {@code file} to {@code target}.
   *
   * @return how the file came to be on the index
   * @throws UploadException when it is not there, by kind: conflict, rejected, credentials, ...
   */
  public UploadResult upload(UploadTarget target, ReleaseFile file) {
    HttpUrl url = uploadUrl(target);
    List<UploadForm.Field> fields = UploadForm.fieldsOf(file);
    requireUnchanged(file);
    HttpRequest request =
        new HttpRequest(
            "POST", url.toString(), Map.of(), target.credentials(), body(fields, file), false);
    HttpResponse response;
    try {
      response = http.send(request);
    } catch (HttpTransportException e) {
      throw transportFailure(target, file, e);
    }
    return outcome(target, file, url, response);
  }

  /**
   * The request {@link #upload} would send, line by line, sending nothing: the URL, every form
   * field (the description abbreviated), the file with its size and digests, and the authentication
   * with its origin (the secret masked).
   */
  public List<String> describe(UploadTarget target, ReleaseFile file) {
    HttpUrl url = uploadUrl(target);
    Credentials login = target.credentials();
    List<String> lines = new ArrayList<>();
    lines.add(
        "POST "
            + SecureUrls.redact(url.toString())
            + " (multipart/form-data, HTTP/1.1, redirects not followed)");
    lines.add("authentication: Basic " + login.username() + ":****** from " + login.origin());
    for (UploadForm.Field field : UploadForm.fieldsOf(file)) {
      String value =
          field.name().equals("description") ? abbreviated(field.value()) : field.value();
      lines.add("  " + field.name() + ": " + ServerText.mask(oneLine(value), login));
    }
    lines.add(
        "  content: "
            + file.fileName()
            + " ("
            + file.size()
            + " bytes, application/octet-stream, streamed from "
            + file.path()
            + ")");
    lines.add("    sha256: " + file.digests().sha256());
    lines.add("    blake2_256: " + file.digests().blake2b256());
    lines.add("    md5: " + file.digests().md5());
    return List.copyOf(lines);
  }

  private static HttpUrl uploadUrl(UploadTarget target) {
    try {
      return SecureUrls.require(target.uploadUrl(), "upload");
    } catch (PyreleaseException e) {
      throw new UploadException(
          UploadException.Kind.CONFIGURATION,
          "stage '" + target.name() + "': " + e.getMessage(),
          e.where(),
          e.fix());
    }
  }

  /** The file must still be what its digests describe: a rebuilt file would be sent unseen. */
  private static void requireUnchanged(ReleaseFile file) {
    long size;
    try {
      size = Files.size(file.path());
    } catch (IOException e) {
      throw new UploadException(
          UploadException.Kind.REJECTED,
          "cannot read " + file.fileName() + ": " + e.getMessage(),
          file.path().toString(),
          "build the distributions again",
          e);
    }
    if (size != file.size()) {
      throw staleFile(file, size + " bytes now, " + file.size() + " when its digests were read");
    }
  }

  private static UploadException staleFile(ReleaseFile file, String detail) {
    return new UploadException(
        UploadException.Kind.REJECTED,
        file.fileName() + " changed after its digests were computed (" + detail + ")",
        file.path().toString(),
        "do not rebuild during the upload; build and publish again");
  }

  private static RequestBody body(List<UploadForm.Field> fields, ReleaseFile file) {
    MultipartBody.Builder form = new MultipartBody.Builder().setType(MultipartBody.FORM);
    fields.forEach(f -> form.addFormDataPart(f.name(), f.value()));
    form.addFormDataPart(
        "content", file.fileName(), new StreamedFileBody(file.path(), file.size()));
    return form.build();
  }

  private UploadResult outcome(
      UploadTarget target, ReleaseFile file, HttpUrl url, HttpResponse response) {
    if (response.successful()) {
      return result(UploadResult.Status.UPLOADED, target, file, response);
    }
    String said = ServerText.of(response, target.credentials());
    if (alreadyExists(response)) {
      return settleExisting(target, file, response, said);
    }
    throw failure(target, file, url, response);
  }

  /** What an answer that is neither success nor "already exists" means, as an error. */
  static UploadException failure(
      UploadTarget target, ReleaseFile file, HttpUrl url, HttpResponse response) {
    int status = response.status();
    String said = ServerText.of(response, target.credentials());
    if (status >= 300 && status < 400) {
      return redirected(target, url, response);
    }
    if (status == 401 || status == 403) {
      return new UploadException(
          UploadException.Kind.CREDENTIALS,
          target.shownUrl()
              + " refused the credentials of server '"
              + target.serverId()
              + "' (from "
              + target.credentials().origin()
              + "): "
              + status
              + " "
              + said,
          target.shownUrl(),
          "check the token of server '"
              + target.serverId()
              + "' and that it may upload this project; credentials go in "
              + UploadCredentials.whereToPut(target.name(), target.serverId()));
    }
    if (status == 405 && url.host().toLowerCase(Locale.ROOT).endsWith("pypi.org")) {
      return new UploadException(
          UploadException.Kind.CONFIGURATION,
          target.shownUrl() + " is not an upload URL (405 Method Not Allowed)",
          "stage '" + target.name() + "'",
          "upload to https://upload.pypi.org/legacy/ (PyPI) or https://test.pypi.org/legacy/"
              + " (TestPyPI)");
    }
    if (status == 404 || status == 405 || status == 410) {
      return new UploadException(
          UploadException.Kind.CONFIGURATION,
          target.shownUrl() + " answered " + status + " " + said + " to an upload",
          "stage '" + target.name() + "'",
          "check the stage's upload URL: PyPI's is https://upload.pypi.org/legacy/, and other"
              + " indexes document theirs");
    }
    if (status == 429 || status >= 500) {
      return new UploadException(
          UploadException.Kind.TRANSPORT,
          "uploading "
              + file.fileName()
              + " to "
              + target.shownUrl()
              + " failed: "
              + status
              + " "
              + said
              + (response.retryNote() == null ? "" : " (" + response.retryNote() + ")"),
          target.shownUrl(),
          "try again later (publishing again is safe: a file already there counts as done)");
    }
    return new UploadException(
        UploadException.Kind.REJECTED,
        target.shownUrl() + " refused " + file.fileName() + ": " + status + " " + said,
        file.path().toString(),
        "fix what the index says, build again and publish again");
  }

  /**
   * "File already exists" in twine's terms: 409 (pypiserver), or 400 whose reason or body says
   * "already exist" (PyPI, TestPyPI, Artifact Registry).
   */
  private static boolean alreadyExists(HttpResponse response) {
    return response.status() == 409
        || (response.status() == 400 && ServerText.searchable(response).contains("already exist"));
  }

  private UploadResult settleExisting(
      UploadTarget target, ReleaseFile file, HttpResponse response, String said) {
    Credentials login =
        sameOrigin(target.uploadUrl(), target.indexUrl()) ? target.credentials() : null;
    FileDigestLookup.FileDigest onIndex;
    try {
      onIndex =
          digests.find(target.indexUrl(), login, file.name(), file.version(), file.fileName());
    } catch (PyreleaseException e) {
      throw unverified(target, file, said, List.of(e.getMessage()));
    }
    if (onIndex.sha256() == null) {
      throw unverified(target, file, said, onIndex.asked());
    }
    if (onIndex.sha256().equalsIgnoreCase(file.sha256())) {
      return result(UploadResult.Status.ALREADY_PRESENT, target, file, response);
    }
    throw new UploadException(
        UploadException.Kind.CONFLICT,
        "the file "
            + file.fileName()
            + " on "
            + target.indexUrl()
            + " differs from the one built (its sha256 there is "
            + onIndex.sha256()
            + ", here "
            + file.sha256()
            + "); an index never lets a published file be replaced",
        onIndex.url(),
        "change the version (bump it) and publish again: version "
            + file.version()
            + " of "
            + file.name()
            + " is taken for good");
  }

  private static UploadException unverified(
      UploadTarget target, ReleaseFile file, String said, List<String> asked) {
    return new UploadException(
        UploadException.Kind.UNVERIFIED,
        target.shownUrl()
            + " says "
            + file.fileName()
            + " already exists ("
            + said
            + "), and no sha256 of it could be obtained from "
            + target.indexUrl()
            + " to tell whether it is this very file: "
            + String.join("; ", asked),
        target.indexUrl(),
        "compare the file on the index with the one built (sha256 "
            + file.sha256()
            + "); if it differs, change the version; if the index shows it only after a"
            + " while, publish again later");
  }

  private static UploadException redirected(
      UploadTarget target, HttpUrl url, HttpResponse response) {
    String location = response.header("location");
    HttpUrl next = location == null ? null : url.resolve(location);
    String shownNext =
        next == null
            ? "nowhere"
            : ServerText.mask(SecureUrls.redact(next.toString()), target.credentials());
    boolean slash = next != null && next.toString().equals(url + "/");
    return new UploadException(
        UploadException.Kind.CONFIGURATION,
        target.shownUrl()
            + " answered "
            + response.status()
            + ", a redirect to "
            + shownNext
            + "; uploads never follow redirects (the body and the credentials would go"
            + " elsewhere)",
        "stage '" + target.name() + "'",
        slash
            ? "the upload URL is missing its trailing slash: use " + shownNext
            : "configure the redirect target as the stage's upload URL yourself if you trust it");
  }

  private UploadException transportFailure(
      UploadTarget target, ReleaseFile file, HttpTransportException e) {
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof StreamedFileBody.FileChangedException changed) {
        return staleFile(file, changed.getMessage());
      }
    }
    return new UploadException(
        UploadException.Kind.TRANSPORT,
        "uploading "
            + file.fileName()
            + " to "
            + target.shownUrl()
            + " failed: "
            + ServerText.mask(e.getMessage(), target.credentials()),
        target.shownUrl(),
        "check the network, or raise pyrelease.readTimeout / pyrelease.httpAttempts, and publish"
            + " again (a file already there counts as done)");
  }

  private static UploadResult result(
      UploadResult.Status status, UploadTarget target, ReleaseFile file, HttpResponse response) {
    return new UploadResult(
        status, file.fileName(), file.sha256(), response.attempts(), pageOf(target, file));
  }

  /** Where to see the release: PyPI's project page (as twine prints it), else the simple page. */
  static String pageOf(UploadTarget target, ReleaseFile file) {
    String index = target.indexUrl().endsWith("/") ? target.indexUrl() : target.indexUrl() + "/";
    if (index.equals("https://pypi.org/") || index.equals("https://test.pypi.org/")) {
      return index + "project/" + UploadForm.safeName(file.name()) + "/" + file.version() + "/";
    }
    return SecureUrls.redact(
        IndexLocation.of(target.indexUrl()).simpleUrl()
            + ProjectNames.normalize(file.name())
            + "/");
  }

  private static boolean sameOrigin(String a, String b) {
    HttpUrl x = HttpUrl.parse(a);
    HttpUrl y = HttpUrl.parse(b);
    return x != null
        && y != null
        && x.scheme().equals(y.scheme())
        && x.host().equalsIgnoreCase(y.host())
        && x.port() == y.port();
  }

  private static String abbreviated(String text) {
    String line = oneLine(text);
    String shown =
        line.length() <= SHOWN_DESCRIPTION ? line : line.substring(0, SHOWN_DESCRIPTION) + "...";
    return shown + " (" + text.length() + " characters)";
  }

  private static String oneLine(String text) {
    return text.replace("\r", "\\r").replace("\n", "\\n");
  }
}
