import com.virtualoffice.registration.adapters.axon.CommandMeters;
import com.virtualoffice.registration.domain.Decision;
import com.virtualoffice.registration.domain.SellerCommand.ChangePlan;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the service's own meters cost per command, in isolation, on the registry the service exports with (its
 * latency buckets on): what one create adds (its timer, its group commit size, a seller cache lookup counted),
 * timed over many iterations on one thread after a warm-up. A bound that the side-by-side load of
 * bench/meter-overhead.sh cannot give on a busy machine. Run by bench/meter-cost.sh.
 */
public class MeterCost {

    public static void main(String[] args) {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().meterFilter(new io.micrometer.core.instrument.config.MeterFilter() {
            @Override
            public io.micrometer.core.instrument.distribution.DistributionStatisticConfig configure(
                    io.micrometer.core.instrument.Meter.Id id,
                    io.micrometer.core.instrument.distribution.DistributionStatisticConfig config) {
                // As application.yml asks: latency buckets for registration.commands.
                return id.getName().equals("registration.commands")
                        ? io.micrometer.core.instrument.distribution.DistributionStatisticConfig.builder()
                        .percentilesHistogram(true).build().merge(config)
                        : config;
            }
        });
        var meters = new CommandMeters(registry, 64);
        Counter cacheHits = Counter.builder("registration.seller.cache").tag("result", "hit").register(registry);
        var command = new ChangePlan(UUID.randomUUID(), "starter", Instant.EPOCH);
        Optional<Decision> accepted = Optional.of(new Decision.Accepted(List.of()));
        long iterations = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000;
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            for (long i = 0; i < iterations; i++) {
                meters.transaction(1);
                cacheHits.increment();
                meters.answered(command, accepted, 3_000_000 + (i & 0xffff));
            }
            double nanos = (double) (System.nanoTime() - start) / iterations;
            System.out.printf("round %d: %.0f ns per command for its meters (%s)%n", round + 1, nanos,
                    round == 0 ? "warm-up" : "measured");
        }
        System.out.println("registration_* series exported: " + registry.scrape().lines()
                .filter(line -> line.startsWith("registration_")).count());
    }
}
