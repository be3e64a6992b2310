package io.github.pyrelease.project;

import java.util.List;

/**
 * How setuptools_scm (directly, or through hatch-vcs) is configured to compute the version from
 * git: the settings of {@code [tool.setuptools_scm]}, or hatch-vcs's {@code [tool.hatch.version]}
 * {@code tag-pattern}, {@code fallback-version} and {@code raw-options}.
 *
 * @param tool the label of the version source ({@code hatch-vcs}, {@code setuptools_scm})
 * @param where {@code file:line} of the configuration
 * @param root the repository's work tree, relative to the project ({@code .} by default)
 * @param tagRegex the Python regular expression that finds the version in a tag, or {@code null}
 *     for setuptools_scm's default
 * @param versionScheme {@code version_scheme}
 * @param localScheme {@code local_scheme}
 * @param fallbackVersion the version outside a git work tree, or {@code null}
 * @param searchParentDirectories whether the work tree may be a parent of {@code root}
 * @param distName the distribution name for {@code SETUPTOOLS_SCM_PRETEND_VERSION_FOR_<NAME>}, or
 *     {@code null}
 * @param unsupported settings that change the version in ways pyrelease does not compute ({@code
 *     git_describe_command = ...}), each as {@code key = value}
 */
public record ScmSettings(
    String tool,
    String where,
    String root,
    String tagRegex,
    String versionScheme,
    String localScheme,
    String fallbackVersion,
    boolean searchParentDirectories,
    String distName,
    List<String> unsupported) {

  public static final String DEFAULT_VERSION_SCHEME = "guess-next-dev";
  public static final String DEFAULT_LOCAL_SCHEME = "node-and-date";

  public ScmSettings {
    unsupported = List.copyOf(unsupported);
  }
}
