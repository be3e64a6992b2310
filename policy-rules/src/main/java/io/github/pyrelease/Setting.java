package io.github.pyrelease;

import java.util.function.Function;

/**
 * A user-facing setting that both front ends have, with each one's spelling: a fix that names a
 * setting is written once ({@link Hint}) and shown the way the front end that shows it spells it.
 */
public enum Setting {
  PROJECT_DIR("projectDir", v -> "the DIR argument (pyrelease check " + v + ")"),
  BUMP("bump", v -> "pyrelease version bump " + v),
  NEW_VERSION("newVersion", v -> "--to " + v),
  FORCE("force", v -> v.equals("true") ? "--force" : "no --force"),
  COMMIT("commit", v -> v.equals("false") ? "--no-commit" : "without --no-commit"),
  TAG("tag", v -> v.equals("false") ? "--no-tag" : "without --no-tag"),
  PUSH("push", v -> v.equals("true") ? "--push" : "no --push"),
  ALLOW_DIRTY("allowDirty", v -> v.equals("true") ? "--allow-dirty" : "no --allow-dirty"),
  PYTHON("python", v -> "--python " + v),
  ISOLATED("isolated", v -> v.equals("true") ? "--isolated" : "no --isolated");

  private final String property;
  private final Function<String, String> cli;

  Setting(String property, Function<String, String> cli) {
    this.property = "pyrelease." + property;
    this.cli = cli;
  }

  /** The Maven user property, such as {@code pyrelease.force}. */
  public String property() {
    return property;
  }

  /** This setting given {@code value}, to put in a {@link Hint}. */
  public Use is(String value) {
    return new Use(this, value);
  }

  /** A setting with a value, as a front end spells it. */
  public record Use(Setting setting, String value) {

    public String render(FrontEnd frontEnd) {
      return frontEnd == FrontEnd.MAVEN
          ? "-D" + setting.property + "=" + value
          : setting.cli.apply(value);
    }
  }
}
