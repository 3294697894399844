package jkcovit.targets;

/** Comparisons whose records are known (kcov-model.md section 3). */
public final class Compares {
    public static void run() {
        compare(3, 9, 10L);
        table(2);
        lookup(1000);
    }

    static int compare(int a, int b, long l) {
        int r = 0;
        if (a < b) r++;               // @icmp     if_icmpge: SIZE(2) a b
        if (a > 5) r++;               // @iconst   if_icmple with literal 5: CONST|SIZE(2) 5 a
        if (l == 10L) r++;            // @lcmp     lcmp, literal right: CONST|SIZE(3) 10 l
        if (b != 0) r++;              // @ifzero   ifeq: CONST|SIZE(2) 0 b
        return r;
    }

    static int table(int v) {
        switch (v) {                  // @table    tableswitch 1..3: one record per case
            case 1: return 10;
            case 2: return 20;
            case 3: return 30;
            default: return 0;
        }
    }

    static int lookup(int v) {
        switch (v) {                  // @lookup   lookupswitch: one record per key
            case 10: return 1;
            case 1000: return 2;
            default: return 0;
        }
    }
}
