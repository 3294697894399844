package io.jkcov.wholeprocess;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/**
 * A CPU-bound workload in libraries no one here wrote: bzip2 compress + decompress (Apache
 * commons-compress) of generated text-like data, and JSON serialise + parse (Jackson databind)
 * of a generated object graph. A fixed amount of work, not a fixed time: {@code --rounds} passes
 * over the same seeded inputs. An "input" (what a fuzzer would reset the area between) is one
 * chunk's compress + decompress, or one batch's serialise + parse.
 *
 * <p>Prints one line: {@code RESULT work_ms=... cpu_ms=... total_ms=... checksum=...}; work_ms is
 * the work phase alone (data generation and JVM start excluded), total_ms is from launch to the
 * end of the work phase (see {@link Phase}).
 */
public final class CpuWorkload {

    // ---- the JSON graph: public fields, which Jackson reads and writes by default ----------

    public static final class Address {
        public String street;
        public String city;
        public String zip;
        public String country;
    }

    public static final class Item {
        public String sku;
        public int quantity;
        public double price;
        public List<String> tags = new ArrayList<>();
    }

    public static final class Order {
        public long id;
        public String customer;
        public String date;
        public boolean paid;
        public double total;
        public int[] flags;
        public Address shipping;
        public List<Item> items = new ArrayList<>();
        public Map<String, String> attributes = new LinkedHashMap<>();
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, "rounds", "trace", "area-words", "data-mb", "chunk-kb", "orders", "batch");
        int rounds = (int) args.getLong("rounds", 4);
        int dataMb = (int) args.getLong("data-mb", 4);
        int chunkKb = (int) args.getLong("chunk-kb", 128);
        int orders = (int) args.getLong("orders", 6000);
        int batch = (int) args.getLong("batch", 200);

        // Setup (not timed as work): seeded inputs, the same bytes in every run.
        Random random = new Random(0x5EED);
        byte[] data = text(random, dataMb << 20);
        List<byte[]> chunks = new ArrayList<>();
        for (int at = 0; at < data.length; at += chunkKb << 10) {
            chunks.add(Arrays.copyOfRange(data, at, Math.min(data.length, at + (chunkKb << 10))));
        }
        List<List<Order>> batches = new ArrayList<>();
        for (int i = 0; i < orders; i += batch) {
            List<Order> b = new ArrayList<>();
            for (int j = i; j < Math.min(orders, i + batch); j++) b.add(order(random, j));
            batches.add(b);
        }
        ObjectMapper mapper = new ObjectMapper();
        TypeReference<List<Order>> listOfOrders = new TypeReference<>() {};
        Tracer tracer = Tracer.create(args.get("trace", "none"), args.getLong("area-words", 1 << 24), 0);

        long checksum = 0;
        Phase phase = new Phase();
        phase.start();
        for (int r = 0; r < rounds; r++) {
            for (byte[] chunk : chunks) {
                tracer.beforeInput();
                checksum = checksum * 31 + bzip2RoundTrip(chunk);
                tracer.afterInput();
            }
            for (List<Order> b : batches) {
                tracer.beforeInput();
                checksum = checksum * 31 + jsonRoundTrip(mapper, listOfOrders, b);
                tracer.afterInput();
            }
        }
        String times = phase.stop();
        String tracing = tracer.finish();
        System.out.printf("RESULT %s checksum=%016x %s%n", times, checksum, tracing);
    }

    /** Compresses and decompresses one chunk; returns a digest of the compressed size and bytes. */
    static long bzip2RoundTrip(byte[] chunk) throws IOException {
        ByteArrayOutputStream packed = new ByteArrayOutputStream(chunk.length / 2);
        try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(packed, 9)) {
            out.write(chunk);
        }
        byte[] compressed = packed.toByteArray();
        byte[] back = new byte[chunk.length];
        int n = 0;
        try (InputStream in = new BZip2CompressorInputStream(new ByteArrayInputStream(compressed))) {
            for (int r; n < back.length && (r = in.read(back, n, back.length - n)) > 0; ) n += r;
            if (in.read() != -1) throw new IllegalStateException("bzip2: trailing bytes");
        }
        if (n != chunk.length || !Arrays.equals(chunk, back)) throw new IllegalStateException("bzip2 round trip differs");
        return compressed.length * 1_000_003L + Arrays.hashCode(compressed);
    }

    /** Serialises a batch, parses it back to objects and to a tree; returns a digest. */
    static long jsonRoundTrip(ObjectMapper mapper, TypeReference<List<Order>> type, List<Order> batch) throws IOException {
        byte[] json = mapper.writeValueAsBytes(batch);
        List<Order> back = mapper.readValue(json, type);
        JsonNode tree = mapper.readTree(json);
        if (back.size() != batch.size() || tree.size() != batch.size()) throw new IllegalStateException("json round trip differs");
        long sum = json.length;
        for (Order o : back) sum = sum * 31 + o.id + o.items.size() + o.attributes.size();
        for (JsonNode o : tree) sum = sum * 31 + o.get("items").size();
        return sum;
    }

    // ---- deterministic generators -----------------------------------------------------------

    private static final String[] VOCABULARY = vocabulary(new Random(42), 3000);

    private static String[] vocabulary(Random r, int n) {
        String[] words = new String[n];
        for (int i = 0; i < n; i++) {
            char[] w = new char[2 + r.nextInt(9)];
            for (int j = 0; j < w.length; j++) w[j] = (char) ('a' + r.nextInt(26));
            words[i] = new String(w);
        }
        return words;
    }

    /** Zipf-like word choice: a few words are very common, most are rare. */
    private static String word(Random r) {
        double u = r.nextDouble();
        return VOCABULARY[(int) (u * u * u * VOCABULARY.length)];
    }

    /** Text-like bytes: words, numbers, punctuation, and some stretches of random bytes. */
    static byte[] text(Random r, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 64);
        while (out.size() < size) {
            int kind = r.nextInt(100);
            if (kind < 80) {
                out.writeBytes(word(r).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(r.nextInt(12) == 0 ? '\n' : ' ');
            } else if (kind < 95) {
                out.writeBytes(Integer.toString(r.nextInt(100_000)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(r.nextBoolean() ? ',' : '.');
            } else {
                byte[] noise = new byte[1 + r.nextInt(32)];
                r.nextBytes(noise);
                out.writeBytes(noise);
            }
        }
        return Arrays.copyOf(out.toByteArray(), size);
    }

    static Order order(Random r, long id) {
        Order o = new Order();
        o.id = id;
        o.customer = word(r) + " " + word(r);
        o.date = String.format("2025-%02d-%02dT%02d:%02d:00Z", 1 + r.nextInt(12), 1 + r.nextInt(28), r.nextInt(24), r.nextInt(60));
        o.paid = r.nextBoolean();
        o.flags = new int[r.nextInt(5)];
        for (int i = 0; i < o.flags.length; i++) o.flags[i] = r.nextInt(1000);
        o.shipping = new Address();
        o.shipping.street = r.nextInt(300) + " " + word(r) + " street";
        o.shipping.city = word(r);
        o.shipping.zip = String.format("%05d", r.nextInt(100_000));
        o.shipping.country = VOCABULARY[r.nextInt(20)];
        int items = 1 + r.nextInt(8);
        for (int i = 0; i < items; i++) {
            Item it = new Item();
            it.sku = "SKU-" + Long.toHexString(r.nextLong());
            it.quantity = 1 + r.nextInt(20);
            it.price = Math.round(r.nextDouble() * 100_000) / 100.0;
            for (int t = r.nextInt(4); t > 0; t--) it.tags.add(word(r));
            o.items.add(it);
            o.total += it.quantity * it.price;
        }
        for (int a = r.nextInt(6); a > 0; a--) o.attributes.put(word(r), word(r) + "-" + r.nextInt(1000));
        return o;
    }
}
