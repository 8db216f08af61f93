package io.logflow.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import org.apache.flink.configuration.ConfigOption;

/** Checks ports before anything starts, so a clash is reported by name, not by a stack trace. */
final class Ports {

    private Ports() {}

    /** Fails with a message naming {@code what}, the port and the flag that changes it. */
    static void requireFree(String host, int port, String what, ConfigOption<Integer> flag) {
        if (port == 0) {
            return;
        }
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new CliException(
                    "Port "
                            + port
                            + " ("
                            + what
                            + ") is already in use on "
                            + host
                            + ": stop what holds it, or choose another with --"
                            + flag.key()
                            + " <port>");
        }
    }

    /** A free port on {@code host}, for tests and for helper endpoints. */
    static int free(String host) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new CliException("Cannot find a free port on " + host + ": " + e.getMessage());
        }
    }
}
