package io.github.pyrelease.publish.plan;

import io.github.pyrelease.PyreleaseException;
import io.github.pyrelease.credentials.CredentialLookup;
import io.github.pyrelease.http.SecureUrls;
import io.github.pyrelease.policyfile.PolicyFileException;
import io.github.pyrelease.policyfile.PolicyProblem;
import io.github.pyrelease.policyfile.Position;
import io.github.pyrelease.policyfile.PublishSection;
import io.github.pyrelease.text.Suggestions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the policy's {@code publish} section into stages, checking every key of every stage and
 * reporting all mistakes at once with file, line and column, as the rest of the policy file is.
 */
public final class PublishPlanReader {

  static final String PYPI_UPLOAD = "https://upload.pypi.org/legacy/";
  static final String TESTPYPI_UPLOAD = "https://test.pypi.org/legacy/";
  static final String GITHUB_API = "https://api.github.com";
  static final String DEFAULT_TAG_FORMAT = "v{version}";
  static final String DEFAULT_PAGES_OUTPUT = "target/pages";
  static final String DEFAULT_NOTIFY_SERVER = "notify";

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final Pattern ENVIRONMENT_VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern REPOSITORY =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]*)/[A-Za-z0-9._-]+");
  private static final List<String> COMMON = List.of("name", "type", "gate");
  private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

  static {
    KEYS.put("index", List.of("url", "index-url", "server", "verify-extra-index"));
    KEYS.put("github-release", List.of("repository", "api-url", "server", "tag-format", "notes"));
    KEYS.put("pages-index", List.of("output", "files-url", "repository", "tag-format"));
    KEYS.put(PublishStage.Notify.TYPE, List.of("server", "webhook-env"));
  }

  private final List<PolicyProblem> problems = new ArrayList<>();

  private PublishPlanReader() {}

  /**
   * The stages of {@code section}, or none when the policy has no {@code publish} section.
   *
   * @throws PolicyFileException listing every mistake in the section
   */
  public static PublishPlan read(PublishSection section) {
    if (section == null) {
      return PublishPlan.empty("the built-in default policy");
    }
    return new PublishPlanReader().readAll(section);
  }

  private PublishPlan readAll(PublishSection section) {
    List<PublishStage> stages = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (PublishSection.Entry entry : section.entries()) {
      PublishStage stage = stage(new EntryValues(entry));
      if (stage != null && !names.add(stage.name())) {
        problem(
            entry.keysAt().getOrDefault("name", entry.at()),
            "a second stage is named '" + stage.name() + "'",
            "give every stage its own name: pyrelease.approve names stages");
        continue;
      }
      if (stage != null) {
        stages.add(stage);
      }
    }
    notifyLast(stages);
    if (!problems.isEmpty()) {
      throw new PolicyFileException(problems);
    }
    return new PublishPlan(stages, section.at().file());
  }

  private PublishStage stage(EntryValues entry) {
    String name = entry.string("name");
    String type = entry.string("type");
    if (name == null) {
      problem(entry.at(), "a publish stage has no 'name'", "add name: pypi (or another name)");
    } else if (!NAME.matcher(name).matches() || name.equals("all")) {
      problem(
          entry.keyAt("name"),
          "'" + name + "' cannot name a stage",
          "use letters, digits, '.', '_' and '-', starting with a letter or digit; 'all' is"
              + " reserved for pyrelease.approve=all");
    }
    if (type == null) {
      problem(
          entry.at(),
          "the publish stage " + (name == null ? "" : "'" + name + "' ") + "has no 'type'",
          "add type: " + String.join(", type: ", KEYS.keySet()));
      return null;
    }
    List<String> keys = KEYS.get(type);
    if (keys == null) {
      problem(
          entry.keyAt("type"),
          "unknown publish stage type '" + type + "'" + Suggestions.didYouMean(type, KEYS.keySet()),
          "choose from " + String.join(", ", KEYS.keySet()));
      return null;
    }
    List<String> known = new ArrayList<>(COMMON);
    known.addAll(keys);
    for (String key : entry.keys()) {
      if (type.equals(PublishStage.Notify.TYPE) && key.contains("url")) {
        problem(
            entry.keyAt(key),
            "a notify stage takes no '"
                + key
                + "': the webhook URL is a secret, and the policy is committed",
            "remove it (and replace the webhook if the policy was pushed); put the URL in the"
                + " environment variable PYRELEASE_NOTIFY_WEBHOOK (webhook-env names another) or"
                + " as the password of the settings.xml <server> the stage's server names"
                + " (default notify)");
      } else if (!known.contains(key)) {
        problem(
            entry.keyAt(key),
            "unknown key '"
                + key
                + "' in a "
                + type
                + " stage"
                + Suggestions.didYouMean(key, known),
            "the keys of a " + type + " stage are " + String.join(", ", known));
      }
    }
    Set<Gate> gates = gates(entry, type);
    if (name == null) {
      return null;
    }
    return switch (type) {
      case "index" -> index(entry, name, gates);
      case "github-release" -> githubRelease(entry, name, gates);
      case PublishStage.Notify.TYPE -> notify(entry, name, gates);
      default -> pagesIndex(entry, name, gates);
    };
  }

  private PublishStage index(EntryValues entry, String name, Set<Gate> gates) {
    String url = entry.string("url");
    if (url == null) {
      url = name.equals("pypi") ? PYPI_UPLOAD : name.equals("testpypi") ? TESTPYPI_UPLOAD : null;
      if (url == null) {
        problem(
            entry.at(),
            "the index stage '" + name + "' has no 'url'",
            "add url: with the index's upload endpoint, such as " + PYPI_UPLOAD);
        return null;
      }
    } else {
      url(entry, "url", url);
    }
    String indexUrl = entry.string("index-url");
    url(entry, "index-url", indexUrl);
    String extra = entry.string("verify-extra-index");
    url(entry, "verify-extra-index", extra);
    String server = entry.string("server");
    return new PublishStage.Index(
        name, url, indexUrl, server == null ? name : server, extra, gates, entry.at());
  }

  private PublishStage githubRelease(EntryValues entry, String name, Set<Gate> gates) {
    String repository = repository(entry);
    String api = entry.string("api-url");
    url(entry, "api-url", api);
    String server = entry.string("server");
    String notes = entry.string("notes");
    if (notes != null && !notes.equals("changelog") && !notes.equals("generated")) {
      problem(
          entry.keyAt("notes"),
          "notes is '"
              + notes
              + "'"
              + Suggestions.didYouMean(notes, List.of("changelog", "generated")),
          "choose changelog (the version's section of the changelog, the default) or generated"
              + " (GitHub's generated notes, after the changelog section)");
    }
    return new PublishStage.GithubRelease(
        name,
        repository,
        api == null ? GITHUB_API : stripSlash(api),
        server == null ? "github" : server,
        tagFormat(entry),
        "generated".equals(notes),
        gates,
        entry.at());
  }

  private PublishStage pagesIndex(EntryValues entry, String name, Set<Gate> gates) {
    String output = entry.string("output");
    String filesUrl = entry.string("files-url");
    if (filesUrl != null) {
      if (!filesUrl.contains("{file}")) {
        problem(
            entry.keyAt("files-url"),
            "files-url '" + filesUrl + "' has no {file}",
            "write where each file is downloaded, such as"
                + " https://github.com/{repository}/releases/download/{tag}/{file}");
      } else {
        url(entry, "files-url", filesUrl.replace("{", "").replace("}", ""));
      }
    }
    return new PublishStage.PagesIndex(
        name,
        output == null ? DEFAULT_PAGES_OUTPUT : output,
        filesUrl,
        repository(entry),
        tagFormat(entry),
        gates,
        entry.at());
  }

  private PublishStage notify(EntryValues entry, String name, Set<Gate> gates) {
    String server = entry.string("server");
    if (server == null) {
      server = DEFAULT_NOTIFY_SERVER;
    }
    String variable = entry.string("webhook-env");
    if (variable == null) {
      variable = CredentialLookup.environmentPrefix(server) + "WEBHOOK";
    } else if (!ENVIRONMENT_VARIABLE.matcher(variable).matches()) {
      problem(
          entry.keyAt("webhook-env"),
          // not echoed: a URL written here by mistake is the secret itself
          "webhook-env is not the name of an environment variable (its value is not shown, in"
              + " case it is the URL)",
          "write the variable's name, not its value (the URL is a secret), such as"
              + " webhook-env: PYRELEASE_NOTIFY_WEBHOOK");
    }
    return new PublishStage.Notify(name, server, variable, gates, entry.at());
  }

  /**
   * A notification tells what the stages before it published: there must be some, and no more after
   * it.
   */
  private void notifyLast(List<PublishStage> stages) {
    PublishStage firstNotify =
        stages.stream().filter(s -> s instanceof PublishStage.Notify).findFirst().orElse(null);
    if (firstNotify == null) {
      return;
    }
    List<PublishStage> after = stages.subList(stages.indexOf(firstNotify), stages.size());
    for (PublishStage stage : after) {
      if (!(stage instanceof PublishStage.Notify)) {
        problem(
            stage.at(),
            "the "
                + stage.type()
                + " stage '"
                + stage.name()
                + "' comes after the notify stage '"
                + firstNotify.name()
                + "'",
            "move notify stages to the end of the publish section: they announce what the stages"
                + " before them published");
      }
    }
    if (stages.stream().allMatch(s -> s instanceof PublishStage.Notify)) {
      problem(
          firstNotify.at(),
          "the notify stage '" + firstNotify.name() + "' has no stage before it to announce",
          "put the stages that publish (index, github-release, pages-index) before it");
    }
  }

  private Set<Gate> gates(EntryValues entry, String type) {
    Set<Gate> gates = EnumSet.noneOf(Gate.class);
    for (String id : entry.strings("gate")) {
      Gate gate = Gate.fromId(id).orElse(null);
      if (gate == null) {
        problem(
            entry.keyAt("gate"),
            "unknown gate '" + id + "'" + Suggestions.didYouMean(id, Gate.ids()),
            "choose from " + String.join(", ", Gate.ids()));
      } else if (gate == Gate.VERIFY_INSTALL && !type.equals("index")) {
        problem(
            entry.keyAt("gate"),
            "verify-install installs from a package index, and a " + type + " stage is none",
            "put gate: verify-install on an index stage (such as testpypi)");
      } else {
        gates.add(gate);
      }
    }
    return gates;
  }

  private String repository(EntryValues entry) {
    String repository = entry.string("repository");
    if (repository != null && !REPOSITORY.matcher(repository).matches()) {
      problem(
          entry.keyAt("repository"),
          "repository '" + repository + "' is not owner/name",
          "write the GitHub repository as owner/name, such as acme/widgets");
    }
    return repository;
  }

  private String tagFormat(EntryValues entry) {
    String format = entry.string("tag-format");
    if (format == null) {
      return DEFAULT_TAG_FORMAT;
    }
    if (!format.contains("{version}")) {
      problem(
          entry.keyAt("tag-format"),
          "tag-format '" + format + "' has no {version}",
          "write how release tags are named, such as v{version}");
    }
    return format;
  }

  private void url(EntryValues entry, String key, String url) {
    if (url == null) {
      return;
    }
    try {
      SecureUrls.require(url, key);
    } catch (PyreleaseException e) {
      problem(entry.keyAt(key), e.getMessage(), e.fix());
    }
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private void problem(Position where, String message, String fix) {
    problems.add(new PolicyProblem(where, message, fix));
  }

  /** A stage's raw values with typed access; a wrong type is a problem at the key. */
  private final class EntryValues {
    private final PublishSection.Entry entry;

    EntryValues(PublishSection.Entry entry) {
      this.entry = entry;
    }

    Position at() {
      return entry.at();
    }

    Position keyAt(String key) {
      return entry.keysAt().getOrDefault(key, entry.at());
    }

    Set<String> keys() {
      return entry.values().keySet();
    }

    String string(String key) {
      Object value = entry.values().get(key);
      if (value == null) {
        return null;
      }
      if (value instanceof String s && !s.isBlank()) {
        return s.strip();
      }
      problem(
          keyAt(key),
          key + " must be a non-empty string, not " + describe(value),
          "write " + key + ": <text>");
      return null;
    }

    List<String> strings(String key) {
      Object value = entry.values().get(key);
      if (value == null) {
        return List.of();
      }
      if (value instanceof String s) {
        return List.of(s.strip());
      }
      if (value instanceof List<?> list && list.stream().allMatch(v -> v instanceof String)) {
        return list.stream().map(v -> ((String) v).strip()).toList();
      }
      problem(
          keyAt(key),
          key + " must be a name or a list of names, not " + describe(value),
          "write " + key + ": approval, or " + key + ": [verify-install, approval]");
      return List.of();
    }

    private static String describe(Object value) {
      if (value instanceof List<?>) {
        return "a list";
      }
      if (value instanceof Map<?, ?>) {
        return "a map";
      }
      if (value instanceof String) {
        return "an empty string";
      }
      return "'" + value + "'";
    }
  }
}
