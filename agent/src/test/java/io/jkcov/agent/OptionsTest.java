package io.jkcov.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsTest {

    @Test
    void no_options_means_everything_but_the_jdk_with_clinit_skipped() {
        for (String none : new String[] {null, ""}) {
            Options o = Options.parse(none);
            assertTrue(o.includes().matches("org.example.Foo"));
            assertFalse(o.excludes().matches("org.example.Foo"));
            assertNull(o.pcTable());
            assertFalse(o.recordClinit());
            assertFalse(o.jdk());
            assertFalse(o.lazy());
        }
    }

    @Test
    void every_key_is_read() {
        Options o = Options.parse("includes=org.example.*:com.acme.?x,excludes=org.example.gen.*,"
                + "pctable=/tmp/x.pcs,clinit=record,jdk=true,lazy=true");
        assertTrue(o.includes().matches("org.example.a.B$C"));
        assertTrue(o.includes().matches("com.acme.Ax"));
        assertFalse(o.includes().matches("com.acme.Abx"));
        assertTrue(o.excludes().matches("org.example.gen.X"));
        assertEquals("/tmp/x.pcs", o.pcTable());
        assertTrue(o.recordClinit());
        assertTrue(o.jdk());
        assertTrue(o.lazy());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "foo=bar                      | 'foo'",
            "clinit=maybe                 | clinit",
            "clinit=                      | clinit",
            "jdk=yes                      | jdk",
            "lazy=1                       | lazy",
            "includes=                    | includes",
            "pctable=                     | pctable",
            "includes=a.*,includes=b.*    | includes",
            "jdk                          | 'jdk'",
            "=x                           | '=x'",
            "jdk=true,                    | ''",
            "trace=pc                     | trace=pc",
            "trace=edges,out=/tmp/x       | trace",
            "trace=pc,out=/t,areawords=1  | areawords",
            "trace=pc,out=/t,areawords=x  | areawords",
            "trace=pc,out=/t,sectionwords=268435456 | sectionwords",
            "trace=cmp,out=/t,propagate=false | propagate",
            "out=/tmp/x                   | out",
            "areawords=100                | areawords",
    })
    void a_bad_option_is_named(String args, String named) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Options.parse(args));
        assertTrue(e.getMessage().startsWith("jkcov: "), e.getMessage());
        assertTrue(e.getMessage().contains(named), e.getMessage());
    }

    @Test
    void trace_asks_for_a_program_trace_with_its_sizes() {
        assertNull(Options.parse("jdk=true").run());
        Options.Run run = Options.parse("trace=cmp,out=/tmp/o,areawords=1000,sectionwords=64").run();
        assertEquals(new Options.Run(1, 1000, 64, "/tmp/o"), run);
        assertEquals(new Options.Run(0, Options.Run.DEFAULT_AREA_WORDS, Options.Run.DEFAULT_SECTION_WORDS, "o"),
                Options.parse("trace=pc,out=o").run());
    }

    @Test
    void the_word_limit_is_the_runtimes() {
        assertEquals(io.jkcov.Kcov.MAX_WORDS, Options.MAX_WORDS);
    }

    @Test
    void empty_excludes_excludes_nothing() {
        assertFalse(Options.parse("excludes=").excludes().matches("a.B"));
    }
}
