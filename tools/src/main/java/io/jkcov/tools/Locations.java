package io.jkcov.tools;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the java launcher, this jar and the agent jar are. */
public final class Locations {
    private Locations() {}

    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The class path entry this class came from: the tools jar, or a classes directory. */
    public static String ownJar() {
        try {
            return Path.of(Locations.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            return System.getProperty("java.class.path");
        }
    }

    /** -Djkcov.agent, set by the ./jkcov launcher. */
    public static Path agentJar() {
        String configured = System.getProperty("jkcov.agent");
        if (configured == null || configured.isEmpty() || !Files.isRegularFile(Path.of(configured))) {
            throw new IllegalStateException((configured == null || configured.isEmpty()
                    ? "no agent jar given" : "no agent jar at " + configured)
                    + "; run ./jkcov from the repository, or pass --agent JAR");
        }
        return Path.of(configured);
    }
}
