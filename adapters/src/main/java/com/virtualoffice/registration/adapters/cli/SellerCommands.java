package com.virtualoffice.registration.adapters.cli;

import static com.virtualoffice.registration.adapters.cli.OperatorCli.OK;

import com.virtualoffice.registration.application.apikeys.IssueApiKeyUseCase.IssuedApiKey;
import com.virtualoffice.registration.application.sellers.SellerView;
import com.virtualoffice.registration.application.shared.Provenance;
import java.io.PrintWriter;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

@Command(name = "seller", mixinStandardHelpOptions = true, description = "Create, show and re-plan sellers.")
final class SellerCommands extends CommandGroup {

    private final OperatorServices services;

    SellerCommands(OperatorServices services) {
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
