package org.privacysite.internal.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.privacysite.PrivacySiteException;
import org.privacysite.internal.content.Page;
import org.privacysite.internal.content.PageParser;

/**
 * Reads the versions of every policy from the git history of the content directory (JGit): a new
 * version of a document in a locale begins at each commit that changes its {@code effective} date,
 * and its text is the file as of the last commit before the next such change.
 *
 * @param versions    every recorded version, per locale and document in the order they were made
 * @param cookieLists cookies.yaml as of each commit that changed it, oldest first
 * @param lastCommit  the date of the last commit (UTC), or null when there is no commit
 */
record GitHistory(List<RecordedVersion> versions, List<String> cookieLists, LocalDate lastCommit) {

    static final GitHistory NONE = new GitHistory(List.of(), List.of(), null);

    /** Thrown when the repository is a shallow clone: its history ends early, so versions would be missing. */
    static final class ShallowClone extends Exception {
        ShallowClone() {
            super(null, null, false, false);
        }
    }

    /**
     * The history of {@code contentDirectory}, or {@link #NONE} when it is not inside a git working tree.
     *
     * @throws ShallowClone when the clone is shallow
     * @throws IOException  when the repository cannot be read
     */
    static GitHistory read(Path contentDirectory, List<String> locales, List<String> documents, String sourceLocale)
            throws ShallowClone, IOException {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().setMustExist(true).findGitDir(contentDirectory.toFile());
        if (builder.getGitDir() == null) {
            return NONE;
        }
        try (Repository repository = builder.build()) {
            if (repository.isBare()) {
                return NONE;
            }
            if (repository.getObjectDatabase() instanceof org.eclipse.jgit.internal.storage.file.ObjectDirectory objects
                    && !objects.getShallowCommits().isEmpty()) {
                throw new ShallowClone();
            }
            ObjectId head = repository.resolve(Constants.HEAD);
            if (head == null) {
                return NONE; // a repository without a commit yet
            }
            Path workTree = repository.getWorkTree().toPath().toRealPath();
            Path content = contentDirectory.toRealPath();
            if (!content.startsWith(workTree)) {
                return NONE;
            }
            String prefix = workTree.relativize(content).toString().replace('\\', '/');
            prefix = prefix.isEmpty() ? "" : prefix + "/";
            return walk(repository, head, prefix, contentDirectory, locales, documents, new PageParser(sourceLocale));
        }
    }

    /** The commit the content's working tree is at, or "" outside a repository: "today" may move with it. */
    static String head(Path contentDirectory) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(contentDirectory.toFile());
        if (builder.getGitDir() == null) {
            return "";
        }
        try (Repository repository = builder.build()) {
            ObjectId head = repository.resolve(Constants.HEAD);
            return head == null ? "" : head.name();
        } catch (IOException | RuntimeException e) {
            return ""; // the build reports an unreadable repository
        }
    }

    private static GitHistory walk(Repository repository, ObjectId head, String prefix, Path contentDirectory,
                                   List<String> locales, List<String> documents, PageParser parser) throws IOException {
        Map<String, String[]> policies = new LinkedHashMap<>(); // path in the repository -> locale, document
        for (String locale : locales) {
            for (String document : documents) {
                policies.put(prefix + locale + "/" + document + ".md", new String[] {locale, document});
            }
        }
        String cookiesPath = prefix + "cookies.yaml";
        List<String> watched = new ArrayList<>(policies.keySet());
        watched.add(cookiesPath);
        Map<String, Tracked> tracked = new LinkedHashMap<>();
        List<RecordedVersion> versions = new ArrayList<>();
        List<String> cookieLists = new ArrayList<>();
        LocalDate lastCommit;
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit headCommit = walk.parseCommit(head);
            lastCommit = date(headCommit);
            walk.sort(RevSort.TOPO, true);
            walk.sort(RevSort.REVERSE, true); // oldest first
            if (!prefix.isEmpty()) {
                walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(prefix.substring(0, prefix.length() - 1)),
                        TreeFilter.ANY_DIFF));
            }
            walk.markStart(headCommit);
            for (RevCommit commit : walk) {
                // Only the files this commit changed, against the previous commit that touched the content.
                try (TreeWalk changes = new TreeWalk(repository)) {
                    changes.setRecursive(true);
                    if (commit.getParentCount() > 0) {
                        changes.addTree(walk.parseCommit(commit.getParent(0)).getTree());
                    } else {
                        changes.addTree(new EmptyTreeIterator());
                    }
                    changes.addTree(commit.getTree());
                    changes.setFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(watched), TreeFilter.ANY_DIFF));
                    while (changes.next()) {
                        if (changes.getFileMode(1) == FileMode.MISSING) {
                            continue; // deleted: the versions it had stay recorded
                        }
                        String path = changes.getPathString();
                        ObjectId blob = changes.getObjectId(1);
                        if (path.equals(cookiesPath)) {
                            cookieLists.add(text(repository, blob));
                            continue;
                        }
                        String[] policy = policies.get(path);
                        Tracked state = tracked.computeIfAbsent(path, key -> new Tracked());
                        record(repository, commit, blob, policy[0], policy[1], contentDirectory, parser, state, versions);
                    }
                }
            }
        }
        tracked.values().stream().filter(state -> state.current != null).map(state -> state.current).forEach(versions::add);
        return new GitHistory(List.copyOf(versions), List.copyOf(cookieLists), lastCommit);
    }

    /** A new text of a policy: the same version if its effective date is unchanged, else the start of a new one. */
    private static void record(Repository repository, RevCommit commit, ObjectId blob, String locale, String document,
                               Path contentDirectory, PageParser parser, Tracked state, List<RecordedVersion> versions)
            throws IOException {
        String text = text(repository, blob);
        Path file = contentDirectory.resolve(locale).resolve(document + ".md");
        LocalDate effective = effective(parser, locale, document, file, text);
        if (effective == null) {
            return; // a commit where the file did not parse: the version keeps its last good text
        }
        if (state.current != null && !Objects.equals(state.current.effective(), effective)) {
            versions.add(state.current);
        }
        state.current = new RecordedVersion(locale, document, effective, text, file, "commit " + commit.abbreviate(7).name());
    }

    /** What is known of one file while the commits are walked. */
    private static final class Tracked {
        RecordedVersion current;
    }

    private static LocalDate date(RevCommit commit) {
        return LocalDate.ofInstant(Instant.ofEpochSecond(commit.getCommitTime()), ZoneOffset.UTC);
    }

    private static String text(Repository repository, ObjectId blob) throws IOException {
        String text = new String(repository.open(blob, Constants.OBJ_BLOB).getBytes(), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return text.replace("\r\n", "\n");
    }

    /** The effective date of a recorded text, or null when it does not parse. */
    static LocalDate effective(PageParser parser, String locale, String document, Path file, String text) {
        try {
            Page page = parser.parse(locale, document, file, text);
            return page.frontMatter().effective();
        } catch (PrivacySiteException e) {
            return null;
        }
    }
}
