package org.privacysite.internal.audit;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the site for a page before the browser does, without following redirects: an unreachable site, a
 * page that does not answer, or a redirect to another origin stops the audit with a clear message instead
 * of sending the browser somewhere it must not go.
 */
final class Reachability {

    private final HttpClient client;
    private final Duration timeout;

    Reachability(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout)
                .version(HttpClient.Version.HTTP_1_1).build();
    }

    /**
     * Checks that {@code page} answers and, when it redirects, that it stays on {@code origin}.
     *
     * @return the HTTP status
     * @throws AuditFailure in plain words otherwise
     */
    int check(URI page, String origin) {
        HttpRequest request = HttpRequest.newBuilder(page).timeout(timeout).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException e) {
            throw new AuditFailure("cannot reach " + page + ": no connection within " + timeout.toSeconds()
                    + " seconds; check the address and that the site is running", e);
        } catch (HttpTimeoutException e) {
            throw new AuditFailure(page + " did not answer within " + timeout.toSeconds()
                    + " seconds; check that the page loads in a browser, or allow more time with --page-timeout", e);
        } catch (ConnectException e) {
            throw new AuditFailure("cannot reach " + page + ": nothing answers at that address (connection refused); "
                    + "check the address and that the site is running", e);
        } catch (IOException e) {
            throw new AuditFailure("cannot reach " + page + ": " + describe(e) + "; check the address and that the site is running", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuditFailure("the audit was interrupted", e);
        } catch (IllegalArgumentException e) {
            throw new AuditFailure("'" + page + "' is not an address the audit can open: give an http:// or https:// URL", e);
        }
        try {
            response.body().close(); // only the status and headers matter; the page's content is neither read nor kept
        } catch (IOException e) {
            // closing an unread body can fail; the browser loads the page anyway
        }
        if (response.statusCode() / 100 == 3) {
            Optional<String> location = response.headers().firstValue("Location");
            if (location.isPresent()) {
                URI target = page.resolve(location.get().trim());
                if (!Origins.of(target).equals(origin)) {
                    throw new AuditFailure(page + " redirects to " + target + ", which is on another origin than " + origin
                            + "; the audit only visits the origin it was given: audit " + Origins.of(target)
                            + "/ itself, or fix the redirect");
                }
            }
        }
        return response.statusCode();
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
