package io.jkcov.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/** The shaded jar: manifest, relocated ASM, and the runtime only as one nested jar. */
class AgentJarIT {

    @Test
    void manifest_names_the_agent_and_allows_retransformation() throws Exception {
        try (JarFile jar = new JarFile(Paths.agentJar().toFile())) {
            Attributes a = jar.getManifest().getMainAttributes();
            assertEquals("io.jkcov.agent.JkcovAgent", a.getValue("Premain-Class"));
            assertEquals("io.jkcov.agent.JkcovAgent", a.getValue("Agent-Class"));
            assertEquals("true", a.getValue("Can-Retransform-Classes"));
        }
    }

    @Test
    void asm_is_relocated_and_runtime_classes_are_only_in_the_nested_jar() throws Exception {
        try (JarFile jar = new JarFile(Paths.agentJar().toFile())) {
            List<String> names = jar.stream().map(e -> e.getName()).toList();
            assertTrue(names.contains("io/jkcov/shaded/asm/ClassReader.class"), "shaded ASM missing");
            assertTrue(names.stream().noneMatch(n -> n.startsWith("org/objectweb/")), "unrelocated ASM");
            assertTrue(names.stream().noneMatch(n -> n.endsWith("module-info.class")), "a module descriptor");
            assertTrue(names.stream().noneMatch(n -> n.startsWith("io/jkcov/internal/")), "runtime classes shaded in");
            assertTrue(names.stream().noneMatch(n -> n.matches("io/jkcov/[^/]+\\.class")), "runtime classes shaded in");
            assertNotNull(jar.getEntry("io/jkcov/agent/jkcov-runtime.jar"));
            assertTrue(names.contains("io/jkcov/instrument/Instrumenter.class"));
        }
    }
}
