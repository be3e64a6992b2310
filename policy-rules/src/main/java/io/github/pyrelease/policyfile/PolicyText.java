package io.github.pyrelease.policyfile;

/**
 * A policy file's text and where it came from.
 *
 * @param location the source
 * @param text the whole file, decoded
 */
record PolicyText(PolicyLocation location, String text) {}
