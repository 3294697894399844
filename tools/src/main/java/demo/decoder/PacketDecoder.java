package demo.decoder;

/**
 * The demo's target: a decoder for a small binary protocol whose deeper branches are guarded by
 * magic values, the kind of code a coverage-guided fuzzer cannot get past by luck.
 *
 * <pre>
 *   0: u32 magic "JKCV"   4: u8 version (2)   5: u8 type   6: u8 length   7: u8 flags
 *   8: payload; an AUTH packet carries a u64 token there
 * </pre>
 */
public final class PacketDecoder {
    static final int MAGIC = 0x4A4B4356;
    static final int VERSION = 2;
    static final long SESSION_TOKEN = 0x00C0FFEE15600DL;

    private PacketDecoder() {}

    public static String decode(byte[] p) {
        if (p.length < 8) {
            return "short packet";
        }
        if (readInt(p, 0) != MAGIC) {
            return "bad magic";
        }
        if (p[4] != VERSION) {
            return "unsupported version";
        }
        switch (p[5]) {
            case 1:
                return "ping";
            case 2:
                return data(p);
            case 7:
                return auth(p);
            default:
                return "unknown type";
        }
    }

    private static String data(byte[] p) {
        int length = p[6] & 0xFF;
        if (length > p.length - 8) {
            return "truncated data";
        }
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += p[8 + i] & 0xFF;
        }
        return "data, checksum " + sum;
    }

    private static String auth(byte[] p) {
        if (p.length < 16) {
            return "truncated auth";
        }
        if (readLong(p, 8) == SESSION_TOKEN) {
            return "authenticated";
        }
        return "access denied";
    }

    static int readInt(byte[] p, int at) {
        return (p[at] & 0xFF) << 24 | (p[at + 1] & 0xFF) << 16 | (p[at + 2] & 0xFF) << 8 | (p[at + 3] & 0xFF);
    }

    static long readLong(byte[] p, int at) {
        return (long) readInt(p, at) << 32 | (readInt(p, at + 4) & 0xFFFF_FFFFL);
    }
}
