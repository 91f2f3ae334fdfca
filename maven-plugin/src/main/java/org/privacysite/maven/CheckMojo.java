package org.privacysite.maven;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.privacysite.CheckResult;
import org.privacysite.ConfigurationException;

/** Checks translation parity and the links of the built site; fails the build on errors. */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractPrivacySiteMojo {

    /** Fail on warnings too (stale translations, structure drift). */
    @Parameter(property = "privacySite.strict", defaultValue = "false")
    boolean strict;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping privacy site check (privacySite.skip=true).");
            return;
        }
        CheckResult result;
        try {
            result = site().check();
        } catch (ConfigurationException e) {
            log(e.findings());
            throw new MojoExecutionException("The privacy site configuration cannot be used: " + summary(e.findings()));
        }
        log(result.findings());
        if (result.failed(strict)) {
            throw new MojoFailureException("Privacy site check failed: " + summary(result.findings())
                    + (strict ? " (strict: warnings count)" : ""));
        }
        getLog().info("Privacy site check passed: " + result.pages() + " pages, " + summary(result.findings()) + ".");
    }
}
