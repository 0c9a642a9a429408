package com.virtualoffice.registration.adapters.axon;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** register_customer for RegisterCustomer: the names metrics, dashboards and log lines use for commands. */
final class CommandNames {

    private static final Map<Class<?>, String> NAMES = new ConcurrentHashMap<>();

    private CommandNames() {
    }

    static String of(Class<?> command) {
        return NAMES.computeIfAbsent(command, type ->
                type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT));
    }
}
