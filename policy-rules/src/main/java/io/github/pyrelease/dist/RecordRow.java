package io.github.pyrelease.dist;

/**
 * One row of a wheel's RECORD: {@code path,hash,size}.
 *
 * @param path the file, relative to the wheel's root
 * @param hash {@code algorithm=urlsafe-base64-digest}, or empty
 * @param size the size in bytes as written, or empty
 * @param line the 1-based line in RECORD
 */
public record RecordRow(String path, String hash, String size, int line) {}
