package io.github.pyrelease.publish.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.pyrelease.policy.rules.BuiltInRules;
import io.github.pyrelease.policyfile.LoadedPolicy;
import io.github.pyrelease.policyfile.PolicyFileException;
import io.github.pyrelease.policyfile.PolicyLoader;
import io.github.pyrelease.policyfile.PolicySources;
import io.github.pyrelease.policyfile.Position;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PublishPlanReaderTest {

  @TempDir Path dir;

  @Test
  void readsTheDesignsFourStagesWithTheirDefaults() throws IOException {
    PublishPlan plan =
        plan(
            """
            publish:
              - { name: testpypi, type: index, gate: verify-install }
              - { name: pypi, type: index, server: pypi-upload, gate: approval }
              - { name: github, type: github-release, repository: acme/tool, notes: generated }
              - { name: pages, type: pages-index, output: site }
            """);

    assertThat(plan.stages())
        .extracting(PublishStage::name)
        .containsExactly("testpypi", "pypi", "github", "pages");
    PublishStage.Index testpypi = (PublishStage.Index) plan.stages().get(0);
    assertThat(testpypi.uploadUrl()).isEqualTo("https://test.pypi.org/legacy/");
    assertThat(testpypi.serverId()).isEqualTo("testpypi");
    assertThat(testpypi.gates()).containsExactly(Gate.VERIFY_INSTALL);
    assertThat(testpypi.at()).isEqualTo(new Position("release-policy.yaml", 2, 5));
    PublishStage.Index pypi = (PublishStage.Index) plan.stages().get(1);
    assertThat(pypi.uploadUrl()).isEqualTo("https://upload.pypi.org/legacy/");
    assertThat(pypi.serverId()).isEqualTo("pypi-upload");
    assertThat(pypi.gates()).containsExactly(Gate.APPROVAL);
    PublishStage.GithubRelease github = (PublishStage.GithubRelease) plan.stages().get(2);
    assertThat(github.apiUrl()).isEqualTo("https://api.github.com");
    assertThat(github.serverId()).isEqualTo("github");
    assertThat(github.tagFormat()).isEqualTo("v{version}");
    assertThat(github.generatedNotes()).isTrue();
    PublishStage.PagesIndex pages = (PublishStage.PagesIndex) plan.stages().get(3);
    assertThat(pages.output()).isEqualTo("site");
    assertThat(pages.filesUrl()).isNull();
    assertThat(plan.githubRepository()).contains("acme/tool");
  }

  @Test
  void gatesMayBeAList() throws IOException {
    PublishPlan plan =
        plan(
            """
            publish:
              - name: staging
                type: index
                url: http://127.0.0.1:8080/legacy/
                index-url: http://127.0.0.1:8080/simple/
                gate: [approval, verify-install]
            """);
    assertThat(plan.stages().get(0).gates()).isEqualTo(Set.of(Gate.APPROVAL, Gate.VERIFY_INSTALL));
  }

  @Test
  void withoutAPublishSectionThereAreNoStages() throws IOException {
    assertThat(plan("rules: {}\n").isEmpty()).isTrue();
  }

  @Test
  void reportsEveryMistakeAtOnceWithPlacesAndChoices() throws IOException {
    assertThatThrownBy(
            () ->
                plan(
                    """
                    publish:
                      - { name: pypi, type: indx }
                      - { name: corp, type: index }
                      - { name: gh, type: github-release, repo: acme/tool, repository: acme }
                      - { name: pages, type: pages-index, gate: verify-install }
                      - { name: web, type: index, url: "http://pypi.example.com/legacy/" }
                      - { name: pypi, type: index, gate: aproval }
                      - { type: index }
                      - { name: all, type: index }
                      - { name: tags, type: github-release, tag-format: "release-1", notes: 3 }
                    """))
        .isInstanceOf(PolicyFileException.class)
        .satisfies(
            e -> {
              String message = e.getMessage();
              assertThat(message)
                  .contains(
                      "release-policy.yaml:2:19: unknown publish stage type 'indx'; did you mean"
                          + " 'index'?")
                  .contains("release-policy.yaml:3:5: the index stage 'corp' has no 'url'")
                  .contains(
                      "release-policy.yaml:4:39: unknown key 'repo' in a github-release stage")
                  .contains("repository 'acme' is not owner/name")
                  .contains(
                      "release-policy.yaml:5:39: verify-install installs from a package index")
                  .contains("refusing plain http to pypi.example.com")
                  .contains("unknown gate 'aproval'; did you mean 'approval'?")
                  .contains("a publish stage has no 'name'")
                  .contains("'all' cannot name a stage")
                  .contains("tag-format 'release-1' has no {version}")
                  .contains("notes must be a non-empty string, not '3'");
              assertThat(((PolicyFileException) e).problems()).hasSize(12);
            });
  }

  @Test
  void twoStagesWithOneNameAreRefused() {
    assertThatThrownBy(
            () ->
                plan(
                    """
                    publish:
                      - { name: pypi, type: index }
                      - { name: pypi, type: index }
                    """))
        .isInstanceOf(PolicyFileException.class)
        .satisfies(
            e ->
                assertThat(((PolicyFileException) e).describe())
                    .startsWith("release-policy.yaml:3:7: a second stage is named 'pypi'"));
  }

  @Test
  void aNotifyStageRunsLastAndNamesWhereItsSecretUrlComesFrom() throws IOException {
    PublishPlan plan =
        plan(
            """
            publish:
              - { name: pypi, type: index }
              - { name: notify, type: notify }
              - { name: chat, type: notify, server: acme-chat, webhook-env: CHAT_HOOK }
            """);

    assertThat(plan.publishing()).extracting(PublishStage::name).containsExactly("pypi");
    assertThat(plan.notifications())
        .extracting(PublishStage::name)
        .containsExactly("notify", "chat");
    PublishStage.Notify notify = (PublishStage.Notify) plan.stages().get(1);
    assertThat(notify.type()).isEqualTo("notify");
    assertThat(notify.serverId()).isEqualTo("notify");
    assertThat(notify.webhookEnv()).isEqualTo("PYRELEASE_NOTIFY_WEBHOOK");
    PublishStage.Notify chat = (PublishStage.Notify) plan.stages().get(2);
    assertThat(chat.serverId()).isEqualTo("acme-chat");
    assertThat(chat.webhookEnv()).isEqualTo("CHAT_HOOK");
  }

  @Test
  void aNotifyStageBeforeAPublishingOneOrAUrlInThePolicyIsRefused() {
    String secret = "https://hooks.slack.com/services/T1/B2/committed-by-mistake";
    assertThatThrownBy(
            () ->
                plan(
                    """
                    publish:
                      - { name: notify, type: notify, url: "%s" }
                      - { name: pypi, type: index }
                      - { name: late, type: notify, webhook-env: "https://x" }
                    """
                        .formatted(secret)))
        .isInstanceOf(PolicyFileException.class)
        .satisfies(
            e -> {
              String message = e.getMessage();
              assertThat(message)
                  .contains(
                      "release-policy.yaml:2:35: a notify stage takes no 'url': the webhook URL is"
                          + " a secret, and the policy is committed")
                  .contains(
                      "release-policy.yaml:3:5: the index stage 'pypi' comes after the notify"
                          + " stage 'notify'")
                  .contains("move notify stages to the end of the publish section")
                  .contains(
                      "release-policy.yaml:4:33: webhook-env is not the name of an environment"
                          + " variable")
                  .doesNotContain("committed-by-mistake")
                  .doesNotContain("https://x");
              assertThat(((PolicyFileException) e).problems()).hasSize(3);
            });
  }

  @Test
  void aNotifyStageAloneHasNothingToAnnounce() {
    assertThatThrownBy(() -> plan("publish:\n  - { name: notify, type: notify }\n"))
        .isInstanceOf(PolicyFileException.class)
        .hasMessageContaining("the notify stage 'notify' has no stage before it to announce");
  }

  private PublishPlan plan(String yaml) throws IOException {
    Files.writeString(dir.resolve("release-policy.yaml"), yaml);
    LoadedPolicy loaded =
        new PolicyLoader(BuiltInRules.registry(), PolicySources.defaults(java.util.Map.of()))
            .load("release-policy.yaml", dir, dir);
    return PublishPlanReader.read(loaded.publish());
  }
}
