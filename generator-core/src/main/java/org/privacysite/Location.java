package org.privacysite;

import java.nio.file.Path;

/**
 * A place in a source file: 1-based line and column; 0 means "unknown".
 * Printed as {@code path:line:col}, the form editors and CI annotate.
 */
public record Location(Path file, int line, int column) {

    public static Location of(Path file) {
        return new Location(file, 0, 0);
    }

    /** The same file at another line and column. */
    public Location at(int line, int column) {
        return new Location(file, line, column);
    }

    /** The file path as shown to users: relative to the working directory when below it. */
    public String displayPath() {
        Path absolute = file.toAbsolutePath().normalize();
        Path cwd = Path.of("").toAbsolutePath();
        String shown = absolute.startsWith(cwd) ? cwd.relativize(absolute).toString() : absolute.toString();
        return shown.replace('\\', '/');
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return displayPath();
        }
        return displayPath() + ":" + line + (column > 0 ? ":" + column : "");
    }
}
