package io.jkcov.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GlobsTest {

    @ParameterizedTest
    @CsvSource({
            "*, org.example.Foo, true",
            "org.example.*, org.example.Foo, true",
            "org.example.*, org.example.sub.Foo$Bar, true",
            "org.example.*, org.exampleX.Foo, false",
            "org.example.Foo, org.example.Foo, true",
            "org.example.Foo, org.example.Foo$1, false",
            "org.example.Foo*, org.example.Foo$1, true",
            "org.example.F?o, org.example.Fuo, true",
            "org.example.F?o, org.example.Fo, false",
            "*.Foo, a.b.Foo, true",
            "*.Foo, a.b.FooBar, false",
            "a*b*c, a-x-b-y-c, true",
            "a*b*c, a-x-b-y-d, false",
            "**, x, true",
    })
    void matches_dotted_names(String glob, String name, boolean expected) {
        assertEquals(expected, Globs.parse(glob).matches(name));
    }

    @ParameterizedTest
    @CsvSource({
            "a.*:b.*, b.X, true",
            "a.*:b.*, c.X, false",
            "'', a.X, false",
            "':a.*:', a.X, true",
    })
    void a_list_matches_if_one_glob_does(String spec, String name, boolean expected) {
        assertEquals(expected, Globs.parse(spec).matches(name));
    }
}
