package io.jkcov.tools.report;

/** Methods as a Java programmer reads them: {@code decode(byte[])}, not {@code decode([B)...}. */
final class JavaNames {
    private JavaNames() {}

    static String method(ClassCoverage owner, MethodCoverage m) {
        String name = switch (m.name) {
            case "<init>" -> owner.simpleName().substring(owner.simpleName().lastIndexOf('$') + 1);
            case "<clinit>" -> "static {...}";
            default -> m.name;
        };
        return m.name.equals("<clinit>") ? name : name + "(" + parameters(m.descriptor) + ")";
    }

    /** "byte[], int" from "([BI)..." (JVMS 4.3.3); what is not a descriptor is shown as it is. */
    static String parameters(String descriptor) {
        StringBuilder out = new StringBuilder();
        int i = descriptor.indexOf('(') + 1;
        int end = descriptor.indexOf(')');
        if (i != 1 || end < 0) {
            return descriptor;
        }
        while (i < end) {
            int dims = 0;
            while (descriptor.charAt(i) == '[') {
                dims++;
                i++;
            }
            String type;
            if (descriptor.charAt(i) == 'L') {
                int semicolon = descriptor.indexOf(';', i);
                if (semicolon < 0 || semicolon > end) {
                    return descriptor;
                }
                String internal = descriptor.substring(i + 1, semicolon);
                type = internal.substring(internal.lastIndexOf('/') + 1);
                i = semicolon + 1;
            } else {
                type = primitive(descriptor.charAt(i++));
                if (type == null) {
                    return descriptor;
                }
            }
            if (out.length() > 0) {
                out.append(", ");
            }
            out.append(type).append("[]".repeat(dims));
        }
        return out.toString();
    }

    private static String primitive(char c) {
        return switch (c) {
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'D' -> "double";
            case 'F' -> "float";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'S' -> "short";
            case 'Z' -> "boolean";
            default -> null;
        };
    }
}
