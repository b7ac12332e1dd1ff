package com.roseash.images;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What the Java images are cut to hold, against what their modules use. */
class JavaRuntimeIT {

    private static final Path REPOSITORY = Path.of(System.getProperty("rose-ash.repository"));

    @Test
    void theRuntimeHoldsEveryModuleJdepsFindsInEachImagesClassPath() throws Exception {
        for (JavaApp app : JavaApp.ALL) {
            Path target = REPOSITORY.resolve(app.module()).resolve("target");
            String jar = target.resolve(Path.of(app.module()).getFileName() + "-" + System.getProperty("rose-ash.version")
                    + ".jar").toString();
            String needed = jdeps("--ignore-missing-deps", "--multi-release", String.valueOf(Runtime.version().feature()),
                    "--print-module-deps", "--class-path", target.resolve("libs") + "/*", jar).strip();
            assertThat(JavaRuntime.MODULES).as(app.name() + " needs " + needed).containsAll(List.of(needed.split(",")));
        }
    }

    @Test
    void eachImagesSourcesNameEveryModuleOfThisRepositoryItIsMadeFrom() throws Exception {
        for (JavaApp app : JavaApp.ALL) {
            List<String> ownJars = new ArrayList<>();
            try (Stream<Path> libs = Files.list(REPOSITORY.resolve(app.module()).resolve("target/libs"))) {
                libs.map(path -> path.getFileName().toString()).filter(name -> name.endsWith("-SNAPSHOT.jar"))
                        .forEach(ownJars::add);
            }
            for (String jar : ownJars) {
                String module = jar.substring(0, jar.indexOf("-" + System.getProperty("rose-ash.version")));
                assertThat(app.sources()).as(app.name() + " is made from " + jar + ": its revision label must follow it")
                        .anyMatch(source -> Path.of(source).getFileName().toString().equals(module));
            }
        }
    }

    private static String jdeps(String... arguments) {
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = jdeps.run(new PrintWriter(out), new PrintWriter(err), arguments);
        assertThat(exit).as(err.toString()).isZero();
        return out.toString();
    }
}
