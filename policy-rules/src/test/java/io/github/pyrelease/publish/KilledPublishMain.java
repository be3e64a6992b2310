package io.github.pyrelease.publish;

import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.credentials.ServerCredentials;
import io.github.pyrelease.dist.ReleaseFiles;
import io.github.pyrelease.http.HttpClient;
import io.github.pyrelease.http.HttpSettings;
import io.github.pyrelease.policyfile.Position;
import io.github.pyrelease.publish.plan.PublishPlan;
import io.github.pyrelease.publish.plan.PublishStage;
import io.github.pyrelease.publish.state.PublishStateFile;
import io.github.pyrelease.upload.UploadCredentials;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Publishes a release through two index stages, {@code a} then {@code b}, and stops for good after
 * the step named by the last argument, so that {@link KilledPublishTest} can kill the process
 * there: {@code <dist> <out> <index url> <token> <step>}. Without a step it runs to the end.
 */
public final class KilledPublishMain {

  private KilledPublishMain() {}

  public static void main(String[] args) throws InterruptedException {
    Path dist = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String index = args[2];
    String token = args[3];
    String stopAt = args.length > 4 ? args[4] : null;
    publisher(out, index, token, stopAt)
        .publish(
            new Release(
                "acme-widgets", "1.4.0", ReleaseFiles.read(dist), "acme-widgets 1.4.0", "", false));
    System.out.println("FINISHED");
  }

  static Publisher publisher(Path out, String index, String token, String stopAt) {
    PublishPlan plan =
        new PublishPlan(List.of(stage("a", index), stage("b", index)), "release-policy.yaml");
    CredentialLookup credentials =
        new CredentialLookup(
            ServerCredentials.none(),
            Map.of("PYRELEASE_A_TOKEN", token, "PYRELEASE_B_TOKEN", token));
    HttpClient http = new HttpClient(HttpSettings.defaults("pyrelease-test")).forUploads();
    IndexUploadRunner runner =
        new IndexUploadRunner(
            http, new UploadCredentials(credentials, out.resolve("no-pypirc"), http, line -> {}));
    PublishLog log = PublishLog.of(System.out::println, System.out::println);
    return new Publisher(
        plan,
        stage -> runner,
        new Approvals(null, Approvals.Prompter.NONE, "{stage}"),
        (stage, release) -> "not asked",
        new PublishStateFile(out),
        log,
        Clock.systemUTC(),
        credentials::maskAll,
        step -> {
          if (step.equals(stopAt)) {
            System.out.println("STOPPED AFTER " + step);
            System.out.flush();
            try {
              Thread.sleep(Long.MAX_VALUE); // until the test kills the process
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
        });
  }

  private static PublishStage.Index stage(String name, String index) {
    return new PublishStage.Index(
        name,
        index + name + "/legacy/",
        index + name + "/",
        name,
        null,
        Set.of(),
        new Position("release-policy.yaml", 1, 1));
  }
}
