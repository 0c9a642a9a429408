package com.virtualoffice.registration.adapters.cli;

import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/**
 * The operator API on the command line: {@code java -jar customer-registration.jar seller create --name Acme}.
 * A driving adapter beside the REST one: it runs the same use cases against the same database as the service, in
 * an application context the caller starts without the web server.
 */
public final class OperatorCli {

    /** The first words that mean "run an operator command" rather than "start the service". */
    static final Set<String> COMMANDS =
            Set.of("seller", "customer", "key", "projections", "data-key", "help", "--help", "-h");

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
            return commandLine(new OperatorServices(context)).execute(args);
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

    private static CommandLine commandLine(OperatorServices services) {
        CommandLine commandLine = new CommandLine(new Root());
        commandLine.addSubcommand(new CommandLine(new SellerCommands(services)));
        commandLine.addSubcommand(new CommandLine(new CustomerCommands(services)));
        commandLine.addSubcommand(new CommandLine(new KeyCommands(services)));
        commandLine.addSubcommand(new CommandLine(new ProjectionCommands(services)));
        commandLine.addSubcommand(new CommandLine(new DataKeyCommands(services)));
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

    @Command(name = "customer-registration", mixinStandardHelpOptions = true,
            description = "Operator commands, run against the service's database. Without a command, the jar "
                    + "starts the service.",
            footer = {"", "Exit codes: 0 done, 1 no such seller, customer, key or projection (or, for verify, differences found),"
                    + " 2 bad arguments, 3 failure."})
    static final class Root extends CommandGroup {
    }
}
