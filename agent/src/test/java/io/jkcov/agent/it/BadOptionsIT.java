package io.jkcov.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A bad option stops the JVM before main: status 1, one line naming the option, no abort. */
class BadOptionsIT {

    static Stream<Arguments> cases() {
        return Jdks.all().flatMap(jdk -> Stream.of(
                Arguments.of(jdk, "foo=bar", "'foo'"),
                Arguments.of(jdk, "clinit=maybe", "clinit"),
                Arguments.of(jdk, "jdk=yes", "jdk"),
                Arguments.of(jdk, "lazy=yes", "lazy"),
                Arguments.of(jdk, "includes=a.*,includes=b.*", "includes")));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void names_the_option_and_exits_1(Path jdk, String options, String named) {
        Jvm.Outcome o = Jvm.on(jdk).jkcov(options).cp(Targets.classes()).main("jkcovit.targets.HugeMain").run();
        assertEquals(1, o.exit(), o.describe());
        assertEquals(1, o.jkcovLines().size(), o.describe());
        assertTrue(o.jkcovLines().get(0).contains(named), o.describe());
        assertTrue(o.stdout().isEmpty(), "main ran: " + o.describe());
    }
}
