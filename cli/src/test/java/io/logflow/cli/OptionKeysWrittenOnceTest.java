package io.logflow.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every option key of LogFlow's main code is written once, where its {@code ConfigOption} is
 * declared: a tool that starts another names the other's options through {@code OptionArgs} and the
 * option objects, never as {@code "--kafka.bootstrap-servers"} or {@code "registry.url"} typed
 * again. Plain flag names ({@code port}, {@code topic}) may be declared by several tools, each for
 * its own command line; a dotted key belongs to one option only.
 */
class OptionKeysWrittenOnceTest {

    private static final Path ROOT = Path.of("..");
    private static final Pattern DECLARED = Pattern.compile("key\\(\\s*\"([^\"]+)\"\\s*\\)");
    private static final Pattern LITERAL = Pattern.compile("\"((?:--)?[a-z][a-z0-9.-]*)\"");

    @Test
    void noOptionKeyIsTypedOutsideItsDeclaration() throws IOException {
        Map<Path, List<String>> sources = mainSources();
        Map<String, List<String>> declared = new TreeMap<>();
        sources.forEach(
                (file, lines) -> {
                    for (int i = 0; i < lines.size(); i++) {
                        Matcher m = DECLARED.matcher(lines.get(i));
                        while (m.find()) {
                            declared.computeIfAbsent(m.group(1), k -> new ArrayList<>())
                                    .add(file + ":" + (i + 1));
                        }
                    }
                });
        // Sanity: the scan sees the job's, the connectors' and the CLI's options.
        assertThat(declared)
                .containsKeys("kafka.bootstrap-servers", "registry.url", "windows", "data-dir");

        List<String> twice = new ArrayList<>();
        declared.forEach(
                (key, where) -> {
                    if (key.contains(".") && where.size() > 1) {
                        twice.add(key + " declared at " + where);
                    }
                });
        assertThat(twice).as("dotted keys declared more than once").isEmpty();

        List<String> typed = new ArrayList<>();
        sources.forEach(
                (file, lines) -> {
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i);
                        String code = line.trim();
                        if (code.startsWith("*") || code.startsWith("//")) {
                            continue;
                        }
                        Matcher m = LITERAL.matcher(line);
                        while (m.find()) {
                            String literal = m.group(1);
                            boolean flag = literal.startsWith("--");
                            String key = flag ? literal.substring(2) : literal;
                            boolean option = declared.containsKey(key);
                            boolean inDeclaration =
                                    DECLARED.matcher(line)
                                            .results()
                                            .anyMatch(d -> d.group(1).equals(literal));
                            if (option && (flag || key.contains(".")) && !inDeclaration) {
                                typed.add(file + ":" + (i + 1) + ": \"" + literal + "\"");
                            }
                        }
                    }
                });
        assertThat(typed).as("option keys typed again in main code").isEmpty();
    }

    private static Map<Path, List<String>> mainSources() throws IOException {
        Map<Path, List<String>> out = new TreeMap<>();
        try (Stream<Path> modules = Files.list(ROOT)) {
            for (Path module : modules.toList()) {
                Path main = module.resolve("src/main/java");
                if (!Files.isDirectory(main)) {
                    continue;
                }
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                        out.put(ROOT.relativize(f), Files.readAllLines(f));
                    }
                }
            }
        }
        assertThat(out.size()).as("main source files found under " + ROOT).isGreaterThan(100);
        return out;
    }
}
