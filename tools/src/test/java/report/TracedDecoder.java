package report;

import demo.decoder.PacketDecoder;
import io.jkcov.Kcov;
import io.jkcov.Mode;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A target for ReportIT, run under the agent: traces three packets in the mode given, then
 * saves the whole area file, as {@code jkcov run} does: {@code TracedDecoder TRACE_PC OUT}.
 */
public final class TracedDecoder {
    public static void main(String[] args) throws Exception {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(4096);
            kcov.enable(Mode.valueOf(args[0]));
            PacketDecoder.decode(new byte[] {1, 2, 3});
            PacketDecoder.decode(new byte[] {0x4a, 0x4b, 0x43, 0x56, 2, 1, 0, 0});
            PacketDecoder.decode(new byte[] {0x4a, 0x4b, 0x43, 0x56, 2, 2, 3, 0, 1, 2, 3});
            kcov.disable();
            Files.copy(kcov.areaFile(), Path.of(args[1]));
        }
    }
}
