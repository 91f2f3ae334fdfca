package org.privacysite.reliability;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.privacysite.cli.Main;

/** The CLI run in this JVM, as CI runs it: exit code, standard output and standard error. */
final class Cli {

    /** One run of the CLI. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout ---\n" + out + "\n--- stderr ---\n" + err;
        }
    }

    private Cli() {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Run build(Path content, Path templates, Path output, String... options) {
        List<String> args = new ArrayList<>(List.of("build", "--content", content.toString(),
                "--templates", templates.toString(), "--out", output.toString()));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }

    static Run check(Path content, Path templates, String... options) {
        List<String> args = new ArrayList<>(List.of("check", "--content", content.toString(),
                "--templates", templates.toString()));
        args.addAll(List.of(options));
        return run(args.toArray(String[]::new));
    }
}
