package com.virtualoffice.registration.adapters.cli;

import static com.virtualoffice.registration.adapters.cli.OperatorCli.NOT_FOUND;
import static com.virtualoffice.registration.adapters.cli.OperatorCli.OK;

import com.virtualoffice.registration.application.projections.ProjectionRefusal;
import com.virtualoffice.registration.application.projections.Projections;
import com.virtualoffice.registration.application.projections.ReadModels.Verification;
import com.virtualoffice.registration.application.shared.Result;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "projections", mixinStandardHelpOptions = true,
        description = "Rebuild the read models from the event store, or check them against it.")
final class ProjectionCommands extends CommandGroup {

    private final OperatorServices services;

    ProjectionCommands(OperatorServices services) {
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
