package com.roseash.operator.resource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.fabric8.crdv2.generator.CRDGenerator;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * crds/ (and the Helm chart's copy) hold what the Fabric8 CRD generator writes from the Java model. Rerun
 * with {@code -Drose-ash.crds.write=true} after changing the model.
 */
class CrdYamlTest {

    static final Path CHECKED_IN = Path.of("../crds/roseashplatforms.rose-ash.com-v1.yml");
    /** Helm reads files from inside its chart only; HelmChartTest holds the copy to crds/. */
    static final Path CHART_COPY = Path.of("../helm/rose-ash-operator/files/roseashplatforms.rose-ash.com-v1.yml");

    @Test
    void theCheckedInCrdIsWhatTheModelGenerates() throws IOException {
        Path generated = Files.createTempDirectory("crds");
        new CRDGenerator().inOutputDir(generated.toFile()).forCRDVersions("v1")
                .customResourceClasses(RoseAshPlatform.class).generate();
        String yaml = Files.readString(generated.resolve("roseashplatforms.rose-ash.com-v1.yml"));
        if (Boolean.getBoolean("rose-ash.crds.write")) {
            Files.writeString(CHECKED_IN, yaml);
            Files.writeString(CHART_COPY, yaml);
        }

        assertThat(Files.readString(CHECKED_IN)).as("crds/ is stale; rerun with -Drose-ash.crds.write=true").isEqualTo(yaml);
        assertThat(yaml).contains("shortNames:").contains("- \"rap\"").contains("x-kubernetes-validations");
    }
}
