package org.privacysite.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.privacysite.Rule;
import org.privacysite.RuleCatalogue;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code privacy-site rules [--explain ID]}: the rule catalogue, like {@code rustc --explain}. */
@Command(name = "rules", mixinStandardHelpOptions = true,
        description = {"Lists every rule a check can raise, with its default level.",
                "With --explain, prints one rule's page: what it protects, how to fix it, an example, how to configure it."})
final class Rules implements Callable<Integer> {

    @Option(names = "--explain", paramLabel = "ID", description = "The rule to explain, e.g. parity.argument-missing.")
    String explain;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        return print(explain, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    /** Prints the list, or one rule's page; an unknown id is a usage error with the closest id. */
    static int print(String id, PrintWriter out, PrintWriter err) {
        if (id == null) {
            out.print(RuleCatalogue.listing());
            out.flush();
            return Main.OK;
        }
        java.util.Optional<Rule> rule = RuleCatalogue.find(id.trim());
        if (rule.isEmpty()) {
            String closest = RuleCatalogue.closest(id.trim());
            err.println("There is no rule '" + id + "'" + (closest != null ? "; did you mean '" + closest + "'?" : ".")
                    + " `privacy-site rules` lists them all.");
            err.flush();
            return Main.USAGE;
        }
        out.print(RuleCatalogue.explain(rule.get()));
        out.flush();
        return Main.OK;
    }
}
