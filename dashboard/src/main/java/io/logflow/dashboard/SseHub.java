package io.logflow.dashboard;

import io.javalin.http.sse.SseClient;
import java.util.concurrent.CopyOnWriteArrayList;

/** The browsers listening for updates over Server-Sent Events. */
final class SseHub {

    private final CopyOnWriteArrayList<SseClient> clients = new CopyOnWriteArrayList<>();

    void add(SseClient client) {
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.add(client);
    }

    void broadcast(String event, String json) {
        for (SseClient client : clients) {
            try {
                client.sendEvent(event, json);
            } catch (RuntimeException e) {
                // A browser that went away; its onClose removes it.
                clients.remove(client);
            }
        }
    }

    int size() {
        return clients.size();
    }

    void closeAll() {
        clients.forEach(SseClient::close);
        clients.clear();
    }
}
