package io.github.pyrelease.dist;

/**
 * One header of a core metadata file.
 *
 * @param name the field name as written (compare case-insensitively)
 * @param value the value, continuation lines unfolded
 * @param line the 1-based line the field starts on
 */
public record MetadataField(String name, String value, int line) {}
