package com.roseash.operator.resource;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** How the cart takes payments. Without a provider the cart keeps carts but refuses checkout, saying why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PaymentsSpec(
        @JsonPropertyDescription("SumUp's hosted checkout: the merchant, and the Secret with its API key.")
        SumUpSpec sumup) {
}
