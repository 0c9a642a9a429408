package com.virtualoffice.registration.adapters.rest;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.virtualoffice.registration.application.projections.ProjectionRefusal;
import com.virtualoffice.registration.application.projections.ReadModels.Status;
import com.virtualoffice.registration.application.projections.ReadModels.TableDifference;
import com.virtualoffice.registration.application.projections.ReadModels.Verification;
import com.virtualoffice.registration.application.projections.ReplayReadModelsUseCase;
import com.virtualoffice.registration.application.projections.VerifyReadModelsUseCase;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.PropertyNamingStrategies.SnakeCaseStrategy;
import tools.jackson.databind.annotation.JsonNaming;

/** Operators watch, replay and verify the projections. */
@RestController
class AdminProjectionsController {

    private final ReplayReadModelsUseCase replay;
    private final VerifyReadModelsUseCase verify;

    AdminProjectionsController(ReplayReadModelsUseCase replay, VerifyReadModelsUseCase verify) {
        this.replay = replay;
        this.verify = verify;
    }

    @GetMapping("/admin/projections")
    ListJson projections() {
        return new ListJson(replay.statuses().stream().map(StatusJson::of).toList());
    }

    /**
     * 202 at once; the replay runs in the background and {@code GET /admin/projections} shows its progress. One
     * replay at a time, of any projection.
     */
    @PostMapping("/admin/projections/{name}/replay")
    ResponseEntity<StatusJson> replay(@PathVariable String name) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(StatusJson.of(replay.start(name).orElseThrow(AdminProjectionsController::problem)));
    }

    /** Rebuilds beside the live tables and compares, row for row; the live tables are not changed. */
    @PostMapping("/admin/projections/{name}/verify")
    VerificationJson verify(@PathVariable String name) {
        return VerificationJson.of(verify.verify(name).orElseThrow(AdminProjectionsController::problem));
    }

    /** The one place where the projection use cases' refusals become statuses and messages. */
    private static ApiProblem problem(ProjectionRefusal refusal) {
        return switch (refusal) {
            case UNKNOWN_PROJECTION -> ApiProblem.notFound("Projection not found");
            case ALREADY_RUNNING -> new ApiProblem(HttpStatus.CONFLICT, "A replay is already running");
        };
    }

    record ListJson(List<StatusJson> data) {
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"name", "position", "head", "lag", "replaying", "events_per_second"})
    record StatusJson(String name, long position, long head, long lag, boolean replaying, long eventsPerSecond) {

        static StatusJson of(Status status) {
            return new StatusJson(status.name(), status.position(), status.head(),
                    Math.max(0, status.head() - status.position()), status.replaying(),
                    Math.round(status.eventsPerSecond()));
        }
    }

    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"name", "equal", "events", "differences"})
    record VerificationJson(String name, boolean equal, long events, List<DifferenceJson> differences) {

        static VerificationJson of(Verification verification) {
            return new VerificationJson(verification.name(), verification.equal(), verification.events(),
                    verification.differences().stream()
                            .filter(difference -> difference.missing() + difference.unexpected() > 0)
                            .map(DifferenceJson::of).toList());
        }
    }

    /** {@code missing}: rows the events produce that the live table lacks; {@code unexpected}: the reverse. */
    @JsonNaming(SnakeCaseStrategy.class)
    @JsonPropertyOrder({"table", "missing", "unexpected", "sample_ids"})
    record DifferenceJson(String table, long missing, long unexpected, List<String> sampleIds) {

        static DifferenceJson of(TableDifference difference) {
            return new DifferenceJson(difference.table(), difference.missing(), difference.unexpected(),
                    difference.sampleIds());
        }
    }
}
