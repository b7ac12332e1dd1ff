package com.roseash.operator.resource;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The PostgreSQL major versions the managed database can run, one {@code rose-ash/postgres-<major>} image
 * each (images/); the schema lists them as an enum.
 */
public enum PostgresVersion {
    @JsonProperty("15") V15,
    @JsonProperty("16") V16,
    @JsonProperty("17") V17,
    @JsonProperty("18") V18;

    /** The major version, as in the image tag. */
    public String number() {
        return name().substring(1);
    }
}
