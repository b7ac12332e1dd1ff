package com.roseash.operator.render;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import com.roseash.operator.desired.DesiredState;
import com.roseash.operator.resource.RoseAshPlatform;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * {@code render cr.yaml}: the manifests a RoseAshPlatform file produces, as multi-document YAML, with
 * no cluster, for review and for GitOps users who run without the operator.
 */
public final class Render {

    private Render() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: render <RoseAshPlatform YAML file>");
            System.exit(2);
        }
        System.exit(render(Path.of(args[0]), System.out, System.err));
    }

    static int render(Path file, PrintStream out, PrintStream err) throws IOException {
        RoseAshPlatform platform;
        try {
            platform = Serialization.unmarshal(Files.readString(file), RoseAshPlatform.class);
        } catch (RuntimeException e) {
            err.println(file + " is not a RoseAshPlatform: " + e.getMessage());
            return 1;
        }
        if (platform == null || platform.getSpec() == null || platform.getSpec().domain() == null
                || platform.getSpec().database() == null || platform.getSpec().redis() == null) {
            err.println(file + ": spec.domain, spec.database and spec.redis are required");
            return 1;
        }
        out.print(DesiredState.of(platform).stream().map(Serialization::asYaml).collect(Collectors.joining()));
        return 0;
    }
}
