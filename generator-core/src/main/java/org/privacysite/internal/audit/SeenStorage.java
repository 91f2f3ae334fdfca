package org.privacysite.internal.audit;

/** A {@code localStorage} or {@code sessionStorage} key of the audited origin (its value is never kept). */
public record SeenStorage(String type, String key, String page, Pass pass) {
}
