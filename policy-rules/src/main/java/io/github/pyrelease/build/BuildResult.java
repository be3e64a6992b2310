package io.github.pyrelease.build;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a build produced.
 *
 * @param sdist the source distribution
 * @param wheel the wheel built from it
 * @param backend the build backend that ran
 * @param sourceDateEpoch the SOURCE_DATE_EPOCH the build ran with, or {@code null}
 * @param took how long the build took
 */
public record BuildResult(
    Path sdist, Path wheel, String backend, Long sourceDateEpoch, Duration took) {}
