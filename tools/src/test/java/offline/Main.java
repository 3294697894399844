package offline;

import demo.decoder.PacketDecoder;
import io.jkcov.Kcov;
import io.jkcov.Mode;
import java.nio.LongBuffer;

/** A target for InstrumentIT: traces one decode and prints the result and the PCs. */
public final class Main {
    public static void main(String[] args) {
        try (Kcov kcov = Kcov.open()) {
            kcov.initTrace(4096);
            kcov.enable(Mode.TRACE_PC);
            String result = PacketDecoder.decode(new byte[] {0x4a, 0x4b, 0x43, 0x56, 2, 1, 0, 0});
            kcov.disable();
            LongBuffer area = kcov.area();
            StringBuilder out = new StringBuilder(result);
            for (int i = 1; i <= area.get(0); i++) out.append(' ').append(Long.toHexString(area.get(i)));
            System.out.println(out);
        }
    }
}
