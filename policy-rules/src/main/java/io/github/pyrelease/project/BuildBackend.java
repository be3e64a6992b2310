package io.github.pyrelease.project;

/** The build backends whose version configuration pyrelease follows. */
enum BuildBackend {
  SETUPTOOLS("setuptools"),
  HATCHLING("hatchling"),
  FLIT("flit_core"),
  PDM("pdm-backend"),
  POETRY("poetry-core"),
  OTHER("the build backend");

  private final String displayName;

  BuildBackend(String displayName) {
    this.displayName = displayName;
  }

  String displayName() {
    return displayName;
  }

  /**
   * The backend a {@code [build-system] build-backend} names; {@code null} (no build-system) means
   * setuptools, as PEP 517 front ends fall back to {@code setuptools.build_meta:__legacy__}.
   */
  static BuildBackend of(String buildBackend) {
    if (buildBackend == null) {
      return SETUPTOOLS;
    }
    String module = buildBackend.strip();
    int colon = module.indexOf(':');
    module = colon < 0 ? module : module.substring(0, colon);
    return switch (module) {
      case "setuptools.build_meta" -> SETUPTOOLS;
      case "hatchling.build" -> HATCHLING;
      case "flit_core.buildapi", "flit.buildapi" -> FLIT;
      case "pdm.backend", "pdm.pep517.api" -> PDM;
      case "poetry.core.masonry.api", "poetry.masonry.api", "poetry_dynamic_versioning.backend" ->
          POETRY;
      default -> OTHER;
    };
  }
}
