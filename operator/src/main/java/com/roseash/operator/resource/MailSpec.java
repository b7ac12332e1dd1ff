package com.roseash.operator.resource;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/**
 * The SMTP server the platform's mail (order confirmations, account mail) goes through. Without it the services
 * send no mail and log that they did not.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
// A password sent on a connection without TLS is a password given away: credentials need starttls or tls.
@ValidationRule(value = "!has(self.credentialsSecret) || !has(self.security) || self.security != 'none'",
        message = "credentialsSecret: the SMTP password is sent only over starttls or tls, not with security none",
        fieldPath = ".credentialsSecret")
public record MailSpec(
        @Required
        @Pattern("^[A-Za-z0-9]([-A-Za-z0-9.]{0,251}[A-Za-z0-9])?$")
        @JsonPropertyDescription("SMTP server: a host name or an IPv4 address, without a port.")
        String host,

        @Min(1)
        @Max(65535)
        @JsonPropertyDescription("SMTP server's port; 465 with security tls, 587 otherwise, when unset.")
        Integer port,

        // No line breaks: the value goes into a mail header.
        @Pattern("^[^\\r\\n]*@[^\\r\\n]*$")
        @JsonPropertyDescription("Sender of the platform's mail, an address (\"Coop <shop@coop.example>\" or"
                + " shop@coop.example); no-reply@<domain> when unset.")
        String from,

        @Default("starttls")
        @JsonPropertyDescription("starttls (required, not optional), tls (TLS from the first byte) or none (a relay on"
                + " the pods' own network only).")
        Security security,

        @JsonPropertyDescription("A Secret with the SMTP user and password; the server is used without signing in when"
                + " unset.")
        CredentialsSpec credentialsSecret) {

    /** How the connection to the SMTP server is protected, as the services' rose-ash.mail.security reads it. */
    public enum Security {
        @JsonProperty("none") NONE,
        @JsonProperty("starttls") STARTTLS,
        @JsonProperty("tls") TLS;

        /** The value of rose-ash.mail.security. */
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A Secret in the platform's namespace, and its keys holding the SMTP user and password. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CredentialsSpec(
            @Required
            @JsonPropertyDescription("Name of the Secret.")
            String name,

            @Default("user")
            @JsonPropertyDescription("Key holding the SMTP user name.")
            String userKey,

            @Default("password")
            @JsonPropertyDescription("Key holding the SMTP password.")
            String passwordKey) {
    }
}
