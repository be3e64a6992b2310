package io.github.pyrelease.policy;

import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.readme.DescriptionCheck;
import java.util.List;

/** What rules of stage {@code dist} may know: the built distributions, read. */
public interface DistributionFacts {

  /** Where the distributions were looked for, as the user names it ({@code target/dist}). */
  String directory();

  /** Every distribution file found there, read; empty when there is none. */
  List<Distribution> all();

  /** Whether the long description of {@code distribution} renders on PyPI, and who decided. */
  DescriptionCheck description(Distribution distribution);
}
