package io.github.pyrelease.dist.readme;

import java.util.List;

/**
 * What pyrelease's own reStructuredText check concluded.
 *
 * @param outcome valid, invalid, or undecided (the text uses markup the check does not model, so
 *     docutils must decide)
 * @param messages docutils-style messages ({@code line 3: Warning: Title underline too short.})
 *     when invalid, else the reason it is undecided
 */
public record RstVerdict(Outcome outcome, List<String> messages) {

  public enum Outcome {
    VALID,
    INVALID,
    UNDECIDED
  }

  public RstVerdict {
    messages = List.copyOf(messages);
  }

  static RstVerdict valid() {
    return new RstVerdict(Outcome.VALID, List.of());
  }

  static RstVerdict invalid(List<String> messages) {
    return new RstVerdict(Outcome.INVALID, messages);
  }

  static RstVerdict undecided(String why) {
    return new RstVerdict(Outcome.UNDECIDED, List.of(why));
  }
}
