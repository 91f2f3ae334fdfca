package org.privacysite.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.privacysite.ConfigurationException;
import org.privacysite.Location;
import org.privacysite.SiteInit;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code privacy-site init}: the starting point of a new site, with the built-in theme. */
@Command(name = "init", mixinStandardHelpOptions = true,
        description = {"Start a new site: write site.yaml, cookies.yaml (the consent cookie only) and, per locale, a skeleton "
                + "privacy and cookie policy into --content. Each clause has a TODO(legal) placeholder that check reports "
                + "until you replace it. Writes no templates (the built-in theme serves) and never replaces an existing file."})
final class Init implements Callable<Integer> {

    @Option(names = "--locales", required = true, split = ",", paramLabel = "LOCALES",
            description = "The site's locales, the source language first, e.g. en,fr,de.")
    List<String> locales;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The site's (and company's) name, e.g. \"Acme\".")
    String name;

    @Option(names = "--documents", split = ",", paramLabel = "DOCUMENTS",
            description = "Which documents to write: privacy, cookies (default: both).")
    List<String> documents;

    @Option(names = "--content", defaultValue = "content", paramLabel = "DIR",
            description = "The content directory to write into (default: ${DEFAULT-VALUE}).")
    Path content;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SiteInit.Result result;
        try {
            result = SiteInit.write(content, name, locales, documents);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return Main.USAGE;
        } catch (ConfigurationException e) {
            ConsoleReport.print(e.findings(), err);
            return Main.USAGE;
        }
        for (Path file : result.written()) {
            out.println("Wrote " + shown(file));
        }
        for (Path file : result.leftAlone()) {
            out.println("Left " + shown(file) + " as it was: it exists already");
        }
        for (String note : result.notes()) {
            out.println("Note: " + note);
        }
        if (result.written().isEmpty()) {
            out.println("Nothing written: every file of the skeleton exists already.");
        } else {
            out.println("Next: replace each TODO(legal) placeholder (check --content " + content + " lists them), then build.");
        }
        out.flush();
        return Main.OK;
    }

    private static String shown(Path file) {
        return Location.of(file).displayPath();
    }
}
