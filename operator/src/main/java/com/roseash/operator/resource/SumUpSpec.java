package com.roseash.operator.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The cart's SumUp account. The API key is a secret, so the resource names the Secret holding it and the cart
 * reads it by reference; the merchant code and the API's URL are plain settings.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// The API key travels in every request's Authorization header: plain http would hand it to the network.
// (On the class: a rule on a record component is generated twice, for the field and for its accessor.)
@ValidationRule(value = "!has(self.apiUrl) || self.apiUrl.matches('^https://[^/?#@ ]+(/[^ ]*)?$')",
        message = "apiUrl: must be an https:// URL (the API key must not travel unencrypted)", fieldPath = ".apiUrl")
public record SumUpSpec(
        @Required
        // Letters and digits only, as SumUp gives them: a pasted API key (sup_sk_...) is refused, not stored in plain text.
        @Pattern("^[A-Za-z0-9]{1,64}$")
        @JsonPropertyDescription("The SumUp merchant code every checkout pays (letters and digits, e.g. MH4H92C7).")
        String merchantCode,

        @Required
        @JsonPropertyDescription("The Secret holding the merchant's secret API key (sup_sk_...).")
        ApiKeySecretSpec apiKeySecret,

        @Default(SumUpSpec.DEFAULT_API_URL)
        @Size(max = 2048)
        @JsonPropertyDescription("SumUp's API, https only.")
        String apiUrl) {

    public static final String DEFAULT_API_URL = "https://api.sumup.com";

    /** A Secret in the platform's namespace and its key holding the API key. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ApiKeySecretSpec(
            @Required
            @JsonPropertyDescription("Name of the Secret.")
            String name,

            @Default("api-key")
            @JsonPropertyDescription("Key holding the API key.")
            String key) {
    }
}
