package com.virtualoffice.registration.adapters.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.application.projections.ReadModels.Status;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What `projections replay|verify` shows while it runs, given the status the operator API reports. */
class ReplayProgressTest {

    private final StringWriter written = new StringWriter();
    private final AtomicReference<Status> current = new AtomicReference<>();

    private ReplayProgress progress(boolean terminal) {
        return new ReplayProgress(new PrintWriter(written), terminal, () -> Optional.ofNullable(current.get()));
    }

    @Test
    void given_no_terminal_when_the_replay_moves_then_a_plain_line_per_report_with_rate_and_time_left() {
        ReplayProgress progress = progress(false);

        current.set(new Status("customers", 12_000, 50_000, true, 8_000));
        progress.tick();
        current.set(new Status("customers", 44_000, 50_000, true, 8_800));
        progress.tick();
        progress.close();

        assertThat(written.toString()).isEqualTo("""
                customers: 12,000 of 50,000 events (24%), 8,000 events/s, about 5 s left
                customers: 44,000 of 50,000 events (88%), 8,800 events/s, about 1 s left
                """);
    }

    @Test
    void given_a_terminal_when_the_replay_moves_then_one_bar_is_redrawn_in_place_and_its_line_ended_at_the_end() {
        ReplayProgress progress = progress(true);

        current.set(new Status("read-models", 250_000, 1_000_000, true, 25_000));
        progress.tick();
        current.set(new Status("read-models", 500_000, 1_000_000, true, 25_000));
        progress.tick();
        progress.close();

        assertThat(written.toString()).isEqualTo(
                "\r[########......................] 250,000 of 1,000,000 events (25%), 25,000 events/s, about 30 s"
                        + " left\u001b[K"
                + "\r[###############...............] 500,000 of 1,000,000 events (50%), 25,000 events/s, about 20 s"
                        + " left\u001b[K"
                + System.lineSeparator());
    }

    @Test
    void given_the_replay_has_not_taken_its_slot_yet_when_reporting_then_nothing_is_shown() {
        ReplayProgress progress = progress(false);

        current.set(new Status("customers", 7, 7, false, 0));
        progress.tick();
        progress.close();

        assertThat(written.toString()).isEmpty();
    }

    @Test
    void long_replays_give_the_time_left_in_minutes_or_hours() {
        assertThat(ReplayProgress.figures(new Status("read-models", 0, 9_000_000, true, 1_000)))
                .isEqualTo("0 of 9,000,000 events (0%), 1,000 events/s, about 2 h 30 min left");
        assertThat(ReplayProgress.figures(new Status("read-models", 0, 90_000, true, 1_000)))
                .isEqualTo("0 of 90,000 events (0%), 1,000 events/s, about 1 min 30 s left");
    }
}
