package org.privacysite;

import java.util.List;

/** The site's configuration ({@code site.yaml}, {@code cookies.yaml}, the directories) cannot be used. */
public class ConfigurationException extends PrivacySiteException {

    public ConfigurationException(List<Finding> findings) {
        super(findings);
    }

    public ConfigurationException(Finding finding) {
        super(finding);
    }
}
