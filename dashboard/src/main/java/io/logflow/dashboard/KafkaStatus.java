package io.logflow.dashboard;

/** Whether the dashboard can reach Kafka, and why not, as the page shows it. */
public interface KafkaStatus {

    boolean connected();

    /**
     * {@code connecting} until the first answer or failure, then {@code connected} or {@code down}.
     */
    default String state() {
        return connected() ? "connected" : "down";
    }

    /** The last connection error, or null. */
    String error();

    /** Why results are held because the schema registry does not answer, or null. */
    default String registryError() {
        return null;
    }

    String bootstrap();

    String topic();

    /** For a dashboard fed by hand (tests, demos without Kafka). */
    static KafkaStatus none() {
        return new KafkaStatus() {
            @Override
            public boolean connected() {
                return false;
            }

            @Override
            public String error() {
                return "No Kafka configured";
            }

            @Override
            public String bootstrap() {
                return null;
            }

            @Override
            public String topic() {
                return null;
            }
        };
    }
}
