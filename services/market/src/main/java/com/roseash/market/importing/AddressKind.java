package com.roseash.market.importing;

import java.net.InetAddress;
import java.util.Arrays;

/**
 * What an IP address reaches, as far as an import is concerned: only {@link #PUBLIC} is the web. The others are
 * this machine, our own networks, or the cloud's metadata service, which a pasted URL must never make us call.
 * IPv6 forms that carry an IPv4 address (mapped {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d}, NAT64
 * {@code 64:ff9b::a.b.c.d}) are judged by the IPv4 address they carry.
 */
public enum AddressKind {

    PUBLIC("a public address"),
    LOOPBACK("a loopback address (this machine)"),
    PRIVATE("a private network address"),
    CARRIER_GRADE_NAT("a carrier-grade NAT address (shared, not public)"),
    LINK_LOCAL("a link-local address (where cloud metadata services answer)"),
    MULTICAST("a multicast address"),
    ANY_LOCAL("an any-local address (0.0.0.0 or ::, which reach this machine)"),
    RESERVED("a reserved address");

    private final String description;

    AddressKind(String description) {
        this.description = description;
    }

    /** For people: "a private network address". */
    public String description() {
        return description;
    }

    public static AddressKind of(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? ofIpv4(bytes) : ofIpv6(bytes);
    }

    private static AddressKind ofIpv4(byte[] bytes) {
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        if (first == 127) {
            return LOOPBACK;
        }
        if (first == 10 || (first == 172 && (second & 0xF0) == 16) || (first == 192 && second == 168)) {
            return PRIVATE;
        }
        if (first == 100 && (second & 0xC0) == 64) {
            return CARRIER_GRADE_NAT;
        }
        if (first == 169 && second == 254) {
            return LINK_LOCAL;
        }
        if (first >= 224 && first <= 239) {
            return MULTICAST;
        }
        if (first == 0) {
            // 0.0.0.0/8, "this network": Linux connects 0.0.0.0 to the local machine.
            return ANY_LOCAL;
        }
        if (first >= 240) {
            return RESERVED;
        }
        return PUBLIC;
    }

    private static AddressKind ofIpv6(byte[] bytes) {
        if (zeros(bytes, 0, 16)) {
            return ANY_LOCAL;
        }
        if (zeros(bytes, 0, 15) && bytes[15] == 1) {
            return LOOPBACK;
        }
        boolean mapped = zeros(bytes, 0, 10) && (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
        boolean compatible = zeros(bytes, 0, 12);
        boolean nat64 = bytes[0] == 0 && bytes[1] == 0x64 && (bytes[2] & 0xFF) == 0xFF && (bytes[3] & 0xFF) == 0x9B
                && zeros(bytes, 4, 12);
        if (mapped || compatible || nat64) {
            return ofIpv4(Arrays.copyOfRange(bytes, 12, 16));
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        if ((first & 0xFE) == 0xFC) {
            return PRIVATE; // fc00::/7, unique local
        }
        if (first == 0xFE && (second & 0xC0) == 0x80) {
            return LINK_LOCAL; // fe80::/10
        }
        if (first == 0xFE && (second & 0xC0) == 0xC0) {
            return PRIVATE; // fec0::/10, the deprecated site-local, still routed on some networks
        }
        if (first == 0xFF) {
            return MULTICAST;
        }
        return PUBLIC;
    }

    private static boolean zeros(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
