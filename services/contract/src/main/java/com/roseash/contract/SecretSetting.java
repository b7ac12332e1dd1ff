package com.roseash.contract;

/**
 * A secret setting a service reads, and the key of the platform's generated Secret its value comes from.
 *
 * @param key       configuration key, for example {@code rose-ash.session.secret}
 * @param secretKey key in the Secret {@code <platform>-secrets}
 * @param optional  true when the service starts without it (the pod must not fail on a missing key)
 */
public record SecretSetting(String key, String secretKey, boolean optional) {

    static SecretSetting required(String key, String secretKey) {
        return new SecretSetting(key, secretKey, false);
    }

    static SecretSetting optional(String key, String secretKey) {
        return new SecretSetting(key, secretKey, true);
    }

    public String environmentVariable() {
        return RuntimeKeys.environmentVariable(key);
    }
}
