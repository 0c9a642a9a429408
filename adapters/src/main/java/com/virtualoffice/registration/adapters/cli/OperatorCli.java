package com.virtualoffice.registration.adapters.cli;

import com.virtualoffice.registration.application.apikeys.ApiKeyLifecycleUseCase;
import com.virtualoffice.registration.application.apikeys.ApiKeyView;
import com.virtualoffice.registration.application.apikeys.IssueApiKeyUseCase;
import com.virtualoffice.registration.application.apikeys.IssueApiKeyUseCase.IssuedApiKey;
import com.virtualoffice.registration.application.projections.ProjectionRefusal;
import com.virtualoffice.registration.application.projections.Projections;
import com.virtualoffice.registration.application.projections.ReadModels.Verification;
import com.virtualoffice.registration.application.projections.ReplayReadModelsUseCase;
import com.virtualoffice.registration.application.projections.VerifyReadModelsUseCase;
import com.virtualoffice.registration.application.sellers.ChangePlanUseCase;
import com.virtualoffice.registration.application.sellers.GetSellerUseCase;
import com.virtualoffice.registration.application.sellers.RegisterSellerUseCase;
import com.virtualoffice.registration.application.sellers.SellerView;
import com.virtualoffice.registration.application.shared.Provenance;
import com.virtualoffice.registration.application.shared.Result;
import com.virtualoffice.registration.domain.PlanCatalog;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.Rejection.ApiKeyNotFound;
import com.virtualoffice.registration.domain.Rejection.CustomerLimitReached;
import com.virtualoffice.registration.domain.Rejection.CustomerNotFound;
import com.virtualoffice.registration.domain.Rejection.EmailAlreadyTaken;
import com.virtualoffice.registration.domain.Rejection.SellerAlreadyRegistered;
import com.virtualoffice.registration.domain.Rejection.SellerNotFound;
import com.virtualoffice.registration.domain.Rejection.UnknownPlan;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The operator API on the command line: {@code java -jar customer-registration.jar seller create --name Acme}.
 * A driving adapter beside the REST one: it runs the same use cases against the same database as the service, in
 * an application context the caller starts without the web server.
 */
public final class OperatorCli {

    /** The first words that mean "run an operator command" rather than "start the service". */
    static final Set<String> COMMANDS = Set.of("seller", "key", "projections", "help", "--help", "-h");

    static final int OK = 0;
    static final int NOT_FOUND = 1;
    static final int USAGE = 2;
    static final int FAILED = 3;

    private OperatorCli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    /**
     * Runs the command {@code args} name and gives its exit code.
     *
     * @param start starts the service's application context, without a web server, for commands that need it
     */
    public static int run(String[] args, Supplier<ConfigurableApplicationContext> start) {
        CommandLine usageOnly = commandLine(null);
        try {
            usageOnly.parseArgs(args);
            if (usageOnly.getParseResult().isUsageHelpRequested() || needsNoServices(usageOnly)) {
                return usageOnly.execute(args);
            }
        } catch (ParameterException badArguments) {
            return usageOnly.execute(args);
        }
        try (ConfigurableApplicationContext context = start.get()) {
            return commandLine(new Services(context)).execute(args);
        } catch (RuntimeException failure) {
            System.err.println("Could not start: " + rootMessage(failure));
            System.err.println("(A service running on the embedded database of the same DATA_DIR holds it: stop"
                    + " it first, or point both at a PostgreSQL server with SPRING_DATASOURCE_URL.)");
            return FAILED;
        }
    }

    /** Help, and a group named without one of its commands, only print usage: no database is needed. */
    private static boolean needsNoServices(CommandLine parsed) {
        var result = parsed.getParseResult();
        while (result.hasSubcommand()) {
            if (result.isUsageHelpRequested() || result.isVersionHelpRequested()) {
                return true;
            }
            result = result.subcommand();
        }
        return result.isUsageHelpRequested() || result.isVersionHelpRequested()
                || !(result.commandSpec().userObject() instanceof java.lang.reflect.Method);
    }

    private static CommandLine commandLine(Services services) {
        CommandLine commandLine = new CommandLine(new Root());
        commandLine.addSubcommand(new CommandLine(new SellerCommands(services)));
        commandLine.addSubcommand(new CommandLine(new KeyCommands(services)));
        commandLine.addSubcommand(new CommandLine(new ProjectionCommands(services)));
        commandLine.setExitCodeExceptionMapper(failure -> failure instanceof ParameterException ? USAGE : FAILED);
        commandLine.getSubcommands().values().forEach(sub -> sub.setExitCodeExceptionMapper(
                failure -> failure instanceof ParameterException ? USAGE : FAILED));
        return commandLine;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.toString() : root.getMessage();
    }

    /** What the commands use, taken from the application context. */
    private record Services(RegisterSellerUseCase registerSeller, GetSellerUseCase getSeller,
                            ChangePlanUseCase changePlan, IssueApiKeyUseCase issueApiKey,
                            ApiKeyLifecycleUseCase apiKeys, ReplayReadModelsUseCase replay,
                            VerifyReadModelsUseCase verify, PlanCatalog plans, String defaultPlan,
                            InstantSource clock) {

        Services(ConfigurableApplicationContext context) {
            this(context.getBean(RegisterSellerUseCase.class), context.getBean(GetSellerUseCase.class),
                    context.getBean(ChangePlanUseCase.class), context.getBean(IssueApiKeyUseCase.class),
                    context.getBean(ApiKeyLifecycleUseCase.class), context.getBean(ReplayReadModelsUseCase.class),
                    context.getBean(VerifyReadModelsUseCase.class), context.getBean(PlanCatalog.class),
                    context.getEnvironment().getRequiredProperty("registration.plans.default-plan"),
                    context.getBean(InstantSource.class));
        }
    }

    /** A command group run without one of its commands: show what it offers. */
    abstract static class Group implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getOut());
            return USAGE;
        }

        int notFound(String what) {
            spec.commandLine().getErr().println("No such " + what);
            return NOT_FOUND;
        }

        /** A use case's answer: printed when accepted, else {@code refused} says why and gives the exit code. */
        <T, R> int answer(Result<T, R> result, Function<R, Integer> refused, Consumer<T> print) {
            return switch (result) {
                case Result.Accepted<T, R> accepted -> {
                    print.accept(accepted.value());
                    yield OK;
                }
                case Result.Rejected<T, R> rejected -> refused.apply(rejected.reason());
            };
        }

        /**
         * The one place where the seller's refusals become a message and an exit code.
         *
         * @param subject what the command addressed, for "No such …"
         */
        int refused(Rejection rejection, String subject) {
            return switch (rejection) {
                case SellerNotFound notFound -> notFound(subject);
                case ApiKeyNotFound notFound -> notFound(subject);
                case CustomerNotFound notFound -> notFound(subject);
                case SellerAlreadyRegistered refusal -> failed("Refused: " + refusal);
                case UnknownPlan refusal -> failed("Refused: " + refusal);
                case CustomerLimitReached refusal -> failed("Refused: " + refusal);
                case EmailAlreadyTaken refusal -> failed("Refused: " + refusal);
            };
        }

        int failed(String why) {
            spec.commandLine().getErr().println(why);
            return FAILED;
        }
    }

    @Command(name = "customer-registration", mixinStandardHelpOptions = true,
            description = "Operator commands, run against the service's database. Without a command, the jar "
                    + "starts the service.",
            footer = {"", "Exit codes: 0 done, 1 no such seller, key or projection (or, for verify, differences found),"
                    + " 2 bad arguments, 3 failure."})
    static final class Root extends Group {
    }

    @Command(name = "seller", mixinStandardHelpOptions = true, description = "Create, show and re-plan sellers.")
    static final class SellerCommands extends Group {

        private final Services services;

        SellerCommands(Services services) {
            this.services = services;
        }

        @Command(name = "create", mixinStandardHelpOptions = true,
                description = "Create a seller and issue its first API key; prints both.")
        int create(@Option(names = "--name", required = true, description = "the seller's name") String name,
                   @Option(names = "--plan", description = "its plan (default: the configured default plan)")
                   String plan) {
            if (name.isBlank()) {
                throw new ParameterException(spec.commandLine(), "--name must not be blank");
            }
            String chosen = plan == null ? services.defaultPlan() : knownPlan(plan);
            var created = services.registerSeller().register(name, chosen, Provenance.operator(null, null))
                    .flatMap(seller -> services.issueApiKey().issue(seller.id(), "default", null,
                            Provenance.operator(null, null)).map(key -> new SellerWithKey(seller, key)));
            return answer(created, why -> refused(why, "seller"), sellerWithKey -> {
                PrintWriter out = spec.commandLine().getOut();
                print(out, sellerWithKey.seller());
                out.printf("api_key:        %s%n", sellerWithKey.key().secret().value());
                out.printf("api_key_id:     %s%n", sellerWithKey.key().key().id());
                out.println("(the API key is shown this once)");
            });
        }

        @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a seller.")
        int show(@Parameters(paramLabel = "SELLER_ID") UUID sellerId) {
            return services.getSeller().get(sellerId)
                    .map(seller -> {
                        print(spec.commandLine().getOut(), seller);
                        return OK;
                    })
                    .orElseGet(() -> notFound("seller " + sellerId));
        }

        @Command(name = "set-plan", mixinStandardHelpOptions = true,
                description = "Move a seller to another plan; its customers stay.")
        int setPlan(@Parameters(paramLabel = "SELLER_ID") UUID sellerId,
                    @Option(names = "--plan", required = true) String plan) {
            return answer(services.changePlan().change(sellerId, knownPlan(plan), Provenance.operator(null, null)),
                    why -> refused(why, "seller " + sellerId), changed -> print(spec.commandLine().getOut(), changed));
        }

        private record SellerWithKey(SellerView seller, IssuedApiKey key) {
        }

        private String knownPlan(String plan) {
            if (services.plans().limitOf(plan).isEmpty()) {
                throw new ParameterException(spec.commandLine(), "unknown plan '" + plan + "'");
            }
            return plan;
        }

        private static void print(PrintWriter out, SellerView seller) {
            out.printf("seller_id:      %s%n", seller.id());
            out.printf("name:           %s%n", seller.name());
            out.printf("plan:           %s%n", seller.plan());
            out.printf("customer_limit: %s%n", seller.customerLimit().maximum().isPresent()
                    ? seller.customerLimit().maximum().getAsInt() : "unlimited");
            out.printf("customer_count: %d%n", seller.customerCount());
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true, description = "Issue, list, revoke and delete API keys.")
    static final class KeyCommands extends Group {

        private final Services services;

        KeyCommands(Services services) {
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

    @Command(name = "projections", mixinStandardHelpOptions = true,
            description = "Rebuild the read models from the event store, or check them against it.")
    static final class ProjectionCommands extends Group {

        private final Services services;

        ProjectionCommands(Services services) {
            this.services = services;
        }

        /** The progress the operator API shows, reported while the command runs. */
        private ReplayProgress progressOf(String projection) {
            return new ReplayProgress(spec.commandLine().getOut(), ReplayProgress.onTerminal(),
                    () -> services.replay().statuses().stream()
                            .filter(status -> status.name().equals(projection)).findFirst()).start();
        }

        @Command(name = "status", mixinStandardHelpOptions = true, description = "Where each projection stands.")
        int status() {
            services.replay().statuses().forEach(status -> spec.commandLine().getOut()
                    .printf("%s: position %d of %d%n", status.name(), status.position(), status.head()));
            return OK;
        }

        @Command(name = "replay", mixinStandardHelpOptions = true,
                description = "Rebuild a projection's tables from every event and replace the live rows.")
        int replay(@Parameters(paramLabel = "PROJECTION", arity = "0..1", defaultValue = Projections.ALL_READ_MODELS,
                description = "read-models (every read model, the default), customers or customer-events")
                   String projection) {
            long started = System.nanoTime();
            Result<Long, ProjectionRefusal> replayed;
            try (ReplayProgress progress = progressOf(projection)) {
                replayed = services.replay().replayNow(projection);
            }
            return answer(replayed, why -> refused(why, projection), events -> {
                double seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000) / 1000.0;
                spec.commandLine().getOut().printf("replayed %d events in %.1f s (%.0f events/s)%n", events,
                        seconds, events / seconds);
            });
        }

        @Command(name = "verify", mixinStandardHelpOptions = true,
                description = "Rebuild beside a projection's live tables and report every difference; exit 1 if any.")
        int verify(@Parameters(paramLabel = "PROJECTION", arity = "0..1", defaultValue = Projections.ALL_READ_MODELS,
                description = "read-models (every read model, the default), customers or customer-events")
                   String projection) {
            Result<Verification, ProjectionRefusal> verified;
            try (ReplayProgress progress = progressOf(projection)) {
                verified = services.verify().verify(projection);
            }
            if (!(verified instanceof Result.Accepted<Verification, ProjectionRefusal>(var verification))) {
                return answer(verified, why -> refused(why, projection), nothing -> {
                });
            }
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s: %d events replayed; %s%n", verification.name(), verification.events(),
                    verification.equal() ? "the live tables equal the events" : "DIFFERENCES:");
            verification.differences().stream()
                    .filter(difference -> difference.missing() + difference.unexpected() > 0)
                    .forEach(difference -> out.printf("  %s: %d rows missing, %d unexpected, e.g. %s%n",
                            difference.table(), difference.missing(), difference.unexpected(),
                            difference.sampleIds()));
            return verification.equal() ? OK : NOT_FOUND;
        }

        /** The one place where a projection command's refusal becomes a message and an exit code. */
        private int refused(ProjectionRefusal refusal, String projection) {
            return switch (refusal) {
                case UNKNOWN_PROJECTION -> notFound("projection " + projection);
                case ALREADY_RUNNING -> failed("A replay is already running");
            };
        }
    }
}
