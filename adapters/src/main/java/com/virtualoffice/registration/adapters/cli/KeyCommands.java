package com.virtualoffice.registration.adapters.cli;

import static com.virtualoffice.registration.adapters.cli.OperatorCli.OK;

import com.virtualoffice.registration.application.apikeys.ApiKeyView;
import com.virtualoffice.registration.application.shared.Provenance;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

@Command(name = "key", mixinStandardHelpOptions = true, description = "Issue, list, revoke and delete API keys.")
final class KeyCommands extends CommandGroup {

    private final OperatorServices services;

    KeyCommands(OperatorServices services) {
        this.services = services;
    }

    @Command(name = "issue", mixinStandardHelpOptions = true,
            description = "Issue a new API key for a seller; prints the key, shown this once.")
    int issue(@Parameters(paramLabel = "SELLER_ID") UUID sellerId,
              @Option(names = "--name", description = "what the key is for") String name,
              @Option(names = "--expires-at", paramLabel = "TIMESTAMP",
                      description = "when it stops working, e.g. 2027-01-01T00:00:00Z") String expiresAt) {
        Instant expiry = expiresAt == null ? null : futureInstant(expiresAt);
        return answer(services.issueApiKey().issue(sellerId, name, expiry, Provenance.operator(null, null)),
                why -> refused(why, "seller " + sellerId), issued -> {
                    PrintWriter out = spec.commandLine().getOut();
                    out.printf("api_key:    %s%n", issued.secret().value());
                    out.printf("api_key_id: %s%n", issued.key().id());
                    out.printf("prefix:     %s%n", issued.key().prefix());
                    out.println("(the API key is shown this once)");
                });
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a seller's keys (never the keys).")
    int list(@Parameters(paramLabel = "SELLER_ID") UUID sellerId) {
        if (services.getSeller().get(sellerId).isEmpty()) {
            return notFound("seller " + sellerId);
        }
        List<ApiKeyView> keys = services.apiKeys().ofSeller(sellerId);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-36s  %-12s  %-8s  %-24s  %-24s  %s%n", "ID", "PREFIX", "STATE", "EXPIRES_AT",
                "LAST_USED_AT", "NAME");
        Instant now = services.clock().instant();
        for (ApiKeyView key : keys) {
            String state = key.revokedAt() != null ? "revoked"
                    : key.expiresAt() != null && !now.isBefore(key.expiresAt()) ? "expired" : "active";
            out.printf("%-36s  %-12s  %-8s  %-24s  %-24s  %s%n", key.id(), key.prefix(), state,
                    orDash(key.expiresAt()), orDash(key.lastUsedAt()), key.name() == null ? "-" : key.name());
        }
        return OK;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a key: it stops working at once, on every instance.")
    int revoke(@Parameters(paramLabel = "KEY_ID") UUID keyId) {
        return answer(services.apiKeys().revoke(keyId, Provenance.operator(null, null)),
                why -> refused(why, "API key " + keyId),
                key -> spec.commandLine().getOut().printf("revoked %s (%s) at %s%n", key.id(), key.prefix(),
                        key.revokedAt()));
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a key for good.")
    int delete(@Parameters(paramLabel = "KEY_ID") UUID keyId) {
        return answer(services.apiKeys().delete(keyId, Provenance.operator(null, null)),
                why -> refused(why, "API key " + keyId),
                deleted -> spec.commandLine().getOut().printf("deleted %s%n", deleted));
    }

    private Instant futureInstant(String text) {
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException notATimestamp) {
            throw new ParameterException(spec.commandLine(),
                    "--expires-at must be a timestamp such as 2027-01-01T00:00:00Z");
        }
        if (!instant.isAfter(services.clock().instant())) {
            throw new ParameterException(spec.commandLine(), "--expires-at must be in the future");
        }
        return instant;
    }

    private static String orDash(Instant instant) {
        return instant == null ? "-" : instant.toString();
    }
}
