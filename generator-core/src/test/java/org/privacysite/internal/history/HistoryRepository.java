package org.privacysite.internal.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A real git repository made by the test: a site of two documents (privacy, cookies) in three
 * locales (en, fr, ar), committed in three steps, each a new version of the policies:
 * <ol>
 *   <li>2026-01-10: every text effective 2026-01-01, one cookie;</li>
 *   <li>2026-04-10: every text effective 2026-04-01; the privacy policy gains a clause (children), loses one
 *       (sharing), moves one (contact, now first) and rewords one (retention); a second cookie;</li>
 *   <li>2026-07-10: the privacy policy effective 2026-09-01 (upcoming: today is the commit's date) in en and fr,
 *       not yet in ar (the lagging translation); the cookie policy effective 2026-07-01 with a cookie purpose
 *       reworded and a comment in cookies.yaml changed, but the same cookies.</li>
 * </ol>
 */
final class HistoryRepository {

    static final String[] LOCALES = {"en", "fr", "ar"};

    private final Path root;
    private final Git git;

    private HistoryRepository(Path root, Git git) {
        this.root = root;
        this.git = git;
    }

    /** A repository in {@code root} with the first {@code steps} commits (1 to 3). */
    static HistoryRepository create(Path root, int steps) {
        try {
            HistoryRepository repository = new HistoryRepository(root, Git.init().setDirectory(root.toFile())
                    .setInitialBranch("main").call());
            for (int step = 1; step <= steps; step++) {
                repository.step(step);
            }
            return repository;
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    Path root() {
        return root;
    }

    Path content() {
        return root.resolve("content");
    }

    /** Writes and commits step {@code step} (1 to 3). */
    void step(int step) {
        switch (step) {
            case 1 -> {
                write("content/site.yaml", """
                        name: Example Privacy Center
                        baseUrl: https://privacy.example.com/
                        locales: [en, fr, ar]
                        documents: [privacy, cookies]
                        facts:
                          {company: Example Ltd, privacyEmail: privacy@example.com}
                        """);
                cookies("# One cookie.\n", false);
                for (String locale : LOCALES) {
                    messages(locale, "Remembers your cookie choices.");
                    privacy(locale, "2026-01-01", 1);
                    cookiePolicy(locale, "2026-01-01", "");
                }
                commit("First published version", "2026-01-10T09:00:00Z");
            }
            case 2 -> {
                cookies("# Two cookies.\n", true);
                for (String locale : LOCALES) {
                    privacy(locale, "2026-04-01", 2);
                    cookiePolicy(locale, "2026-04-01", "We added a session cookie.");
                }
                commit("Second version", "2026-04-10T09:00:00Z");
            }
            case 3 -> {
                cookies("# Two cookies, reviewed by legal.\n", true);
                for (String locale : LOCALES) {
                    messages(locale, "Keeps a record of the cookie choices you made.");
                    cookiePolicy(locale, "2026-07-01", "Clearer wording, no new cookie.");
                }
                privacy("en", "2026-09-01", 3);
                privacy("fr", "2026-09-01", 3);
                commit("Third version: privacy changes announced for September", "2026-07-10T09:00:00Z");
            }
            default -> throw new IllegalArgumentException("step " + step);
        }
    }

    private void privacy(String locale, String effective, int version) {
        String tag = "(" + locale + ") ";
        String data = "## " + tag + "Data we collect {#data}\n\n" + tag + "We collect your e-mail address and your payment details.\n\n";
        String retention = version == 1
                ? "## " + tag + "Retention {#retention}\n\n" + tag + "We keep your account data for one year after you close your account.\n\n"
                : "## " + tag + "Retention {#retention}\n\n" + tag + "We keep your account data for thirty days after you close your account.\n\n";
        String sharing = "## " + tag + "Sharing {#sharing}\n\n" + tag + "We share your data with our payment provider.\n\n";
        String rights = "## " + tag + "Your rights {#rights}\n\n" + tag + "You may ask for a copy of your data. See [](#retention).\n\n";
        String contact = "## " + tag + "Contact {#contact}\n\n" + tag + "Write to {company}.\n\n";
        String children = "## " + tag + "Children {#children}\n\n" + tag + "Our service is not meant for children under sixteen.\n\n";
        String transfers = "## " + tag + "Transfers {#transfers}\n\n" + tag + "Your data stays in the European Union.\n\n";
        String body = switch (version) {
            case 1 -> data + retention + sharing + rights + contact;
            case 2 -> contact + data + retention + rights + children;
            default -> contact + data + retention + rights + children + transfers;
        };
        String changes = version == 1 ? "" : version == 2
                ? "changes: " + tag + "We keep account data for less time and no longer share it.\n"
                : "changes: " + tag + "A new clause on transfers.\n";
        write("content/" + locale + "/privacy.md", "---\ntitle: " + tag + "Privacy Policy\neffective: " + effective + "\n"
                + changes + "---\n\n" + tag + "This policy explains how {company} uses your data.\n\n" + body);
    }

    private void cookiePolicy(String locale, String effective, String changes) {
        String tag = "(" + locale + ") ";
        write("content/" + locale + "/cookies.md", "---\ntitle: " + tag + "Cookie Policy\neffective: " + effective + "\n"
                + (changes.isEmpty() ? "" : "changes: " + tag + changes + "\n") + "---\n\n"
                + "## " + tag + "Cookies we use {#list}\n\n" + tag + "We use the cookies listed in our settings.\n\n"
                + "## " + tag + "Managing cookies {#manage}\n\n" + tag + "Open the cookie settings at any time.\n");
    }

    private void cookies(String comment, boolean session) {
        write("content/cookies.yaml", comment + """
                revision: 1
                expiryMonths: 6
                storageName: example_consent
                categories:
                  - id: necessary
                    required: true
                    cookies:
                      - name: example_consent
                        provider: Example Ltd
                        party: first
                        duration: 6 months
                        purpose: cookie.example_consent.purpose
                """ + (session ? """
                      - name: example_session
                        provider: Example Ltd
                        party: first
                        duration: session
                        purpose: cookie.example_consent.purpose
                """ : ""));
    }

    private void messages(String locale, String purpose) {
        write("content/" + locale + "/messages.yaml", """
                cookies.category.necessary.name: "Necessary"
                cookies.category.necessary.purpose: "Needed for the site to work."
                cookie.example_consent.purpose: "%s"
                """.formatted(purpose));
    }

    void write(String relative, String text) {
        Path file = root.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void commit(String message, String when) {
        PersonIdent legal = new PersonIdent("Legal Team", "legal@example.com", Instant.parse(when), ZoneOffset.UTC);
        try {
            git.add().addFilepattern(".").call();
            git.commit().setMessage(message).setAuthor(legal).setCommitter(legal).setSign(false).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    void close() {
        git.close();
    }
}
