package dev.vigil.broker;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * The passwords of the embedded broker's users, one Kafka client properties file per
 * {@link VigilPrincipal} in {@code <broker data dir>/credentials/} ({@code shipper.properties},
 * …), generated on first start. The folder is mode 0700 and each file 0600, created with those
 * modes (never widened after writing) and moved into place whole, so no other local user can read
 * a password at any moment. A file is also a ready {@code --kafka-config} for that user.
 */
public final class BrokerCredentials {
    /** The SASL mechanism: PLAIN, on loopback only (see README, Security). */
    public static final String MECHANISM = "PLAIN";
    /**
     * The password on its own, for clients configured otherwise (kcat's {@code sasl.password});
     * not a Kafka client setting, so dropped before the properties reach a client.
     */
    public static final String PASSWORD_KEY = "vigil.password";
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path dir;
    private final Map<VigilPrincipal, String> passwords;

    private BrokerCredentials(Path dir, Map<VigilPrincipal, String> passwords) {
        this.dir = dir;
        this.passwords = passwords;
    }

    /** The credentials folder of a broker whose data folder is {@code brokerDataDir}. */
    public static Path dirOf(Path brokerDataDir) {
        return brokerDataDir.resolve("credentials");
    }

    /** Reads the credentials under {@code brokerDataDir}, creating the missing ones. */
    static BrokerCredentials loadOrCreate(Path brokerDataDir) {
        Path dir = dirOf(brokerDataDir);
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir.getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
            }
            Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
            Map<VigilPrincipal, String> passwords = new EnumMap<>(VigilPrincipal.class);
            for (VigilPrincipal p : VigilPrincipal.values()) {
                Path file = fileOf(dir, p);
                if (!Files.exists(file)) {
                    write(file, clientProperties(p, newPassword()));
                }
                passwords.put(p, read(file).get(PASSWORD_KEY));
            }
            return new BrokerCredentials(dir, passwords);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the broker's credentials in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * The client properties of {@code principal} in the credentials folder of the broker data folder
     * {@code brokerDataDir}; empty when that broker never made credentials (it runs without them).
     *
     * @throws IllegalStateException when the file exists but cannot be read, naming who can
     */
    public static Optional<Map<String, String>> clientPropertiesIn(Path brokerDataDir, VigilPrincipal principal) {
        Path file = fileOf(dirOf(brokerDataDir), principal);
        if (!Files.exists(file) && !Files.isDirectory(dirOf(brokerDataDir))) {
            return Optional.empty();
        }
        try {
            Map<String, String> props = read(file);
            props.remove(PASSWORD_KEY);
            return Optional.of(props);
        } catch (AccessDeniedException e) {
            throw new IllegalStateException("cannot read " + file + ": permission denied; the embedded broker's "
                    + "credentials belong to the user who started it: run as that user, or pass --kafka-config", e);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Client properties for {@code principal} (without the bookkeeping key). */
    public Map<String, String> clientProperties(VigilPrincipal principal) {
        Map<String, String> props = clientProperties(principal, passwords.get(principal));
        props.remove(PASSWORD_KEY);
        return props;
    }

    /** {@code password} of {@code principal}. */
    String password(VigilPrincipal principal) {
        return passwords.get(principal);
    }

    /** The credentials folder. */
    public Path dir() {
        return dir;
    }

    /** The JAAS line of a listener: the broker logs in as itself and knows every user's password. */
    String serverJaas() {
        StringBuilder b = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required")
                .append(" username=\"").append(VigilPrincipal.BROKER.userName()).append('"')
                .append(" password=\"").append(password(VigilPrincipal.BROKER)).append('"');
        passwords.forEach((p, pw) -> b.append(" user_").append(p.userName()).append("=\"").append(pw).append('"'));
        return b.append(';').toString();
    }

    private static Map<String, String> clientProperties(VigilPrincipal p, String password) {
        Map<String, String> props = new TreeMap<>();
        props.put("security.protocol", "SASL_PLAINTEXT");
        props.put("sasl.mechanism", MECHANISM);
        props.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                + p.userName() + "\" password=\"" + password + "\";");
        props.put(PASSWORD_KEY, password);
        return props;
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static Path fileOf(Path dir, VigilPrincipal p) {
        return dir.resolve(p.userName() + ".properties");
    }

    private static Map<String, String> read(Path file) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        }
        Map<String, String> out = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> out.put(k, p.getProperty(k)));
        return out;
    }

    /** Writes a 0600 file next to {@code file}, then moves it into place whole. */
    private static void write(Path file, Map<String, String> props) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
        Properties p = new Properties();
        p.putAll(props);
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            p.store(w, "Vigil embedded broker credentials of user " + props.get("sasl.jaas.config")
                    .replaceAll(".*username=\"([^\"]+)\".*", "$1") + "; usable as --kafka-config");
        }
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
