package org.privacysite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.privacysite.internal.audit.AuditFailure;
import org.privacysite.internal.audit.AuditReportPage;
import org.privacysite.internal.audit.AuditRun;
import org.privacysite.internal.audit.AuditSettings;
import org.privacysite.internal.audit.Auditor;
import org.privacysite.internal.audit.CookieComparison;
import org.privacysite.internal.audit.Proposal;
import org.privacysite.internal.consent.ConsentConfig;
import org.privacysite.internal.output.AtomicFile;
import org.privacysite.internal.report.ReportFormat;
import org.privacysite.internal.report.ReportOptions;
import org.privacysite.internal.report.Reports;

/**
 * The cookie audit: visits the live site in headless Chromium three times (no choice, "Reject all",
 * "Accept all"), each with a fresh profile, and compares every cookie, storage key and request to another
 * host with {@code cookies.yaml}.
 *
 * <pre>{@code
 * CookieAudit.Result result = CookieAudit.builder(PrivacySite.builder().contentDirectory(content).build())
 *         .url(URI.create("https://staging.example.com/")).build().run();
 * }</pre>
 */
public final class CookieAudit {

    /** The audit cannot run: Chromium is missing, the site is unreachable, a page hangs, the banner is not found. */
    public static final class Failure extends RuntimeException {
        Failure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** cookies.yaml and the banner's button texts, read from the site's sources. */
    record Declarations(org.privacysite.internal.content.Site site, ConsentConfig consent, List<String> acceptNames,
                        List<String> rejectNames) {
    }

    /** What the audit found. */
    public static final class Result {
        private final List<Finding> findings;
        private final List<Finding> switchedOff;
        private final AuditRun run;
        private final String proposal;
        private final Path cookiesFile;

        private Result(List<Finding> findings, List<Finding> switchedOff, AuditRun run, String proposal, Path cookiesFile) {
            this.findings = findings;
            this.switchedOff = switchedOff;
            this.run = run;
            this.proposal = proposal;
            this.cookiesFile = cookiesFile;
        }

        /** Errors and warnings, in cookies.yaml's order. */
        public List<Finding> findings() {
            return findings;
        }

        /** The pages every pass visited. */
        public List<String> pages() {
            return run.pages();
        }

        /** Whether there is an error (or, when {@code strict}, any finding). */
        public boolean failed(boolean strict) {
            return findings.stream().anyMatch(Finding::isError) || (strict && !findings.isEmpty());
        }

        /** The draft cookies.yaml addition for what was seen but not declared; empty when there is none. */
        public java.util.Optional<String> proposal() {
            return java.util.Optional.ofNullable(proposal);
        }
    }

    private final PrivacySite site;
    private final URI url;
    private final int pages;
    private final URI sitemap;
    private final Duration timeLimit;
    private final Duration pageTimeout;
    private final List<String> acceptButtons;
    private final List<String> rejectButtons;
    private final Path chromium;
    private final Path chromedriver;

    private CookieAudit(Builder builder) {
        this.site = builder.site;
        this.url = Objects.requireNonNull(builder.url, "url");
        this.pages = builder.pages;
        this.sitemap = builder.sitemap;
        this.timeLimit = builder.timeLimit;
        this.pageTimeout = builder.pageTimeout;
        this.acceptButtons = List.copyOf(builder.acceptButtons);
        this.rejectButtons = List.copyOf(builder.rejectButtons);
        this.chromium = builder.chromium;
        this.chromedriver = builder.chromedriver;
    }

    /** An audit of the live copy of {@code site} (whose cookies.yaml and UI texts it reads). */
    public static Builder builder(PrivacySite site) {
        return new Builder(site);
    }

    /**
     * Runs the audit; the browser is always closed afterwards.
     *
     * @throws Failure              when the site cannot be audited, in plain words
     * @throws ConfigurationException when cookies.yaml is missing or invalid
     */
    public Result run() {
        Declarations declarations = site.auditDeclarations();
        List<String> accept = acceptButtons.isEmpty() ? declarations.acceptNames() : acceptButtons;
        List<String> reject = rejectButtons.isEmpty() ? declarations.rejectNames() : rejectButtons;
        AuditSettings settings = new AuditSettings(url, pages, sitemap, timeLimit, pageTimeout, accept, reject, chromium, chromedriver);
        AuditRun run;
        try {
            run = new Auditor(settings).run();
        } catch (AuditFailure e) {
            throw new Failure(e.getMessage(), e);
        }
        ConsentConfig consent = declarations.consent();
        // site.yaml's rules: may change an audit rule's level or switch it off, as for every rule.
        org.privacysite.internal.content.ConfiguredFindings.Result configured = org.privacysite.internal.content.ConfiguredFindings
                .apply(declarations.site(), CookieComparison.compare(consent, run));
        return new Result(List.copyOf(configured.findings()), List.copyOf(configured.switchedOff()), run,
                Proposal.text(consent, run), consent.file());
    }

    /**
     * Writes the reports of {@code result} into {@code directory}: any of {@code junit}, {@code sarif},
     * {@code json} (named {@code *-audit*} so they sit beside a check's reports) and {@code html} (the findings
     * and everything the browser saw).
     *
     * @throws IllegalArgumentException for an unknown format name
     */
    public static List<Path> writeReports(Result result, Path directory, Collection<String> formats, boolean strict) {
        ReportOptions options = ReportOptions.defaults().withStrict(strict).withCheckedFiles(List.of(result.cookiesFile));
        CheckResult asCheck = new CheckResult(result.findings, result.pages().size(), List.of(result.cookiesFile),
                result.switchedOff);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (String name : formats) {
                Path file;
                String text;
                if (name.trim().equalsIgnoreCase("html")) {
                    file = directory.resolve("cookie-audit.html");
                    text = AuditReportPage.render(result.findings, result.run);
                } else {
                    ReportFormat format = ReportFormat.parse(name);
                    file = directory.resolve(auditFileName(format));
                    text = Reports.render(asCheck, format, options);
                }
                AtomicFile.write(file, text);
                written.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the reports to " + directory, e);
        }
        return List.copyOf(written);
    }

    private static String auditFileName(ReportFormat format) {
        return switch (format) {
            case JUNIT -> "TEST-privacy-site-audit.xml";
            case SARIF -> "privacy-site-audit.sarif";
            case JSON -> "privacy-site-audit.json";
        };
    }

    /**
     * Writes the draft cookies.yaml addition to {@code file} (never to cookies.yaml itself).
     *
     * @return false when there is nothing to propose (no file is written)
     */
    public static boolean writeProposal(Result result, Path file) {
        if (result.proposal == null) {
            return false;
        }
        if (file.toAbsolutePath().normalize().equals(result.cookiesFile.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the proposal is a draft for legal to complete and never replaces "
                    + result.cookiesFile + "; write it to another file");
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFile.write(file, result.proposal);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return true;
    }

    /** Configures a {@link CookieAudit}. */
    public static final class Builder {
        private final PrivacySite site;
        private URI url;
        private int pages = 10;
        private URI sitemap;
        private Duration timeLimit = Duration.ofMinutes(5);
        private Duration pageTimeout = Duration.ofSeconds(20);
        private List<String> acceptButtons = List.of();
        private List<String> rejectButtons = List.of();
        private Path chromium = AuditSettings.CHROMIUM;
        private Path chromedriver = AuditSettings.CHROMEDRIVER;

        private Builder(PrivacySite site) {
            this.site = Objects.requireNonNull(site, "site");
        }

        /** The first page to visit; the audit visits only this page's origin. */
        public Builder url(URI url) {
            this.url = url;
            return this;
        }

        /** How many pages each pass visits at most (the start page, the sitemap's pages, then links). Default: 10. */
        public Builder pages(int pages) {
            if (pages < 1) {
                throw new IllegalArgumentException("pages must be at least 1");
            }
            this.pages = pages;
            return this;
        }

        /** A sitemap whose pages (as paths on the audited origin) are visited after the first page. */
        public Builder sitemap(URI sitemap) {
            this.sitemap = sitemap;
            return this;
        }

        /** The whole audit stops after this long, keeping what it found. Default: 5 minutes. */
        public Builder timeLimit(Duration limit) {
            this.timeLimit = limit;
            return this;
        }

        /** A page that takes longer to load stops the audit. Default: 20 seconds. */
        public Builder pageTimeout(Duration timeout) {
            this.pageTimeout = timeout;
            return this;
        }

        /** The accessible name of the banner's "Accept all" button, for a banner the site ships itself. */
        public Builder acceptButton(String name) {
            this.acceptButtons = name == null ? List.of() : List.of(name);
            return this;
        }

        /** The accessible name of the banner's "Reject all" button, for a banner the site ships itself. */
        public Builder rejectButton(String name) {
            this.rejectButtons = name == null ? List.of() : List.of(name);
            return this;
        }

        /** Chromium and chromedriver. Default: Debian's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}. */
        public Builder browser(Path chromium, Path chromedriver) {
            this.chromium = chromium;
            this.chromedriver = chromedriver;
            return this;
        }

        public CookieAudit build() {
            return new CookieAudit(this);
        }
    }
}
