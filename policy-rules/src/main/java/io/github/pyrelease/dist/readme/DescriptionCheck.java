package io.github.pyrelease.dist.readme;

import java.util.List;

/**
 * Whether a long description renders on PyPI, and who decided.
 *
 * @param status the verdict
 * @param checker who decided: pyrelease's own reStructuredText check, or readme_renderer with its
 *     version and interpreter
 * @param messages the renderer's messages when it fails, or why it was not checked
 */
public record DescriptionCheck(Status status, String checker, List<String> messages) {

  public enum Status {
    /** Renders. */
    RENDERS,
    /** Would not render: twine check fails, PyPI refuses the upload. */
    FAILS,
    /** Markdown or plain text: twine does not render it, and it cannot fail to render. */
    NOT_RENDERED,
    /** Could not be decided (no interpreter with readme_renderer). */
    UNCHECKED,
    /** There is no long description. */
    ABSENT
  }

  public DescriptionCheck {
    messages = List.copyOf(messages);
  }
}
