package com.virtualoffice.registration.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.virtualoffice.registration.adapters.cli.OperatorCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ConfigurableApplicationContext;

/** One run of the operator's command line, its exit code and what it printed, as a test sees them. */
public record CliRun(int exitCode, String out, String err) {

    /** Runs the command line with standard output and error captured, and echoes the run to the real output. */
    public static CliRun of(Supplier<ConfigurableApplicationContext> start, String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exitCode;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            exitCode = OperatorCli.run(args, start);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
        CliRun run = new CliRun(exitCode, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        originalOut.printf("$ %s -> %d%n%s%s%n", String.join(" ", args), exitCode, run.out(), run.err());
        return run;
    }

    public String all() {
        return out + err;
    }

    /** The value printed on the line {@code name: value}. */
    public String field(String name) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + ":\\s+(\\S+)\\s*$").matcher(out);
        assertThat(matcher.find()).as("%s: in%n%s", name, out).isTrue();
        return matcher.group(1);
    }
}
