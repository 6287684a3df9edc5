/**
 * The standard pattern library ({@code src/main/resources/vigil/library/*.vigil}, listed in
 * {@code index.txt}) and {@link dev.vigil.patterns.library.PatternLoader}, which loads it
 * together with the user's {@code --patterns} files.
 */
package dev.vigil.patterns.library;
