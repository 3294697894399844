package io.jkcov.wholeprocess;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Start-up cost: loads (defines, without initialising) every class of the library jars on the
 * class path whose file name contains one of {@code --jars} (comma-separated), and times it. With
 * an agent, each definition goes through its transformer, so the difference with the no-agent
 * time is the agent's cost per class. Classes that cannot be loaded (optional dependencies that
 * are absent) are counted apart.
 */
public final class LoadClasses {

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv, "jars");
        String[] wanted = args.get("jars", "commons-compress,jackson-").split(",");
        double atMain = Args.sinceLaunchMs();
        List<String> names = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            String file = new File(entry).getName();
            boolean match = false;
            for (String w : wanted) match |= file.contains(w);
            if (match && file.endsWith(".jar")) names.addAll(classesIn(entry));
        }
        ClassLoader loader = LoadClasses.class.getClassLoader();
        int loaded = 0;
        int failed = 0;
        Phase phase = new Phase();
        phase.start();
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (LinkageError | ClassNotFoundException e) {
                failed++;
            }
        }
        String times = phase.stop();
        System.out.printf("RESULT %s main_at_ms=%.1f classes=%d failed=%d%n", times, atMain, loaded, failed);
    }

    static List<String> classesIn(String jar) throws IOException {
        List<String> names = new ArrayList<>();
        try (JarFile j = new JarFile(jar)) {
            for (Enumeration<JarEntry> e = j.entries(); e.hasMoreElements(); ) {
                String n = e.nextElement().getName();
                if (!n.endsWith(".class") || n.startsWith("META-INF/") || n.endsWith("module-info.class")) continue;
                names.add(n.substring(0, n.length() - ".class".length()).replace('/', '.'));
            }
        }
        return names;
    }
}
