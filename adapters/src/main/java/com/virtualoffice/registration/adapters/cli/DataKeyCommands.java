package com.virtualoffice.registration.adapters.cli;

import static com.virtualoffice.registration.adapters.cli.OperatorCli.OK;

import com.virtualoffice.registration.adapters.privacy.MasterKey;
import com.virtualoffice.registration.adapters.privacy.MasterKeyFile;
import picocli.CommandLine.Command;

@Command(name = "data-key", mixinStandardHelpOptions = true,
        description = "Manage the master key the customers' data keys are stored under.")
final class DataKeyCommands extends CommandGroup {

    /** Where the new key comes from: an environment variable, never an argument that shows in the process list. */
    static final String NEW_KEY = "REGISTRATION_NEW_DATA_KEY";

    private final OperatorServices services;

    DataKeyCommands(OperatorServices services) {
        this.services = services;
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Wrap every data key under the new master key from " + NEW_KEY + ", in one transaction.",
                    "Stop every instance first; start them again with REGISTRATION_DATA_KEY set to the new key (a"
                            + " key made up for the embedded database is replaced in DATA_DIR/data-key)."})
    int rotate() {
        String text = services.environment().apply(NEW_KEY);
        if (text == null || text.isBlank()) {
            return failed(NEW_KEY + " is not set: set it to the new master key (openssl rand -base64 32)");
        }
        MasterKey next;
        try {
            next = MasterKey.parse(text);
        } catch (IllegalArgumentException notAKey) {
            return failed(NEW_KEY + " is not a master key: " + notAKey.getMessage()
                    + " (it must be the base64 of 32 random bytes)");
        }
        int rotated = services.dataKeys().rotate(next);
        services.masterKeyFile().ifPresent(file -> file.replace(next));
        spec.commandLine().getOut().printf("%d data keys are now stored under the new master key%n", rotated);
        services.masterKeyFile().map(MasterKeyFile::path).ifPresent(path ->
                spec.commandLine().getOut().printf("the new key replaced the one in %s%n", path));
        return OK;
    }
}
