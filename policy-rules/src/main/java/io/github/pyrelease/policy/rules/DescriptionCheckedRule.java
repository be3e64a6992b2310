package io.github.pyrelease.policy.rules;

import io.github.pyrelease.dist.CoreMetadata;
import io.github.pyrelease.dist.Distribution;
import io.github.pyrelease.dist.DistributionKind;
import io.github.pyrelease.dist.readme.DescriptionCheck;
import io.github.pyrelease.policy.AbstractRule;
import io.github.pyrelease.policy.DistributionFacts;
import io.github.pyrelease.policy.Evidence;
import io.github.pyrelease.policy.Facts;
import io.github.pyrelease.policy.Finding;
import io.github.pyrelease.policy.Level;
import io.github.pyrelease.policy.Stage;
import io.github.pyrelease.policy.Verdict;
import java.util.List;

/**
 * Before anything is uploaded, every long description is known to render on PyPI: one that fails is
 * refused by the index, and one nobody could decide (pyrelease's own check cannot, and no
 * interpreter has readme_renderer) may be. At {@code dist} the same undecided description is only a
 * warning of {@code dist-metadata}; here it stops the release unless the policy lowers this rule.
 */
public final class DescriptionCheckedRule extends AbstractRule {

  public DescriptionCheckedRule() {
    super(
        "description-checked",
        Stage.RELEASE,
        Level.ERROR,
        "every long description to be uploaded was checked and renders on PyPI (an unchecked one"
            + " stops the release)");
  }

  @Override
  public Verdict evaluate(Facts facts) {
    DistributionFacts dists = facts.distributions();
    return Dists.each(
        dists,
        "long descriptions",
        d -> d.kind() != DistributionKind.OTHER && d.metadata() != null,
        (d, findings) -> check(d, dists.description(d), findings));
  }

  private void check(Distribution d, DescriptionCheck check, List<Finding> findings) {
    CoreMetadata m = d.metadata();
    Evidence where =
        Dists.inside(d, m.path(), m.descriptionLine(), "long description, " + check.checker());
    switch (check.status()) {
      case UNCHECKED ->
          findings.add(
              Finding.of(
                  d.fileName() + ":description-unchecked",
                  "the long description of "
                      + d.fileName()
                      + " could not be checked, and PyPI refuses an upload whose description does"
                      + " not render: "
                      + String.join("; ", check.messages()),
                  List.of(where),
                  "install readme_renderer for the interpreter in pyrelease.python (Debian/Ubuntu:"
                      + " apt install python3-readme-renderer; else pip install readme_renderer),"
                      + " or, having checked it yourself with 'twine check', set "
                      + id()
                      + ": warning in the policy"));
      case FAILS ->
          findings.add(
              Finding.of(
                  d.fileName() + ":description",
                  "the long description of "
                      + d.fileName()
                      + " does not render, so PyPI refuses the upload (decided by "
                      + check.checker()
                      + "): "
                      + String.join("; ", check.messages()),
                  List.of(where),
                  "fix the markup in the README and rebuild (dist-metadata says where)"));
      default -> {}
    }
  }
}
