package jkcovit.lazy;

import jkcovit.targets.Branches;

/** Runs instrumentable code and never enables tracing: with lazy=true nothing gets probes. */
public final class Untraced {
    public static void main(String[] args) {
        for (int i = 0; i < 10_000; i++) Branches.run();
        System.out.println("done");
    }
}
