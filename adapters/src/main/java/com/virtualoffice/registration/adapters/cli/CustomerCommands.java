package com.virtualoffice.registration.adapters.cli;

import com.virtualoffice.registration.application.shared.Provenance;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "customer", mixinStandardHelpOptions = true, description = "Act on one customer of a seller.")
final class CustomerCommands extends CommandGroup {

    private final OperatorServices services;

    CustomerCommands(OperatorServices services) {
        this.services = services;
    }

    @Command(name = "erase", mixinStandardHelpOptions = true,
            description = "Erase a customer's personal data (GDPR art. 17), also once deleted; the events' types, "
                    + "times and actors stay. Erasing it again changes nothing.")
    int erase(@Parameters(paramLabel = "SELLER_ID") UUID sellerId,
              @Parameters(paramLabel = "CUSTOMER_ID") UUID customerId) {
        return answer(services.eraseCustomer().erase(sellerId, customerId, Provenance.operator(null, null)),
                why -> refused(why, "customer " + customerId + " of seller " + sellerId),
                erased -> spec.commandLine().getOut().printf("erased customer %s%n", erased));
    }
}
