package io.github.pyrelease.publish;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.Secret;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpRequest;
import io.github.pyrelease.http.HttpResponse;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.http.HttpTransportException;
import io.github.pyrelease.publish.plan.PublishPlan;
import io.github.pyrelease.publish.plan.PublishStage;
import io.github.pyrelease.publish.state.PublishState;
import io.github.pyrelease.publish.state.PublishStateFile;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.RequestBody;

/**
 * The {@code notify} stage: posts what the stages before it published (as published.json has it) to
 * a webhook, once. The URL is a secret: it comes from settings.xml or the environment, never from
 * the policy, and only its scheme and host are ever shown or recorded.
 */
final class NotifyRunner implements StageRunner {

  /** The longest one attempt may take: a slow chat service must not hold a release up. */
  static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
  private static final int FIRST_LINE = 200;

  private final HttpClient http;
  private final CredentialLookup credentials;
  private final PublishStateFile stateFile;
  private final PublishPlan plan;

  /**
   * @param stateFile the record the summary is made from, written after every step
   * @param plan the stages a dry run names before they have run
   */
  NotifyRunner(
      HttpSettings settings,
      CredentialLookup credentials,
      PublishStateFile stateFile,
      PublishPlan plan) {
    Duration call = settings.callTimeout();
    this.http =
        new HttpClient(
            settings.withCallTimeout(
                call.isZero() || call.compareTo(CALL_TIMEOUT) > 0 ? CALL_TIMEOUT : call));
    this.credentials = credentials;
    this.stateFile = stateFile;
    this.plan = plan;
  }

  @Override
  public String target(PublishStage stage, Release release) {
    return webhook((PublishStage.Notify) stage)
        .map(url -> "webhook " + url.shown())
        .orElse("webhook (no URL yet)");
  }

  @Override
  public List<String> describe(PublishStage stage, Release release) {
    PublishStage.Notify notify = (PublishStage.Notify) stage;
    List<String> lines = new ArrayList<>();
    Optional<WebhookUrl> url = webhook(notify);
    if (url.isPresent()) {
      lines.add(
          "would POST this JSON to the webhook at "
              + url.get().shown()
              + " (the URL from "
              + url.get().origin()
              + "), following no redirect; the URLs are those recorded so far, a run sends every"
              + " stage's:");
    } else {
      lines.add("no webhook URL yet: " + whereUrlsGo(notify));
      lines.add("would POST this JSON (the URLs recorded so far; a run sends every stage's):");
    }
    lines.addAll(new ReleaseAnnouncement(new PublishedRecord(preview(release))).prettyLines());
    return url.map(u -> lines.stream().map(u::maskIn).toList()).orElse(lines);
  }

  @Override
  public void publish(PublishStage stage, Release release, StageProgress progress) {
    PublishStage.Notify notify = (PublishStage.Notify) stage;
    WebhookUrl url =
        webhook(notify)
            .orElseThrow(
                () ->
                    new PyreleaseException(
                        "the release is published, but the notify stage '"
                            + stage.name()
                            + "' has no webhook URL",
                        stage.at().toString(),
                        whereUrlsGo(notify) + "; " + runAgain()));
    progress.log("posting the release's summary to " + url.shown() + " (" + url.origin() + ")");
    HttpRequest request =
        new HttpRequest(
            "POST",
            url.reveal(),
            Map.of("Accept", "application/json, text/plain, */*"),
            null,
            RequestBody.create(announcement(release).json(), JSON),
            false);
    HttpResponse response;
    try {
      response = http.send(request);
    } catch (HttpTransportException e) {
      throw failed(
          notify,
          url,
          e.getMessage(),
          "run publish again when " + url.shown() + " answers; " + runAgain());
    } catch (PyreleaseException e) {
      throw failed(notify, url, e.getMessage(), e.fix());
    }
    if (!response.successful()) {
      throw failed(notify, url, answered(response, url), fix(response, url));
    }
    progress.detail("status", String.valueOf(response.status()));
    progress.log(url.shown() + " answered " + response.status());
  }

  /** The summary of what the state file records of this release. */
  private ReleaseAnnouncement announcement(Release release) {
    return new ReleaseAnnouncement(new PublishedRecord(recorded(release)));
  }

  private PublishState recorded(Release release) {
    return stateFile
        .read()
        .filter(s -> s.project().equals(release.project()) && s.version().equals(release.version()))
        .orElseGet(() -> new PublishState(release.project(), release.version()));
  }

  /** For a dry run: what is recorded, and the stages that have not run yet, without URLs. */
  private PublishState preview(Release release) {
    PublishState state = recorded(release);
    plan.publishing().forEach(stage -> state.stageFor(stage.name(), stage.type(), ""));
    return state;
  }

  /** settings.xml's server, then the stage's environment variable. */
  private Optional<WebhookUrl> webhook(PublishStage.Notify stage) {
    String where = stage.at().toString();
    Optional<WebhookUrl> configured =
        credentials
            .fromBuild(stage.serverId())
            .map(c -> WebhookUrl.of(c.password(), c.origin(), where));
    if (configured.isPresent()) {
      return configured;
    }
    String value = credentials.environment().get(stage.webhookEnv());
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(WebhookUrl.of(Secret.of(value), "environment " + stage.webhookEnv(), where));
  }

  /** "answered 500 Server Error (gave up after 3 attempts): <first line of the body>". */
  private static String answered(HttpResponse response, WebhookUrl url) {
    String line =
        response.text().lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
    if (line.length() > FIRST_LINE) {
      line = line.substring(0, FIRST_LINE) + "...";
    }
    return "the webhook at "
        + url.shown()
        + " answered "
        + response.status()
        + (response.reason().isBlank() ? "" : " " + response.reason())
        + (response.retryNote() == null ? "" : " (" + response.retryNote() + ")")
        + (line.isEmpty() ? "" : ": " + line);
  }

  private static String fix(HttpResponse response, WebhookUrl url) {
    int status = response.status();
    if (status >= 300 && status < 400) {
      String location = response.header("location");
      HttpUrl next = location == null ? null : HttpUrl.parse(url.reveal()).resolve(location);
      return "a webhook answers at its own URL, and redirects are not followed (this one points"
          + (next == null ? " elsewhere" : " to " + WebhookUrl.shown(next))
          + "): give the URL the service shows for the webhook in "
          + url.origin()
          + "; "
          + runAgain();
    }
    if (status >= 400 && status < 500 && status != 429) {
      return "check the webhook URL in "
          + url.origin()
          + " (a removed or mistyped webhook answers 403, 404 or 410); "
          + runAgain();
    }
    return "run publish again when " + url.shown() + " answers; " + runAgain();
  }

  /** The failure, masked; without its cause, whose message may hold the URL. */
  private static PyreleaseException failed(
      PublishStage.Notify stage, WebhookUrl url, String what, String fix) {
    return new PyreleaseException(
        "the release is published, but the notify stage '"
            + stage.name()
            + "' failed: "
            + url.maskIn(what),
        stage.at().toString(),
        url.maskIn(fix == null ? runAgain() : fix));
  }

  private static String runAgain() {
    return "the stages done are skipped on the next run and only the notification is sent"
        + " (published.json lists the release's URLs meanwhile)";
  }

  private static String whereUrlsGo(PublishStage.Notify stage) {
    return "put the webhook URL in the environment variable "
        + stage.webhookEnv()
        + ", or as the password of a <server> with <id>"
        + stage.serverId()
        + "</id> in ~/.m2/settings.xml (never in the POM or the policy: it is a secret)";
  }
}
