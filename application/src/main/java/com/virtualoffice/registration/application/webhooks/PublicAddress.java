package com.virtualoffice.registration.application.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which addresses are on the public internet, and so fit to receive webhooks: not this machine, not its networks,
 * not the cloud's metadata service. Written out here because the JDK's {@code InetAddress} flags miss CGNAT,
 * unique-local IPv6 and the IPv4 addresses embedded in IPv6 ones, and no library on the class path covers them.
 */
public final class PublicAddress {

    /** CIDR blocks that never lead to the public internet (RFC 6890 and friends). */
    private static final List<Block> NOT_PUBLIC = List.of(
            Block.of("0.0.0.0/8"),          // "this network", 0.0.0.0 included
            Block.of("10.0.0.0/8"),         // private
            Block.of("100.64.0.0/10"),      // carrier-grade NAT
            Block.of("127.0.0.0/8"),        // loopback
            Block.of("169.254.0.0/16"),     // link-local, the cloud metadata service
            Block.of("172.16.0.0/12"),      // private
            Block.of("192.0.0.0/24"),       // IETF protocol assignments
            Block.of("192.168.0.0/16"),     // private
            Block.of("198.18.0.0/15"),      // benchmarking
            Block.of("224.0.0.0/4"),        // multicast
            Block.of("240.0.0.0/4"),        // reserved, the broadcast address included
            Block.of("::/128"),             // unspecified
            Block.of("::1/128"),            // loopback
            Block.of("100::/64"),           // discard-only
            Block.of("fc00::/7"),           // unique-local
            Block.of("fe80::/10"),          // link-local
            Block.of("fec0::/10"),          // site-local (deprecated, still routed by some)
            Block.of("ff00::/8"));          // multicast

    /** IPv6 blocks whose addresses carry an IPv4 address, at this byte offset: that one must be public too. */
    private static final List<Embedding> EMBEDDING = List.of(
            new Embedding(Block.of("::ffff:0:0/96"), 12),    // IPv4-mapped
            new Embedding(Block.of("::/96"), 12),            // IPv4-compatible (deprecated)
            new Embedding(Block.of("64:ff9b::/96"), 12),     // NAT64
            new Embedding(Block.of("2002::/16"), 2));        // 6to4

    private static final Pattern IPV4_PART = Pattern.compile("0[xX][0-9a-fA-F]*|0[0-7]*|[1-9][0-9]*");

    private PublicAddress() {
    }

    public static boolean isPublic(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (NOT_PUBLIC.stream().anyMatch(block -> block.contains(bytes))) {
            return false;
        }
        for (Embedding embedding : EMBEDDING) {
            if (embedding.block().contains(bytes)) {
                return isPublic(ipv4(Arrays.copyOfRange(bytes, embedding.offset(), embedding.offset() + 4)));
            }
        }
        return true;
    }

    /**
     * A host written as an IPv4 address in any spelling {@code inet_aton} accepts, as curl, browsers and the C
     * library read it: one to four dot-separated parts, each decimal, octal (leading 0) or hex (0x), the last
     * filling the remaining bytes ({@code 2130706433}, {@code 0177.0.0.1}, {@code 127.1}, {@code 0x7f.1} are all
     * 127.0.0.1). Empty when the host is not such a spelling (then it is a name).
     */
    public static Optional<InetAddress> ipv4Literal(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return Optional.empty();
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!IPV4_PART.matcher(parts[i]).matches() || parts[i].length() > 12) {
                return Optional.empty();
            }
            values[i] = value(parts[i]);
        }
        long address = 0;
        for (int i = 0; i < values.length - 1; i++) {
            if (values[i] > 0xff) {
                return Optional.empty();
            }
            address = address << 8 | values[i];
        }
        int lastBytes = 5 - values.length;
        long last = values[values.length - 1];
        if (last >= 1L << (8 * lastBytes)) {
            return Optional.empty();
        }
        address = address << (8 * lastBytes) | last;
        return Optional.of(ipv4(new byte[] {(byte) (address >> 24), (byte) (address >> 16), (byte) (address >> 8),
                (byte) address}));
    }

    private static long value(String part) {
        if (part.startsWith("0x") || part.startsWith("0X")) {
            return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
        }
        if (part.length() > 1 && part.startsWith("0")) {
            return Long.parseLong(part.substring(1), 8);
        }
        return Long.parseLong(part);
    }

    private static InetAddress ipv4(byte[] bytes) {
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException impossible) {
            throw new IllegalArgumentException("four bytes are always an address", impossible);
        }
    }

    private record Embedding(Block block, int offset) {
    }

    private record Block(byte[] network, int prefixLength) {

        static Block of(String cidr) {
            int slash = cidr.indexOf('/');
            try {
                // Literal addresses only: nothing is looked up.
                byte[] network = InetAddress.getByName(cidr.substring(0, slash)).getAddress();
                if (cidr.startsWith("::ffff:")) {
                    // The JDK reads an IPv4-mapped literal as the IPv4 address; the block is the IPv6 one.
                    network = new byte[16];
                    network[10] = (byte) 0xff;
                    network[11] = (byte) 0xff;
                }
                return new Block(network, Integer.parseInt(cidr.substring(slash + 1)));
            } catch (UnknownHostException notALiteral) {
                throw new IllegalArgumentException(cidr, notALiteral);
            }
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = prefixLength / 8;
            for (int i = 0; i < whole; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefixLength % 8;
            if (rest == 0) {
                return true;
            }
            int mask = 0xff << (8 - rest) & 0xff;
            return (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
