package org.privacysite.internal.history;

/**
 * What a reader sees of one clause of one version: the text of its heading and of its own
 * paragraphs (up to the next clause's heading), blocks separated by a line break.
 *
 * @param key    the clause key; "" for the text before the first clause
 * @param number the clause number in its version ("7", "7.2"), "" for the text before the first clause
 */
public record ClauseText(String key, String number, String title, String text) {
}
