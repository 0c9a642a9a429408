package com.virtualoffice.registration.adapters.cli;

import static com.virtualoffice.registration.adapters.cli.OperatorCli.FAILED;
import static com.virtualoffice.registration.adapters.cli.OperatorCli.NOT_FOUND;
import static com.virtualoffice.registration.adapters.cli.OperatorCli.OK;
import static com.virtualoffice.registration.adapters.cli.OperatorCli.USAGE;

import com.virtualoffice.registration.application.shared.Result;
import com.virtualoffice.registration.domain.Rejection;
import com.virtualoffice.registration.domain.Rejection.ApiKeyNotFound;
import com.virtualoffice.registration.domain.Rejection.CustomerLimitReached;
import com.virtualoffice.registration.domain.Rejection.CustomerNotFound;
import com.virtualoffice.registration.domain.Rejection.EmailAlreadyTaken;
import com.virtualoffice.registration.domain.Rejection.PresentedKeyNotHeld;
import com.virtualoffice.registration.domain.Rejection.PresentedKeyRevoked;
import com.virtualoffice.registration.domain.Rejection.SellerAlreadyRegistered;
import com.virtualoffice.registration.domain.Rejection.SellerNotFound;
import com.virtualoffice.registration.domain.Rejection.UnknownPlan;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** What every command group shares; run without one of its commands, a group shows what it offers. */
abstract class CommandGroup implements Callable<Integer> {

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
            // The command line acts as the operator, with no key to refuse; kept for the switch to be whole.
            case PresentedKeyNotHeld refusal -> failed("Refused: " + refusal);
            case PresentedKeyRevoked refusal -> failed("Refused: " + refusal);
        };
    }

    int failed(String why) {
        spec.commandLine().getErr().println(why);
        return FAILED;
    }
}
