package com.roseash.platform.fragments;

import java.util.regex.Pattern;

import com.roseash.contract.ServiceName;

/** A fragment type served by a service, for example {@code federation/account-menu}. */
public record Fragment(ServiceName service, String type) {

    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]*");

    public Fragment {
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("Fragment type must be lowercase words with dashes: " + type);
        }
    }
}
