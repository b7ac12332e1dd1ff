package com.roseash.operator.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * operator/target/rose-ash-operator.jar, run the way a GitOps user without Maven runs it: {@code java -jar}
 * with nothing else on the class path, prints what the operator itself would render.
 */
class RunnableJarIT {

    private static final Path JAR = Path.of("target/rose-ash-operator.jar");
    private static final Path SAMPLE = Path.of("../manifests/samples/coop/platform.yaml");

    @Test
    void rendersAFileAsTheOperatorDoes() throws Exception {
        assertThat(run(List.of("render", SAMPLE.toString()), null)).isEqualTo(inProcess());
    }

    @Test
    void rendersStandardInput() throws Exception {
        assertThat(run(List.of("render", "-"), Files.readString(SAMPLE))).isEqualTo(inProcess());
    }

    @Test
    void aFileThatIsNotAPlatformExitsOneWithTheReason() throws Exception {
        Process process = start(List.of("render", "-"));
        process.getOutputStream().write("kind: ConfigMap\n".getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(errors).contains("standard input");
    }

    private static String inProcess() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(Render.render(SAMPLE, new PrintStream(out, true, StandardCharsets.UTF_8), System.err)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String run(List<String> arguments, String input) throws Exception {
        Process process = start(arguments);
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).isZero();
        return output;
    }

    private static Process start(List<String> arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(arguments);
        return new ProcessBuilder(command).start();
    }
}
