package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.application.apikeys.Caller.Refusal;
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
import org.springframework.http.HttpStatus;

/** The one place where the seller's reasons for refusing become statuses and messages. */
final class Rejections {

    private Rejections() {
    }

    /** What an accepted use case yields; a refusal is thrown as the problem that answers it. */
    static <T> T valueOf(Result<T, Rejection> result) {
        return result.orElseThrow(Rejections::toProblem);
    }

    static ApiProblem toProblem(Rejection rejection) {
        return switch (rejection) {
            case CustomerLimitReached reached -> new ApiProblem(HttpStatus.FORBIDDEN,
                    "Customer limit reached. Your plan allows " + reached.limit() + " customers.");
            case EmailAlreadyTaken taken -> new ApiProblem(HttpStatus.CONFLICT,
                    "A customer with this email already exists");
            case SellerAlreadyRegistered registered -> new ApiProblem(HttpStatus.CONFLICT, "Seller already exists");
            case UnknownPlan unknown -> ApiProblem.badRequest("body/plan must be equal to one of the allowed values");
            case CustomerNotFound notFound -> ApiProblem.notFound("Customer not found");
            case ApiKeyNotFound notFound -> ApiProblem.notFound("API key not found");
            case SellerNotFound notFound -> ApiProblem.notFound("Seller not found");
            case PresentedKeyNotHeld notHeld -> ApiKeyAuthentication.refusal(Refusal.INVALID);
            case PresentedKeyRevoked revoked -> ApiKeyAuthentication.refusal(Refusal.REVOKED);
        };
    }
}
