package example.targets;

/** compareTo(Object) is a bridge javac adds; it is left alone. */
public final class Bridges implements Comparable<Bridges> {

    private final int v;

    public Bridges(int v) {
        this.v = v;
    }

    @Override
    public int compareTo(Bridges other) {
        return Integer.compare(v, other.v);   // #compareTo
    }
}
