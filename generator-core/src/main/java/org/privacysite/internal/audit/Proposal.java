package org.privacysite.internal.audit;

import java.util.LinkedHashMap;
import java.util.Map;

import org.privacysite.internal.consent.ConsentConfig;

/**
 * A draft {@code cookies.yaml} addition for the cookies and storage keys the audit saw but the file does not
 * declare: for legal to complete and move into the right category. It is written to its own file, never
 * into cookies.yaml.
 */
public final class Proposal {

    private Proposal() {
    }

    /** The draft as YAML text; null when everything seen is declared. */
    public static String text(ConsentConfig config, AuditRun run) {
        Declarations declarations = new Declarations(config);
        Map<String, String> entries = new LinkedHashMap<>();
        for (SeenCookie cookie : run.cookies()) {
            if (declarations.find(ConsentConfig.Cookie.COOKIE, cookie.name()) == null && !entries.containsKey("c|" + cookie.name())) {
                boolean firstParty = Origins.of(cookie.setter()).isEmpty() || Origins.of(cookie.setter()).equals(run.origin());
                entries.put("c|" + cookie.name(), "  # seen on " + cookie.page() + " " + cookie.pass().description() + ", set by "
                        + cookie.setterDescription() + "\n"
                        + "  - name: " + yaml(cookie.name()) + "\n"
                        + "    provider: \"TODO: who sets it\"\n"
                        + "    party: " + (firstParty ? "first" : "third") + "\n"
                        + "    duration: " + CookieComparison.proposedDuration(cookie.lifetime()) + "\n"
                        + "    purpose: " + yaml("cookie." + cookie.name() + ".purpose") + "\n");
            }
        }
        for (SeenStorage key : run.storage()) {
            String id = "s|" + key.type() + "|" + key.key();
            if (declarations.find(key.type(), key.key()) == null && !entries.containsKey(id)) {
                entries.put(id, "  # seen on " + key.page() + " " + key.pass().description() + "\n"
                        + "  - name: " + yaml(key.key()) + "\n"
                        + "    type: " + key.type() + "\n"
                        + "    provider: \"TODO: who writes it\"\n"
                        + "    party: first\n"
                        + "    duration: " + (key.type().equals(ConsentConfig.Cookie.SESSION_STORAGE) ? "session" : "\"TODO: until when is it kept?\"") + "\n"
                        + "    purpose: " + yaml("storage." + key.key() + ".purpose") + "\n");
            }
        }
        if (entries.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        text.append("# Proposed additions to ").append(config.file().getFileName()).append(": what the cookie audit of ")
                .append(run.origin()).append(" saw that it does not declare.\n")
                .append("# To complete: move each entry into the cookies: list of its category (necessary, functional,\n")
                .append("# analytics, marketing...), fill in the TODOs, check the duration (the longest lifetime seen),\n")
                .append("# and write the purpose text under its key in every locale's messages.yaml.\n")
                .append("# Nothing here is applied automatically.\n")
                .append("cookies:\n");
        entries.values().forEach(text::append);
        return text.toString();
    }

    /** A YAML scalar: plain when safe, else double-quoted. */
    private static String yaml(String value) {
        if (value.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
            return value;
        }
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
