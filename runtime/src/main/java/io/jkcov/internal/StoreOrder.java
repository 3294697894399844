package io.jkcov.internal;

/**
 * Whether this JVM runs on a CPU that makes stores visible in program order (x86's total store
 * order), which lets {@link Trace} store the count with no fence after the entries. A class of
 * its own so that {@code Trace}, whose every named class the agent must never instrument, names
 * no {@code String} or {@code System} for it; {@code Trace}'s static initialiser asks once.
 */
final class StoreOrder {

    private StoreOrder() {}

    /**
     * HotSpot's {@code os.arch} is "amd64" on Linux and Windows and "x86_64" on macOS; anything
     * else (AArch64, RISC-V, POWER, 32-bit x86, an unset property) gets the fence.
     */
    static boolean isTotal() {
        String arch = System.getProperty("os.arch", "");
        return arch.equals("amd64") || arch.equals("x86_64");
    }
}
