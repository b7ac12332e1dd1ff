package com.roseash.market.importing;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Address literals only: InetAddress.getByName parses a literal without a DNS lookup. */
class AddressKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "8.8.8.8, PUBLIC",
        "93.184.216.34, PUBLIC",
        "127.0.0.1, LOOPBACK",
        "127.255.255.254, LOOPBACK",
        "10.0.0.1, PRIVATE",
        "10.255.255.255, PRIVATE",
        "172.15.255.255, PUBLIC",
        "172.16.0.1, PRIVATE",
        "172.31.255.255, PRIVATE",
        "172.32.0.1, PUBLIC",
        "192.168.1.1, PRIVATE",
        "192.169.0.1, PUBLIC",
        "100.63.255.255, PUBLIC",
        "100.64.0.1, CARRIER_GRADE_NAT",
        "100.127.255.255, CARRIER_GRADE_NAT",
        "100.128.0.1, PUBLIC",
        "169.254.169.254, LINK_LOCAL",
        "169.253.0.1, PUBLIC",
        "224.0.0.1, MULTICAST",
        "239.255.255.250, MULTICAST",
        "0.0.0.0, ANY_LOCAL",
        "0.1.2.3, ANY_LOCAL",
        "240.0.0.1, RESERVED",
        "255.255.255.255, RESERVED"
    })
    void ipv4(String literal, AddressKind kind) throws UnknownHostException {
        assertThat(AddressKind.of(InetAddress.getByName(literal))).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "::1, LOOPBACK",
        "::, ANY_LOCAL",
        "fc00::1, PRIVATE",
        "fd12:3456:789a::1, PRIVATE",
        "fe80::1, LINK_LOCAL",
        "febf::1, LINK_LOCAL",
        "fec0::1, PRIVATE",
        "ff02::1, MULTICAST",
        "2001:4860:4860::8888, PUBLIC",
        "2606:4700:4700::1111, PUBLIC",
        "fbff::1, PUBLIC"
    })
    void ipv6(String literal, AddressKind kind) throws UnknownHostException {
        assertThat(AddressKind.of(InetAddress.getByName(literal))).isEqualTo(kind);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "::ffff:127.0.0.1, LOOPBACK",
        "::ffff:10.1.2.3, PRIVATE",
        "::ffff:169.254.169.254, LINK_LOCAL",
        "::ffff:100.64.1.1, CARRIER_GRADE_NAT",
        "::ffff:0.0.0.0, ANY_LOCAL",
        "::ffff:8.8.8.8, PUBLIC",
        "::10.1.2.3, PRIVATE",
        "::127.0.0.1, LOOPBACK",
        "64:ff9b::a9fe:a9fe, LINK_LOCAL",
        "64:ff9b::808:808, PUBLIC"
    })
    void ipv6CarryingIpv4IsJudgedByTheIpv4(String literal, AddressKind kind) throws UnknownHostException {
        assertThat(AddressKind.of(InetAddress.getByName(literal))).isEqualTo(kind);
    }

    @Test
    void mappedAddressHeldAsIpv6IsJudgedByItsIpv4() throws UnknownHostException {
        // getByName turns ::ffff:a.b.c.d into an Inet4Address; built from bytes it stays IPv6, the form a
        // resolver could hand over.
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 10, 1, 2, 3};
        InetAddress address = Inet6Address.getByAddress(null, mapped, -1);

        assertThat(address).isInstanceOf(Inet6Address.class);
        assertThat(AddressKind.of(address)).isEqualTo(AddressKind.PRIVATE);
    }
}
