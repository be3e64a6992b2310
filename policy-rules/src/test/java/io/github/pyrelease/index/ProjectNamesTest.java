package io.github.pyrelease.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProjectNamesTest {

  @Test
  void normalisesAsPep503Says() {
    assertThat(ProjectNames.normalize("Friendly.Bard")).isEqualTo("friendly-bard");
    assertThat(ProjectNames.normalize("foo__bar")).isEqualTo("foo-bar");
    assertThat(ProjectNames.normalize("Zope.Interface")).isEqualTo("zope-interface");
    assertThat(ProjectNames.normalize("A-._.-B")).isEqualTo("a-b");
    assertThat(ProjectNames.normalize("PyYAML")).isEqualTo("pyyaml");
  }

  @Test
  void validNamesStartAndEndWithALetterOrDigit() {
    assertThat(ProjectNames.isValid("acme-widgets")).isTrue();
    assertThat(ProjectNames.isValid("a")).isTrue();
    assertThat(ProjectNames.isValid("-acme")).isFalse();
    assertThat(ProjectNames.isValid("acme\n")).isFalse();
    assertThat(ProjectNames.isValid("acme widgets")).isFalse();
  }

  @Test
  void fileNamesGiveTheirVersionForTheirProjectOnly() {
    assertThat(DistributionFiles.versionOf("acme_widgets-1.2.0-py3-none-any.whl", "acme-widgets"))
        .map(Object::toString)
        .hasValue("1.2.0");
    assertThat(DistributionFiles.versionOf("acme_widgets-1.2.0-1-py3-none-any.whl", "acme-widgets"))
        .map(Object::toString)
        .hasValue("1.2.0");
    assertThat(DistributionFiles.versionOf("Acme.Widgets-1.2rc1.tar.gz", "acme-widgets"))
        .map(Object::toString)
        .hasValue("1.2rc1");
    assertThat(DistributionFiles.versionOf("acme-widgets-2.0.zip", "acme-widgets"))
        .map(Object::toString)
        .hasValue("2.0");
    assertThat(DistributionFiles.versionOf("acme_widgets-0.9-py2.7.egg", "acme-widgets"))
        .map(Object::toString)
        .hasValue("0.9");
    assertThat(DistributionFiles.versionOf("acme-widgets-extra-1.0.tar.gz", "acme-widgets"))
        .isEmpty();
    assertThat(DistributionFiles.versionOf("other-1.0.tar.gz", "acme-widgets")).isEmpty();
  }
}
