package com.virtualoffice.registration.application.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Turns a host name into the addresses it stands for now (DNS, /etc/hosts): a port, so tests can name hosts. */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The JDK's resolver, as everything else in the JVM resolves. */
    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
