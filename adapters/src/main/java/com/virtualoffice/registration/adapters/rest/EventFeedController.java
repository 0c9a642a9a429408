package com.virtualoffice.registration.adapters.rest;

import com.virtualoffice.registration.adapters.json.EventJson;
import com.virtualoffice.registration.application.events.EventFeedUseCase;
import com.virtualoffice.registration.application.events.SellerActivityUseCase;
import com.virtualoffice.registration.application.sellers.GetSellerUseCase;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pull side of the event stream: a seller reads its own events in order ({@code /api/events}), an operator
 * reads any seller's ({@code /admin/sellers/{id}/events}), or reviews its latest first with their actors
 * ({@code /admin/sellers/{id}/activity}).
 */
@RestController
class EventFeedController {

    private final EventFeedUseCase feed;
    private final SellerActivityUseCase activity;
    private final GetSellerUseCase getSeller;

    EventFeedController(EventFeedUseCase feed, SellerActivityUseCase activity, GetSellerUseCase getSeller) {
        this.feed = feed;
        this.activity = activity;
        this.getSeller = getSeller;
    }

    @GetMapping("/api/events")
    EventJson.Page sellerEvents(HttpServletRequest request) {
        return page(ApiKeyAuthentication.caller(request).sellerId(), request);
    }

    @GetMapping("/admin/sellers/{id}/events")
    EventJson.Page anySellerEvents(@PathVariable String id, HttpServletRequest request) {
        return page(existingSeller(id), request);
    }

    /** The same events newest first, each with who caused it and through which request: for review, not sync. */
    @GetMapping("/admin/sellers/{id}/activity")
    EventJson.ActivityPage anySellerActivity(@PathVariable String id, HttpServletRequest request) {
        UUID sellerId = existingSeller(id);
        int limit = QueryParameters.limit(request);
        Optional<UUID> cursor = QueryParameters.eventCursor(request, QueryParameters.UNKNOWN_EVENT);
        return activity.page(sellerId, cursor, limit)
                .map(EventJson.ActivityPage::of)
                .orElseThrow(() -> ApiProblem.badRequest(QueryParameters.UNKNOWN_EVENT));
    }

    private UUID existingSeller(String id) {
        return PathIds.parse(id).filter(seller -> getSeller.get(seller).isPresent())
                .orElseThrow(() -> ApiProblem.notFound("Seller not found"));
    }

    private EventJson.Page page(UUID sellerId, HttpServletRequest request) {
        int limit = QueryParameters.limit(request);
        Optional<UUID> cursor = QueryParameters.eventCursor(request, QueryParameters.UNKNOWN_EVENT);
        return feed.page(sellerId, cursor, limit)
                .map(EventJson.Page::of)
                .orElseThrow(() -> ApiProblem.badRequest(QueryParameters.UNKNOWN_EVENT));
    }
}
