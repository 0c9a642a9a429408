package com.virtualoffice.registration.domain;

import com.virtualoffice.registration.domain.Rejection.ApiKeyNotFound;
import com.virtualoffice.registration.domain.Rejection.CustomerNotFound;
import com.virtualoffice.registration.domain.Rejection.SellerAlreadyRegistered;
import com.virtualoffice.registration.domain.Rejection.UnknownPlan;
import com.virtualoffice.registration.domain.SellerCommand.ChangePlan;
import com.virtualoffice.registration.domain.SellerCommand.DeleteApiKey;
import com.virtualoffice.registration.domain.SellerCommand.DeleteCustomer;
import com.virtualoffice.registration.domain.SellerCommand.EraseCustomer;
import com.virtualoffice.registration.domain.SellerCommand.IssueApiKey;
import com.virtualoffice.registration.domain.SellerCommand.RegisterCustomer;
import com.virtualoffice.registration.domain.SellerCommand.RegisterSeller;
import com.virtualoffice.registration.domain.SellerCommand.RevokeApiKey;
import com.virtualoffice.registration.domain.SellerCommand.UpdateCustomer;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyDeleted;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyIssued;
import com.virtualoffice.registration.domain.SellerEvent.ApiKeyRevoked;
import com.virtualoffice.registration.domain.SellerEvent.CustomerDeleted;
import com.virtualoffice.registration.domain.SellerEvent.CustomerErased;
import com.virtualoffice.registration.domain.SellerEvent.CustomerRegistered;
import com.virtualoffice.registration.domain.SellerEvent.CustomerUpdated;
import com.virtualoffice.registration.domain.SellerEvent.SellerPlanChanged;
import com.virtualoffice.registration.domain.SellerEvent.SellerRegistered;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The seller decider: the one place where the plan limit and email uniqueness are enforced. Both rules span all
 * of a seller's customers, so the seller is the consistency boundary and every command that could break them is
 * decided here, from the seller's past events alone.
 */
public final class Seller {

    private Seller() {
    }

    public static Decision decide(SellerCommand command, SellerState state, PlanCatalog plans) {
        return switch (command) {
            case RegisterSeller register -> registerSeller(register, state, plans);
            case IssueApiKey issue -> {
                requireRegistered(state, issue);
                yield Decision.accept(new ApiKeyIssued(issue.sellerId(), issue.apiKeyId(), issue.name(),
                        issue.keyHash(), issue.keyPrefix(), issue.expiresAt(), issue.issuedAt()));
            }
            case RegisterCustomer register -> {
                requireRegistered(state, register);
                yield registerCustomer(register, state, plans);
            }
            case UpdateCustomer update -> {
                requireRegistered(state, update);
                yield updateCustomer(update, state);
            }
            case ChangePlan change -> {
                requireRegistered(state, change);
                yield plans.limitOf(change.plan()).isEmpty()
                        ? Decision.reject(new UnknownPlan(change.plan()))
                        : Decision.accept(new SellerPlanChanged(change.sellerId(), change.plan(), change.issuedAt()));
            }
            case RevokeApiKey revoke -> {
                requireRegistered(state, revoke);
                if (!state.hasApiKey(revoke.apiKeyId())) {
                    yield Decision.reject(new ApiKeyNotFound());
                }
                // Revoking a revoked key changes nothing and records nothing: the first revocation stands.
                yield state.isRevoked(revoke.apiKeyId())
                        ? new Decision.Accepted(List.of())
                        : Decision.accept(new ApiKeyRevoked(revoke.sellerId(), revoke.apiKeyId(), revoke.issuedAt()));
            }
            case DeleteApiKey delete -> {
                requireRegistered(state, delete);
                yield state.hasApiKey(delete.apiKeyId())
                        ? Decision.accept(new ApiKeyDeleted(delete.sellerId(), delete.apiKeyId(), delete.issuedAt()))
                        : Decision.reject(new ApiKeyNotFound());
            }
            case DeleteCustomer delete -> {
                requireRegistered(state, delete);
                yield state.holds(delete.customerId())
                        ? Decision.accept(new CustomerDeleted(delete.sellerId(), delete.customerId(),
                                delete.issuedAt()))
                        : Decision.reject(new CustomerNotFound());
            }
            case EraseCustomer erase -> {
                requireRegistered(state, erase);
                // Recorded for a deleted customer too: its past events still hold its personal data.
                yield Decision.accept(new CustomerErased(erase.sellerId(), erase.customerId(), erase.issuedAt()));
            }
        };
    }

    /** A command as a key or an operator sent it: a key the seller does not hold unrevoked decides nothing. */
    public static Decision decide(Presented presented, SellerState state, PlanCatalog plans) {
        return presented.apiKeyId()
                .flatMap(apiKeyId -> PresentedKeyPolicy.checkHeld(state, apiKeyId))
                .map(Decision::reject)
                .orElseGet(() -> decide(presented.command(), state, plans));
    }

    /** What {@link #decideAll} came to: a decision per command, in order, and the state they leave. */
    public record Decided(List<Decision> decisions, SellerState state) {
        public Decided {
            decisions = List.copyOf(decisions);
        }
    }

    /**
     * Several commands decided one after the other, each on the state its predecessors' accepted events left, as
     * if each had come alone: the fold behind the seller's group commit. Like {@link #evolve}, it updates the
     * given state in place; use the returned one.
     */
    public static Decided decideAll(List<Presented> commands, SellerState state, PlanCatalog plans) {
        List<Decision> decisions = new ArrayList<>(commands.size());
        for (Presented command : commands) {
            Decision decision = decide(command, state, plans);
            if (decision instanceof Decision.Accepted accepted) {
                for (SellerEvent event : accepted.events()) {
                    state = evolve(state, event);
                }
            }
            decisions.add(decision);
        }
        return new Decided(decisions, state);
    }

    public static SellerState evolve(SellerState state, SellerEvent event) {
        return switch (event) {
            case SellerRegistered registered -> SellerState.registered(registered.sellerId(), registered.plan());
            case ApiKeyIssued issued -> state.withApiKey(issued.apiKeyId(), false);
            case ApiKeyRevoked revoked -> state.withApiKey(revoked.apiKeyId(), true);
            case ApiKeyDeleted deleted -> state.withoutApiKey(deleted.apiKeyId());
            case SellerPlanChanged changed -> state.onPlan(changed.plan());
            case CustomerRegistered registered -> state.withCustomer(registered.customerId(), registered.email());
            case CustomerUpdated updated -> updated.changed().contains(CustomerField.EMAIL)
                    ? state.withoutCustomer(updated.customerId()).withCustomer(updated.customerId(), updated.email())
                    : state;
            case CustomerDeleted deleted -> state.withoutCustomer(deleted.customerId());
            case CustomerErased erased -> state.withoutCustomer(erased.customerId());
        };
    }

    private static Decision registerCustomer(RegisterCustomer command, SellerState state, PlanCatalog plans) {
        CustomerLimit limit = plans.limitOf(state.plan())
                .orElseThrow(() -> new IllegalStateException("plan '" + state.plan() + "' is not configured"));
        CustomerDetails details = command.details();
        Optional<Rejection> rejection = PlanLimitPolicy.checkRoomForOneMore(state, limit)
                .or(() -> UniqueEmailPolicy.checkFree(state, details.email()));
        return rejection.map(Decision::reject).orElseGet(() -> Decision.accept(new CustomerRegistered(
                command.sellerId(), command.customerId(), details.firstName(), details.lastName(),
                details.email().value(), details.companyName(), details.legalEntity(), details.language(),
                details.status(), details.address(), details.postalRedirectAddress(), command.issuedAt())));
    }

    private static Decision updateCustomer(UpdateCustomer command, SellerState state) {
        if (!state.holds(command.customerId())) {
            return Decision.reject(new CustomerNotFound());
        }
        CustomerChanges changes = command.changes();
        if (changes.changes(CustomerField.EMAIL)) {
            Optional<Rejection> taken = UniqueEmailPolicy.checkFreeFor(state, changes.email(), command.customerId());
            if (taken.isPresent()) {
                return Decision.reject(taken.get());
            }
        }
        return Decision.accept(CustomerUpdated.of(command.sellerId(), command.customerId(), changes,
                command.issuedAt()));
    }

    private static Decision registerSeller(RegisterSeller command, SellerState state, PlanCatalog plans) {
        if (state.isRegistered()) {
            return Decision.reject(new SellerAlreadyRegistered());
        }
        if (plans.limitOf(command.plan()).isEmpty()) {
            return Decision.reject(new UnknownPlan(command.plan()));
        }
        return Decision.accept(
                new SellerRegistered(command.sellerId(), command.name(), command.plan(), command.issuedAt()));
    }

    private static void requireRegistered(SellerState state, SellerCommand command) {
        // Commands for an unknown seller are routed by identifier and fail to find it before any decision;
        // reaching here means a caller bypassed that routing.
        if (!state.isRegistered()) {
            throw new IllegalStateException("seller " + command.sellerId() + " is not registered");
        }
    }
}
