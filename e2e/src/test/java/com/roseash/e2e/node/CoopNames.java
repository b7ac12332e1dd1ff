package com.roseash.e2e.node;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The test platform's host names (coop.test and every *.coop.test) resolve to the node's ingress, as a
 * DNS record would point them at a load balancer; every other name resolves as usual. Chromium gets the
 * same mapping through --host-resolver-rules.
 */
public final class CoopNames extends InetAddressResolverProvider {

    static final String DOMAIN = "coop.test";
    /** The ingress's address, set by the scenario once its cluster is up; the real node's until then. */
    static final String INGRESS_PROPERTY = "rose-ash.e2e.ingress";

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                String name = host.toLowerCase(Locale.ROOT);
                if (name.equals(DOMAIN) || name.endsWith("." + DOMAIN)) {
                    String ingress = System.getProperty(INGRESS_PROPERTY, RealNode.NODE_IP);
                    return Stream.of(InetAddress.getByAddress(host, InetAddress.getByName(ingress).getAddress()));
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "rose-ash e2e: " + DOMAIN + " at the node's ingress";
    }
}
