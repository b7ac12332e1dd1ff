package com.roseash.operator.render;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import com.roseash.operator.desired.DesiredState;
import com.roseash.operator.resource.PlatformSpec;
import com.roseash.operator.resource.RoseAshPlatform;
import com.roseash.operator.resource.SumUpSpec;
import io.fabric8.kubernetes.client.utils.Serialization;

/**
 * {@code render cr.yaml}: the manifests a RoseAshPlatform file produces, as multi-document YAML, with
 * no cluster, for review and for GitOps users who run without the operator. {@code render -} reads the
 * resource from standard input, which is how the operator image is given a file.
 */
public final class Render {

    private Render() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: render <RoseAshPlatform YAML file, or - for standard input>");
            System.exit(2);
        }
        String source = args[0];
        String yaml = source.equals("-") ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8)
                : Files.readString(Path.of(source));
        System.exit(render(source.equals("-") ? "standard input" : source, yaml, System.out, System.err));
    }

    static int render(Path file, PrintStream out, PrintStream err) throws IOException {
        return render(file.toString(), Files.readString(file), out, err);
    }

    static int render(String file, String yaml, PrintStream out, PrintStream err) {
        RoseAshPlatform platform;
        try {
            platform = Serialization.unmarshal(yaml, RoseAshPlatform.class);
        } catch (RuntimeException e) {
            err.println(file + " is not a RoseAshPlatform: " + e.getMessage());
            return 1;
        }
        if (platform == null || platform.getSpec() == null || platform.getSpec().domain() == null
                || platform.getSpec().database() == null || platform.getSpec().redis() == null) {
            err.println(file + ": spec.domain, spec.database and spec.redis are required");
            return 1;
        }
        String incomplete = incomplete(platform.getSpec());
        if (incomplete != null) {
            err.println(file + ": " + incomplete + " is required");
            return 1;
        }
        out.print(DesiredState.of(platform).stream().map(Serialization::asYaml).collect(Collectors.joining()));
        return 0;
    }

    /**
     * The first required field missing from the optional parts of the spec. The API server refuses such a
     * resource; a file is read without it, and would otherwise render a Secret reference without a name.
     */
    private static String incomplete(PlatformSpec spec) {
        SumUpSpec sumup = spec.payments() == null ? null : spec.payments().sumup();
        if (sumup != null && sumup.merchantCode() == null) {
            return "spec.payments.sumup.merchantCode";
        }
        if (sumup != null && (sumup.apiKeySecret() == null || sumup.apiKeySecret().name() == null)) {
            return "spec.payments.sumup.apiKeySecret.name";
        }
        if (spec.mail() != null && spec.mail().host() == null) {
            return "spec.mail.host";
        }
        if (spec.mail() != null && spec.mail().credentialsSecret() != null && spec.mail().credentialsSecret().name() == null) {
            return "spec.mail.credentialsSecret.name";
        }
        return null;
    }
}
