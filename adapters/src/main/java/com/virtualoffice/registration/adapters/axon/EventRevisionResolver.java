package com.virtualoffice.registration.adapters.axon;

import com.virtualoffice.registration.domain.EventRevision;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;

/** Reads the domain's own {@link EventRevision}, and Axon's annotation on adapter types such as snapshots. */
final class EventRevisionResolver implements RevisionResolver {

    private final RevisionResolver axonAnnotations = new AnnotationRevisionResolver();

    @Override
    public String revisionOf(Class<?> payloadType) {
        EventRevision revision = payloadType.getAnnotation(EventRevision.class);
        return revision != null ? revision.value() : axonAnnotations.revisionOf(payloadType);
    }
}
