package com.roseash.operator.reconcile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.roseash.operator.resource.PlatformStatus;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The health checks docs/gitops.md gives GitOps controllers, run as they run them: Argo CD's Lua check
 * (manifests/gitops/argocd-health.lua) in a Lua 5.1 interpreter, Flux's healthCheckExprs
 * (manifests/gitops/flux.yaml) in CEL, each against statuses the operator writes.
 */
class GitOpsHealthTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aReadyPlatformIsHealthyAndCurrent() throws Exception {
        JsonNode platform = platform(4, StatusReport.of(StatusReportTest.PLATFORM, 4, StatusReportTest.migrated(
                StatusReportTest.rolledOut(), Map.of()), null, NOW));

        assertThat(argo(platform)).containsEntry("status", "Healthy");
        assertThat(flux(platform)).isEqualTo("Current");
    }

    @Test
    void runningMigrationsAreProgressingWithTheReason() throws Exception {
        JsonNode platform = platform(4, StatusReport.of(StatusReportTest.PLATFORM, 4, new Observed(
                Optional.of(new JobBuilder().withNewMetadata().withName("coop-migrate-x").endMetadata().build()),
                Map.of(), Optional.empty(), Optional.empty(), Map.of()), null, NOW));

        assertThat(argo(platform)).containsEntry("status", "Progressing").extractingByKey("message").asString()
                .startsWith("MigrationsRunning");
        assertThat(flux(platform)).isEqualTo("InProgress");
    }

    @Test
    void failedMigrationsAndARefusedChildAreDegradedAndFailed() throws Exception {
        PlatformStatus ready = StatusReport.of(StatusReportTest.PLATFORM, 4, StatusReportTest.migrated(
                StatusReportTest.rolledOut(), Map.of()), null, NOW);
        JsonNode migrationsFailed = platform(5, StatusReport.of(StatusReportTest.PLATFORM, 5, new Observed(
                Optional.of(StatusReportTest.job("Failed")), StatusReportTest.rolledOut(), Optional.empty(), Optional.empty(),
                Map.of()), ready, NOW));
        JsonNode refused = platform(5, StatusReport.failed(ready, 5, "deployments: coop-cart is invalid", NOW));

        assertThat(argo(migrationsFailed)).containsEntry("status", "Degraded").extractingByKey("message").asString()
                .startsWith("MigrationsFailed: ").contains("BackoffLimitExceeded");
        assertThat(flux(migrationsFailed)).isEqualTo("Failed");
        assertThat(argo(refused)).containsEntry("status", "Degraded").containsEntry("message",
                "ReconcileFailed: deployments: coop-cart is invalid");
        assertThat(flux(refused)).as("Ready stays True, Degraded wins").isEqualTo("Failed");
    }

    @Test
    void aStuckRolloutIsDegradedAndFailedWithTheServiceAndItsCause() throws Exception {
        Observed pullFails = StatusReportTest.notReady("blog",
                List.of(StatusReportTest.pod("blog", "Pending", StatusReportTest.waiting("blog", "ErrImagePull", "not found"))));
        Observed probeFails = StatusReportTest.notReady("blog",
                List.of(StatusReportTest.pod("blog", "Running", StatusReportTest.running("blog", NOW.minusSeconds(600)))));
        JsonNode pullFailing = platform(4, StatusReport.of(StatusReportTest.PLATFORM, 4, pullFails, null, NOW));
        JsonNode probeFailing = platform(4, StatusReport.of(StatusReportTest.PLATFORM, 4, probeFails, null, NOW));

        assertThat(argo(pullFailing)).containsEntry("status", "Degraded").containsEntry("message",
                "ImagePullFailed: blog: image registry.test/rose-ash/blog:1.0.0 cannot be pulled");
        assertThat(flux(pullFailing)).isEqualTo("Failed");
        assertThat(argo(probeFailing)).as("not stuck: it may yet pass").containsEntry("status", "Progressing")
                .extractingByKey("message").asString().startsWith("ProbeFailing: blog: container blog runs but is not ready");
        assertThat(flux(probeFailing)).isEqualTo("InProgress");
    }

    @Test
    void aStatusOfAnEarlierGenerationOrNoneIsProgressing() throws Exception {
        JsonNode stale = platform(6, StatusReport.of(StatusReportTest.PLATFORM, 5, StatusReportTest.migrated(
                StatusReportTest.rolledOut(), Map.of()), null, NOW));
        JsonNode fresh = JSON.readTree("{\"metadata\":{\"name\":\"coop\",\"generation\":1}}");

        assertThat(argo(stale)).containsEntry("status", "Progressing")
                .containsEntry("message", "Waiting for the operator to observe generation 6");
        assertThat(flux(stale)).isEqualTo("InProgress");
        assertThat(argo(fresh)).containsEntry("status", "Progressing");
        // Before the operator's first status there is no status to read: Flux's evaluation fails, and
        // Flux keeps waiting (until its timeout), as it does for a platform in progress.
        assertThat(flux(fresh)).isEqualTo("Waiting");
    }

    /** The object as a controller reads it: metadata with its generation, and the status as the API returns it. */
    private static JsonNode platform(long generation, PlatformStatus status) throws Exception {
        return JSON.readTree("{\"metadata\":{\"name\":\"coop\",\"generation\":" + generation + "},\"status\":"
                + Serialization.asJson(status) + "}");
    }

    private static Map<String, String> argo(JsonNode platform) throws Exception {
        Globals lua = JsePlatform.standardGlobals();
        lua.set("obj", toLua(platform));
        LuaValue result = lua.load(Files.readString(Path.of("../manifests/gitops/argocd-health.lua")), "health.lua").call();
        Map<String, String> health = new LinkedHashMap<>();
        health.put("status", result.get("status").tojstring());
        health.put("message", result.get("message").tojstring());
        return health;
    }

    /**
     * What Flux's StatusEvaluator does (fluxcd/pkg runtime/cel): a status.observedGeneration other than
     * metadata.generation is InProgress; otherwise inProgress, failed and current are evaluated in that
     * order and the first that holds wins, none holding being InProgress. The object's top-level fields are
     * the expressions' variables; an expression naming one the object lacks cannot be evaluated, and Flux
     * keeps waiting.
     */
    private static String flux(JsonNode platform) throws Exception {
        JsonNode expressions = null;
        for (String document : Files.readString(Path.of("../manifests/gitops/flux.yaml")).split("\n---\n")) {
            JsonNode object = JSON.valueToTree(Serialization.unmarshal(document, Map.class));
            if (object.has("spec") && object.path("spec").has("healthCheckExprs")) {
                expressions = object.path("spec").path("healthCheckExprs").get(0);
            }
        }
        assertThat(expressions).as("flux.yaml has healthCheckExprs").isNotNull();
        JsonNode observed = platform.path("status").path("observedGeneration");
        if (observed.isNumber() && observed.asLong() != platform.path("metadata").path("generation").asLong()) {
            return "InProgress";
        }
        Map<String, Object> variables = new LinkedHashMap<>();
        platform.fields().forEachRemaining(field -> variables.put(field.getKey(), toCel(field.getValue())));
        for (String state : List.of("inProgress", "failed", "current")) {
            String expression = expressions.path(state).asText("");
            if (expression.isEmpty()) {
                continue;
            }
            try {
                if (holds(expression, variables)) {
                    return switch (state) {
                        case "inProgress" -> "InProgress";
                        case "failed" -> "Failed";
                        default -> "Current";
                    };
                }
            } catch (CelValidationException | CelEvaluationException cannotBeEvaluated) {
                return "Waiting";
            }
        }
        return "InProgress";
    }

    /** Only the fields the object has are variables, as in cel-go where a missing one is an error. */
    private static boolean holds(String expression, Map<String, Object> variables) throws CelValidationException,
            CelEvaluationException {
        var builder = CelCompilerFactory.standardCelCompilerBuilder().setStandardMacros(CelStandardMacro.STANDARD_MACROS);
        variables.keySet().forEach(name -> builder.addVar(name, SimpleType.DYN));
        CelAbstractSyntaxTree ast = builder.build().compile(expression).getAst();
        CelRuntime runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
        return Boolean.TRUE.equals(runtime.createProgram(ast).eval(variables));
    }

    private static Object toCel(JsonNode node) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> map.put(field.getKey(), toCel(field.getValue())));
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.forEach(element -> list.add(toCel(element)));
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        return node.asText();
    }

    private static LuaValue toLua(JsonNode node) {
        if (node.isObject()) {
            LuaTable table = new LuaTable();
            node.fields().forEachRemaining(field -> {
                if (!field.getValue().isNull()) {
                    table.set(field.getKey(), toLua(field.getValue()));
                }
            });
            return table;
        }
        if (node.isArray()) {
            LuaTable table = new LuaTable();
            for (int i = 0; i < node.size(); i++) {
                table.set(i + 1, toLua(node.get(i)));
            }
            return table;
        }
        if (node.isNumber()) {
            return LuaValue.valueOf(node.asDouble());
        }
        if (node.isBoolean()) {
            return LuaValue.valueOf(node.asBoolean());
        }
        return LuaValue.valueOf(node.asText());
    }
}
