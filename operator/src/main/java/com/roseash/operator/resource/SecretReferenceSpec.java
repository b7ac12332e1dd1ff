package com.roseash.operator.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

/** A Secret in the platform's namespace, and the keys to read from it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretReferenceSpec(
        @Required
        @JsonPropertyDescription("Name of the Secret.")
        String name,

        @Default("url")
        @JsonPropertyDescription("Key holding the URL.")
        String urlKey,

        @Default("user")
        @JsonPropertyDescription("Key holding the user name (PostgreSQL).")
        String userKey,

        @Default("password")
        @JsonPropertyDescription("Key holding the password.")
        String passwordKey) {
}
