package io.logflow.notifier;

/** What a receiver speaks: how a transition becomes a request body. */
public enum ReceiverType {
    /**
     * Alertmanager API v2: {@code POST {url}/api/v2/alerts}, a JSON array; re-sent while firing.
     */
    ALERTMANAGER,
    /** LogFlow's own JSON body, one transition per request. */
    WEBHOOK,
    /** A Slack-compatible incoming webhook ({@code text} + {@code blocks}). */
    SLACK
}
