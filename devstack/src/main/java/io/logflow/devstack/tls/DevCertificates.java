package io.logflow.devstack.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A throwaway CA and a server certificate it signed for {@code localhost} and {@code 127.0.0.1},
 * made with the JDK's {@code keytool} so tests need no crypto library: a PKCS12 key store for
 * servers, a PKCS12 trust store and a PEM file holding only the CA for clients.
 *
 * <pre>{@code
 * DevCertificates certs = DevCertificates.generate(dir);
 * kafkaBuilder.saslSsl(new SaslSsl("SCRAM-SHA-512", "app", "secret", certs));
 * }</pre>
 */
public final class DevCertificates {

    public static final String STORE_TYPE = "PKCS12";

    private static final String DAYS_VALID = "2";
    private static final long KEYTOOL_TIMEOUT_S = 60;
    private static final String PASSWORD_ENV = "LOGFLOW_DEV_STORE_PASSWORD";
    // EC keys: generating them takes milliseconds where RSA takes a noticeable part of a second.
    private static final List<String> GENKEY =
            List.of("-genkeypair", "-keyalg", "EC", "-validity", DAYS_VALID);

    private final Path keyStore;
    private final Path trustStore;
    private final Path caPem;
    private final String password;

    private DevCertificates(Path dir, String password) {
        this.keyStore = dir.resolve("server.p12");
        this.trustStore = dir.resolve("truststore.p12");
        this.caPem = dir.resolve("ca.pem");
        this.password = password;
    }

    /**
     * Generates everything into {@code dir} (created if needed) under a fresh random password.
     *
     * @throws IllegalStateException with keytool's output if one of its steps fails
     */
    public static DevCertificates generate(Path dir) {
        byte[] random = new byte[12];
        new SecureRandom().nextBytes(random);
        DevCertificates certs = new DevCertificates(dir, HexFormat.of().formatHex(random));
        try {
            Files.createDirectories(dir);
            certs.run(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write certificates to " + dir, e);
        }
        return certs;
    }

    /** Generates into a fresh temporary directory that is deleted when the JVM exits. */
    public static DevCertificates generateTemporary() {
        try {
            Path dir = Files.createTempDirectory("logflow-certs-");
            // Brokers and servers read the stores at start only, but a test class cannot tell
            // when the last one has stopped: the JVM's exit is the first safe moment.
            dir.toFile().deleteOnExit();
            DevCertificates certs = generate(dir);
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().deleteOnExit());
            }
            return certs;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a directory for certificates", e);
        }
    }

    private void run(Path dir) {
        Path ca = dir.resolve("ca.p12");
        Path csr = dir.resolve("server.csr");
        Path signed = dir.resolve("server.crt");
        keytool(GENKEY, "-alias", "ca", "-dname", "CN=LogFlow dev CA", "-ext", "bc:c")
                .store(ca)
                .go();
        keytool(GENKEY, "-alias", "server", "-dname", "CN=localhost").store(keyStore).go();
        keytool("-certreq", "-alias", "server", "-file", csr.toString()).store(keyStore).go();
        // The names clients dial: Kafka and the JDK HTTP client both verify them.
        keytool(
                        "-gencert",
                        "-alias",
                        "ca",
                        "-infile",
                        csr.toString(),
                        "-outfile",
                        signed.toString(),
                        "-ext",
                        "san=dns:localhost,ip:127.0.0.1",
                        "-ext",
                        "eku=serverAuth",
                        "-validity",
                        DAYS_VALID)
                .store(ca)
                .go();
        keytool("-exportcert", "-alias", "ca", "-rfc", "-file", caPem.toString()).store(ca).go();
        // The CA goes in first so that the signed reply can be chained to it.
        keytool("-importcert", "-alias", "ca", "-file", caPem.toString(), "-noprompt")
                .store(keyStore)
                .go();
        keytool("-importcert", "-alias", "server", "-file", signed.toString()).store(keyStore).go();
        keytool("-importcert", "-alias", "ca", "-file", caPem.toString(), "-noprompt")
                .store(trustStore)
                .go();
    }

    /** The server's key and certificate chain, PKCS12, under {@link #password()}. */
    public Path keyStore() {
        return keyStore;
    }

    /** Only the CA, PKCS12, under {@link #password()}. */
    public Path trustStore() {
        return trustStore;
    }

    /** The CA certificate as PEM, for clients configured with inline certificates. */
    public String caPem() {
        try {
            return Files.readString(caPem, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The password of both stores and of the server key. */
    public String password() {
        return password;
    }

    /** A server context presenting the signed certificate. */
    public SSLContext serverContext() {
        try {
            KeyManagerFactory keys =
                    KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(load(keyStore), password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a server TLS context", e);
        }
    }

    /** A client context that trusts only the CA. */
    public SSLContext clientContext() {
        try {
            TrustManagerFactory trust =
                    TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(load(trustStore));
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot build a client TLS context", e);
        }
    }

    private KeyStore load(Path path) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(path)) {
            KeyStore store = KeyStore.getInstance(STORE_TYPE);
            store.load(in, password.toCharArray());
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + path, e);
        }
    }

    private Keytool keytool(String... args) {
        return new Keytool(List.of(args));
    }

    private Keytool keytool(List<String> first, String... args) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(args));
        return new Keytool(all);
    }

    /** One keytool invocation; the store and its password are added last. */
    private final class Keytool {
        private final List<String> command = new ArrayList<>();

        Keytool(List<String> args) {
            command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
            command.addAll(args);
        }

        Keytool store(Path store) {
            command.addAll(
                    List.of(
                            "-keystore",
                            store.toString(),
                            "-storetype",
                            STORE_TYPE,
                            // From the environment: a command line is visible to every user.
                            "-storepass:env",
                            PASSWORD_ENV));
            return this;
        }

        void go() {
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
                builder.environment().put(PASSWORD_ENV, password);
                Process process = builder.start();
                // The output is small; read it before waiting so the pipe cannot fill up.
                String output =
                        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(KEYTOOL_TIMEOUT_S, TimeUnit.SECONDS)
                        || process.exitValue() != 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException(
                            "keytool " + command.get(1) + " failed: " + output.trim());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot run keytool", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while running keytool", e);
            }
        }
    }
}
