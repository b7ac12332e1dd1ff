package com.roseash.federation.users;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * The address a request came from. Behind the ingress the peer is the ingress itself, so the last
 * {@code X-Forwarded-For} entry (the one our ingress appended) is used; earlier entries are the
 * client's to write and are not trusted.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(ServerRequest request) {
        String forwarded = request.headers().first(HeaderNames.X_FORWARDED_FOR).orElse("");
        if (!forwarded.isBlank()) {
            String[] hops = forwarded.split(",");
            return hops[hops.length - 1].strip();
        }
        SocketAddress peer = request.remotePeer().address();
        if (peer instanceof InetSocketAddress inet) {
            // An unresolved address (no InetAddress) still has the host it was given.
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return String.valueOf(peer);
    }
}
