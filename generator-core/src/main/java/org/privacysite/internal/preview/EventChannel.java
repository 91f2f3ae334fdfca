package org.privacysite.internal.preview;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;

/**
 * The reload channel: Server-Sent Events to every open preview tab. Each client is served by its own
 * handler thread, which waits on the client's queue and writes what is broadcast, plus a comment line
 * now and then so a closed tab is noticed.
 */
final class EventChannel {

    private static final String CLOSE = "\0close";
    private static final long KEEP_ALIVE_SECONDS = 15;

    private final int maxClients;
    private final Set<BlockingQueue<String>> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    EventChannel(int maxClients) {
        this.maxClients = maxClients;
    }

    /**
     * Serves one client until it goes away or the channel is closed. {@code hello} is the first event
     * (read when the client is registered, so no broadcast can slip between it and the stream).
     */
    void serve(HttpExchange exchange, Supplier<String> hello) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Accel-Buffering", "no");
        if ("HEAD".equals(exchange.getRequestMethod())) {
            exchange.sendResponseHeaders(200, -1);
            return;
        }
        if (closed || clients.size() >= maxClients) {
            byte[] body = "too many preview connections\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.getResponseHeaders().set("Retry-After", "5");
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            return;
        }
        BlockingQueue<String> queue = new LinkedBlockingQueue<>();
        clients.add(queue);
        queue.add("retry: 1000\n\n" + hello.get());
        try {
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            while (!closed) {
                String message = queue.poll(KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
                if (message == null) {
                    message = ": keep-alive\n\n";
                } else if (message.equals(CLOSE)) {
                    break;
                }
                out.write(message.getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the tab was closed or reloaded
        } finally {
            clients.remove(queue);
        }
    }

    /** An SSE message: {@code data} must be one line (JSON from {@link Json} is). */
    static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    void broadcast(String name, String data) {
        String message = event(name, data);
        for (BlockingQueue<String> client : clients) {
            client.add(message);
        }
    }

    int clients() {
        return clients.size();
    }

    /** Ends every stream; the browsers' EventSource reconnects to the next server, if any. */
    void close() {
        closed = true;
        for (BlockingQueue<String> client : clients) {
            client.add(CLOSE);
        }
    }
}
