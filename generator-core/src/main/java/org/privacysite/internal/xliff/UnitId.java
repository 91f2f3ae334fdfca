package org.privacysite.internal.xliff;

/**
 * A unit's id: document, clause key and block index, {@code privacy.controller.2}. Stable while the
 * source keeps its clause keys and the clause its blocks; an XML name token, as XLIFF requires.
 */
record UnitId(String document, String clauseKey, int index) {

    /** The key written for the text before the first clause, which has no key of its own. */
    static final String INTRODUCTION = "_intro";

    @Override
    public String toString() {
        return document + "." + (clauseKey.isEmpty() ? INTRODUCTION : clauseKey) + "." + index;
    }

    /** The id parsed back, or null when it is not one this generator writes. */
    static UnitId parse(String id) {
        String[] parts = id == null ? new String[0] : id.split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty() || !parts[2].matches("\\d{1,6}")) {
            return null;
        }
        return new UnitId(parts[0], parts[1].equals(INTRODUCTION) ? "" : parts[1], Integer.parseInt(parts[2]));
    }
}
