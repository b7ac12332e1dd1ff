package com.roseash.operator.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.ValidationRule;

/** PostgreSQL: an external server named by a Secret, or one the operator runs (for small installs). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "has(self.external) != has(self.managed)", message = "exactly one of external and managed must be set")
public record DatabaseSpec(
        @JsonPropertyDescription("An existing PostgreSQL: a Secret with its JDBC URL, user and password.")
        SecretReferenceSpec external,

        @JsonPropertyDescription("A PostgreSQL StatefulSet run by the operator.")
        ManagedDatabaseSpec managed) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ManagedDatabaseSpec(
            @Default("\"17\"")
            @JsonPropertyDescription("PostgreSQL major version.")
            PostgresVersion version,

            @Default("10Gi")
            @JsonPropertyDescription("Size of the data volume.")
            String storageSize,

            @JsonPropertyDescription("StorageClass of the data volume; the cluster's default when unset.")
            String storageClass,

            @JsonPropertyDescription("PostgreSQL image; rose-ash/postgres-<version> of spec.images when unset. Any image"
                    + " that reads POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB and PGDATA as the Docker Library's does.")
            String image) {
    }
}
