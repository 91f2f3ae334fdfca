package org.privacysite.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import org.privacysite.ImportResult;
import org.privacysite.PolicyImport;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code import SOURCE --out content}: existing policies (Markdown, HTML, Word) into the content format. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Bring existing policies in: Markdown, HTML or Word (.docx) files laid out as <locale>/<document>.<ext> "
                + "or <document>.<locale>.<ext> become <out>/<locale>/<document>.md and site.yaml.",
                "Existing files are never replaced without --force."})
final class Import implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SOURCE", description = "The folder with the existing policies.")
    Path source;

    @Option(names = "--out", defaultValue = "content", paramLabel = "DIR", description = "Content directory to write (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--source-locale", paramLabel = "LOCALE", description = "The language the clause keys come from (default: en if present).")
    String sourceLocale;

    @Option(names = "--locale-map", paramLabel = "FROM=TO", split = ",",
            description = "Rename source locales, e.g. en-US=en,zh_CN=zh-CN.")
    Map<String, String> localeMap;

    @Option(names = "--force", description = "Replace files that exist in --out.")
    boolean force;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PolicyImport.Builder builder = PolicyImport.builder().source(source).out(this.out).sourceLocale(sourceLocale).force(force);
        if (localeMap != null) {
            localeMap.forEach(builder::mapLocale);
        }
        ImportResult result = builder.build().run();
        out.println(summary(result, this.out));
        out.flush();
        return Main.OK;
    }

    static String summary(ImportResult result, Path out) {
        String nl = System.lineSeparator();
        return String.join(nl, result.summary(out)) + nl + "Set baseUrl in " + out.resolve("site.yaml") + ", then run:" + nl
                + "  java -jar privacy-site.jar check --content " + out + " --templates templates";
    }
}
