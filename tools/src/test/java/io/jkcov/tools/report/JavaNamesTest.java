package io.jkcov.tools.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JavaNamesTest {

    @Test
    void descriptors_read_as_java_parameter_lists() {
        assertEquals("", JavaNames.parameters("()V"));
        assertEquals("byte[], int", JavaNames.parameters("([BI)J"));
        assertEquals("String[][], Map$Entry, long", JavaNames.parameters("([[Ljava/lang/String;Ljava/util/Map$Entry;J)V"));
        assertEquals("not a descriptor", JavaNames.parameters("not a descriptor"));
        assertEquals("(Q)V", JavaNames.parameters("(Q)V"));
    }

    @Test
    void constructors_take_the_class_name_and_static_initialisers_read_as_such() {
        ClassCoverage c = new ClassCoverage("com/example/Outer$Inner", "Outer.java");
        assertEquals("Inner(int)", JavaNames.method(c, c.method("<init>", "(I)V")));
        assertEquals("static {...}", JavaNames.method(c, c.method("<clinit>", "()V")));
        assertEquals("run()", JavaNames.method(c, c.method("run", "()V")));
    }
}
